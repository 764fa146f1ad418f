/**
 * Collections in the backpack (schema version 2): create, rename, reorder, delete with undo, badges
 * in the earner's order, share choices checked, a badge removed from the backpack leaving every
 * collection (and coming back in its place on undo), and the share link built from a collection.
 */
import { describe, expect, it } from 'vitest';
import { buildShare, collectionLink, collectionRecords } from '../../src/app/share';
import { BackpackError, DEFAULT_SHARE_CHOICES, type BadgeId, type CollectionId } from '../../src/app/types';
import { decodeShare } from '../../src/core/share/link';
import { file, setup } from './support';

const FILES = ['1edtech-dcpv/ob30/simple-json.svg', '1edtech-dcpv/ob20/simple-revoked.jwt', '1edtech-dcpv/ob30/simple-jwt.svg'];

async function withBadges() {
  const s = await setup();
  const result = await s.backpack.accept(await s.backpack.stage(FILES.map(file)));
  expect(result.added).toHaveLength(3);
  return { ...s, ids: result.added };
}

describe('collections', () => {
  it('creates collections at the end, in order, with the default share choices', async () => {
    const { backpack, ids } = await withBadges();
    const a = await backpack.createCollection('  Stage de fin d’études  ', [ids[1]!, ids[0]!]);
    const b = await backpack.createCollection('Candidature');
    expect(a).toMatchObject({ title: 'Stage de fin d’études', badgeIds: [ids[1], ids[0]], position: 0, share: DEFAULT_SHARE_CHOICES });
    expect(b.position).toBe(1);
    expect((await backpack.collections()).map((c) => c.title)).toEqual(['Stage de fin d’études', 'Candidature']);
    expect(await backpack.getCollection(a.id)).toEqual(a);
    await expect(backpack.createCollection('   ')).rejects.toBeInstanceOf(TypeError);
  });

  it('keeps only badges that are in the backpack, once each, in the given order', async () => {
    const { backpack, ids } = await withBadges();
    const c = await backpack.createCollection('Mix', [ids[2]!, 'nope' as BadgeId, ids[0]!, ids[2]!]);
    expect(c.badgeIds).toEqual([ids[2], ids[0]]);
    const updated = await backpack.updateCollection(c.id, { badgeIds: [ids[0]!, ids[1]!, ids[2]!].reverse() });
    expect(updated.badgeIds).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('renames, changes share choices, and refuses nonsense', async () => {
    const { backpack, clock } = await withBadges();
    const c = await backpack.createCollection('A');
    clock.advance(60_000);
    const renamed = await backpack.updateCollection(c.id, { title: 'B', share: { recipient: '  ann@example.org ', evidence: false, until: '2026-06-30T22:00:00+02:00' } });
    expect(renamed.title).toBe('B');
    expect(renamed.share).toEqual({ displayName: true, recipient: 'ann@example.org', evidence: false, until: '2026-06-30T20:00:00.000Z' });
    expect(renamed.updatedAt > c.updatedAt).toBe(true);
    const cleared = await backpack.updateCollection(c.id, { share: { recipient: '', until: null } });
    expect(cleared.share).toMatchObject({ recipient: null, until: null, evidence: false });
    await expect(backpack.updateCollection(c.id, { share: { until: 'next tuesday' } })).rejects.toBeInstanceOf(TypeError);
    await expect(backpack.updateCollection(c.id, { title: '' })).rejects.toBeInstanceOf(TypeError);
    await expect(backpack.updateCollection('missing' as CollectionId, { title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reorders collections', async () => {
    const { backpack } = await withBadges();
    const [a, b, c] = [await backpack.createCollection('A'), await backpack.createCollection('B'), await backpack.createCollection('C')];
    await backpack.moveCollection(c.id, 0);
    expect((await backpack.collections()).map((x) => x.title)).toEqual(['C', 'A', 'B']);
    await backpack.moveCollection(c.id, 99);
    expect((await backpack.collections()).map((x) => x.title)).toEqual(['A', 'B', 'C']);
    await backpack.moveCollection(a.id, 1);
    expect((await backpack.collections()).map((x) => [x.title, x.position])).toEqual([
      ['B', 0],
      ['A', 1],
      ['C', 2],
    ]);
    await expect(backpack.moveCollection('missing' as CollectionId, 0)).rejects.toBeInstanceOf(BackpackError);
    expect(b.id).toBeTruthy();
  });

  it('deletes a collection (its badges stay) and undo brings it back exactly', async () => {
    const { backpack, ids } = await withBadges();
    const c = await backpack.createCollection('Doomed', ids);
    const undo = await backpack.removeCollection(c.id);
    expect(await backpack.collections()).toEqual([]);
    expect(await backpack.list()).toHaveLength(3);
    await undo.undo();
    expect(await backpack.getCollection(c.id)).toEqual(c);
  });

  it('a badge removed from the backpack leaves every collection; undo puts it back in its place', async () => {
    const { backpack, ids } = await withBadges();
    const one = await backpack.createCollection('One', [ids[0]!, ids[1]!, ids[2]!]);
    const two = await backpack.createCollection('Two', [ids[1]!]);
    const undo = await backpack.remove(ids[1]!);
    expect((await backpack.getCollection(one.id))?.badgeIds).toEqual([ids[0], ids[2]]);
    expect((await backpack.getCollection(two.id))?.badgeIds).toEqual([]);
    await undo.undo();
    expect((await backpack.getCollection(one.id))?.badgeIds).toEqual([ids[0], ids[1], ids[2]]);
    expect((await backpack.getCollection(two.id))?.badgeIds).toEqual([ids[1]]);
  });

  it('tells subscribers after each change', async () => {
    const { backpack } = await withBadges();
    let calls = 0;
    backpack.subscribe(() => calls++);
    const c = await backpack.createCollection('A');
    await backpack.updateCollection(c.id, { title: 'B' });
    await backpack.moveCollection(c.id, 0);
    await backpack.removeCollection(c.id);
    expect(calls).toBe(4);
  });
});

describe('a collection’s share link', () => {
  it('carries the badges in order, the title, and only what the earner chose to disclose', async () => {
    const { backpack, ids } = await withBadges();
    await backpack.updateSettings({ displayName: 'Ann Dupont' });
    let c = await backpack.createCollection('Candidature « Meneur »', [ids[2]!, ids[0]!]);
    const records = await backpack.list();
    const settings = await backpack.settings();
    const now = new Date('2026-03-01T12:00:00Z');

    const link = collectionLink(c, records, settings, 'https://besace.example/', now);
    const share = decodeShare(link);
    if (!share.ok) throw new Error(share.error.code);
    expect(share.value.title).toBe('Candidature « Meneur »');
    expect(share.value.displayName).toBe('Ann Dupont');
    expect(share.value.recipient).toBeUndefined(); // never unless asked
    expect(share.value.hideEvidence).toBeUndefined();
    expect(share.value.createdAt).toBe(now.toISOString());
    const inOrder = collectionRecords(c, records);
    expect(inOrder.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect(share.value.badges.map((b) => b.payload)).toEqual(inOrder.map((r) => r.extracted.payload));

    c = await backpack.updateCollection(c.id, { share: { displayName: false, recipient: 'ann@example.org', evidence: false, until: '2026-04-01T00:00:00Z' } });
    const again = decodeShare(collectionLink(c, records, settings, 'https://besace.example/', now));
    expect(again.ok && again.value).toMatchObject({ recipient: 'ann@example.org', hideEvidence: true, until: '2026-04-01T00:00:00.000Z' });
    expect(again.ok && again.value.displayName).toBeUndefined();
  });

  it('leaves out a display name that is not set, and badges no longer in the backpack', async () => {
    const { backpack, ids } = await withBadges();
    const records = await backpack.list();
    const share = buildShare(records.filter((r) => r.id === ids[0]), { title: '  ', now: new Date('2026-03-01T00:00:00Z'), settings: { displayName: null } });
    expect(share).toEqual({ createdAt: '2026-03-01T00:00:00.000Z', badges: [{ kind: 'json', payload: records.find((r) => r.id === ids[0])!.extracted.payload }] });
  });
});
