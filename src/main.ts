import './app.css';
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import NoWebGL from './ui/NoWebGL.svelte';
import { app } from './state/app.svelte';
import { hook, rejectReady } from './state/hook';
import { registerPageFont } from './map/fonts';
import { webglSupport } from './map/webgl';

registerPageFont();
app.initFromLocation(location.hash);
window.greenCircle = hook;

const target = document.getElementById('app')!;
// The shell mounts first: its loading state paints and its downloads (geodata, the map's code)
// begin at once. The WebGL probe follows the first frame, so the page's first GL context (the costly
// one: seconds with a software renderer) is made while those downloads run, not before they start.
const shell = mount(App, { target });
// index.html's first-paint placeholder: the app now shows its own loading state, with progress.
document.getElementById('boot')?.remove();
requestAnimationFrame(() =>
  setTimeout(() => {
    const gl = webglSupport();
    if (gl.ok) return;
    rejectReady(new Error(gl.reason));
    void unmount(shell);
    mount(NoWebGL, { target, props: { reason: gl.reason } });
  }),
);
