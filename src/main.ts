import './app.css';
import { mount, unmount } from 'svelte';
import App from './App.svelte';
import NoWebGL from './ui/NoWebGL.svelte';
import { app } from './state/app.svelte';
import { hook, rejectReady } from './state/hook';
import { registerPageFont } from './map/fonts';
import { onNoWebGL, reportNoWebGL, webgl2Api } from './map/webgl';

registerPageFont();
app.initFromLocation(location.hash);
window.greenCircle = hook;

const target = document.getElementById('app')!;
// The shell mounts first: its loading state paints and its downloads (geodata, the map's code)
// begin at once.
const shell = mount(App, { target });
// index.html's first-paint placeholder: the app now shows its own loading state, with progress.
document.getElementById('boot')?.remove();
// Without WebGL 2 the app is replaced by a page that explains it: at once when the browser lacks
// the API, else when the map cannot make its context (./map/webgl.ts). Called from the map's
// effect, so the shell goes after it has run.
onNoWebGL((reason) =>
  queueMicrotask(() => {
    rejectReady(new Error(reason));
    void unmount(shell);
    mount(NoWebGL, { target, props: { reason } });
  }),
);
const gl = webgl2Api();
if (!gl.ok) reportNoWebGL(gl.reason);
