/**
 * The one IndexedDB database of the app, typed once (idb's DBSchema) and grown by a migrations
 * ladder. Nothing else opens IndexedDB.
 *
 * Stores (version 1, the app's first release of the schema):
 *   badges      key `id` (SHA-256 of the original bytes): BadgeRecord — original bytes (Uint8Array),
 *               extracted payload, normalised badge, identity key, latest report.
 *               index `by-identityKey` (records whose key is null are not indexed)
 *   reports     auto-increment key: StoredReport, the dated history of every badge (latest included).
 *               index `by-badge` on [badgeId, checkedAt]: one badge's history in date order
 *   identities  key `value`: EarnerIdentity
 *   settings    one record under the key 'settings': Settings
 *
 * Version 2 (sharing):
 *   collections key `id` (random): Collection — title, ordered badge ids, position, share choices.
 *               No index: an earner has tens of collections, read whole and sorted by position.
 *
 * A version 1 database (tests/storage/fixtures/besace-db-v1.json) climbs to 2 with everything intact.
 *
 * Traps (see idb's README): a transaction commits as soon as it has no request pending at the end
 * of a task, so nothing but IndexedDB requests is awaited inside one — hashing, parsing, verifying
 * and ZIP work all happen before a write transaction opens. Bytes are stored as Uint8Array (a Blob
 * does not survive every structured clone; a Uint8Array does, in browsers and fake-indexeddb).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { BackpackError, type BadgeId, type BadgeRecord, type Collection, type CollectionId, type EarnerIdentity, type Settings, type StoredReport } from '../app/types';

export const DB_NAME = 'besace';
/** The schema version this code opens. Raise it only together with a new step of `upgrade`. */
export const DB_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  lang: null,
  displayName: null,
  reverifyAfterMs: 86_400_000,
  linkedInOrganizations: {},
};

export interface BesaceSchema extends DBSchema {
  badges: {
    key: BadgeId;
    value: BadgeRecord;
    indexes: { 'by-identityKey': string };
  };
  reports: {
    key: number;
    value: StoredReport;
    indexes: { 'by-badge': [BadgeId, string] };
  };
  identities: {
    key: string;
    value: EarnerIdentity;
  };
  settings: {
    key: typeof SETTINGS_KEY;
    value: Settings;
  };
  collections: {
    key: CollectionId;
    value: Collection;
  };
}

export type BesaceDb = IDBPDatabase<BesaceSchema>;
export type StoreName = StoreNames<BesaceSchema>;
export type WriteTx<S extends StoreName[]> = IDBPTransaction<BesaceSchema, S, 'readwrite'>;

/**
 * The migrations ladder. Each step takes a database at version N-1 to version N; a fresh database
 * climbs every step. Steps are frozen once released; a new one is one more `if (oldVersion < N && to >= N)`
 * below (data moves through `_tx`, never through another transaction). Climbing stops at `newVersion`, so a test can build a database exactly as an
 * earlier release left it (tests/storage/fixtures/).
 */
export function upgrade(
  db: IDBPDatabase<BesaceSchema>,
  oldVersion: number,
  newVersion: number | null,
  _tx: IDBPTransaction<BesaceSchema, StoreName[], 'versionchange'>,
): void {
  const to = newVersion ?? DB_VERSION;
  if (oldVersion < 1 && to >= 1) {
    const badges = db.createObjectStore('badges', { keyPath: 'id' });
    badges.createIndex('by-identityKey', 'identityKey', { unique: false });
    const reports = db.createObjectStore('reports', { autoIncrement: true });
    reports.createIndex('by-badge', ['badgeId', 'checkedAt'], { unique: false });
    db.createObjectStore('identities', { keyPath: 'value' });
    db.createObjectStore('settings');
  }
  if (oldVersion < 2 && to >= 2) {
    db.createObjectStore('collections', { keyPath: 'id' });
  }
}

export interface OpenOptions {
  /** The IndexedDB to use (default: the global one). Tests pass a fresh fake-indexeddb IDBFactory. */
  readonly indexedDB?: IDBFactory;
  /**
   * Another tab wants to upgrade the database: this connection has just been closed so that it can.
   * The app should ask for a reload (this tab's code is now older than the database).
   */
  readonly onBlocking?: () => void;
  /** This open is blocked by another tab that keeps an older version open: the open fails with DB_BLOCKED. */
  readonly onBlocked?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  readonly onTerminated?: () => void;
}

/** Connections closed by us (blocking) or by the browser (terminated): not to be used again. */
const closed = new WeakSet<object>();

/** Whether a connection opened by openBesaceDb is still usable. */
export function isOpen(db: BesaceDb): boolean {
  return !closed.has(db);
}

/**
 * Open (creating or upgrading) the database. Fails with BackpackError: DB_UNAVAILABLE (no
 * IndexedDB, private mode, disabled storage), DB_BLOCKED (another tab holds an older version open,
 * or the database is newer than this code: reload), QUOTA_EXCEEDED (no room to create it).
 */
