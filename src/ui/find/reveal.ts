/**
 * Scrolls the panel (or the phone's bottom sheet) so `el` shows, without moving the page itself:
 * `scrollIntoView` would also scroll the overflow-hidden page and shift the map.
 */
import { prefersReducedMotion } from '../../map/motion';

export function revealInPanel(el: Element | null | undefined, where: 'top' | 'nearest' = 'nearest'): void {
  const body = el?.closest('.panel-body');
  if (!el || !(body instanceof HTMLElement)) return;
  const b = body.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const smooth = !prefersReducedMotion();
  let delta = 0;
  if (where === 'top') delta = r.top - b.top - 8;
  else if (r.bottom > b.bottom) delta = Math.min(r.bottom - b.bottom + 8, r.top - b.top - 8);
  else if (r.top < b.top) delta = r.top - b.top - 8;
  if (Math.abs(delta) > 1)
    body.scrollTo({ top: body.scrollTop + delta, behavior: smooth ? 'smooth' : 'auto' });
}
