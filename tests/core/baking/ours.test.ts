/**
 * Our own fixtures: the cases no corpus source has (compressed iTXt, zTXt, duplicate and mixed
 * chunks, damage, OB 2.0 JWS baked, SVG decoys and entities). Driven by tests/fixtures/ours/MANIFEST.tsv,
 * written by tests/fixtures/ours/make-fixtures.ts.
 */
import { compactVerify, importJWK, type JWK } from 'jose';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bake, extract } from '../../../src/core/baking';
import { iTXt, makePng, splitPng, withChunks } from '../../fixtures/ours/png-tools';
import { fixtureBytes, fixtureText, jwsClaims, readTsv } from './helpers';

const rows = readTsv('ours/MANIFEST.tsv');

describe('our fixtures (tests/fixtures/ours/MANIFEST.tsv)', () => {
  it('cover the corpus gaps', () => {
    expect(rows.length).toBeGreaterThanOrEqual(19);
    expect(rows.every((r) => r['file']?.startsWith('ours-'))).toBe(true);
  });

  it.each(rows.map((r) => [r['file'] ?? '', r] as const))('%s', (file, row) => {
    const result = extract(fixtureBytes(`ours/${file}`));
    const outcome = row['outcome'] ?? '';
    if (outcome !== 'ok') {
      const [code, reason] = outcome.split(':');
      if (result.ok) throw new Error(`${file}: expected ${outcome}, extracted ${result.value.payloadKind}`);
      expect(result.error.code).toBe(code);
      if (reason) expect(result.error.params?.['reason']).toBe(reason);
      return;
    }
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
    expect(result.value.payloadKind).toBe(row['payload_kind']);
    expect(result.value.obVersionHint).toBe(row['ob_version_hint']);
    expect(result.value.warnings.map((w) => w.code)).toEqual(row['warnings'] ? row['warnings'].split(',') : []);
    expect(result.value.payload).toBe(fixtureText(`ours/${row['payload_file']}`).trim());
  });

  it('signed the OB 2.0 assertion with the test key (RS256), so the JWS fixtures are real', async () => {
    const publicJwk = JSON.parse(fixtureText('ours/keys/ob2-rs256.public.jwk.json')) as JWK;
    const jws = fixtureText('ours/ours-ob2-signed.jws').trim();
    const { protectedHeader } = await compactVerify(jws, await importJWK(publicJwk, 'RS256'));
    expect(protectedHeader.alg).toBe('RS256');
    expect(jwsClaims(jws)).toMatchObject({ type: 'Assertion', verification: { type: 'SignedBadge' } });
  });

  it('made PNGs that a pixel decoder still reads (the undamaged ones)', () => {
    for (const row of rows.filter((r) => r['file']?.endsWith('.png') && r['outcome'] === 'ok' && !r['warnings']?.includes('DAMAGED'))) {
      expect(() => PNG.sync.read(Buffer.from(fixtureBytes(`ours/${row['file']}`))), row['file']).not.toThrow();
    }
  });

  it('cut the truncated PNG where a pixel decoder fails', () => {
    expect(() => PNG.sync.read(Buffer.from(fixtureBytes('ours/ours-truncated-after-badge.png')))).toThrow();
  });
});

describe('a large baked PNG (2000×2000, noisy pixels; made in memory, not kept in git)', () => {
  let large: Uint8Array;
  const payload = fixtureText('ours/ours-ob2-assertion.json').trim();

  beforeAll(() => {
    large = makePng(2000, 2000, { noise: 1 });
  });

  it('is large, and unbakes with the chunk after IHDR or after the IDATs', () => {
    expect(large.length).toBeGreaterThan(10_000_000);
    for (const where of ['head', 'tail'] as const) {
      const baked = withChunks(large, [iTXt('openbadges', payload)], where);
      const result = extract(baked);
      expect(result.ok && result.value.payload).toBe(payload);
    }
  });

  it('bakes and unbakes, leaving the pixel data byte for byte', () => {
    const baked = bake(large, payload);
    if (!baked.ok) throw new Error(JSON.stringify(baked.error));
    expect(baked.value.container).toBe('png');
    expect(baked.value.bytes.length).toBe(large.length + 12 + 'openbadges'.length + 5 + Buffer.byteLength(payload));
    const unbaked = extract(baked.value.bytes);
    expect(unbaked.ok && unbaked.value.payload).toBe(payload);
    const idat = (png: Uint8Array) => splitPng(png).filter((c) => c.type === 'IDAT').map((c) => Buffer.from(c.data));
    expect(Buffer.concat(idat(baked.value.bytes)).equals(Buffer.concat(idat(large)))).toBe(true);
  });
});
