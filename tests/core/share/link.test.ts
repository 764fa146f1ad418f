/** Share links: round trips over the corpus and generated shares; every hostile link gets its typed code. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/core/baking';
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
      expect(link.startsWith(`${BASE}#v1.`)).toBe(true);
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

  it('a flipped byte gives a typed code or another valid share — never a throw', () => {
    const link = encodeShare({ createdAt: '2026-01-01T00:00:00.000Z', badges: [{ kind: 'url', payload: 'https://example.org/a.json' }] }, BASE);
    const packed = base64urlnopad.decode(link.split('#v1.')[1]!);
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

  it('a truncated fragment → TRUNCATED', () => {
    const link = encodeShare({ createdAt: '2026-01-01T00:00:00.000Z', badges: [{ kind: 'json', payload: JSON.stringify({ a: 'x'.repeat(2000), b: Math.PI }) }] }, BASE);
    const packed = base64urlnopad.decode(link.split('#v1.')[1]!);
    for (const keep of [1, 5, Math.floor(packed.length / 2), packed.length - 1]) {
      expect(code(`#v1.${base64urlnopad.encode(packed.subarray(0, keep))}`), `keep ${keep}`).toBe('TRUNCATED');
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
