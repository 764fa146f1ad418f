/** Bitstring decoding and reading, on the corpus's real lists and on lists we make. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { base64urlnopad } from '@scure/base';
import { decodeEncodedList, gunzipCapped, parseStatusIndex, readStatus } from '../../../../src/core/verify/status/bitstring';
import { bitstring, encodeList, readCorpusJson } from '../ob3/support';

const setBits = (bits: Uint8Array): number[] => {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if (readStatus(bits, i).ok && (readStatus(bits, i) as { value: number }).value) out.push(i);
  return out;
};

const encodedListOf = (path: string): string =>
  (readCorpusJson(path)['credentialSubject'] as Record<string, unknown>)['encodedList'] as string;

describe('decodeEncodedList on published lists', () => {
  it('1EdTech testlist: 16 KB, only bit 23 set (index 0 = MSB of byte 0)', () => {
    const decoded = decodeEncodedList(encodedListOf('1edtech-dcpv/ob30/bit-string-list/testlist'));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.length).toBe(16_384);
    expect(setBits(decoded.value)).toEqual([23]);
  });

  it('DCC list e5WK8CbZ1GjycuPombrj: bits 2, 6 and 8 (indexes 6, 8 revoked, 7 not)', () => {
    const decoded = decodeEncodedList(encodedListOf('dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj'));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.length).toBe(12_500);
    expect(setBits(decoded.value)).toEqual([2, 6, 8]);
  });

  it('the W3C specification example is 16,384 zero bytes', () => {
    const decoded = decodeEncodedList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(decoded.ok && decoded.value.length).toBe(16_384);
    expect(decoded.ok && decoded.value.every((b) => b === 0)).toBe(true);
  });

  it('the DCC tampered list does not decode', () => {
    expect(decodeEncodedList(encodedListOf('dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/tampered')).ok).toBe(false);
  });
});

describe('decodeEncodedList formats', () => {
  it('StatusList2021 / RevocationList2020 write plain base64url without the multibase prefix', () => {
    const bits = bitstring(16_384, { 5: 1 });
    const decoded = decodeEncodedList(encodeList(bits, true));
    expect(decoded.ok && setBits(decoded.value)).toEqual([5]);
  });

  it('refuses what is neither multibase base64url nor a GZIP in base64url', () => {
    expect(decodeEncodedList('zSomethingBase58')).toEqual({ ok: false, error: 'encoding' });
    expect(decodeEncodedList(42)).toEqual({ ok: false, error: 'encoding' });
    expect(decodeEncodedList('u!!!')).toEqual({ ok: false, error: 'encoding' });
  });

  it('stops a decompression bomb at the cap', () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024)); // 4 MB of zeros, a few KB compressed
    expect(decodeEncodedList(`u${base64urlnopad.encode(bomb)}`, 1024 * 1024)).toEqual({ ok: false, error: 'too-large' });
    expect(gunzipCapped(bomb, 4 * 1024 * 1024).ok).toBe(true);
  });

  it('rejects a GZIP whose length trailer lies', () => {
    const gz = gzipSync(new Uint8Array(100));
    gz[gz.length - 4] = 99; // ISIZE
    expect(gunzipCapped(gz, 1000)).toEqual({ ok: false, error: 'gzip' });
  });

  it('round-trips any set of indexes (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 8191 }), { maxLength: 20 }), (indexes) => {
        const bits = bitstring(1024, Object.fromEntries(indexes.map((i) => [i, 1])));
        const decoded = decodeEncodedList(encodeList(bits));
        return decoded.ok && JSON.stringify(setBits(decoded.value)) === JSON.stringify([...indexes].sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });
});

describe('readStatus', () => {
  it('reads multi-bit entries most significant bit first', () => {
    const bits = bitstring(2, { 0: 0b10, 1: 0b01, 3: 0b11 }, 2);
    expect([0, 1, 2, 3].map((i) => readStatus(bits, i, 2))).toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 1 },
      { ok: true, value: 0 },
      { ok: true, value: 3 },
    ]);
  });

  it('says when an index is outside the list', () => {
    const bits = new Uint8Array(2);
    expect(readStatus(bits, 15).ok).toBe(true);
    expect(readStatus(bits, 16)).toEqual({ ok: false, error: { index: 16, entries: 16 } });
    expect(readStatus(bits, 8, 2)).toEqual({ ok: false, error: { index: 8, entries: 8 } });
    expect(readStatus(bits, -1).ok).toBe(false);
  });
});

describe('parseStatusIndex', () => {
  it('accepts base-10 strings and (leniently) integers', () => {
    expect(parseStatusIndex('7')).toBe(7);
    expect(parseStatusIndex(23)).toBe(23);
    expect(parseStatusIndex(' 94567 ')).toBe(94567);
  });
  it('refuses everything else', () => {
    for (const v of ['-1', '1.5', '0x10', '', 'seven', -3, 1.5, null, undefined, {}]) expect(parseStatusIndex(v)).toBeNull();
  });
});
