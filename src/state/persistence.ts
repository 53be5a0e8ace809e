/**
 * What survives a reload, in IndexedDB (through `idb`): imported layers and what-if parks.
 * (Language and visible layers are small settings kept in localStorage by ./settings.ts, read
 * synchronously at start so the first paint is already right.)
 *
 * Nothing stored is trusted: every record is checked on load (./stored-records.ts). A record that
 * fails, or a whole database from an older schema, is moved to the `quarantine` store, from which
 * the user can download it, and the app starts without it. A database from a newer version of the
 * app cannot be opened (the browser refuses a lower version), so the app runs without storage.
 *
 * Usable from the main thread and from workers (no DOM, no Svelte): the import worker saves a
 * large layer itself, so its structured clone never blocks the interface.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  SCHEMA_VERSION,
  storedImportProblem,
  storedWhatIfsProblem,
  type QuarantineEntry,
  type StoredImport,
  type StoredWhatIf,
} from './stored-records';

export const DB_NAME = 'green-circle';

interface GreenCircleDB extends DBSchema {
  imports: { key: string; value: StoredImport };
  /** One record under the key "current": `{ schema, list }`. */
  whatifs: { key: string; value: { schema: number; list: StoredWhatIf[] } };
  quarantine: { key: number; value: QuarantineEntry };
}

export type StorageState = 'ok' | 'unavailable' | 'newer';

/** Why the last attempt to open storage failed, if it did. */
export let storageState: StorageState = 'ok';

type SetAsideListener = (entry: QuarantineEntry) => void;
const listeners = new Set<SetAsideListener>();

/** Called whenever something stored is found broken or outdated and set aside. */
export function onSetAside(fn: SetAsideListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

let dbPromise: Promise<IDBPDatabase<GreenCircleDB> | null> | null = null;
/** Entries set aside during an upgrade, announced once the database is open. */
const upgradedAside: QuarantineEntry[] = [];

function now(): string {
  return new Date().toISOString();
}

/** The database, or null when storage is unavailable (private mode, blocked, newer schema). */
export function db(): Promise<IDBPDatabase<GreenCircleDB> | null> {
  if (dbPromise) return dbPromise;
  if (typeof indexedDB === 'undefined') {
    storageState = 'unavailable';
    return (dbPromise = Promise.resolve(null));
  }
  dbPromise = openDB<GreenCircleDB>(DB_NAME, SCHEMA_VERSION, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      // An older schema's records can't be read safely: keep every one of them aside, then build
      // the current stores from scratch. Only IndexedDB requests are awaited here, so the upgrade
      // transaction stays alive throughout. Old store names are read untyped: they are the old schema's.
      const untyped = database as unknown as IDBPDatabase;
      const utx = tx as unknown as { objectStore(name: string): { getAll(): Promise<unknown[]> } };
      if (!untyped.objectStoreNames.contains('quarantine')) {
        database.createObjectStore('quarantine', { keyPath: 'key', autoIncrement: true });
      }
      for (const name of [...untyped.objectStoreNames].filter((n) => n !== 'quarantine')) {
        const values = await utx.objectStore(name).getAll();
        for (const value of values) {
          const entry: QuarantineEntry = {
            origin: `${name} (schema ${oldVersion})`,
            reason: `stored by an older version of the app (schema ${oldVersion}, now ${SCHEMA_VERSION})`,
            at: now(),
            value,
          };
          upgradedAside.push(entry);
          await tx.objectStore('quarantine').add(entry);
        }
        untyped.deleteObjectStore(name);
      }
      database.createObjectStore('imports', { keyPath: 'id' });
      database.createObjectStore('whatifs');
    },
  }).then(
    (d) => {
      d.addEventListener('versionchange', () => d.close());
      for (const e of upgradedAside.splice(0)) for (const l of listeners) l(e);
      return d;
    },
    (e: unknown) => {
      storageState = (e as { name?: string })?.name === 'VersionError' ? 'newer' : 'unavailable';
      return null;
    },
  );
  return dbPromise;
}

async function setAside(origin: string, reason: string, value: unknown): Promise<void> {
  const d = await db();
  const entry: QuarantineEntry = { origin, reason, at: now(), value };
  if (d) {
    try {
      await d.add('quarantine', entry);
    } catch {
      // A value the store can't clone (it was readable, so this is rare): announce it anyway.
    }
  }
  for (const l of listeners) l(entry);
}

/** Every stored import that passes its check, oldest first. Broken ones are set aside. */
export async function loadImports(): Promise<StoredImport[]> {
  const d = await db();
  if (!d) return [];
  let keys: string[];
  try {
    keys = await d.getAllKeys('imports');
  } catch {
    return [];
  }
  const good: StoredImport[] = [];
  for (const key of keys) {
    let value: unknown;
    try {
      value = await d.get('imports', key);
    } catch (e) {
      await setAside('imports', `unreadable: ${String((e as Error)?.message ?? e)}`, { key });
      continue;
    }
    const problem = storedImportProblem(value);
    if (problem) {
      await setAside('imports', problem, value);
      await d.delete('imports', key);
    } else {
      good.push(value as StoredImport);
    }
  }
  return good.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function saveImport(record: StoredImport): Promise<boolean> {
  const d = await db();
  if (!d) return false;
  try {
    await d.put('imports', record);
    return true;
  } catch {
    return false;
  }
}

export async function deleteImport(id: string): Promise<void> {
  const d = await db();
  await d?.delete('imports', id).catch(() => undefined);
}

/** Keeps the coverage feature's what-if parks (any JSON-like objects) across reloads. */
export async function saveWhatIfs(list: StoredWhatIf[]): Promise<boolean> {
  const d = await db();
  if (!d) return false;
  try {
    await d.put('whatifs', { schema: SCHEMA_VERSION, list }, 'current');
    return true;
  } catch {
    return false;
  }
}

/** The saved what-if parks, or [] (nothing saved, storage unavailable, or set aside as broken). */
export async function loadWhatIfs(): Promise<StoredWhatIf[]> {
  const d = await db();
  if (!d) return [];
  let value: unknown;
  try {
    value = await d.get('whatifs', 'current');
  } catch {
    return [];
  }
  if (value === undefined) return [];
  const problem = storedWhatIfsProblem(value);
  if (problem) {
    await setAside('whatifs', problem, value);
    await d.delete('whatifs', 'current');
    return [];
  }
  return (value as { list: StoredWhatIf[] }).list;
}

export async function listQuarantine(): Promise<QuarantineEntry[]> {
  const d = await db();
  if (!d) return [];
  try {
    return await d.getAll('quarantine');
  } catch {
    return [];
  }
}

export async function clearQuarantine(): Promise<void> {
  const d = await db();
  await d?.clear('quarantine').catch(() => undefined);
}

/**
 * Everything in the database as found, whatever its version (opened without asking for one).
 * Used when the stored data comes from a newer version of the app and can't be opened normally:
 * the user can still download it.
 */
export async function readRawDatabase(): Promise<{
  version: number;
  stores: Record<string, unknown[]>;
} | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const raw = await openDB(DB_NAME);
    const stores: Record<string, unknown[]> = {};
    for (const name of [...raw.objectStoreNames]) stores[name] = await raw.getAll(name);
    const version = raw.version;
    raw.close();
    return { version, stores };
  } catch {
    return null;
  }
}
