/**
 * Database fixtures: a JSON dump of every store of a Besace database (keys and values, bytes as
 * {"$bytes": base64}), and a loader that rebuilds that database at the dump's own schema version
 * with the frozen steps of the ladder — the database exactly as that release left it on disk.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { upgrade, type BesaceSchema } from '../../src/storage/db';

export interface DbDump {
  readonly name: string;
  readonly version: number;
  readonly stores: Record<string, [IDBValidKey, unknown][]>;
}

const replacer = (_: string, v: unknown) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v);
const reviver = (_: string, v: unknown) =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $bytes?: unknown }).$bytes === 'string'
    ? new Uint8Array(Buffer.from((v as { $bytes: string }).$bytes, 'base64'))
    : v;

export const dumpToJson = (dump: DbDump): string => `${JSON.stringify(dump, replacer, 1)}\n`;
export const dumpFromJson = (json: string): DbDump => JSON.parse(json, reviver) as DbDump;

/** Every record of every store, in key order. */
export async function dumpDb(db: IDBPDatabase<unknown>): Promise<DbDump> {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names, 'readonly');
  const stores: DbDump['stores'] = {};
  for (const name of names) {
    const rows: [IDBValidKey, unknown][] = [];
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      rows.push([cursor.primaryKey, cursor.value]);
      cursor = await cursor.continue();
    }
    stores[name] = rows;
  }
  await tx.done;
  return { name: db.name, version: db.version, stores };
}

/** Build the dump's database in `factory`, at the dump's version, and close it. */
export async function loadDump(factory: IDBFactory, dump: DbDump): Promise<void> {
  const request = factory.open(dump.name, dump.version);
  request.addEventListener('upgradeneeded', (event) => {
    upgrade(wrap(request.result) as unknown as IDBPDatabase<BesaceSchema>, event.oldVersion, dump.version, wrap(request.transaction!) as never);
  });
  const db = (await wrap(request)) as unknown as IDBPDatabase<unknown>;
  const names = Object.keys(dump.stores);
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) {
    const store = tx.objectStore(name);
    for (const [key, value] of dump.stores[name]!) {
      if (store.keyPath === null) await store.put(value, key);
      else await store.put(value);
    }
  }
  await tx.done;
  db.close();
}