export function openBesaceDb(name: string = DB_NAME, options: OpenOptions = {}): Promise<BesaceDb> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.reject(new BackpackError('DB_UNAVAILABLE', 'no IndexedDB'));
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, DB_VERSION);
  } catch (e) {
    return Promise.reject(openError(e));
  }
  const opened = wrap(request) as Promise<IDBPDatabase | undefined> as Promise<BesaceDb>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<BesaceSchema>;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as IDBPTransaction<BesaceSchema, StoreName[], 'versionchange'>;
    upgrade(db, event.oldVersion, event.newVersion, tx);
  });

  return new Promise<BesaceDb>((resolve, reject) => {
    let settled = false;
    request.addEventListener('blocked', () => {
      options.onBlocked?.();
      if (settled) return;
      settled = true;
      reject(new BackpackError('DB_BLOCKED', 'another tab keeps an older version open'));
    });
    opened.then(
      (db) => {
        if (settled) {
          // The caller was told DB_BLOCKED and will open again: this late connection is not theirs.
          db.close();
          return;
        }
        settled = true;
        db.addEventListener('versionchange', () => {
          closed.add(db);
          db.close();
          options.onBlocking?.();
        });
        db.addEventListener('close', () => {
          closed.add(db);
          options.onTerminated?.();
        });
        resolve(db);
      },
      (e: unknown) => {
        if (settled) return;
        settled = true;
        reject(openError(e));
      },
    );
  });
}

/** Close a connection opened by openBesaceDb. */
export function closeBesaceDb(db: BesaceDb): void {
  closed.add(db);
  db.close();
}

const nameOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '';

const isQuota = (e: unknown): boolean => {
  const name = nameOf(e);
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
};

function openError(e: unknown): BackpackError {
  if (e instanceof BackpackError) return e;
  if (isQuota(e)) return new BackpackError('QUOTA_EXCEEDED', nameOf(e));
  // The database on disk is newer than this code: another tab runs a newer Besace. Reload.
  if (nameOf(e) === 'VersionError') return new BackpackError('DB_BLOCKED', 'VersionError');
  return new BackpackError('DB_UNAVAILABLE', nameOf(e) || 'open failed');
}

/** IndexedDB's failures that mean "the database cannot be used now" (closed, broken, gone). */
const UNAVAILABLE = new Set(['InvalidStateError', 'TransactionInactiveError', 'UnknownError', 'AbortError', 'NotFoundError', 'VersionError']);

/**
 * An IndexedDB failure → BackpackError: QUOTA_EXCEEDED for a full disk, DB_UNAVAILABLE when the
 * database is closed or broken. Anything else (a bug: DataCloneError, a TypeError) is left as it is.
 */
export function storageError(e: unknown): unknown {
  if (e instanceof BackpackError) return e;
  if (isQuota(e)) return new BackpackError('QUOTA_EXCEEDED', nameOf(e));
  if (UNAVAILABLE.has(nameOf(e))) return new BackpackError('DB_UNAVAILABLE', nameOf(e));
  return e;
}

/**
 * Run `work` in one readwrite transaction over `stores`, and wait until it has committed. Any
 * failure aborts the whole transaction (nothing of it is written) and is mapped by storageError:
 * a quota error, whether thrown by a request or reported at commit, is QUOTA_EXCEEDED.
 * `work` must await nothing but requests of `tx`.
 */
export async function writeTransaction<S extends StoreName[], T>(
  db: BesaceDb,
  stores: S,
  work: (tx: WriteTx<S>) => Promise<T>,
): Promise<T> {
  let tx: WriteTx<S>;
  try {
    tx = db.transaction(stores, 'readwrite');
  } catch (e) {
    throw storageError(e);
  }
  const done = tx.done;
  done.catch(() => undefined); // awaited below; this only keeps an abort from being "unhandled"
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already committed or aborted
    }
    throw storageError(transactionError(tx) ?? e);
  }
}

/** The transaction's own error once it aborted (a quota error at commit shows up here). */
function transactionError(tx: { readonly error: DOMException | null }): unknown {
  try {
    return isQuota(tx.error) ? tx.error : undefined;
  } catch {
    return undefined;
  }
}

/** Reads, mapped like writes. */
export async function read<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw storageError(e);
  }
}

/** The key range of one badge's reports in the `by-badge` index ([id] < [id, date] < [id, []]). */
export function historyRange(id: BadgeId): IDBKeyRange {
  return IDBKeyRange.bound([id], [id, []]);
}

export const getBadge = (db: BesaceDb, id: BadgeId): Promise<BadgeRecord | undefined> => read(() => db.get('badges', id));

export const listBadges = (db: BesaceDb): Promise<BadgeRecord[]> => read(() => db.getAll('badges'));

/** One badge's reports, newest first (same date: the later stored first). */
export async function readHistory(db: BesaceDb, id: BadgeId): Promise<StoredReport[]> {
  const oldestFirst = await read(() => db.getAllFromIndex('reports', 'by-badge', historyRange(id)));
  return oldestFirst.reverse();
}

export const findByIdentityKey = (db: BesaceDb, key: string): Promise<BadgeRecord[]> =>
  read(() => db.getAllFromIndex('badges', 'by-identityKey', key));

/** Every collection, in the earner's order. */
export async function listCollections(db: BesaceDb): Promise<Collection[]> {
  const all = await read(() => db.getAll('collections'));
  return all.sort(byPosition);
}

export const byPosition = (a: Collection, b: Collection): number => a.position - b.position || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

export const listIdentities = (db: BesaceDb): Promise<EarnerIdentity[]> => read(() => db.getAll('identities'));

/** The stored settings over the defaults (a setting added later reads as its default). */
export async function readSettings(db: BesaceDb): Promise<Settings> {
  const stored = await read(() => db.get('settings', SETTINGS_KEY));
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Empty every store (tests, and a future "delete everything" in the UI). */
export function clearAll(db: BesaceDb): Promise<void> {
  return writeTransaction(db, ['badges', 'reports', 'identities', 'settings', 'collections'], async (tx) => {
    await Promise.all([
      tx.objectStore('collections').clear(),
      tx.objectStore('badges').clear(),
      tx.objectStore('reports').clear(),
      tx.objectStore('identities').clear(),
      tx.objectStore('settings').clear(),
    ]);
  });
}
