/**
 * The migrations ladder: a database written by the app's first release of the schema (version 1,
 * tests/storage/fixtures/besace-db-v1.json, made by make-db-fixture.ts) opens with today's code,
 * every record reads back as it was written, and the backpack works on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BadgeId } from '../../src/app/types';
import { DB_VERSION, openBesaceDb } from '../../src/storage/db';
import { file, freshFactory, setup } from '../app/support';
import { dumpDb, dumpFromJson, loadDump } from './dbFixture';

const V1 = dumpFromJson(readFileSync(join(import.meta.dirname, 'fixtures/besace-db-v1.json'), 'utf8'));

describe('a database written by schema version 1', () => {
  it('is what the fixture says: version 1, four stores', () => {
    expect(V1.version).toBe(1);
    expect(Object.keys(V1.stores).sort()).toEqual(['badges', 'identities', 'reports', 'settings']);
    expect(V1.stores['badges']).toHaveLength(3);
    expect(V1.stores['reports']).toHaveLength(5);
  });

  it('opens with today\'s code, every record intact', async () => {
    const factory = freshFactory();
    await loadDump(factory, V1);
    const db = await openBesaceDb('besace', { indexedDB: factory });
    expect(db.version).toBe(DB_VERSION);
    const now = await dumpDb(db as never);
    // Stores that today's schema kept hold exactly what version 1 wrote (bytes included).
    for (const [name, rows] of Object.entries(V1.stores)) expect(now.stores[name], name).toEqual(rows);
    db.close();
  });

  it('serves the backpack: list, history, identities, settings, and new writes', async () => {
    const factory = freshFactory();
    await loadDump(factory, V1);
    const { backpack } = await setup({ factory });
    const list = await backpack.list();
    expect(list).toHaveLength(3);
    const svg = list.find((b) => b.original.fileName === 'simple-json.svg')!;
    expect((await backpack.history(svg.id)).map((r) => r.checkedAt)).toEqual([
      '2026-01-02T00:00:00.000Z', // the merged PNG copy's report
      '2026-01-02T00:00:00.000Z', // the re-check
      '2026-01-01T00:00:00.000Z',
    ]);
    expect((await backpack.identities()).map((i) => i.value)).toEqual(['ann@example.org']);
    expect((await backpack.settings()).lang).toBe('fr');
    await backpack.reverify(svg.id as BadgeId);
    await backpack.accept(await backpack.stage([file('1edtech-dcpv/ob30/simple-jwt.svg')]));
    expect(await backpack.list()).toHaveLength(4);
    // Version 2's step: collections, empty at first, ready for use; settings read with the new defaults.
    expect(await backpack.collections()).toEqual([]);
    const c = await backpack.createCollection('Stage', [svg.id as BadgeId]);
    expect((await backpack.getCollection(c.id))?.badgeIds).toEqual([svg.id]);
    expect((await backpack.settings()).linkedInOrganizations).toEqual({});
  });

  it('open, close, reopen: the ladder runs once', async () => {
    const factory = freshFactory();
    const first = await openBesaceDb('besace', { indexedDB: factory });
    first.close();
    const second = await openBesaceDb('besace', { indexedDB: factory });
    expect(second.version).toBe(DB_VERSION);
    expect([...second.objectStoreNames].sort()).toEqual(['badges', 'collections', 'identities', 'reports', 'settings']);
    second.close();
  });
});
