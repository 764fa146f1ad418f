/**
 * Staging: every input is hashed, extracted and verified before anything is written, then marked
 * new, duplicate (same file / same credential, in the backpack or earlier in the batch),
 * not a badge (with extraction's diagnosis) or invalid (with the failing check).
 * Real corpus files, verified offline against the corpus' document map on 2026-01-01.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StagedItem } from '../../src/app/types';
import { corpus, corpusVerifier, file, makeClock, setup } from './support';

const PNG3 = '1edtech-dcpv/ob30/simple-json.png';
const SVG3 = '1edtech-dcpv/ob30/simple-json.svg';
const JWT_SVG3 = '1edtech-dcpv/ob30/simple-jwt.svg';
const PNG2 = '1edtech-dcpv/ob20/simple-badge.png';
const JPEG = 'mozilla-backpack/history-2012/sneaky-badge.png';
const UNBAKED = 'mozilla-bakery/unbaked.png';
const TAMPERED = '1edtech-dcpv/ob30/simple-err-proof-value.json';
const EXPIRED = '1edtech-dcpv/ob30/simple-err-expired.json';

const statusOf = (items: readonly StagedItem[]) => items.map((i) => (i.status === 'duplicate' ? `duplicate:${i.reason}` : i.status));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stage', () => {
  it('prepares a new badge: id = SHA-256 of the bytes, media type from the bytes, report dated', async () => {
    const { backpack } = await setup();
    const [item] = await backpack.stage([file(PNG3)]);
    expect(item?.status).toBe('new');
    if (item?.status !== 'new') return;
    const { record } = item;
    expect(record.id).toBe(bytesToHex(sha256(corpus(PNG3))));
    expect(record.original).toEqual({ bytes: corpus(PNG3), mediaType: 'image/png', fileName: 'simple-json.png' });
    expect(record.extracted).toMatchObject({ container: 'png', payloadKind: 'json', obVersionHint: '3.0' });
    expect(record.badge).toMatchObject({ obVersion: '3.0', id: 'http://example.com/credentials/3527' });
    expect(record.identityKey).toBe(JSON.stringify(['ob3', 'https://example.com/issuers/876543', 'http://example.com/credentials/3527']));
    expect(record.latest).toMatchObject({ badgeId: record.id, checkedAt: '2026-01-01T00:00:00.000Z', verdict: 'warning', online: true });
    // Plain data: survives a structured clone unchanged.
    expect(structuredClone(record)).toEqual(record);
    // Nothing is written by staging.
    expect(await backpack.list()).toEqual([]);
  });

  it('marks the same file already in the backpack, and the same credential baked another way', async () => {
    const { backpack } = await setup();
    const first = await backpack.stage([file(PNG3)]);
    await backpack.accept(first);
    const id = first[0]!.status === 'new' ? first[0]!.record.id : '';
    const items = await backpack.stage([file(PNG3), file(SVG3), file(JWT_SVG3)]);
    expect(statusOf(items)).toEqual(['duplicate:same-file', 'duplicate:same-credential', 'new']);
    expect(items[0]).toMatchObject({ existingId: id });
    expect(items[1]).toMatchObject({ existingId: id });
    expect(items[1]).not.toHaveProperty('newer');
    // simple-jwt.svg has the same credential id but another issuer: another credential (OB 3.0 equality).
  });

  it('recognises OB 2.0 duplicates by assertion id (a pasted JSON vs the baked PNG)', async () => {
    const { backpack } = await setup();
    await backpack.accept(await backpack.stage([file(PNG2)]));
    const text = new TextDecoder().decode(corpus('1edtech-dcpv/ob20/basic-assertion.json'));
    const [item] = await backpack.stage([{ kind: 'text', text }]);
    expect(item).toMatchObject({ status: 'duplicate', reason: 'same-credential' });
    if (item?.status === 'duplicate') {
      expect(item.record.original).toMatchObject({ mediaType: 'application/json', fileName: null });
      expect(new TextDecoder().decode(item.record.original.bytes)).toBe(text);
    }
  });

  it('marks duplicates inside one batch', async () => {
    const { backpack } = await setup();
    const items = await backpack.stage([file(PNG3), file(PNG3), file(SVG3), file(PNG2)]);
    expect(statusOf(items)).toEqual(['new', 'duplicate:same-file', 'duplicate:same-credential', 'new']);
    const firstId = items[0]!.status === 'new' ? items[0]!.record.id : null;
    expect(items[1]).toMatchObject({ existingId: firstId });
    expect(items[2]).toMatchObject({ existingId: firstId });
  });

  it('says "not a badge" with extraction\'s diagnosis: a JPEG named .png, an unbaked PNG, junk text', async () => {
    const { backpack } = await setup();
    const items = await backpack.stage([file(JPEG), file(UNBAKED), { kind: 'text', text: '{ "not": json' }, { kind: 'text', text: 'hello' }]);
    expect(items).toMatchObject([
      { status: 'not-a-badge', error: { code: 'UNSUPPORTED_IMAGE', params: { format: 'jpeg' } } },
      { status: 'not-a-badge', error: { code: 'UNBAKED_IMAGE' } },
      { status: 'not-a-badge', error: { code: 'BAD_PAYLOAD', params: { reason: 'json' } } },
      { status: 'not-a-badge', error: { code: 'NOT_AN_IMAGE' } },
    ]);
  });

  it('says "invalid" with the first failing check, and never calls an invalid file a duplicate', async () => {
    const { backpack } = await setup();
    await backpack.accept(await backpack.stage([file(PNG3)]));
    // Both claim the identity of simple-json.png (same issuer and credential id).
    const items = await backpack.stage([file(TAMPERED), file(EXPIRED)]);
    expect(items).toMatchObject([
      { status: 'invalid', failing: { id: 'signature', status: 'fail', code: 'TAMPERED' } },
      { status: 'invalid', failing: { id: 'expiry', status: 'fail', code: 'EXPIRED' } },
    ]);
  });

  it('verifies before any write transaction opens, and reports progress', async () => {
    const { backpack } = await setup();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const progress: [number, number][] = [];
    await backpack.stage([file(PNG3), file(JPEG)], { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(transaction).toHaveBeenCalled(); // reads (identities, duplicates) …
    expect(transaction.mock.calls.every((call) => call[1] === undefined || call[1] === 'readonly')).toBe(true); // … and no write
  });

  it('hands its signal to the verifier', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const clock = makeClock();
    const inner = await corpusVerifier(clock);
    const { backpack } = await setup({ clock, verifier: { verify: (input, ids, options) => (signals.push(options?.signal), inner.verify(input, ids, options)) } });
    const controller = new AbortController();
    await backpack.stage([file(PNG2)], { signal: controller.signal });
    expect(signals).toEqual([controller.signal]);
  });

  it('stages a badge whose verification could not run as "not checked", without sinking the rest', async () => {
    const clock = makeClock();
    const inner = await corpusVerifier(clock);
    let calls = 0;
    const flaky = {
      verify: (...args: Parameters<typeof inner.verify>) => {
        calls++;
        if (calls === 1) return Promise.reject(Object.assign(new Error('worker timed out'), { code: 'TIMEOUT' }));
        return inner.verify(...args);
      },
    };
    const { backpack } = await setup({ clock, verifier: flaky });
    const staged = await backpack.stage([file(PNG2), file(PNG3)]);
    expect(staged.map((s) => s.status)).toEqual(['new', 'new']);
    const first = staged[0]!;
    if (first.status !== 'new') throw new Error('unreachable');
    expect(first.record.latest?.verdict).toBe('unverified');
    expect(first.record.latest?.checks).toEqual([{ id: 'signature', status: 'unchecked', code: 'NOT_CHECKED', params: { reason: 'TIMEOUT' } }]);
    expect(staged[1]!.status === 'new' && staged[1]!.record.latest?.verdict).not.toBe('unverified');
  });

  it('stops when aborted', async () => {
    const { backpack } = await setup();
    const controller = new AbortController();
    const staging = backpack.stage([file(PNG3), file(SVG3)], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(staging).rejects.toMatchObject({ name: 'AbortError' });
  });
});
