/**
 * The one reduced-motion check: camera flights, progressive line drawing and panel scrolling all
 * jump instead of moving when the reader asked the system for less motion.
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
