import { describe, expect, it } from 'vitest';
import { CoverageEngine } from '../../../src/core/coverage/pipeline';
import { findSites, siteCandidates } from '../../../src/core/sites/search';
import type { SitesProgress } from '../../../src/core/sites/types';
import { CoverageClient, type WorkerPort } from '../../../src/worker/client';
import { createCoverageHandler } from '../../../src/worker/handler';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';
import { CancelledError } from '../../../src/worker/protocol';
import { EXTENT_CLUSTERS, clusterLayers } from '../../fixtures/sites/build';

const SITES = { coverage: { scenario: '2014' as const, bands: [5] }, areaM2: 10000, k: 3 };
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** The handler behind a recording messenger; it lets messages in after every step of a search. */
function worker() {
  const posted: FromWorker[] = [];
  let onPost: ((m: FromWorker) => void) | null = null;
  const handler = createCoverageHandler(
    {
      postMessage: (m) => {
        posted.push(m as FromWorker);
        onPost?.(m as FromWorker);
      },
    },
    { breathe: tick, breatheMs: 0 },
  );
  const send = (m: ToWorker) => handler.receive(m);
  return { handler, posted, send, watch: (f: (m: FromWorker) => void) => (onPost = f) };
}

async function until(cond: () => boolean, what: string) {
  for (let i = 0; i < 2000 && !cond(); i++) await tick();
  if (!cond()) throw new Error(`Timed out waiting for ${what}.`);
}

describe('the sites message', () => {
  it('reports progress while it searches, then the same sites as the core', async () => {
    const w = worker();
    w.send({
      kind: 'request',
      id: 'i',
      type: 'init',
      data: { layers: clusterLayers(), extent: EXTENT_CLUSTERS },
    });
    w.send({ kind: 'request', id: 's', type: 'sites', data: SITES });
    await until(() => w.posted.some((m) => m.kind === 'response' && m.id === 's'), 'the sites response');
    const progress = w.posted.filter((m) => m.kind === 'progress' && m.id === 's');
    expect(progress.length).toBeGreaterThan(0);
    const chosen = progress.map((m) => (m.data as SitesProgress).chosen);
    expect(chosen).toEqual([...chosen].sort((a, b) => a - b));
    const response = w.posted.find((m) => m.kind === 'response' && m.id === 's')!;
    expect(w.posted.indexOf(response)).toBe(w.posted.length - 1); // no progress after the answer
    const expected = findSites(new CoverageEngine(clusterLayers(), EXTENT_CLUSTERS), SITES);
    expect(response.kind === 'response' && response.data).toMatchObject({
      rankings: [{ sites: expected.rankings[0].sites }],
    });
  });

  it('sends the candidate grid as flat arrays', async () => {
    const w = worker();
    w.send({
      kind: 'request',
      id: 'i',
      type: 'init',
      data: { layers: clusterLayers(), extent: EXTENT_CLUSTERS },
    });
    w.send({ kind: 'request', id: 'c', type: 'siteCandidates', data: SITES });
    await until(() => w.posted.some((m) => m.id === 'c'), 'the candidates');
    const res = w.posted.find((m) => m.id === 'c')!;
    const grid = (res.kind === 'response' && res.data) as {
      lng: Float64Array;
      lat: Float64Array;
      available: Uint8Array;
    };
    const expected = siteCandidates(new CoverageEngine(clusterLayers(), EXTENT_CLUSTERS), SITES);
    expect(grid.lng).toHaveLength(expected.length);
    expect(Array.from(grid.lat)).toEqual(expected.map((c) => c.lat));
    expect(Array.from(grid.available)).toEqual(expected.map(() => 0));
  });

  it('stops a running search when it is cancelled, and answers the next request', async () => {
    const w = worker();
    w.send({
      kind: 'request',
      id: 'i',
      type: 'init',
      data: { layers: clusterLayers(), extent: EXTENT_CLUSTERS },
    });
    let cancelledAt = -1;
    w.watch((m) => {
      if (m.kind === 'progress' && m.id === 'a' && cancelledAt < 0) {
        cancelledAt = w.posted.length;
        w.send({ kind: '<cancel>', id: 'a' });
      }
    });
    w.send({
      kind: 'request',
      id: 'a',
      type: 'sites',
      data: { ...SITES, k: 10, groups: ['all', 'elderly'] },
    });
    w.send({
      kind: 'request',
      id: 'b',
      type: 'pointInfo',
      data: { params: SITES.coverage, lng: 113.56, lat: 34.803 },
    });
    await until(() => w.posted.some((m) => m.id === 'b'), 'the next request');
    expect(cancelledAt).toBeGreaterThan(0);
    // Nothing more of 'a' after the cancel: no progress, no response.
    expect(w.posted.slice(cancelledAt).filter((m) => m.id === 'a')).toEqual([]);
    expect(w.posted.find((m) => m.id === 'b')).toMatchObject({ kind: 'response', type: 'pointInfo' });
  });

  it('through the client: a newer request cancels the older, progress reaches the caller', async () => {
    const handlerSide: { receive?: (m: ToWorker) => void } = {};
    const listeners: ((e: { data: FromWorker }) => void)[] = [];
    const port: WorkerPort = {
      postMessage: (m) => setTimeout(() => handlerSide.receive?.(m as ToWorker), 0),
      addEventListener: (_t, l) => listeners.push(l),
    };
    const handler = createCoverageHandler(
      { postMessage: (m) => setTimeout(() => listeners.forEach((l) => l({ data: m as FromWorker })), 0) },
      { breathe: tick, breatheMs: 0 },
    );
    handlerSide.receive = (m) => handler.receive(m);
    const client = new CoverageClient(port);
    await client.send('init', { layers: clusterLayers(), extent: EXTENT_CLUSTERS });
    const seen: SitesProgress[] = [];
    const first = client.latest('sites', { ...SITES, k: 10 }, { onProgress: (p) => seen.push(p) });
    const second = client.latest('sites', SITES, { onProgress: (p) => seen.push(p) });
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const result = await second;
    expect(result.rankings[0].sites).toHaveLength(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.k === 3)).toBe(true);
    await client.whenIdle();
  });
});
