import { describe, expect, it } from 'vitest';
import { CoverageClient, type WorkerPort } from '../../../src/worker/client';
import { createCoverageHandler } from '../../../src/worker/handler';
import type { FromWorker, ResponseEnvelope, ToWorker } from '../../../src/worker/protocol';
import { EXTENT_SIMPLE, ll, simpleLayers } from '../../fixtures/coverage/build';

/** A messenger that records what the handler posts, and a scheduler run by hand. */
function fakeWorker() {
  const posted: ResponseEnvelope[] = [];
  const jobs: (() => void)[] = [];
  const handler = createCoverageHandler(
    { postMessage: (m) => posted.push(m as ResponseEnvelope) },
    {
      schedule: (run) => jobs.push(run),
      fetchJson: async (url) => {
        const layers = simpleLayers();
        const byName: Record<string, unknown> = {
          'r.json': layers.roads,
          'g.json': layers.green,
          'h.json': layers.residential,
        };
        if (!(url in byName)) throw new Error(`404 ${url}`);
        return byName[url];
      },
    },
  );
  const run = async () => {
    while (jobs.length) jobs.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { handler, posted, run };
}

const req = (id: string, type: string, data: unknown) => ({ kind: 'request', id, type, data }) as ToWorker;

describe('coverage worker handler (no real Worker)', () => {
  it('returns a serialized error for requests before init, then routes requests after init', async () => {
    const w = fakeWorker();
    w.handler.receive(req('1', 'compute', { scenario: '2014' }));
    await w.run();
    expect(w.posted[0]).toMatchObject({
      id: '1',
      type: 'compute',
      error: { message: expect.stringContaining('init') },
    });

    w.handler.receive(req('2', 'init', { layers: simpleLayers(), extent: EXTENT_SIMPLE }));
    w.handler.receive(
      req('3', 'pointInfo', { params: { scenario: '2014' }, lng: ll(100, 0)[0], lat: ll(100, 0)[1] }),
    );
    await w.run();
    expect(w.posted[1]).toMatchObject({ id: '2', data: { roads: 1, greens: 1, residentialBlocks: 2 } });
    expect(w.posted[2].id).toBe('3');
    expect((w.posted[2].data as { green: { id: string } }).green.id).toBe('P');
  });

  it('loads geodata by URL and reports a failed load as an error', async () => {
    const w = fakeWorker();
    w.handler.receive(
      req('1', 'init', { urls: { roads: 'r.json', green: 'g.json', residential: 'h.json' } }),
    );
    await w.run();
    expect(w.posted[0].error).toBeUndefined();
    expect(w.handler.engine).not.toBeNull();
    w.handler.receive(
      req('2', 'init', { urls: { roads: 'missing.json', green: 'g.json', residential: 'h.json' } }),
    );
    await w.run();
    expect(w.posted[1].error?.message).toContain('404 missing.json');
  });

  it('skips requests cancelled before they start and answers the rest in order', async () => {
    const w = fakeWorker();
    w.handler.receive(req('i', 'init', { layers: simpleLayers(), extent: EXTENT_SIMPLE }));
    await w.run();
    w.handler.receive(req('a', 'compute', { scenario: '2014', speed: 0.5 }));
    w.handler.receive(req('b', 'compute', { scenario: '2014', speed: 0.8 }));
    w.handler.receive(
      req('c', 'nearest', { params: { scenario: '2014' }, lng: ll(100, 0)[0], lat: ll(100, 0)[1] }),
    );
    w.handler.receive({ kind: '<cancel>', id: 'a' });
    w.handler.receive({ kind: '<cancel>', id: 'c' });
    w.handler.receive(req('d', 'compute', { scenario: '2014', speed: 1 }));
    await w.run();
    const answered = w.posted.slice(1);
    expect(answered.map((m) => m.id)).toEqual(['b', 'd']);
    expect(answered.every((m) => m.error === undefined)).toBe(true);
    expect((answered[1].data as { params: { speed: number } }).params.speed).toBe(1);
  });

  it('serializes errors from the core (bad parameters, unknown types)', async () => {
    const w = fakeWorker();
    w.handler.receive(req('i', 'init', { layers: simpleLayers(), extent: EXTENT_SIMPLE }));
    w.handler.receive(req('1', 'compute', { scenario: '2014', speed: -1 }));
    w.handler.receive(req('2', 'teleport', {}));
    await w.run();
    expect(w.posted[1].error?.message).toMatch(/Walking speed/);
    expect(w.posted[2].error?.message).toMatch(/Unknown message type "teleport"/);
  });
});

/** Client and handler joined by an asynchronous fake channel (structured clone is not needed here). */
function connected(delayMs = 0) {
  const listeners: ((e: { data: FromWorker }) => void)[] = [];
  const handler = createCoverageHandler(
    { postMessage: (m) => setTimeout(() => listeners.forEach((l) => l({ data: m as FromWorker })), 0) },
    { schedule: (run) => setTimeout(run, delayMs) },
  );
  const port: WorkerPort = {
    postMessage: (m) => handler.receive(m as ToWorker),
    addEventListener: (_t, l) => listeners.push(l),
  };
  return new CoverageClient(port, undefined, { slowMs: 5 });
}

describe('CoverageClient', () => {
  it('sends typed requests and resolves with the result', async () => {
    const client = connected();
    const init = await client.send('init', { layers: simpleLayers(), extent: EXTENT_SIMPLE });
    expect(init.greens).toBe(1);
    const r = await client.send('compute', { scenario: '2014' });
    expect(r.stats.bands[0].populationShare).toBeCloseTo(0.25, 9);
    expect(client.pendingCount).toBe(0);
  });

  it('rejects on abort and never applies the late result', async () => {
    const client = connected();
    await client.send('init', { layers: simpleLayers(), extent: EXTENT_SIMPLE });
    const ctrl = new AbortController();
    const p = client.send('compute', { scenario: '2014' }, { signal: ctrl.signal });
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    await client.whenIdle();
    expect(client.pendingCount).toBe(0);
  });

  it('latest() supersedes the previous request of the same type', async () => {
    const client = connected();
    await client.send('init', { layers: simpleLayers(), extent: EXTENT_SIMPLE });
    const first = client.latest('compute', { scenario: '2014', speed: 0.5 });
    const second = client.latest('compute', { scenario: '2014', speed: 1 });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).params.speed).toBe(1);
  });

  it('rejects with the worker error message, and flags busy while a slow request is pending', async () => {
    const client = connected(30);
    const changes: boolean[] = [];
    client.onBusyChange = (b) => changes.push(b);
    await expect(client.send('compute', { scenario: '2014' })).rejects.toThrow(/not initialised/);
    expect(changes).toEqual([true, false]);
    expect(client.busy).toBe(false);
  });
});

