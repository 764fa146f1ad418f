/** Share links: round trips over the corpus and generated shares; every hostile link gets its typed code. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { base32nopad, base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core/crc32';
import { extract } from '../../../src/core/baking';
import { SHARE_DICTIONARY_V2 } from '../../../src/core/share/dictionary';
import {
  decodeShare,
  encodeShare,
  MAX_BADGES,
  SHARE_ERROR_CODES,
  SHARE_KINDS,
  shareItemFromExtracted,
  type Share,
  type ShareKind,
} from '../../../src/core/share';

const CORPUS = join(import.meta.dirname, '../../fixtures/corpus');
const BASE = 'https://besace.example/app/';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(png|svg|json|jwt|jws|txt)$/i.test(name) && statSync(path).size < 512 * 1024) yield path;
  }
}

/** A fragment made by hand: `v1.` + base64url(deflateRaw(text)). */
const fragmentOf = (text: string | Uint8Array) =>
  `v1.${base64urlnopad.encode(deflateSync(typeof text === 'string' ? new TextEncoder().encode(text) : text))}`;
const code = (link: string) => {
  const r = decodeShare(link);
  return r.ok ? 'OK' : r.error.code;
};
const minimal = { c: '2026-01-01T00:00:00.000Z', b: [{ k: 'url', p: 'https://example.org/a.json' }] };

const DICTIONARY = new TextEncoder().encode(SHARE_DICTIONARY_V2);
/** A v2 fragment made by hand: `v2.` + base32(CRC-32 of the JSON ‖ deflateRaw(JSON, dictionary)). */
const v2Fragment = (doc: unknown, dictionary: Uint8Array | undefined = DICTIONARY) => {
  const json = new TextEncoder().encode(typeof doc === 'string' ? doc : JSON.stringify(doc));
  const d = deflateSync(json, { level: 9, ...(dictionary ? { dictionary } : {}) });
  const out = new Uint8Array(4 + d.length);
  new DataView(out.buffer).setUint32(0, crc32(json));
  out.set(d, 4);
  return `v2.${base32nopad.encode(out)}`;
};
/** The bytes of a v2 link: CRC-32 ‖ DEFLATE stream. */
const v2Bytes = (link: string) => base32nopad.decode(link.split('#v2.')[1]!);

