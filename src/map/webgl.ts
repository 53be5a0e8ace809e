/** Whether this browser can draw the map at all (MapLibre needs WebGL 2). */
export function webglSupport(): { ok: true } | { ok: false; reason: string } {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (gl) return { ok: true };
    return { ok: false, reason: 'WebGL 2 context could not be created' };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
