/**
 * Export and restore through the backpack: export → clear → restore gives the same originals byte
 * for byte, the same reports, collections and settings; restoring into a backpack that already has
 * badges and collections merges without overwriting; the backups of earlier releases (version 1,
 * version 2 fixtures) restore; a damaged or hostile backup writes nothing; a newer one says
 * BACKUP_TOO_NEW.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { Backpack } from '../../src/app/backpack';
import type { BadgeRecord } from '../../src/app/types';
import { LATEST_BACKUP_VERSION, MANIFEST_NAME } from '../../src/core/backup';
import { clearAll, SETTINGS_KEY } from '../../src/storage/db';
import { BACKUP_V1, BACKUP_V2, V2_ISSUER, v2Collections } from '../core/backup/fixtures';
import { DAY, file, setup } from './support';

const FIXTURE = BACKUP_V1;
const FIXTURE_V2 = BACKUP_V2;
const ISSUER = V2_ISSUER; // simple-badge.png's issuer

/** Collection ids `<prefix>-1`, `<prefix>-2`…: two backpacks given the same prefix give the same ids. */
const sequence = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};
const idOf = (badges: readonly BadgeRecord[], fileName: string) => badges.find((b) => b.original.fileName === fileName)!.id;

/** Everything the backpack holds, as the UI can read it. */
async function everything(backpack: Backpack) {
  const badges = await backpack.list();
  return {
    badges: badges.sort((a, b) => (a.id < b.id ? -1 : 1)),
    histories: Object.fromEntries(await Promise.all(badges.map(async (b) => [b.id, await backpack.history(b.id)] as const))),
    identities: await backpack.identities(),
    collections: await backpack.collections(),
    settings: await backpack.settings(),
  };
}

/**
 * Four badges with their histories, an identity, settings with a LinkedIn organisation id, and
 * collections c-1 (position 0, every share choice changed), c-3 (2) and c-4 (3): c-2 was deleted.
 */
async function filled() {
  const s = await setup({ newId: sequence('c') });
  const { backpack, clock } = s;
  await backpack.addIdentity('ann@example.org');
  await backpack.updateSettings({ lang: 'fr', displayName: 'Ann', linkedInOrganizations: { [ISSUER]: '1337' } });
  const staged = await backpack.stage([
    file('1edtech-dcpv/ob30/simple-json.png'),
    file('1edtech-dcpv/ob20/simple-badge.png'),
    file('1edtech-dcpv/ob30/simple-jwt.svg'),
    file('1edtech-dcpv/ob30/simple-err-proof-value.json'),
  ]);
  await backpack.accept(staged);
  const badges = await backpack.list();
  const [json, png, jwt] = ['simple-json.png', 'simple-badge.png', 'simple-jwt.svg'].map((name) => idOf(badges, name));
  const application = await backpack.createCollection('Candidature', [png!, json!]);
  const doomed = await backpack.createCollection('Brouillon', [jwt!]);
  await backpack.createCollection('Portfolio', [jwt!, json!, png!]);
  await backpack.createCollection('Vide');
  await backpack.removeCollection(doomed.id);
  clock.advance(DAY + 1);
  await backpack.updateCollection(application.id, {
    share: { displayName: false, recipient: 'ann@example.org', evidence: false, until: '2026-06-30T22:00:00.000Z' },
  });
  for (const id of await backpack.dueForReverify(clock.now())) await backpack.reverify(id);
  clock.advance(DAY);
  return s;
}

