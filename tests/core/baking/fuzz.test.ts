/**
 * Fuzzing: mutated corpus files, garbled markup and random bytes. Whatever comes in, `extract` and
 * `bake` return (never throw, never hang) with a listed code, and whatever `bake` accepts unbakes to
 * exactly what was baked. The mutations are tests/fuzz/mutate.ts' (which `npm run fuzz` also drives).
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
import type { Case } from '../../fuzz/case';
import { bitFlips, junkSpliced, pngLengthLies, prefixedNoise, svgEdits, truncations } from '../../fuzz/mutate';
import { bakingSeeds as seeds, pngSeeds, svgSeeds } from '../../fuzz/seeds';

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

const check = ({ input: bytes }: Case<Uint8Array>): void => {
  checkExtract(bytes);
  checkBake(bytes);
};

describe('fuzz', () => {
  it('bit flips', () => {
    fc.assert(fc.property(bitFlips(seeds), check), { numRuns: 600 });
  });

  it('truncation', () => {
    fc.assert(fc.property(truncations(seeds), check), { numRuns: 400 });
  });

  it('PNG chunk lengths that lie', () => {
    fc.assert(fc.property(pngLengthLies(pngSeeds), check), { numRuns: 400 });
  });

  it('random bytes spliced in', () => {
    fc.assert(fc.property(junkSpliced(seeds), check), { numRuns: 400 });
  });

  it('garbled SVG markup: nested and broken CDATA, comments, entities, badge elements', () => {
    fc.assert(fc.property(svgEdits(svgSeeds), check), { numRuns: 800 });
  });

  it('random bytes, bare or behind a PNG signature, `<svg`, `{`, or a URL start', () => {
    fc.assert(fc.property(prefixedNoise(), check), { numRuns: 600 });
  });
});
