import { afterAll, beforeAll, describe } from 'vitest';
import { searchLayout } from '../../../src/core/coverage/dijkstra';

/**
 * Runs `body` once per layout the search runs on (dijkstra.ts `searchLayout`): the CSR arrays and
 * the node lines, forced on every graph size, so the same tests cover both.
 */
export function onBothLayouts(title: (layout: string) => string, body: () => void): void {
  for (const [layout, linesFrom] of [
    ['CSR arrays', Infinity],
    ['node lines', 0],
  ] as const)
    describe(title(layout), () => {
      const usual = searchLayout.linesFrom;
      beforeAll(() => void (searchLayout.linesFrom = linesFrom));
      afterAll(() => void (searchLayout.linesFrom = usual));
      body();
    });
}
