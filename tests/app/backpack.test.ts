/**
 * The backpack after staging: accepting (one transaction, merges that overwrite nothing), removing
 * with Undo, re-verifying, what is due for an automatic re-check, identities, settings, quota.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackpack } from '../../src/app/backpack';
import type { BadgeId, BadgeRecord, EarnerIdentity, ImportInput, StagedItem, Verifier } from '../../src/app/types';
import type { Badge } from '../../src/core/model/badge';
import type { PipelineReport } from '../../src/core/verify';
import { corpusVerifier, DAY, file, makeClock, openFresh, setup } from './support';

const PNG3 = '1edtech-dcpv/ob30/simple-json.png';
const SVG3 = '1edtech-dcpv/ob30/simple-json.svg';
const PNG2 = '1edtech-dcpv/ob20/simple-badge.png';
const JPEG = 'mozilla-backpack/history-2012/sneaky-badge.png';
const TAMPERED = '1edtech-dcpv/ob30/simple-err-proof-value.json';

const recordOf = (item: StagedItem | undefined): BadgeRecord => {
  if (!item || item.status === 'not-a-badge') throw new Error(`no record: ${item?.status}`);
  return item.record;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('accept', () => {
  it('stores every accepted item in one readwrite transaction', async () => {
    const { backpack } = await setup();
    const staged = await backpack.stage([file(PNG3), file(PNG2), file(JPEG)]);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const result = await backpack.accept(staged);
    expect(transaction.mock.calls.filter((call) => call[1] === 'readwrite')).toHaveLength(1);
    expect(result).toEqual({ added: [recordOf(staged[0]).id, recordOf(staged[1]).id], merged: [] });
    const list = await backpack.list();
    expect(list.map((r) => r.id).sort()).toEqual(result.added.slice().sort());
    const stored = await backpack.get(recordOf(staged[0]).id);
    expect(stored).toEqual(recordOf(staged[0]));
    expect(stored!.original.bytes).toEqual(recordOf(staged[0]).original.bytes);
    expect(await backpack.history(stored!.id)).toEqual([stored!.latest]);
  });

  it('merges the same credential into the badge already there, overwriting nothing', async () => {
    const { backpack, clock } = await setup();
    await backpack.accept(await backpack.stage([file(PNG3)]));
    const [existing] = await backpack.list();
    clock.advance(DAY);
    const staged = await backpack.stage([file(SVG3)]);
    expect(staged[0]).toMatchObject({ status: 'duplicate', reason: 'same-credential', existingId: existing!.id });
    const result = await backpack.accept(staged);
    expect(result).toEqual({ added: [], merged: [existing!.id] });

    const after = await backpack.get(existing!.id);
    // The record is kept as it was (bytes, payload, badge, date added); only its latest report moved on.
    expect({ ...after, latest: null }).toEqual({ ...existing, latest: null });
    expect(after!.original.bytes).toEqual(existing!.original.bytes);
    expect(after!.latest).toMatchObject({ badgeId: existing!.id, checkedAt: '2026-01-02T00:00:00.000Z' });
    const history = await backpack.history(existing!.id);
    expect(history.map((r) => r.checkedAt)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    // The SVG's bytes were not stored as another badge.
    expect(await backpack.get(recordOf(staged[0]).id)).toBeUndefined();
    expect(await backpack.list()).toHaveLength(1);
  });

  it('adds the same file once, even accepted twice or twice in a batch', async () => {
    const { backpack } = await setup();
    const staged = await backpack.stage([file(PNG2), file(PNG2)]);
    expect(await backpack.accept(staged)).toEqual({ added: [recordOf(staged[0]).id], merged: [recordOf(staged[0]).id] });
    expect(await backpack.accept(staged)).toEqual({ added: [], merged: [recordOf(staged[0]).id] });
    expect(await backpack.list()).toHaveLength(1);
  });

  it('decides at write time: an item whose batch twin was left out is added, not lost', async () => {
    const { backpack } = await setup();
    const staged = await backpack.stage([file(PNG3), file(SVG3)]);
    expect(staged[1]).toMatchObject({ status: 'duplicate' });
    const result = await backpack.accept([staged[1]!]);
    expect(result.added).toEqual([recordOf(staged[1]).id]);
  });

  it('keeps an invalid badge the earner insists on as its own record, never merged', async () => {
    const { backpack } = await setup();
    await backpack.accept(await backpack.stage([file(PNG3)]));
    const staged = await backpack.stage([file(TAMPERED)]);
    expect(staged[0]?.status).toBe('invalid');
    const result = await backpack.accept(staged);
    expect(result).toEqual({ added: [recordOf(staged[0]).id], merged: [] });
    expect(await backpack.list()).toHaveLength(2);
    expect((await backpack.get(recordOf(staged[0]).id))!.latest!.verdict).toBe('invalid');
    // Another copy of the credential is merged into the authentic record, never into the tampered one.
    const [authentic] = (await backpack.list()).filter((r) => r.latest!.verdict !== 'invalid');
    const copy = await backpack.stage([file(SVG3)]);
    expect(copy[0]).toMatchObject({ status: 'duplicate', existingId: authentic!.id });
    expect(await backpack.accept(copy)).toEqual({ added: [], merged: [authentic!.id] });
    expect(await backpack.history(recordOf(staged[0]).id)).toHaveLength(1);
  });

  it('ignores items that are not badges', async () => {
    const { backpack } = await setup();
    expect(await backpack.accept(await backpack.stage([file(JPEG)]))).toEqual({ added: [], merged: [] });
  });

  it('on a full disk: QUOTA_EXCEEDED, nothing of the batch stored, the badges already there intact', async () => {
    const { backpack } = await setup();
    await backpack.accept(await backpack.stage([file(PNG2)]));
    const before = await backpack.list();
    const history = await backpack.history(before[0]!.id);
    const staged = await backpack.stage([file(PNG3), file(TAMPERED)]);
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'badges' && ++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const listener = vi.fn();
    backpack.subscribe(listener);
    await expect(backpack.accept(staged)).rejects.toMatchObject({ name: 'BackpackError', code: 'QUOTA_EXCEEDED' });
    vi.restoreAllMocks();
    expect(await backpack.list()).toEqual(before);
    expect(await backpack.history(before[0]!.id)).toEqual(history);
    expect(await backpack.get(recordOf(staged[0]).id)).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('the OB 3.0 rule "the newer validFrom supersedes"', () => {
  /** A stand-in verifier: every JSON payload is an authentic OB 3.0 credential. */
  const fake: Verifier = {
    async verify(input) {
      const payload = 'extracted' in input ? input.extracted.payload : '';
      const doc = JSON.parse(payload) as { id: string; issuer: string; validFrom: string; name: string };
      const badge = { obVersion: '3.0', proof: 'data-integrity', id: doc.id, name: doc.name, issuer: { id: doc.issuer }, issuedOn: doc.validFrom } as unknown as Badge;
      return { verdict: 'valid', checks: [{ id: 'signature', status: 'pass', code: 'OK' }], badge, checkedAt: '2026-01-01T00:00:00.000Z', extraction: null, extractError: null } satisfies PipelineReport;
    },
  };
  const credential = (validFrom: string, name: string): ImportInput => ({
    kind: 'text',
    text: JSON.stringify({ type: ['VerifiableCredential', 'OpenBadgeCredential'], id: 'urn:uuid:1', issuer: 'https://issuer.example/', validFrom, name }),
  });

  it('stores a newer copy beside the older one, and merges an older copy into the newest', async () => {
    const backpack = createBackpack({ db: await openFresh(), verifier: fake, now: makeClock().now, channel: null });
    const v1 = await backpack.stage([credential('2024-01-01T00:00:00Z', 'first')]);
    await backpack.accept(v1);

    const v2 = await backpack.stage([credential('2025-01-01T00:00:00Z', 'second')]);
    expect(v2[0]).toMatchObject({ status: 'duplicate', reason: 'same-credential', newer: true, existingId: recordOf(v1[0]).id });
    expect(await backpack.accept(v2)).toEqual({ added: [recordOf(v2[0]).id], merged: [] });
    expect(await backpack.get(recordOf(v1[0]).id)).toEqual({ ...recordOf(v1[0]), addedAt: expect.any(String) }); // the older copy is untouched

    const old = await backpack.stage([credential('2023-01-01T00:00:00Z', 'older')]);
    expect(old[0]).toMatchObject({ status: 'duplicate', reason: 'same-credential', existingId: recordOf(v2[0]).id });
    expect(old[0]).not.toHaveProperty('newer');
    expect(await backpack.accept(old)).toEqual({ added: [], merged: [recordOf(v2[0]).id] });
    expect(await backpack.list()).toHaveLength(2);
  });

  it('percent-decodes and trims ids before comparing them', async () => {
    const backpack = createBackpack({ db: await openFresh(), verifier: fake, channel: null });
    const a: ImportInput = { kind: 'text', text: JSON.stringify({ id: 'urn:uuid:caf%C3%A9', issuer: 'https://issuer.example/', validFrom: '2024-01-01T00:00:00Z', name: 'a' }) };
    const b: ImportInput = { kind: 'text', text: JSON.stringify({ id: ' urn:uuid:café ', issuer: 'https://issuer.example/', validFrom: '2024-01-01T00:00:00Z', name: 'b' }) };
    expect((await backpack.stage([a, b])).map((i) => i.status)).toEqual(['new', 'duplicate']);
  });
});

