/**
 * Per-stage times for the `timings` a computation reports (read by `npm run bench`):
 * `lap(name)` adds the milliseconds since the previous lap (or the start) to `timings[name]`.
 */
export function stopwatch(): { timings: Record<string, number>; lap: (name: string) => void } {
  const timings: Record<string, number> = {};
  let t = performance.now();
  return {
    timings,
    lap(name) {
      const now = performance.now();
      timings[name] = (timings[name] ?? 0) + now - t;
      t = now;
    },
  };
}