describe('share links: round trips', () => {
  it('carries every badge of the corpus exactly as shared, of every kind', () => {
    const kinds = new Set<ShareKind>();
    let count = 0;
    for (const path of files(CORPUS)) {
      const extracted = extract(new Uint8Array(readFileSync(path)));
      if (!extracted.ok) continue;
      const item = shareItemFromExtracted(extracted.value);
      if (item.kind !== 'url' && item.kind !== extracted.value.payloadKind) throw new Error(path);
      if (item.kind === extracted.value.payloadKind) expect(item.payload, path).toBe(extracted.value.payload);
      const share: Share = { title: path, createdAt: '2026-01-01T00:00:00.000Z', badges: [item] };
      const link = encodeShare(share, BASE);
      expect(link.startsWith(`${BASE}#v2.`)).toBe(true);
      expect(link.slice(`${BASE}#v2.`.length)).toMatch(/^[A-Z2-7]+$/);
      const back = decodeShare(link);
      if (!back.ok) {
        // Only a badge too big for a link may fail, and it says so.
        expect(['TOO_LARGE', 'MALFORMED'], path).toContain(back.error.code);
        continue;
      }
      expect(back.value, path).toEqual(share);
      kinds.add(item.kind);
      count++;
    }
    expect(count).toBeGreaterThan(50);
    expect([...kinds].sort()).toEqual([...SHARE_KINDS].sort());
  });

  it('shares a hosted OB 2.0 badge as its assertion URL, and OB 3.0 JSON unaltered (never trimmed)', () => {
    const hosted = extract(new Uint8Array(readFileSync(join(CORPUS, '1edtech-dcpv/ob20/basic-assertion.json'))));
    expect(hosted.ok && shareItemFromExtracted(hosted.value)).toMatchObject({ kind: 'url', payload: expect.stringMatching(/^https?:\/\//) });
    const ob3 = extract(new Uint8Array(readFileSync(join(CORPUS, '1edtech-dcpv/ob30/simple-json.svg'))));
    if (!ob3.ok) throw new Error('fixture');
    expect(shareItemFromExtracted(ob3.value)).toEqual({ kind: 'json', payload: ob3.value.payload });
    const padded = ` ${ob3.value.payload}\n`;
    expect(shareItemFromExtracted({ payloadKind: 'json', payload: padded }).payload).toBe(padded);
    const legacy = shareItemFromExtracted({ payloadKind: 'json', payload: JSON.stringify({ verify: { type: 'hosted', url: 'https://example.org/1.json' } }) });
    expect(legacy).toEqual({ kind: 'url', payload: 'https://example.org/1.json' });
    const signed = '{"verification":{"type":"signed"},"id":"urn:uuid:1"}';
    expect(shareItemFromExtracted({ payloadKind: 'json', payload: signed })).toEqual({ kind: 'json', payload: signed });
  });

  it('round-trips generated shares (property)', () => {
    const iso = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const item = fc.record({ kind: fc.constantFrom(...SHARE_KINDS), payload: fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }) });
    const share = fc.record(
      {
        title: fc.string({ maxLength: 80, unit: 'grapheme' }),
        createdAt: iso,
        until: iso,
        badges: fc.array(item, { minLength: 1, maxLength: MAX_BADGES }),
        displayName: fc.string({ maxLength: 80 }),
        recipient: fc.string({ minLength: 1, maxLength: 80 }).filter((v) => v.trim() !== ''),
        hideEvidence: fc.constant(true),
      },
      { requiredKeys: ['createdAt', 'badges'] },
    );
    fc.assert(
      fc.property(share, (s) => {
        const back = decodeShare(encodeShare(s, BASE));
        expect(back).toEqual({ ok: true, value: s });
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a whole link, a #fragment or the bare fragment', () => {
    const fragment = fragmentOf(JSON.stringify(minimal));
    for (const l of [`https://x.example/#${fragment}`, `#${fragment}`, fragment]) expect(code(l)).toBe('OK');
  });
});

describe('share links: hostile and broken links give typed codes', () => {
  it('no fragment or the wrong shape → NOT_A_SHARE_LINK; an unknown version → UNKNOWN_VERSION', () => {
    expect(code('https://besace.example/app/')).toBe('NOT_A_SHARE_LINK');
    expect(code('https://besace.example/app/#')).toBe('NOT_A_SHARE_LINK');
    expect(code('https://besace.example/app/#library')).toBe('NOT_A_SHARE_LINK');
    expect(code('#v1')).toBe('NOT_A_SHARE_LINK');
    expect(code(`#${fragmentOf(JSON.stringify(minimal)).replace('v1.', 'v9.')}`)).toBe('UNKNOWN_VERSION');
    expect(code('#v0.abc')).toBe('UNKNOWN_VERSION');
    expect(code('#vconstructor.abc')).toBe('NOT_A_SHARE_LINK');
  });

  it('bad base64url, bad deflate, not JSON, not UTF-8 → MALFORMED', () => {
    expect(code('#v1.')).toBe('MALFORMED');
    expect(code('#v1.abc+/def')).toBe('MALFORMED');
    expect(code('#v1.ab%20cd')).toBe('MALFORMED');
    expect(code('#v1.A')).toBe('MALFORMED');
    expect(code(`#v1.${base64urlnopad.encode(new Uint8Array([0xff, 0xff, 0xff, 0xff]))}`)).toBe('MALFORMED');
    expect(code(`#${fragmentOf('{"c":')}`)).toBe('MALFORMED');
    expect(code(`#${fragmentOf(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))}`)).toBe('MALFORMED');
  });

  it('v1 (no checksum): a flipped byte gives a typed code or another valid share — never a throw', () => {
    const packed = deflateSync(new TextEncoder().encode(JSON.stringify(minimal)));
    // The first byte holds the block header: flipping its type bits makes an invalid block type.
    const bad = packed.slice();
    bad[0] = bad[0]! | 0b110;
    expect(code(`#v1.${base64urlnopad.encode(bad)}`)).toBe('MALFORMED');
    fc.assert(
      fc.property(fc.nat(packed.length - 1), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const flipped = packed.slice();
        flipped[at] = flipped[at]! ^ mask;
        expect(['OK', ...SHARE_ERROR_CODES]).toContain(code(`#v1.${base64urlnopad.encode(flipped)}`));
      }),
    );
  });

  it('v2: every flipped byte (checksum or data) → CORRUPTED or another typed code, never another share', () => {
    const share: Share = { title: 'Mes badges', createdAt: '2026-01-01T00:00:00.000Z', badges: [{ kind: 'url', payload: 'https://example.org/a.json' }] };
    const packed = v2Bytes(encodeShare(share, BASE));
    const crcFlip = packed.slice();
    crcFlip[2] = crcFlip[2]! ^ 0x10;
    expect(code(`#v2.${base32nopad.encode(crcFlip)}`)).toBe('CORRUPTED');
    // Every byte: every single bit, and whole-byte patterns. Deterministic, so no seed makes it flaky.
    const seen = new Set<string>();
    for (let at = 0; at < packed.length; at++) {
      for (const mask of [1, 2, 4, 8, 16, 32, 64, 128, 0x0f, 0xf0, 0x55, 0xaa, 0xff]) {
        const flipped = packed.slice();
        flipped[at] = flipped[at]! ^ mask;
        const back = decodeShare(`#v2.${base32nopad.encode(flipped)}`);
        if (back.ok) {
          // Only bits DEFLATE never reads — after the end of the last block, in the last byte — may
          // change without effect: the same share, never another one.
          expect(at, `mask ${mask}`).toBe(packed.length - 1);
          expect(back.value).toEqual(share);
          continue;
        }
        seen.add(back.error.code);
      }
    }
    expect([...seen].sort()).toEqual(['CORRUPTED', 'TRUNCATED']);
  });

  it('v1 links made by the first release still open', () => {
    const v1 = { t: 'Mes badges', c: '2026-01-01T00:00:00.000Z', b: [{ k: 'url', p: 'https://example.org/a.json' }], n: 'Alex' };
    expect(decodeShare(`#${fragmentOf(JSON.stringify(v1))}`)).toEqual({
      ok: true,
      value: { title: 'Mes badges', createdAt: v1.c, badges: [{ kind: 'url', payload: 'https://example.org/a.json' }], displayName: 'Alex' },
    });
    // v2's fields are not v1's: a v1 link that carries them is not one the first release wrote.
    expect(code(`#${fragmentOf(JSON.stringify({ ...v1, e: 'alex@example.org' }))}`)).toBe('MALFORMED');
  });

  it('v2 carries the disclosed recipient and the evidence choice, and refuses odd values', () => {
    const share: Share = { createdAt: '2026-01-01T00:00:00.000Z', badges: [{ kind: 'jwt', payload: 'a.b.c' }], recipient: 'alex@example.org', hideEvidence: true };
    expect(decodeShare(encodeShare(share, BASE))).toEqual({ ok: true, value: share });
    const v2 = (doc: unknown) => `#${v2Fragment(doc)}`;
    expect(code(v2(minimal))).toBe('OK');
    expect(code(v2({ ...minimal, x: true }))).toBe('MALFORMED');
    expect(code(v2({ ...minimal, e: '  ' }))).toBe('MALFORMED');
    expect(code(v2({ ...minimal, z: 1 }))).toBe('MALFORMED');
  });

  it('a truncated fragment → TRUNCATED', () => {
    const link = encodeShare({ createdAt: '2026-01-01T00:00:00.000Z', badges: [{ kind: 'json', payload: JSON.stringify({ a: 'x'.repeat(2000), b: Math.PI }) }] }, BASE);
    const packed = v2Bytes(link);
    for (const keep of [1, 5, 6, Math.floor(packed.length / 2), packed.length - 1]) {
      expect(code(`#v2.${base32nopad.encode(packed.subarray(0, keep))}`), `keep ${keep}`).toBe('TRUNCATED');
    }
    // Cut at any character, whatever base32 group it ends in (most lengths are not canonical base32).
    const ob3 = extract(new Uint8Array(readFileSync(join(CORPUS, '1edtech-dcpv/ob30/simple.json'))));
    if (!ob3.ok) throw new Error('fixture');
    const real = encodeShare({ createdAt: '2026-01-01T00:00:00.000Z', badges: [shareItemFromExtracted(ob3.value)] }, BASE);
    const body = real.split('#v2.')[1]!;
    for (let keep = 1; keep < body.length; keep++) expect(code(`#v2.${body.slice(0, keep)}`), `keep ${keep} of ${body.length}`).toBe('TRUNCATED');
    expect(code(real)).toBe('OK');
    const v1 = deflateSync(new TextEncoder().encode(JSON.stringify({ ...minimal, t: 'y'.repeat(500) })));
    for (const keep of [1, Math.floor(v1.length / 2), v1.length - 1]) {
      expect(code(`#v1.${base64urlnopad.encode(v1.subarray(0, keep))}`), `keep ${keep}`).toBe('TRUNCATED');
    }
  });

  it('an oversized fragment or a deflate bomb → TOO_LARGE; more than 50 badges → TOO_MANY_BADGES', () => {
    expect(code(`#v1.${'A'.repeat(64 * 1024)}`)).toBe('TOO_LARGE');
    // 64 MB of zeros deflates to ~64 KB; 2 MB of spaces to ~2 KB: both must stop at 1 MB.
    const bomb = deflateSync(new Uint8Array(2 * 1024 * 1024).fill(0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(8 * 1024);
    expect(code(`#v1.${base64urlnopad.encode(bomb)}`)).toBe('TOO_LARGE');
    const many = { ...minimal, b: Array.from({ length: MAX_BADGES + 1 }, () => minimal.b[0]) };
    expect(code(`#${fragmentOf(JSON.stringify(many))}`)).toBe('TOO_MANY_BADGES');
    const fifty = { ...minimal, b: Array.from({ length: MAX_BADGES }, () => minimal.b[0]) };
    expect(code(`#${fragmentOf(JSON.stringify(fifty))}`)).toBe('OK');
    const bigPayload = { ...minimal, b: [{ k: 'json', p: 'x'.repeat(256 * 1024 + 1) }] };
    expect(code(`#${fragmentOf(JSON.stringify(bigPayload))}`)).toBe('MALFORMED');
  });

  it('hostile JSON: extra keys, wrong types, __proto__, bad dates → MALFORMED', () => {
    const cases: unknown[] = [
      null,
      [],
      'share',
      {},
      { ...minimal, x: 1 },
      { ...minimal, c: 1767225600000 },
      { ...minimal, c: 'yesterday' },
      { ...minimal, c: '2026-02-30T00:00:00Z' + 'x' },
      { ...minimal, u: '2026-13-45' },
      { ...minimal, t: 42 },
      { ...minimal, n: ['a'] },
      { ...minimal, t: 'x'.repeat(5000) },
      { ...minimal, b: [] },
      { ...minimal, b: {} },
      { ...minimal, b: [null] },
      { ...minimal, b: [{ k: 'pdf', p: 'x' }] },
      { ...minimal, b: [{ k: 'url', p: '' }] },
      { ...minimal, b: [{ k: 'url', p: 3 }] },
      { ...minimal, b: [{ k: 'url', p: 'x', extra: true }] },
      { ...minimal, b: [{ k: 'url' }] },
    ];
    for (const doc of cases) expect(code(`#${fragmentOf(JSON.stringify(doc))}`), JSON.stringify(doc)?.slice(0, 80)).toBe('MALFORMED');
    const proto = '{"c":"2026-01-01T00:00:00Z","b":[{"k":"url","p":"https://e.org/a","__proto__":{"polluted":1}}],"__proto__":{"polluted":1}}';
    expect(code(`#${fragmentOf(proto)}`)).toBe('MALFORMED');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const constructorKey = '{"c":"2026-01-01T00:00:00Z","b":[{"k":"url","p":"https://e.org/a"}],"constructor":{}}';
    expect(code(`#${fragmentOf(constructorKey)}`)).toBe('MALFORMED');
  });
});

describe('share links v2: uppercase base32 and a frozen preset dictionary', () => {
  it('writes the body in the QR alphanumeric set: only the base URL and `#v` go in byte mode', () => {
    const ob3 = extract(new Uint8Array(readFileSync(join(CORPUS, '1edtech-dcpv/ob30/simple.json'))));
    if (!ob3.ok) throw new Error('fixture');
    const link = encodeShare({ title: 'Mes badges', createdAt: '2026-01-01T00:00:00.000Z', badges: [shareItemFromExtracted(ob3.value)] }, BASE);
    const [first, ...rest] = QRCode.create(link, { errorCorrectionLevel: 'M' }).segments;
    expect(first).toMatchObject({ mode: { id: 'Byte' }, data: new TextEncoder().encode(`${BASE}#v`) });
    for (const segment of rest) expect(['Alphanumeric', 'Numeric']).toContain(segment.mode.id);
  });

  it('reads only canonical uppercase base32: lowercase, base64url, padding and stray characters → MALFORMED', () => {
    const body = v2Fragment(minimal).slice(3);
    expect(code(`#v2.${body}`)).toBe('OK');
    expect(code(`#v2.${body.toLowerCase()}`)).toBe('MALFORMED');
    expect(code(`#v2.${body}${'='.repeat((8 - (body.length % 8)) % 8 || 8)}`)).toBe('MALFORMED');
    expect(code(`#v2.${body.slice(0, 10)}-${body.slice(11)}`)).toBe('MALFORMED');
    expect(code(`#v2.${body.slice(0, 10)}1${body.slice(11)}`)).toBe('MALFORMED');
    expect(code(`#v2.${base64urlnopad.encode(v2Bytes(`#${v2Fragment(minimal)}`))}`)).toBe('MALFORMED');
    // Whole and intact, then characters no encoder writes (past the end of the DEFLATE stream).
    for (const extra of ['A', 'AA', 'AAA', 'AAAAA', 'AAAAAAAA', 'QA', '7777777Q']) expect(code(`#v2.${body}${extra}`), extra).toBe('MALFORMED');
  });

  it('keeps the dictionary frozen: it is part of the v2 format', () => {
    // A v2 link's DEFLATE stream refers back into these exact bytes: change one and every v2 link
    // already shared decodes to garbage (CORRUPTED). A new dictionary needs a new version (v3) with
    // its own constant, and this one stays for reading v2. Do not update this hash: revert the change.
    expect(SHARE_DICTIONARY_V2).toMatch(/^[\x20-\x7e]*$/);
    expect(DICTIONARY.length).toBe(4095);
    expect(createHash('sha256').update(DICTIONARY).digest('hex')).toBe('6d9f002803303a2e37a4f579852ed454af5655241b34de029640a8cf74b4a1e6');
  });

  it('still opens a v2 link written when v2 was frozen', () => {
    // Written by encodeShare with the first v2 dictionary: decoding it must never change.
    const link =
      'https://besace.example/app/#v2.D5POXQFLKYVADBUGN5VLCQQSFBAIWFI6GVGFCOF4WLSPASQFMAMJQAKDFMMSQD3C5INABELBRCQZDFMBAEIOSGIYDCAEFNYUEZ' +
      'WWRJDLNQMGEZDMMVVASRBQNF6GKYTKIVRG4QKOFLMA74HQFTLIPFFJ6ANBOJOSAZE3WDARTS2C3L2RGMMHEPQOJECQ2DOARXCZFKMRVIKXATQGKGYCEE5DFQCULLZBF' +
      'B5MC4ILIRIVBQYJSXHVIL2NZAVWIENN2LBZ3BNFTHQM4KKYWILOZ3MYXRNKLWSYDWSTYYBCOLGETLIAU2TVIIBTCHEHIQCKQVAOCCRFFPBVUAA';
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:key:z6MkTest', type: ['Profile'] },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Équipe' } },
    };
    expect(decodeShare(link)).toEqual({
      ok: true,
      value: {
        title: 'Mes badges — été 2026',
        createdAt: '2026-06-01T12:00:00.000Z',
        until: '2026-12-31T23:59:59.000Z',
        badges: [
          { kind: 'url', payload: 'https://example.org/assertions/1.json' },
          { kind: 'json', payload: JSON.stringify(credential, null, 2) },
        ],
        displayName: 'Alex',
        recipient: 'alex@example.org',
        hideEvidence: true,
      },
    });
  });

  it('a stream written with the dictionary cannot be read without it', () => {
    const ob3 = extract(new Uint8Array(readFileSync(join(CORPUS, '1edtech-dcpv/ob30/simple.json'))));
    if (!ob3.ok) throw new Error('fixture');
    const stream = v2Bytes(encodeShare({ createdAt: '2026-01-01T00:00:00.000Z', badges: [shareItemFromExtracted(ob3.value)] }, BASE)).subarray(4);
    // It refers back before its own start, into the dictionary: an invalid distance without it.
    expect(() => inflateSync(stream)).toThrow();
    expect(inflateSync(stream, { dictionary: DICTIONARY }).length).toBeGreaterThan(stream.length);
    // …so v1, which has no dictionary, refuses it.
    expect(code(`#v1.${base64urlnopad.encode(stream)}`)).toBe('MALFORMED');
  });

  it('a stream written with another dictionary → CORRUPTED; one written with none is still read', () => {
    const doc = { ...minimal, b: [{ k: 'json', p: '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}' }] };
    expect(code(`#${v2Fragment(doc)}`)).toBe('OK');
    // A "new" dictionary: the same bytes with the most used end changed (what a v3 might ship).
    const other = DICTIONARY.slice();
    other.set(new TextEncoder().encode('ABCDEFGHIJ'), other.length - 400);
    other.reverse();
    expect(code(`#${v2Fragment(doc, other)}`)).toBe('CORRUPTED');
    // DEFLATE cannot tell a stream that never refers into the dictionary: same JSON, same checksum.
    expect(code(`#${v2Fragment(doc, undefined)}`)).toBe('OK');
  });

  it('caps inflation of a dictionary stream at MAX_INFLATED_BYTES (the dictionary itself does not count)', () => {
    // 1.2 MB of the dictionary's own phrases: a few KB of back-references.
    const bomb = v2Fragment(SHARE_DICTIONARY_V2.repeat(300));
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(code(`#${bomb}`)).toBe('TOO_LARGE');
    // Just under the cap, the same stream inflates in full (and is then refused as JSON, not as size).
    expect(code(`#${v2Fragment(SHARE_DICTIONARY_V2.repeat(250))}`)).toBe('MALFORMED');
  });
});
