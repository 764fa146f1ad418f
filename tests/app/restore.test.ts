/**
 * Export and restore through the backpack: export → clear → restore gives the same originals byte
 * for byte and the same reports; restoring into a backpack that already has badges merges without
 * overwriting; a damaged or hostile backup writes nothing; a newer one says BACKUP_TOO_NEW.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Backpack } from '../../src/app/backpack';
import { MANIFEST_NAME } from '../../src/core/backup';
import { clearAll } from '../../src/storage/db';
import { DAY, file, setup } from './support';

const FIXTURE = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/ours/backup/besace-backup-v1.zip')));

/** Everything the backpack holds, as the UI can read it. */
async function everything(backpack: Backpack) {
  const badges = await backpack.list();
  return {
    badges: badges.sort((a, b) => (a.id < b.id ? -1 : 1)),
    histories: Object.fromEntries(await Promise.all(badges.map(async (b) => [b.id, await backpack.history(b.id)] as const))),
    identities: await backpack.identities(),
    settings: await backpack.settings(),
  };
}

async function filled() {
  const s = await setup();
  const { backpack, clock } = s;
  await backpack.addIdentity('ann@example.org');
  await backpack.updateSettings({ lang: 'fr', displayName: 'Ann' });
  const staged = await backpack.stage([
    file('1edtech-dcpv/ob30/simple-json.png'),
    file('1edtech-dcpv/ob20/simple-badge.png'),
    file('1edtech-dcpv/ob30/simple-jwt.svg'),
    file('1edtech-dcpv/ob30/simple-err-proof-value.json'),
  ]);
  await backpack.accept(staged);
  clock.advance(DAY + 1);
  for (const id of await backpack.dueForReverify(clock.now())) await backpack.reverify(id);
  clock.advance(DAY);
  return s;
}

describe('export → clear → restore', () => {
  it('gives back every original byte for byte, every report, identity and setting', async () => {
    const { backpack, db, clock } = await filled();
    const before = await everything(backpack);
    expect(before.badges).toHaveLength(4);
    const backup = await backpack.exportAll();

    await clearAll(db);
    expect(await backpack.list()).toEqual([]);
    expect(await backpack.restore(backup)).toEqual({ added: 4, merged: 0, identitiesAdded: 1 });
    const after = await everything(backpack);
    expect(after).toEqual(before);
    after.badges.forEach((b, i) => expect(Buffer.from(b.original.bytes).equals(Buffer.from(before.badges[i]!.original.bytes))).toBe(true));

    // And into another device's empty backpack.
    const other = await setup();
    expect(await other.backpack.restore(backup)).toEqual({ added: 4, merged: 0, identitiesAdded: 1 });
    expect(await everything(other.backpack)).toEqual(before);
    // The backup of the restored backpack is the same backup.
    other.clock.set(clock.now());
    expect(await other.backpack.exportAll()).toEqual(backup);
  });

  it('restores the version 1 fixture made by the first release', async () => {
    const { backpack } = await setup();
    expect(await backpack.restore(FIXTURE)).toEqual({ added: 2, merged: 0, identitiesAdded: 2 });
    const all = await everything(backpack);
    expect(all.settings).toEqual({ lang: 'fr', displayName: 'Ann', reverifyAfterMs: 86_400_000 });
    const svg = all.badges.find((b) => b.original.fileName === 'simple-json.svg')!;
    expect(all.histories[svg.id]!.map((r) => r.checkedAt)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(svg.latest).toEqual(all.histories[svg.id]![0]);
  });
});

describe('restore into a backpack that is not empty', () => {
  it('keeps what is there, unites histories and identities, adds the rest, keeps the settings', async () => {
    const source = await filled();
    const backup = await source.backpack.exportAll();
    const sourceAll = await everything(source.backpack);

    const { backpack, clock } = await setup();
    clock.set(new Date('2026-02-01T00:00:00Z'));
    await backpack.updateSettings({ lang: 'en', reverifyAfterMs: 3_600_000 });
    await backpack.addIdentity('ANN@example.org'); // the same e-mail, other case
    await backpack.addIdentity('https://ann.example.org/');
    const staged = await backpack.stage([file('1edtech-dcpv/ob20/simple-badge.png')]);
    await backpack.accept(staged);
    const mine = (await backpack.list())[0]!;
    const myHistory = await backpack.history(mine.id);

    const listener = vi.fn();
    backpack.subscribe(listener);
    expect(await backpack.restore(backup)).toEqual({ added: 3, merged: 1, identitiesAdded: 0 });
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
    expect(after.settings).toEqual({ lang: 'en', displayName: null, reverifyAfterMs: 3_600_000 });

    // Restoring the same backup again changes nothing.
    expect(await backpack.restore(backup)).toEqual({ added: 0, merged: 4, identitiesAdded: 0 });
    expect(await everything(backpack)).toEqual(after);
  });
});

describe('a backup that cannot be trusted writes nothing', () => {
  it('refuses damaged, edited and hostile files with BAD_BACKUP', async () => {
    const { backpack } = await filled();
    const before = await everything(backpack);
    const good = await backpack.exportAll();
    const files = unzipSync(good);
    const manifest = JSON.parse(strFromU8(files[MANIFEST_NAME]!));
    const edited = structuredClone(manifest);
    edited.reports.at(-1).verdict = 'valid-for-sure';
    const truncatedHistory = structuredClone(manifest);
    truncatedHistory.badges.at(-1).file = 'badges/elsewhere.png';
    const candidates = [
      good.slice(0, good.length - 100),
      strToU8('not a zip'),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(edited)) }),
      zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(truncatedHistory)) }),
    ];
    for (const bytes of candidates) {
      await expect(backpack.restore(bytes)).rejects.toMatchObject({ name: 'BackpackError', code: 'BAD_BACKUP' });
    }
    expect(await everything(backpack)).toEqual(before);
  });

  it('says BACKUP_TOO_NEW for a backup of a later format version', async () => {
    const { backpack } = await setup();
    const newer = zipSync({ [MANIFEST_NAME]: strToU8(JSON.stringify({ format: 'besace-backup', version: 2, app: 'besace' })) });
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