describe('export → clear → restore', () => {
  it('gives back every original byte for byte, every report, identity, collection and setting', async () => {
    const { backpack, db, clock } = await filled();
    const before = await everything(backpack);
    expect(before.badges).toHaveLength(4);
    expect(before.collections.map((c) => [c.id, c.title, c.position, c.badgeIds.length])).toEqual([
      ['c-1', 'Candidature', 0, 2],
      ['c-3', 'Portfolio', 2, 3],
      ['c-4', 'Vide', 3, 0],
    ]);
    expect(before.settings.linkedInOrganizations).toEqual({ [ISSUER]: '1337' });
    const backup = await backpack.exportAll();

    await clearAll(db);
    expect(await backpack.list()).toEqual([]);
    expect(await backpack.collections()).toEqual([]);
    expect(await backpack.restore(backup)).toEqual({ added: 4, merged: 0, identitiesAdded: 1, collectionsAdded: 3 });
    const after = await everything(backpack);
    expect(after).toEqual(before);
    after.badges.forEach((b, i) => expect(Buffer.from(b.original.bytes).equals(Buffer.from(before.badges[i]!.original.bytes))).toBe(true));

    // And into another device's empty backpack.
    const other = await setup();
    expect(await other.backpack.restore(backup)).toEqual({ added: 4, merged: 0, identitiesAdded: 1, collectionsAdded: 3 });
    expect(await everything(other.backpack)).toEqual(before);
    // The backup of the restored backpack is the same backup.
    other.clock.set(clock.now());
    expect(await other.backpack.exportAll()).toEqual(backup);
  });

  it('restores the version 1 fixture made by the first release (no collections, no LinkedIn ids)', async () => {
    const { backpack } = await setup();
    expect(await backpack.restore(FIXTURE)).toEqual({ added: 2, merged: 0, identitiesAdded: 2, collectionsAdded: 0 });
    const all = await everything(backpack);
    expect(all.settings).toEqual({ lang: 'fr', displayName: 'Ann', reverifyAfterMs: 86_400_000, linkedInOrganizations: {} });
    expect(all.collections).toEqual([]);
    const svg = all.badges.find((b) => b.original.fileName === 'simple-json.svg')!;
    expect(all.histories[svg.id]!.map((r) => r.checkedAt)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(svg.latest).toEqual(all.histories[svg.id]![0]);
  });

  it('restores the version 2 fixture: its collections exactly (positions included) and its LinkedIn ids', async () => {
    const { backpack } = await setup();
    expect(await backpack.restore(FIXTURE_V2)).toEqual({ added: 2, merged: 0, identitiesAdded: 2, collectionsAdded: 2 });
    const all = await everything(backpack);
    expect(all.settings).toEqual({ lang: 'fr', displayName: 'Ann', reverifyAfterMs: 86_400_000, linkedInOrganizations: { [ISSUER]: '1337' } });
    const [png, svg] = ['simple-badge.png', 'simple-json.svg'].map((name) => idOf(all.badges, name));
    expect(all.collections).toEqual(v2Collections(png!, svg!));
    // The restored collections work as the earner's own: a removed badge leaves them.
    await backpack.remove(svg!);
    expect((await backpack.collections()).map((c) => c.badgeIds)).toEqual([[png], []]);
  });
});

describe('an export always restores', () => {
  it('writes a collection without a badge the backpack no longer holds (the format refuses it)', async () => {
    const { backpack, db } = await filled();
    const c = (await backpack.collections())[0]!;
    // Not something the backpack does (removing a badge removes it from every collection): a record
    // written by hand, or by a future bug.
    await db.put('collections', { ...c, badgeIds: [c.badgeIds[0]!, 'f'.repeat(64) as never, c.badgeIds[0]!, c.badgeIds[1]!] });
    const backup = await backpack.exportAll();
    const other = await setup();
    expect(await other.backpack.restore(backup)).toMatchObject({ collectionsAdded: 3 });
    expect((await other.backpack.collections())[0]).toEqual(c);
  });
});

describe('restore into a backpack that is not empty', () => {
  it('keeps what is there, unites histories and identities, adds the rest, keeps the settings', async () => {
    const source = await filled();
    const backup = await source.backpack.exportAll();
    const sourceAll = await everything(source.backpack);

    const { backpack, clock } = await setup({ newId: sequence('c') });
    clock.set(new Date('2026-02-01T00:00:00Z'));
    await backpack.updateSettings({ lang: 'en', reverifyAfterMs: 3_600_000, linkedInOrganizations: { [ISSUER]: '4242' } });
    await backpack.addIdentity('ANN@example.org'); // the same e-mail, other case
    await backpack.addIdentity('https://ann.example.org/');
    const staged = await backpack.stage([file('1edtech-dcpv/ob20/simple-badge.png')]);
    await backpack.accept(staged);
    const mine = (await backpack.list())[0]!;
    const myHistory = await backpack.history(mine.id);
    // Same id as the backup's first collection (c-1), other content: this one is kept as it is.
    const myCollection = await backpack.createCollection('Mes badges', [mine.id]);
    expect(myCollection.id).toBe('c-1');

    const listener = vi.fn();
    backpack.subscribe(listener);
    expect(await backpack.restore(backup)).toEqual({ added: 3, merged: 1, identitiesAdded: 0, collectionsAdded: 2 });
    expect(listener).toHaveBeenCalledTimes(1);

    const after = await everything(backpack);
    expect(after.badges).toHaveLength(4);
    // The badge both had: this backpack's record is kept (date added, bytes); its history gained the backup's reports.
    const kept = after.badges.find((b) => b.id === mine.id)!;
    expect(kept).toEqual(mine);
    const theirs = sourceAll.histories[mine.id]!;
    expect(after.histories[mine.id]).toEqual([...myHistory, ...theirs]); // newest first: this backpack's Feb check, then the backup's
    // The others came in whole.
    for (const b of sourceAll.badges.filter((x) => x.id !== mine.id)) {
      expect(after.badges.find((x) => x.id === b.id)).toEqual(b);
      expect(after.histories[b.id]).toEqual(sourceAll.histories[b.id]);
    }
    expect(after.identities.map((i) => i.value)).toEqual(['ANN@example.org', 'https://ann.example.org/']);
    // The settings here are kept, the LinkedIn id set here included.
    expect(after.settings).toEqual({ lang: 'en', displayName: null, reverifyAfterMs: 3_600_000, linkedInOrganizations: { [ISSUER]: '4242' } });
    // Collections: this backpack's c-1 as it was; the backup's others after it, in the backup's order
    // and spacing (positions 2 and 3 there, shifted past this backpack's last one, 0), otherwise whole.
    expect(after.collections[0]).toEqual(myCollection);
    const theirCollections = sourceAll.collections.filter((c) => c.id !== 'c-1');
    expect(after.collections.slice(1)).toEqual(theirCollections.map((c) => ({ ...c, position: c.position + 1 })));
    expect(after.collections.map((c) => c.title)).toEqual(['Mes badges', 'Portfolio', 'Vide']);

    // Restoring the same backup again changes nothing.
    expect(await backpack.restore(backup)).toEqual({ added: 0, merged: 4, identitiesAdded: 0, collectionsAdded: 0 });
    expect(await everything(backpack)).toEqual(after);
  });

  it('unites LinkedIn organisation ids: the one set here wins for its issuer, the others come in', async () => {
    const source = await setup();
    await source.backpack.updateSettings({ linkedInOrganizations: { [ISSUER]: '1337', 'https://new.example/': '9' } });
    const backup = await source.backpack.exportAll();
    const { backpack } = await setup();
    await backpack.updateSettings({ lang: 'en', linkedInOrganizations: { [ISSUER]: '4242', 'https://other.example/': '7' } });
    await backpack.restore(backup);
    expect(await backpack.settings()).toEqual({
      lang: 'en',
      displayName: null,
      reverifyAfterMs: 86_400_000,
      linkedInOrganizations: { [ISSUER]: '4242', 'https://other.example/': '7', 'https://new.example/': '9' },
    });

    const next = await setup();
    await next.backpack.updateSettings({ lang: 'en', linkedInOrganizations: { 'https://other.example/': '7' } });
    await next.backpack.restore(FIXTURE_V2);
    expect(await next.backpack.settings()).toEqual({
      lang: 'en',
      displayName: null,
      reverifyAfterMs: 86_400_000,
      linkedInOrganizations: { [ISSUER]: '1337', 'https://other.example/': '7' },
    });
  });

  it('takes the LinkedIn ids into settings saved before they existed', async () => {
    const { backpack, db } = await setup();
    // Settings as the first release saved them: no linkedInOrganizations.
    await db.put('settings', { lang: 'en', displayName: 'Bob', reverifyAfterMs: 1000 } as never, SETTINGS_KEY);
    await backpack.restore(FIXTURE_V2);
    expect(await backpack.settings()).toEqual({ lang: 'en', displayName: 'Bob', reverifyAfterMs: 1000, linkedInOrganizations: { [ISSUER]: '1337' } });
  });

  it('adds collections after the ones here, in the backup\'s order, when their ids are new', async () => {
    const source = await filled();
    const backup = await source.backpack.exportAll();
    const { backpack } = await setup({ newId: sequence('mine') });
    await backpack.createCollection('Un');
    await backpack.createCollection('Deux');
    expect(await backpack.restore(backup)).toMatchObject({ collectionsAdded: 3 });
    const all = await backpack.collections();
    expect(all.map((c) => [c.title, c.position])).toEqual([
      ['Un', 0],
      ['Deux', 1],
      ['Candidature', 2],
      ['Portfolio', 4],
      ['Vide', 5],
    ]);
    // And the earner's next collection comes after them all.
    expect((await backpack.createCollection('Trois')).position).toBe(6);
  });
});

describe('a backup that cannot be trusted writes nothing', () => {
  it('refuses damaged, edited and hostile files with BAD_BACKUP', async () => {
    const { backpack, db } = await filled();
    const before = await everything(backpack);
    const good = await backpack.exportAll();
    const files = unzipSync(good);
    const manifest = JSON.parse(strFromU8(files[MANIFEST_NAME]!));
    const edited = structuredClone(manifest);
    edited.reports.at(-1).verdict = 'valid-for-sure';
    const truncatedHistory = structuredClone(manifest);
    truncatedHistory.badges.at(-1).file = 'badges/elsewhere.png';
    const strangerInCollection = structuredClone(manifest);
    strangerInCollection.collections.at(-1).badgeIds.push('f'.repeat(64));
    const badUntil = structuredClone(manifest);
    badUntil.collections[0].share.until = 'à la Saint-Glinglin';
    const candidates = [
      good.slice(0, good.length - 100),
      strToU8('not a zip'),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(edited)) }),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(truncatedHistory)) }),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(strangerInCollection)) }),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(badUntil)) }),
    ];
    await clearAll(db); // an empty backpack: anything written would show
    for (const bytes of candidates) {
      await expect(backpack.restore(bytes)).rejects.toMatchObject({ name: 'BackpackError', code: 'BAD_BACKUP' });
    }
    expect(await everything(backpack)).toEqual(await everything((await setup()).backpack));
    // The same file without the edits restores.
    expect(await backpack.restore(good)).toMatchObject({ added: 4, collectionsAdded: 3 });
    expect(await everything(backpack)).toEqual(before);
  });

  it('says BACKUP_TOO_NEW for a backup of a later format version', async () => {
    const { backpack } = await setup();
    const newer = zipSync({ [MANIFEST_NAME]: strToU8(JSON.stringify({ format: 'besace-backup', version: LATEST_BACKUP_VERSION + 1, app: 'besace' })) });
    await expect(backpack.restore(newer)).rejects.toMatchObject({ code: 'BACKUP_TOO_NEW' });
    expect(await backpack.list()).toEqual([]);
  });

  it('on a full disk: QUOTA_EXCEEDED and nothing restored', async () => {
    const source = await filled();
    const backup = await source.backpack.exportAll();
    const { backpack } = await setup();
    await backpack.accept(await backpack.stage([file('1edtech-dcpv/ob20/simple-badge.png')]));
    const before = await everything(backpack);
    const add = IDBObjectStore.prototype.add;
    let adds = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (++adds === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.call(this, value, key);
    });
    await expect(backpack.restore(backup)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    vi.restoreAllMocks();
    expect(await everything(backpack)).toEqual(before);
  });
});
