import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import NoWebGL from './ui/NoWebGL.svelte';
import { app } from './state/app.svelte';
import { hook } from './state/hook';
import { registerPageFont } from './map/fonts';
import { webglSupport } from './map/webgl';

registerPageFont();
app.initFromLocation(location.hash);
window.greenCircle = hook;

const target = document.getElementById('app')!;
const gl = webglSupport();
if (gl.ok) {
  mount(App, { target });
} else {
  mount(NoWebGL, { target, props: { reason: gl.reason } });
}
// index.html's first-paint placeholder: the app now shows its own loading state, with progress.
document.getElementById('boot')?.remove();
