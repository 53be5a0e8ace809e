/**
 * Whether this browser can draw the map (MapLibre needs WebGL 2), found without a context of our
 * own. A page's first GL context is the costly one (the GPU process sets up: 0.1–1.5 s with a
 * software renderer, the main thread waiting), and a probe's context at start did not make the
 * map's cheaper by as much: together they cost about twice what the map's alone does
 * (bench/README.md). So the start only checks that the API exists, and a browser that has it and
 * still makes no context (a blocklisted GPU) is known when MapLibre makes the map's context.
 */
export function webgl2Api(): { ok: true } | { ok: false; reason: string } {
  return typeof WebGL2RenderingContext === 'undefined'
    ? { ok: false, reason: 'WebGL 2 is not available in this browser' }
    : { ok: true };
}

type Listener = (reason: string) => void;
let listener: Listener | null = null;

/** Who shows the page that explains it (main.ts, which owns the shell). */
export function onNoWebGL(l: Listener): void {
  listener = l;
}

/** The map cannot be drawn: says so once, with the reason the browser gave. */
export function reportNoWebGL(reason: string): void {
  const l = listener;
  listener = null;
  l?.(reason);
}