describe('remove and Undo', () => {
  it('removes a badge and its history; Undo brings both back exactly', async () => {
    const { backpack, clock } = await setup();
    const staged = await backpack.stage([file(PNG3), file(PNG2)]);
    await backpack.accept(staged);
    const id = recordOf(staged[0]).id;
    clock.advance(DAY);
    await backpack.reverify(id);
    const record = await backpack.get(id);
    const history = await backpack.history(id);
    expect(history).toHaveLength(2);

    const undo = await backpack.remove(id);
    expect(undo.badgeId).toBe(id);
    expect(await backpack.get(id)).toBeUndefined();
    expect(await backpack.history(id)).toEqual([]);
    expect(await backpack.list()).toHaveLength(1);

    await undo.undo();
    const back = await backpack.get(id);
    expect(back).toEqual(record);
    expect(Buffer.from(back!.original.bytes).equals(Buffer.from(record!.original.bytes))).toBe(true);
    expect(await backpack.history(id)).toEqual(history);
    await undo.undo(); // twice: nothing more
    expect(await backpack.history(id)).toEqual(history);
  });

  it('says NOT_FOUND for a badge that is not there', async () => {
    const { backpack } = await setup();
    await expect(backpack.remove('0'.repeat(64) as BadgeId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backpack.reverify('0'.repeat(64) as BadgeId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('reverify and dueForReverify', () => {
  it('stores the new report as latest and adds it to the history', async () => {
    const { backpack, clock } = await setup();
    const staged = await backpack.stage([file(PNG3)]);
    await backpack.accept(staged);
    const id = recordOf(staged[0]).id;
    clock.advance(3 * DAY);
    const report = await backpack.reverify(id);
    expect(report).toMatchObject({ badgeId: id, checkedAt: '2026-01-04T00:00:00.000Z', verdict: 'warning', online: true });
    const record = await backpack.get(id);
    expect(record!.latest).toEqual(report);
    expect(record!.badge).toEqual(recordOf(staged[0]).badge);
    expect((await backpack.history(id)).map((r) => r.checkedAt)).toEqual(['2026-01-04T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
  });

  it('passes the earner\'s identities to the verifier (the recipient check then runs)', async () => {
    const clock = makeClock();
    const inner = await corpusVerifier(clock);
    const seen: (readonly EarnerIdentity[])[] = [];
    const { backpack } = await setup({ clock, verifier: { verify: (input, identities) => (seen.push(identities), inner.verify(input, identities)) } });
    const before = await backpack.stage([file(PNG2)]);
    expect(recordOf(before[0]).latest!.checks.find((c) => c.id === 'recipient')).toMatchObject({ code: 'NO_IDENTITIES' });
    await backpack.addIdentity('  Ann@Example.org ');
    const after = await backpack.stage([file(PNG2)]);
    expect(seen[1]).toEqual([{ value: 'Ann@Example.org', kind: 'email', addedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(recordOf(after[0]).latest!.checks.find((c) => c.id === 'recipient')).toMatchObject({ status: 'warn', code: 'RECIPIENT_NO_MATCH' });
  });

  it('is due only online, when the last check is older than the setting, or ran offline', async () => {
    const s = await setup();
    const { backpack, clock } = s;
    const staged = await backpack.stage([file(PNG3), file(PNG2)]);
    await backpack.accept(staged);
    const [a, b] = [recordOf(staged[0]).id, recordOf(staged[1]).id];
    expect(await backpack.dueForReverify(clock.now())).toEqual([]);

    clock.advance(DAY); // exactly a day: not older than a day yet
    expect(await backpack.dueForReverify(clock.now())).toEqual([]);
    clock.advance(1);
    await backpack.reverify(b);
    expect(await backpack.dueForReverify(clock.now())).toEqual([a]);

    s.online = false;
    expect(await backpack.dueForReverify(clock.now())).toEqual([]); // offline: the last report stands
    await backpack.reverify(a); // run offline: its network checks could not run
    expect((await backpack.get(a))!.latest!.online).toBe(false);
    expect(await backpack.dueForReverify(clock.now())).toEqual([]);
    s.online = true;
    expect(await backpack.dueForReverify(clock.now())).toEqual([a]);

    await backpack.reverify(a);
    await backpack.updateSettings({ reverifyAfterMs: 60_000 });
    clock.advance(60_001);
    expect((await backpack.dueForReverify(clock.now())).sort()).toEqual([a, b].sort());
  });
});

describe('identities', () => {
  it('trims, classifies, and keeps one of each (e-mails compared case-insensitively)', async () => {
    const { backpack } = await setup();
    expect(await backpack.addIdentity('  ann@example.org ')).toMatchObject({ value: 'ann@example.org', kind: 'email', addedAt: '2026-01-01T00:00:00.000Z' });
    expect(await backpack.addIdentity('ANN@Example.ORG')).toMatchObject({ value: 'ann@example.org' });
    expect(await backpack.addIdentity('https://ann.example.org/')).toMatchObject({ kind: 'url' });
    expect(await backpack.addIdentity('did:example:ann')).toMatchObject({ kind: 'other' });
    expect(await backpack.addIdentity('+33 1 23 45 67 89')).toMatchObject({ kind: 'other' });
    expect((await backpack.identities()).map((i) => i.value)).toEqual(['+33 1 23 45 67 89', 'ann@example.org', 'did:example:ann', 'https://ann.example.org/']);
    await backpack.removeIdentity('Ann@example.org');
    await backpack.removeIdentity('did:example:ann');
    await backpack.removeIdentity('nobody');
    expect((await backpack.identities()).map((i) => i.value)).toEqual(['+33 1 23 45 67 89', 'https://ann.example.org/']);
    await expect(backpack.addIdentity('   ')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('settings', () => {
  it('reads defaults, saves a patch, refuses nonsense', async () => {
    const { backpack } = await setup();
    const defaults = { lang: null, displayName: null, reverifyAfterMs: 86_400_000, linkedInOrganizations: {} };
    expect(await backpack.settings()).toEqual(defaults);
    expect(await backpack.updateSettings({ lang: 'fr' })).toEqual({ ...defaults, lang: 'fr' });
    expect(await backpack.updateSettings({ displayName: 'Ann' })).toEqual({ ...defaults, lang: 'fr', displayName: 'Ann' });
    await expect(backpack.updateSettings({ lang: 'de' as 'fr' })).rejects.toBeInstanceOf(TypeError);
    await expect(backpack.updateSettings({ reverifyAfterMs: -1 })).rejects.toBeInstanceOf(TypeError);
    await expect(backpack.updateSettings({ linkedInOrganizations: { x: 12 as unknown as string } })).rejects.toBeInstanceOf(TypeError);
    expect(await backpack.updateSettings({ linkedInOrganizations: { ' https://issuer.example ': ' 1337 ', empty: ' ' } })).toEqual({
      ...defaults,
      lang: 'fr',
      displayName: 'Ann',
      linkedInOrganizations: { 'https://issuer.example': '1337' },
    });
  });
});

describe('subscribe (this tab)', () => {
  it('tells listeners after each committed write, until unsubscribed', async () => {
    const { backpack } = await setup();
    const listener = vi.fn();
    const unsubscribe = backpack.subscribe(listener);
    const staged = await backpack.stage([file(PNG2)]);
    expect(listener).not.toHaveBeenCalled(); // staging writes nothing
    await backpack.accept(staged);
    expect(listener).toHaveBeenCalledTimes(1);
    await backpack.addIdentity('ann@example.org');
    await backpack.addIdentity('ann@example.org'); // already there: no write, no call
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    await backpack.updateSettings({ lang: 'en' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