describe('coverage worker: graphs asset and access image', () => {
  /** A handler with a graphs asset URL; `asset` is what fetching it gives (or an error). */
  function withAsset(asset: () => Promise<ArrayBuffer>) {
    const posted: { msg: ResponseEnvelope; transfer: Transferable[] }[] = [];
    const jobs: (() => void)[] = [];
    const handler = createCoverageHandler(
      { postMessage: (m, transfer) => posted.push({ msg: m as ResponseEnvelope, transfer: transfer ?? [] }) },
      { schedule: (run) => jobs.push(run), graphsUrl: 'graphs.bin', fetchBinary: asset },
    );
    const run = async () => {
      while (jobs.length) jobs.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { handler, posted, run };
  }

  it('uses an asset built from the same layers, and builds at run time (saying why) otherwise', async () => {
    const layers = simpleLayers();
    const { buildGraphAsset } = await import('../../../scripts/geodata/build-graphs');
    const bytes = buildGraphAsset(layers);
    const buf = () => Promise.resolve(bytes.buffer.slice(0) as ArrayBuffer);
    // The asset script builds for the data's own extent: init without an extent to match it.
    const same = withAsset(buf);
    same.handler.receive(req('1', 'init', { layers }));
    await same.run();
    expect(same.posted[0].msg.data).toMatchObject({ graphs: 'asset' });

    const other = withAsset(buf);
    other.handler.receive(req('1', 'init', { layers: simpleLayers(), extent: EXTENT_SIMPLE }));
    await other.run();
    expect((other.posted[0].msg.data as { graphs: string }).graphs).toMatch(/other data/);

    const missing = withAsset(() => Promise.reject(new Error('HTTP 404')));
    missing.handler.receive(req('1', 'init', { layers }));
    missing.handler.receive(req('2', 'compute', { scenario: '2014' }));
    await missing.run();
    expect((missing.posted[0].msg.data as { graphs: string }).graphs).toMatch(/HTTP 404.*run time/);
    expect(missing.posted[1].msg.error).toBeUndefined();
  });

  it('sends the access image with its pixels transferred, not copied', async () => {
    const w = withAsset(() => Promise.reject(new Error('none')));
    w.handler.receive(req('1', 'init', { layers: simpleLayers(), extent: EXTENT_SIMPLE }));
    w.handler.receive(req('2', 'accessImage', { scenario: '2014' }));
    await w.run();
    const { msg, transfer } = w.posted[1];
    const img = msg.data as { width: number; height: number; rgba: Uint8ClampedArray };
    expect(img.rgba.length).toBe(4 * img.width * img.height);
    expect(transfer).toEqual([img.rgba.buffer]);
  });
});
