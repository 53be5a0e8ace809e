/**
 * Whether this browser can draw the map at all (MapLibre needs WebGL 2). The probe's context is
 * released at once; the first context a page creates is the costly one (the GPU process sets up,
 * seconds with a software renderer), and MapLibre's own context then comes quickly.
 */
export function webglSupport(): { ok: true } | { ok: false; reason: string } {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return { ok: false, reason: 'WebGL 2 context could not be created' };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
