/**
 * The database module: the version 1 schema, open / close / reopen, the other-tab events, the
 * mapping of IndexedDB failures to BackpackError codes, and all-or-nothing write transactions.
 */
import '../app/support';
import { wrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackpackError, type BadgeId, type BadgeRecord, type StoredReport } from '../../src/app/types';
import {
  DB_VERSION,
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  clearAll,
  closeBesaceDb,
  findByIdentityKey,
  getBadge,
  isOpen,
  listBadges,
  openBesaceDb,
  readHistory,
  readSettings,
  storageError,
  writeTransaction,
} from '../../src/storage/db';
import { freshFactory } from '../app/support';

const id = (c: string) => c.repeat(64) as BadgeId;

function record(c: string, identityKey: string | null = null): BadgeRecord {
  return {
    id: id(c),
    addedAt: '2026-01-01T00:00:00.000Z',
    original: { bytes: new Uint8Array([1, 2, 3, c.charCodeAt(0)]), mediaType: 'application/json', fileName: null },
    extracted: { container: 'json', obVersionHint: '2.0', payloadKind: 'json', payload: '{}', warnings: [] },
    badge: null,
    identityKey,
    latest: null,
  };
}

const report = (c: string, checkedAt: string, verdict: StoredReport['verdict'] = 'valid'): StoredReport => ({
  badgeId: id(c),
  checkedAt,
  verdict,
  checks: [],
  online: true,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the current schema', () => {
  it('creates the stores and indexes, and keeps data across close and reopen', async () => {
    const factory = freshFactory();
    const db = await openBesaceDb('besace', { indexedDB: factory });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['badges', 'collections', 'identities', 'reports', 'settings']);
    const tx = db.transaction(['badges', 'reports', 'collections'], 'readonly');
    expect(tx.objectStore('collections').keyPath).toBe('id');
    expect([...tx.objectStore('collections').indexNames]).toEqual([]);
    expect(tx.objectStore('badges').keyPath).toBe('id');
    expect([...tx.objectStore('badges').indexNames]).toEqual(['by-identityKey']);
    expect(tx.objectStore('reports').autoIncrement).toBe(true);
    expect(tx.objectStore('reports').index('by-badge').keyPath).toEqual(['badgeId', 'checkedAt']);
    await tx.done;

    await writeTransaction(db, ['badges', 'reports'], async (w) => {
      await w.objectStore('badges').put(record('a', 'key-a'));
      await w.objectStore('reports').add(report('a', '2026-01-01T00:00:00.000Z'));
    });
    closeBesaceDb(db);
    expect(isOpen(db)).toBe(false);

    const again = await openBesaceDb('besace', { indexedDB: factory });
    expect(again.version).toBe(DB_VERSION);
    expect(await getBadge(again, id('a'))).toEqual(record('a', 'key-a'));
    expect(await readHistory(again, id('a'))).toHaveLength(1);
    // Bytes come back as a Uint8Array (not a Blob, not a Buffer).
    expect((await getBadge(again, id('a')))!.original.bytes).toBeInstanceOf(Uint8Array);
    again.close();
  });

  it('indexes identity keys, and leaves out records that have none', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    await writeTransaction(db, ['badges'], async (tx) => {
      for (const r of [record('a', 'k'), record('b', 'k'), record('c', null)]) await tx.objectStore('badges').put(r);
    });
    expect((await findByIdentityKey(db, 'k')).map((r) => r.id)).toEqual([id('a'), id('b')]);
    expect(await listBadges(db)).toHaveLength(3);
    db.close();
  });

  it('reads one badge\'s history newest first, and no other badge\'s', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    await writeTransaction(db, ['reports'], async (tx) => {
      const s = tx.objectStore('reports');
      await s.add(report('a', '2026-01-02T00:00:00.000Z'));
      await s.add(report('b', '2026-01-05T00:00:00.000Z'));
      await s.add(report('a', '2026-01-01T00:00:00.000Z'));
      await s.add(report('a', '2026-01-03T00:00:00.000Z', 'invalid'));
      await s.add(report('a', '2026-01-03T00:00:00.000Z', 'warning')); // same date: the later stored comes first
    });
    const history = await readHistory(db, id('a'));
    expect(history.map((r) => [r.checkedAt.slice(0, 10), r.verdict])).toEqual([
      ['2026-01-03', 'warning'],
      ['2026-01-03', 'invalid'],
      ['2026-01-02', 'valid'],
      ['2026-01-01', 'valid'],
    ]);
    expect(await readHistory(db, id('c'))).toEqual([]);
    db.close();
  });

  it('reads default settings until some are saved', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    await writeTransaction(db, ['settings'], async (tx) => {
      await tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, lang: 'fr' }, SETTINGS_KEY);
    });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, lang: 'fr' });
    await clearAll(db);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    db.close();
  });
});

