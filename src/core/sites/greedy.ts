/**
 * Greedy maximum coverage with lazy evaluation (CELF, Leskovec et al. 2007). Coverage is submodular —
 * a park's gain can only shrink as other parks are added — so a gain measured in an earlier round is
 * an upper bound now. Candidates wait in a max-priority queue (flatqueue, keyed by −bound); the top is
 * re-measured, and chosen once its gain is fresh for this round. Initial bounds come from
 * upper-bound.ts, so most candidates are never measured at all. The greedy answer is within
 * 1 − 1/e of the best possible (Nemhauser et al. 1978); tests compare it with exhaustive search.
 *
 * A generator: it yields progress every PROGRESS_EVERY measurements so a worker can report and
 * stop between steps; `runToEnd` drives it in one go.
 */
import FlatQueue from 'flatqueue';
import { PROGRESS_EVERY } from './constants';
import type { CoverageGain, SitePark } from './coverage-gain';

export interface GreedyPick {
  /** Index in the candidate list. */
  candidate: number;
  gain: number;
}

export interface GreedyStep {
  chosen: number;
  evaluations: number;
}

export interface GreedyInput {
  count: number;
  gains: CoverageGain;
  /** The park of candidate i (prepared on first use and cached by the caller). */
  park: (i: number) => SitePark;
  /** An upper bound on candidate i's gain before any site is added. */
  bound: (i: number) => number;
  /** Candidates that may not be chosen once candidate `chosen` is (parks must not overlap). */
  conflicts: (chosen: number) => Iterable<number>;
  k: number;
}

export function* greedySites(input: GreedyInput): Generator<GreedyStep, GreedyPick[]> {
  const { count, gains, park, bound, conflicts, k } = input;
  const q = new FlatQueue<number>();
  // freshIn[i]: the round in which candidate i's key is its exact gain; -1 while it is a bound.
  const freshIn = new Int32Array(count).fill(-1);
  const excluded = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const b = bound(i);
    if (b > 0) q.push(i, -b);
  }
  const picks: GreedyPick[] = [];
  let sinceYield = 0;
  for (let round = 0; round < k; round++) {
    let chosen = -1;
    while (q.length > 0) {
      const i = q.pop() as number;
      if (excluded[i]) continue;
      if (freshIn[i] === round) {
        chosen = i;
        break;
      }
      const g = gains.gain(park(i));
      freshIn[i] = round;
      if (g > 0) q.push(i, -g);
      if (++sinceYield >= PROGRESS_EVERY) {
        sinceYield = 0;
        yield { chosen: round, evaluations: gains.evaluations };
      }
    }
    if (chosen < 0) break; // no candidate brings anyone more within the band
    const gain = gains.add(park(chosen));
    picks.push({ candidate: chosen, gain });
    excluded[chosen] = 1;
    for (const j of conflicts(chosen)) excluded[j] = 1;
    yield { chosen: round + 1, evaluations: gains.evaluations };
  }
  return picks;
}

/** Drives a generator to its return value (for tests, the bench and synchronous callers). */
export function runToEnd<R>(gen: Generator<unknown, R>): R {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
