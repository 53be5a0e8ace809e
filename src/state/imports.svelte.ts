/**
 * Imported layers in the app: the form's choices, the running import, its outcome, the list of
 * imported files, and their effect on `app.data` (a new FeatureCollection for the changed layer;
 * a failed or cancelled import leaves `app.data` untouched). Also restores saved imports and the
 * coverage feature's what-if parks at start, keeps those parks saved as they change, and reports
 * stored data that had to be set aside.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { WhatIf } from '../core/coverage/whatif';
import { SITES_URL_KEY } from '../core/sites/sites-url';
// The modules themselves, not the barrel: its parser (zod) belongs to the import worker only.
import { importMessage, type ImportCode } from '../core/import/messages';
import { MAX_FILE_BYTES } from '../core/import/limits';
import type { ImportIssue, ImportStats } from '../core/import';
import { startImport, type ImportJob } from '../worker/import-client';
import type { WorkerStage } from '../worker/import-protocol';
import { app } from './app.svelte';
import { composeLayer, markGrowth } from './compose-layers';
import { coverage } from './coverage.svelte';
import type { GeoData } from './geodata';
import { markPending } from './hook';
import {
  db,
  deleteImport,
  listQuarantine,
  loadImports,
  loadWhatIfs,
  onSetAside,
  readRawDatabase,
  storageState,
  clearQuarantine,
  saveImport,
  saveWhatIfs,
} from './persistence';
import {
  SCHEMA_VERSION,
  type ImportCrs,
  type ImportLayerId,
  type ImportMode,
  type QuarantineEntry,
  type StoredImport,
} from './stored-records';

export const IMPORT_LAYERS: readonly ImportLayerId[] = ['roads', 'greenery', 'residential'];
export const IMPORT_CRSES: readonly ImportCrs[] = ['WGS84', 'GCJ02', 'BD09'];

export type ImportedLayer = Omit<StoredImport, 'schema'> & { saved: boolean };

export interface ImportReport {
  name: string;
  layer: ImportLayerId;
  /** Positions kept for display, when the import succeeded. */
  keptVertices?: number;
  ok: boolean;
  /** Set when the import failed: each issue says what is wrong and how to fix it. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  stats?: ImportStats;
  simplifiedMetres?: number;
  saved?: boolean;
  cancelled?: boolean;
}

const PENDING = 'imports';
/** Names from files are shown in lists: keep them to a sensible length. */
const MAX_FILE_NAME = 120;

/** The outcome of an import that failed for one reason (too large, cancelled, crashed). */
function failure(
  name: string,
  layer: ImportLayerId,
  code: ImportCode,
  params: Record<string, string | number> = {},
): ImportReport {
  return {
    name,
    layer,
    ok: false,
    cancelled: code === 'cancelled',
    errors: [{ code, params, message: importMessage(code, params) }],
    warnings: [],
  };
}

function newId(): string {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
}

class ImportsState {
  /** Imported files, oldest first (the order they combine in). */
  layers = $state.raw<ImportedLayer[]>([]);
  target = $state<ImportLayerId>('greenery');
  mode = $state<ImportMode>('add');
  crs = $state<ImportCrs>('WGS84');
  /** The running import, if any. */
  job = $state.raw<{ name: string; stage: WorkerStage; fraction: number } | null>(null);
  /** The last import's outcome, shown until the next one. */
  report = $state.raw<ImportReport | null>(null);
  /** Stored data that failed its check, downloadable. */
  setAside = $state.raw<QuarantineEntry[]>([]);
  /** A database written by a newer version of the app, read as-is for download. */
  newerDatabase = $state.raw<unknown>(null);
  /** Whether storage works in this browser (false: private mode, blocked, newer schema). */
  storageOk = $state(true);

  /** The bundled layers as loaded, before any import touched them. */
  private bundled: Partial<Record<ImportLayerId, FeatureCollection>> = {};
  private running: ImportJob | null = null;

  private applyLayer(layer: ImportLayerId) {
    const data = app.data;
    if (!data) return;
    this.bundled[layer] ??= data[layer];
    const next = composeLayer(this.bundled[layer]!, this.layers, layer);
    app.data = { ...data, [layer]: next } as GeoData;
  }

  /** Reads `file` in the worker and, if it is valid, adds it to the chosen layer. */
  async importFile(file: File): Promise<void> {
    if (this.running) return;
    const name = (file.name || 'import.geojson').slice(0, MAX_FILE_NAME);
    app.tab = 'data';
    if (file.size > MAX_FILE_BYTES) {
      const sizeMB = Math.round(file.size / 1048576);
      this.report = failure(name, this.target, 'file-too-large', {
        sizeMB,
        limitMB: MAX_FILE_BYTES / 1048576,
      });
      return;
    }
    const meta = {
      id: newId(),
      name,
      layer: this.target,
      mode: this.mode,
      crs: this.crs,
      importedAt: new Date().toISOString(),
    };
    this.report = null;
    this.job = { name, stage: 'reading-file', fraction: 0 };
    markPending(PENDING, true);
    const persist = this.storageOk && !!(await db());
    const job = startImport(file, meta, (stage, fraction) => {
      if (this.running === job) this.job = { name, stage, fraction };
    });
    this.running = job;
    try {
      const r = await job.result;
      if (r.ok) {
        const record = {
          ...meta,
          schema: SCHEMA_VERSION,
          vertices: r.stats.vertices,
          keptVertices: r.keptVertices,
          features: r.features,
        };
        // The worker returns the records; storing them for the next visit is ours.
        let saved = false;
        if (persist) {
          this.job = { name, stage: 'saving', fraction: 0.95 };
          saved = await saveImport(record);
        }
        const { schema: _schema, ...kept } = record;
        const layer: ImportedLayer = { ...kept, saved };
        const before = app.data?.[meta.layer];
        this.layers = [...this.layers, layer];
        this.applyLayer(meta.layer);
        // An added file is the last in order, so the layer is the one before plus its features.
        const after = app.data?.[meta.layer];
        if (meta.mode === 'add' && before && after) markGrowth(after, before, r.features);
        performance.mark('import:applied');
        this.show(meta.layer, r.stats.bbox);
        this.report = {
          name,
          layer: meta.layer,
          keptVertices: r.keptVertices,
          ok: true,
          errors: [],
          warnings: r.warnings,
          stats: r.stats,
          simplifiedMetres: r.simplifiedMetres,
          saved,
        };
      } else if ('cancelled' in r) {
        this.report = failure(name, meta.layer, 'cancelled');
      } else if ('failed' in r) {
        this.report = failure(name, meta.layer, 'unexpected', { detail: r.failed });
      } else {
        this.report = { name, layer: meta.layer, ok: false, errors: r.errors, warnings: r.warnings };
      }
    } finally {
      this.running = null;
      this.job = null;
      markPending(PENDING, false);
    }
  }

