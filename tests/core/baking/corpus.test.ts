/**
 * The corpus' own baked images and badge files, as their authors expect them to unbake.
 * Driven by tests/fixtures/corpus/manifest-baking.tsv (the baked rows of MANIFEST.tsv): every row there must have an expectation here.
 */
import { describe, expect, it } from 'vitest';
import { extract, type ExtractErrorCode, type Extracted } from '../../../src/core/baking';
import { fixtureBytes, fixtureText, jwsClaims, jwsHeader, readTsv, without } from './helpers';

type Expectation = {
  /** Why the outcome is what it is, when the manifest's verdict is not about baking. */
  note?: string;
} & (
  | {
      extracts: Pick<Extracted, 'container' | 'payloadKind' | 'obVersionHint'> & { warnings: string[] };
      payload?: (extracted: Extracted) => void;
    }
  | { fails: ExtractErrorCode; params?: Record<string, string | number> }
);

const json = (e: Extracted): Record<string, unknown> => JSON.parse(e.payload) as Record<string, unknown>;
const corpusJson = (path: string): Record<string, unknown> => JSON.parse(fixtureText(`corpus/${path}`)) as Record<string, unknown>;

const EXPECTED: Record<string, Expectation> = {
  // --- png-baked ---
  '1edtech-dcpv/ob30/simple-json.png': {
    extracts: { container: 'png', payloadKind: 'json', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      // "same credential as simple.json", except the proof: the image was signed again (2024, another key).
      expect(without(json(e), 'proof')).toEqual(without(corpusJson('1edtech-dcpv/ob30/simple.json'), 'proof'));
      expect(json(e)['proof']).not.toEqual(corpusJson('1edtech-dcpv/ob30/simple.json')['proof']);
    },
  },
  '1edtech-dcpv/ob30/simple-jwt.png': {
    extracts: { container: 'png', payloadKind: 'jwt', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      const claims = jwsClaims(e.payload);
      expect(claims['vc']).toBeUndefined(); // the payload is the credential itself (VC 2.0)
      expect(claims['type']).toContain('OpenBadgeCredential');
      expect(jwsHeader(e.payload)).toMatchObject({ alg: 'RS256', jwk: { kty: 'RSA' } });
    },
  },
  '1edtech-dcpv/ob30/simple-jwt_v1.png': {
    note: 'the verdict "warning" is about the VC 1.1 schema and context, not the baking',
    extracts: { container: 'png', payloadKind: 'jwt', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      expect(jwsClaims(e.payload)['vc']).toMatchObject({ type: expect.arrayContaining(['OpenBadgeCredential']) });
    },
  },
  '1edtech-dcpv/ob20/simple-badge.png': {
    extracts: { container: 'png', payloadKind: 'json', obVersionHint: '2.0', warnings: [] },
    payload: (e) => {
      // basic-assertion.json, less its `evidence` (the baked copy has none).
      expect(json(e)).toEqual(without(corpusJson('1edtech-dcpv/ob20/basic-assertion.json'), 'evidence'));
    },
  },
  'mozilla-backpack/valid-baked.png': {
    extracts: { container: 'png', payloadKind: 'url', obVersionHint: 'unknown', warnings: ['TEXT_CHUNK_URL'] },
    payload: (e) => expect(e.payload).toBe('https://example.org/assertion'),
  },
  'mozilla-backpack/404.png': {
    note: 'invalid because the hosted assertion is not found: a verification outcome, the baking is fine',
    extracts: { container: 'png', payloadKind: 'url', obVersionHint: 'unknown', warnings: ['TEXT_CHUNK_URL'] },
    payload: (e) => expect(e.payload).toBe('https://example.org/404'),
  },
  'concentricsky-bakery/baked_heart.png': {
    extracts: { container: 'png', payloadKind: 'json', obVersionHint: '1.x', warnings: [] },
    payload: (e) =>
      // tests.py png_assertion
      expect(json(e)).toEqual({
        uid: '123',
        issuedOn: '2015-04-01',
        badge: 'http://example.org/badge1',
        recipient: { identity: 'test@example.com', hashed: false },
        verify: { type: 'hosted', url: 'http://example.org/badgeinstance1' },
      }),
  },

  // --- svg-baked ---
  '1edtech-dcpv/ob30/simple-json.svg': {
    extracts: { container: 'svg', payloadKind: 'json', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      expect(without(json(e), 'proof')).toEqual(without(corpusJson('1edtech-dcpv/ob30/simple.json'), 'proof'));
      const fromPng = extract(fixtureBytes('corpus/1edtech-dcpv/ob30/simple-json.png'));
      expect(fromPng.ok && JSON.parse(fromPng.value.payload)).toEqual(json(e));
    },
  },
  '1edtech-dcpv/ob30/simple-jwt.svg': {
    extracts: { container: 'svg', payloadKind: 'jwt', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      expect(jwsClaims(e.payload)['vc']).toBeUndefined();
      expect(jwsClaims(e.payload)['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    },
  },
  '1edtech-dcpv/ob30/simple-jwt_v1.svg': {
    note: 'the verdict "warning" is about the VC 1.1 schema and context, not the baking',
    extracts: { container: 'svg', payloadKind: 'jwt', obVersionHint: '3.0', warnings: [] },
    payload: (e) => {
      const fromPng = extract(fixtureBytes('corpus/1edtech-dcpv/ob30/simple-jwt_v1.png'));
      expect(fromPng.ok && fromPng.value.payload).toBe(e.payload); // the same JWT is baked in both
    },
  },
  'mozilla-bakery/baked.svg': {
    note: 'verify="http://example.org" and a JSON body whose verify.url is the same URL: the attribute wins (as in the Python bakery and the 1EdTech validator)',
    extracts: { container: 'svg', payloadKind: 'url', obVersionHint: 'unknown', warnings: ['SVG_BODY_IGNORED'] },
    payload: (e) => {
      expect(e.payload).toBe('http://example.org');
      expect(e.warnings[0]?.params).toEqual({ body: 'json' });
    },
  },
  'mozilla-bakery/no-json.svg': {
    extracts: { container: 'svg', payloadKind: 'url', obVersionHint: 'unknown', warnings: [] },
    payload: (e) => expect(e.payload).toBe('http://example.org'),
  },
  'mozilla-bakery/bad-json.svg': {
    note: 'invalid (our reading) because of the unquoted key in the body; the verify attribute wins, so the URL is extracted and the broken body is reported as a warning',
    extracts: { container: 'svg', payloadKind: 'url', obVersionHint: 'unknown', warnings: ['SVG_BODY_IGNORED'] },
    payload: (e) => {
      expect(e.payload).toBe('http://example.org');
      expect(e.warnings[0]?.params).toEqual({ body: 'invalid' });
    },
  },
  'concentricsky-bakery/baked_example.svg': {
    extracts: { container: 'svg', payloadKind: 'url', obVersionHint: 'unknown', warnings: ['SVG_BODY_IGNORED'] },
    payload: (e) => expect(e.payload).toBe('https://example.org/assertion.json'), // tests.py test_unbake_svg
  },

  // --- badge files that are their own container ---
  '1edtech-dcpv/ob30/simple.json': { extracts: { container: 'json', payloadKind: 'json', obVersionHint: '3.0', warnings: [] } },
  '1edtech-dcpv/ob20/basic-assertion.json': { extracts: { container: 'json', payloadKind: 'json', obVersionHint: '2.0', warnings: [] } },
  '1edtech-dcpv/ob30/simple.jwt': {
    extracts: { container: 'jws', payloadKind: 'jwt', obVersionHint: '3.0', warnings: [] },
    payload: (e) => expect(e.payload).toBe(fixtureText('corpus/1edtech-dcpv/ob30/simple.jwt').trim()),
  },
  '1edtech-dcpv/ob20/simple.jwt': {
    note: 'typ "JWT" in the header, but the payload is an OB 2.0 Assertion: a signed badge, not a VC-JWT',
    extracts: { container: 'jws', payloadKind: 'jws', obVersionHint: '2.0', warnings: [] },
    payload: (e) => expect(e.payload).toBe(fixtureText('corpus/1edtech-dcpv/ob20/simple.jwt').trim()),
  },
  '1edtech-dcpv/ob20/redirected-validation-subject.json': {
    note: 'JSON with // comments is not JSON',
    fails: 'BAD_PAYLOAD',
    params: { reason: 'json' },
  },

  // --- images without a badge, and files that are not PNG/SVG ---
  'mozilla-bakery/unbaked.svg': { fails: 'UNBAKED_IMAGE', params: { format: 'svg' } },
  'mozilla-bakery/unbaked.png': { fails: 'UNBAKED_IMAGE', params: { format: 'png' } },
  'mozilla-backpack/image1.png': { fails: 'UNBAKED_IMAGE', params: { format: 'png' } },
  'concentricsky-bakery/unbaked_example.svg': { fails: 'UNBAKED_IMAGE', params: { format: 'svg' } },
  'luisgf-openbadgeslib/withxmlheader.svg': { fails: 'UNBAKED_IMAGE', params: { format: 'svg' } },
  'luisgf-openbadgeslib/withoutxmlheader.svg': { fails: 'UNBAKED_IMAGE', params: { format: 'svg' } },
  'mozilla-backpack/history-2012/sneaky-badge.png': {
    note: 'a JPEG named .png: judged by its bytes',
    fails: 'UNSUPPORTED_IMAGE',
    params: { format: 'jpeg' },
  },
  'mozilla-backpack/history-2012/badge.gif': { fails: 'UNSUPPORTED_IMAGE', params: { format: 'gif' } },
  'mozilla-backpack/history-2012/huge.png': {
    note: 'the backpack refused it for size (549 KB); under our 50 MB default it is read, and has no badge (see the maxBytes test)',
    fails: 'UNBAKED_IMAGE',
    params: { format: 'png' },
  },
};

const rows = readTsv('corpus/manifest-baking.tsv');
const isImage = (file: string) => /\.(png|svg|gif|jpe?g|webp)$/i.test(file);

describe('corpus manifest', () => {
  it('has an expectation for every image row (every png-baked and svg-baked row of the shared corpus among them)', () => {
    const files = rows.map((r) => r['file'] ?? '');
    expect(files.filter(isImage).filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
    expect(rows.filter((r) => r['kind'] === 'png-baked')).toHaveLength(7);
    expect(rows.filter((r) => r['kind'] === 'svg-baked')).toHaveLength(7);
  });

  it.each(rows.filter((r) => (r['file'] ?? '') in EXPECTED).map((r) => [r['file'] ?? '', r] as const))('%s', (file, row) => {
    const expectation = EXPECTED[file];
    if (!expectation) throw new Error(`no expectation for ${file}`);
    const result = extract(fixtureBytes(`corpus/${file}`));
    if ('fails' in expectation) {
      expect(result).toEqual({ ok: false, error: { code: expectation.fails, params: expectation.params } });
      return;
    }
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
    const { warnings, ...shape } = expectation.extracts;
    expect(result.value).toMatchObject(shape);
    expect(result.value.warnings.map((w) => w.code)).toEqual(warnings);
    expectation.payload?.(result.value);
    // Rows the corpus calls invalid or warning for reasons other than baking say why.
    if (row['expected'] !== 'valid' && row['expected'] !== 'n/a' && row['kind']?.endsWith('-baked')) {
      expect(expectation.note).toBeTruthy();
    }
  });

  it('refuses huge.png under a 500 KB input limit, as the backpack did', () => {
    expect(extract(fixtureBytes('corpus/mozilla-backpack/history-2012/huge.png'), { maxBytes: 500_000 })).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', params: { what: 'file', limit: 500_000 } },
    });
  });
});
