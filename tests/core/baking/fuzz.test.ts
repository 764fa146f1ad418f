/**
 * Fuzzing: mutated corpus files, garbled markup and random bytes. Whatever comes in, `extract` and
 * `bake` return (never throw, never hang) with a listed code, and whatever `bake` accepts unbakes to
 * exactly what was baked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bake,
  BAKE_ERROR_CODES,
  extract,
  EXTRACT_ERROR_CODES,
  EXTRACT_WARNING_CODES,
} from '../../../src/core/baking';
import { fixtureBytes, readTsv } from './helpers';

const seeds = [
  ...readTsv('corpus/manifest-baking.tsv').map((r) => `corpus/${r['file']}`),
  ...readTsv('ours/MANIFEST.tsv').map((r) => `ours/${r['file']}`),
].map((path) => ({ path, bytes: fixtureBytes(path) }));
const pngSeeds = seeds.filter((s) => s.path.endsWith('.png') && s.bytes[0] === 0x89);
const svgSeeds = seeds.filter((s) => s.path.endsWith('.svg'));

const PAYLOAD = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/fuzz' });
/** Generous: every input here is under 600 KB and takes milliseconds; only a hang or a blow-up would reach it. */
const BOUND_MS = 2000;

function checkExtract(bytes: Uint8Array): void {
  const started = performance.now();
  const result = extract(bytes);
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  if (result.ok) {
    expect(result.value.payload.length).toBeGreaterThan(0);
    for (const w of result.value.warnings) expect(EXTRACT_WARNING_CODES).toContain(w.code);
  } else {
    expect(EXTRACT_ERROR_CODES).toContain(result.error.code);
    expect(result.error.code).not.toBe('INTERNAL');
  }
}

function checkBake(bytes: Uint8Array): void {
  const baked = bake(bytes, PAYLOAD, '2.0');
  if (!baked.ok) {
    expect(BAKE_ERROR_CODES).toContain(baked.error.code);
    expect(baked.error.code).not.toBe('INTERNAL');
    return;
  }
  expect(extract(baked.value.bytes)).toMatchObject({ ok: true, value: { payload: PAYLOAD, warnings: [] } });
}

const check = (bytes: Uint8Array): void => {
  checkExtract(bytes);
  checkBake(bytes);
};

const seed = fc.constantFrom(...seeds);

describe('fuzz', () => {
  it('bit flips', () => {
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(seed, flips, ({ bytes }, at) => {
        const copy = bytes.slice();
        for (const [pos, bit] of at) copy[pos % copy.length] = (copy[pos % copy.length] ?? 0) ^ (1 << bit);
        check(copy);
      }),
      { numRuns: 600 },
    );
  });

  it('truncation', () => {
    fc.assert(
      fc.property(seed, fc.nat(), ({ bytes }, n) => check(bytes.subarray(0, n % (bytes.length + 1)))),
      { numRuns: 400 },
    );
  });

  it('PNG chunk lengths that lie', () => {
    const lie = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -16, max: 16 }));
    fc.assert(
      fc.property(fc.constantFrom(...pngSeeds), fc.nat(), lie, ({ bytes }, which, value) => {
        const copy = bytes.slice();
        const view = new DataView(copy.buffer);
        const starts: number[] = [];
        for (let pos = 8; pos + 8 <= copy.length; pos += 12 + view.getUint32(pos)) starts.push(pos);
        const at = starts[which % starts.length] ?? 8;
        const length = view.getUint32(at);
        view.setUint32(at, value < 0 || value <= 16 ? (length + value) >>> 0 : value);
        check(copy);
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes spliced in', () => {
    fc.assert(
      fc.property(seed, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean(), ({ bytes }, pos, junk, overwrite) => {
        const at = pos % (bytes.length + 1);
        const tail = bytes.subarray(overwrite ? Math.min(bytes.length, at + junk.length) : at);
        check(new Uint8Array([...bytes.subarray(0, at), ...junk, ...tail]));
      }),
      { numRuns: 400 },
    );
  });

  it('garbled SVG markup: nested and broken CDATA, comments, entities, badge elements', () => {
    const tokens = fc.constantFrom(
      '<![CDATA[', ']]>', '<![CDATA[<![CDATA[]]>]]>', '<!--', '-->', '<?', '?>', '<!DOCTYPE svg [<!ENTITY a "b">]>',
      '<openbadges:assertion>', '</openbadges:assertion>', '<openbadges:assertion verify="https://example.org/x"/>',
      '<openbadges:credential>', '</openbadges:credential>', '<ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0">',
      'xmlns:openbadges="http://openbadges.org"', '&xxe;', '&#0;', '&#x10FFFF;', '&amp;', '&', '<', '>', '"', "'", '=',
      '{"@context":"https://w3id.org/openbadges/v2"}', '\r\n', '\u0000', '\uFEFF', '😀',
    );
    const edits = fc.array(fc.tuple(fc.nat(), tokens), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...svgSeeds), edits, ({ bytes }, at) => {
        let text = new TextDecoder().decode(bytes);
        for (const [pos, token] of at) {
          const i = pos % (text.length + 1);
          text = text.slice(0, i) + token + text.slice(i);
        }
        check(new TextEncoder().encode(text));
      }),
      { numRuns: 800 },
    );
  });

  it('random bytes, bare or behind a PNG signature, `<svg`, `{`, or a URL start', () => {
    const prefixes = fc.constantFrom('', '\x89PNG\r\n\x1a\n', '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR', '<svg>', '<svg xmlns:openbadges="http://openbadges.org">', '{', 'https://', 'eyJhbGciOiJub25lIn0.');
    fc.assert(
      fc.property(prefixes, fc.uint8Array({ maxLength: 512 }), (prefix, rest) => {
        check(new Uint8Array([...Buffer.from(prefix, 'latin1'), ...rest]));
      }),
      { numRuns: 600 },
    );
  });
});