  cancel(): void {
    this.running?.cancel();
  }

  /** Makes an imported layer visible and brings it into view. */
  private show(layer: ImportLayerId, bbox: [number, number, number, number]) {
    if (app.groups.some((g) => g.id === layer)) app.setVisible(layer, true);
    const m = app.map;
    if (m && bbox.every(Number.isFinite)) {
      m.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        { padding: 60, maxZoom: 16, duration: 0 },
      );
    }
  }

  async remove(id: string): Promise<void> {
    const gone = this.layers.find((l) => l.id === id);
    if (!gone) return;
    this.layers = this.layers.filter((l) => l.id !== id);
    this.applyLayer(gone.layer);
    await deleteImport(id);
  }

  /** Features of one layer as currently shown (bundled and imported combined). */
  layerFeatures(layer: ImportLayerId): Feature[] {
    return app.data?.[layer].features ?? [];
  }

  /** Once, at start: saved imports back onto the map; broken stored data set aside with a notice. */
  async restore(): Promise<void> {
    try {
      await this.restoreWhatIfs();
      const saved = await loadImports();
      if (saved.length && app.data) {
        this.layers = saved.map((s) => ({ ...s, saved: true }));
        for (const layer of new Set(saved.map((s) => s.layer))) {
          const before = app.data[layer];
          this.applyLayer(layer);
          const mine = this.layers.filter((l) => l.layer === layer);
          if (mine.every((l) => l.mode === 'add'))
            markGrowth(
              app.data[layer],
              before,
              mine.flatMap((l) => l.features),
            );
        }
      }
      this.storageOk = storageState === 'ok';
      if (storageState === 'newer') {
        this.newerDatabase = await readRawDatabase();
        app.notice = { kind: 'error', text: app.t('data.storage.newer') };
      }
      await this.refreshSetAside();
      // Entries set aside during this start (by any loader, including an old-schema upgrade).
      const recent = this.setAside.filter((e) => Date.parse(e.at) >= SESSION_START).length;
      if (recent) this.announceSetAside(recent);
    } finally {
      markPending('imports-restore', false);
    }
  }

  /** The what-if list as it stood after start: not saved again until the planner changes it. */
  private whatIfsAtStart: readonly WhatIf[] | null = null;

  /**
   * Saved what-if parks back, unless the URL brought its own: the URL wins over storage, and a
   * colleague's link doesn't overwrite the planner's saved parks unless they then edit them.
   * A link to a site search names the coverage its sites were found from (what-ifs included, in
   * `wi`), so saved parks are not added to it: the link reopens the same sites. They stay saved,
   * and a notice says so.
   */
  private async restoreWhatIfs(): Promise<void> {
    const stored = await loadWhatIfs();
    if (stored.length && coverage.whatIfs.length === 0) {
      if (app.extra[SITES_URL_KEY] === undefined) coverage.whatIfs = stored as unknown as WhatIf[];
      else app.notice = { kind: 'info', text: app.t('data.storage.whatIfsKept', { n: stored.length }) };
    }
    this.whatIfsAtStart = coverage.whatIfs;
  }

  /** Keeps the what-if parks across reloads; called whenever the list changes. */
  keepWhatIfs(list: readonly WhatIf[]): void {
    if (this.whatIfsAtStart === null || list === this.whatIfsAtStart || !this.storageOk) return;
    this.whatIfsAtStart = list;
    void saveWhatIfs($state.snapshot(list) as unknown as Record<string, unknown>[]);
  }

  announceSetAside(count: number): void {
    app.notice = { kind: 'error', text: app.t('data.storage.setAside', { count }) };
  }

  async refreshSetAside(): Promise<void> {
    this.setAside = await listQuarantine();
  }

  async clearSetAside(): Promise<void> {
    await clearQuarantine();
    this.setAside = [];
  }
}

const SESSION_START = Date.now() - 1000;

// Saved imports must be back on the map before the app counts as settled.
markPending('imports-restore', true);

export const imports = new ImportsState();

// Stored data found broken later (e.g. what-if parks loaded by the coverage feature) is announced too.
onSetAside(() => {
  void imports.refreshSetAside().then(() => {
    const recent = imports.setAside.filter((e) => Date.parse(e.at) >= SESSION_START).length;
    imports.announceSetAside(Math.max(1, recent));
  });
});