describe('other tabs and failures to open', () => {
  it('closes itself when another tab upgrades, and says so (blocking)', async () => {
    const factory = freshFactory();
    const onBlocking = vi.fn();
    const onBlocked = vi.fn();
    const db = await openBesaceDb('besace', { indexedDB: factory, onBlocking });
    // Another tab, with a later schema version.
    const upgraded = await wrap(factory.open('besace', DB_VERSION + 1));
    expect(onBlocking).toHaveBeenCalledTimes(1);
    expect(isOpen(db)).toBe(false);
    expect(upgraded!.version).toBe(DB_VERSION + 1);
    // This tab's code is now older than the database: reopening says DB_BLOCKED (reload).
    await expect(openBesaceDb('besace', { indexedDB: factory, onBlocked })).rejects.toMatchObject({ name: 'BackpackError', code: 'DB_BLOCKED' });
    expect(onBlocked).not.toHaveBeenCalled();
    upgraded!.close();
  });

  it('says DB_UNAVAILABLE when IndexedDB refuses to open', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('storage disabled', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await expect(openBesaceDb('besace', { indexedDB: refusing })).rejects.toMatchObject({ code: 'DB_UNAVAILABLE', detail: 'SecurityError' });
  });
});

describe('errors and transactions', () => {
  it('maps IndexedDB failures to codes, by name, and leaves bugs alone', () => {
    expect(storageError(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(storageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(storageError(new DOMException('closing', 'InvalidStateError'))).toMatchObject({ code: 'DB_UNAVAILABLE' });
    const bug = new TypeError('x is undefined');
    expect(storageError(bug)).toBe(bug);
    const typed = new BackpackError('NOT_FOUND');
    expect(storageError(typed)).toBe(typed);
  });

  it('writes all or nothing: a failure halfway aborts the whole transaction', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    await writeTransaction(db, ['badges'], async (tx) => {
      await tx.objectStore('badges').put(record('a'));
    });
    await expect(
      writeTransaction(db, ['badges', 'reports'], async (tx) => {
        await tx.objectStore('badges').put(record('b'));
        await tx.objectStore('reports').add(report('b', '2026-01-01T00:00:00.000Z'));
        throw new BackpackError('NOT_FOUND', 'on purpose');
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listBadges(db)).map((r) => r.id)).toEqual([id('a')]);
    expect(await readHistory(db, id('b'))).toEqual([]);
    db.close();
  });

  it('turns a quota error thrown by a put into QUOTA_EXCEEDED, and keeps what was stored', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    await writeTransaction(db, ['badges'], async (tx) => {
      await tx.objectStore('badges').put(record('a'));
    });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as BadgeRecord).id === id('c')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const failure = writeTransaction(db, ['badges'], async (tx) => {
      await tx.objectStore('badges').put(record('b'));
      await tx.objectStore('badges').put(record('c'));
    });
    await expect(failure).rejects.toBeInstanceOf(BackpackError);
    await expect(failure).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    vi.restoreAllMocks();
    expect((await listBadges(db)).map((r) => r.id)).toEqual([id('a')]);
    expect(await getBadge(db, id('a'))).toEqual(record('a'));
    db.close();
  });

  it('turns a quota error reported by the transaction itself (at commit, or aborting a request) into QUOTA_EXCEEDED', async () => {
    const db = await openBesaceDb('besace', { indexedDB: freshFactory() });
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    // A shim over the database whose transactions end as browsers end them when the disk is full:
    // the requests succeed, then the transaction aborts and its `error` is a QuotaExceededError.
    const full = new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
        return (...args: Parameters<typeof db.transaction>) => {
          const tx = target.transaction(...args);
          return new Proxy(tx, {
            get(t, p) {
              if (p === 'done') return t.done.then(() => Promise.reject(quota));
              if (p === 'error') return quota;
              const v = Reflect.get(t, p);
              return typeof v === 'function' ? v.bind(t) : v;
            },
          });
        };
      },
    });
    await expect(
      writeTransaction(full, ['badges'], async (tx) => {
        await tx.objectStore('badges').put(record('a'));
      }),
    ).rejects.toMatchObject({ name: 'BackpackError', code: 'QUOTA_EXCEEDED' });
    // A request aborted by that same abort rejects with AbortError: the transaction's error wins.
    await expect(
      writeTransaction(full, ['badges'], async () => {
        throw new DOMException('The transaction was aborted.', 'AbortError');
      }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    db.close();
  });
});
