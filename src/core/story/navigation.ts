/**
 * Presentation controls as pure functions: which key does what, and where a move lands. Clickers
 * send PageUp/PageDown; keyboards use arrows, Space, Home/End and digits.
 */

export type PresentAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  /** Chapter number counted from 1. */
  | { type: 'goto'; chapter: number }
  | { type: 'fullscreen' }
  | { type: 'exit' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * The action for a key, or null for keys the presentation leaves alone (browser shortcuts with
 * Ctrl/Alt/Meta keep working).
 *
 * @example
 * presentKeyAction({ key: 'PageDown' }) // → { type: 'next' }
 */
export function presentKeyAction(e: KeyInput): PresentAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'Escape':
    case 'Esc':
      return { type: 'exit' };
  }
  if (/^[1-9]$/.test(e.key)) return { type: 'goto', chapter: Number(e.key) };
  return null;
}

/**
 * The chapter (from 1) a move lands on in a story of `count` chapters. Manual moves stop at the
 * ends; `loop` (autoplay) wraps from the last chapter to the first. Out-of-range jumps clamp.
 */
export function targetChapter(current: number, count: number, action: PresentAction, loop = false): number {
  const clamp = (n: number) => Math.min(Math.max(1, Math.round(n)), count);
  switch (action.type) {
    case 'next':
      return current >= count ? (loop ? 1 : count) : clamp(current + 1);
    case 'prev':
      return current <= 1 ? (loop ? count : 1) : clamp(current - 1);
    case 'first':
      return 1;
    case 'last':
      return count;
    case 'goto':
      return clamp(action.chapter);
    default:
      return clamp(current);
  }
}

/** Autoplay interval in seconds from the hash's `autoplay` value; null when off or invalid. */
export function parseAutoplay(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (value === '') return 10;
  const s = Number(value);
  return Number.isFinite(s) && s >= 1 && s <= 3600 ? s : null;
}
