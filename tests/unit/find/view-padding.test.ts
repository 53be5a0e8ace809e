import { describe, expect, it } from 'vitest';
import { viewPadding } from '../../../src/map/view-padding';

describe('viewPadding', () => {
  it('pads the bottom by the height of a phone bottom sheet', () => {
    const p = viewPadding({ left: 0, top: 500, right: 390, bottom: 844 }, { width: 390, height: 844 }, 20);
    expect(p.bottom).toBe(20 + 344);
    expect(p.left).toBe(20);
  });

  it('keeps a third of the height for the map under a tall sheet', () => {
    const p = viewPadding({ left: 0, top: 50, right: 360, bottom: 640 }, { width: 360, height: 640 }, 20);
    expect(640 - p.bottom - p.top).toBeGreaterThanOrEqual(640 / 3 - 1);
  });

  it('pads the left by a desktop side panel', () => {
    const p = viewPadding({ left: 12, top: 12, right: 372, bottom: 860 }, { width: 1440, height: 900 }, 40);
    expect(p.left).toBe(40 + 372);
    expect(p.bottom).toBe(40);
  });

  it('pads only the margin without a panel', () => {
    expect(viewPadding(null, { width: 800, height: 600 }, 10)).toEqual({
      top: 10,
      right: 10,
      bottom: 10,
      left: 10,
    });
  });
});
