import { crc32 as nodeCrc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/core/baking';
import { inflateZlibCapped } from '../../../src/core/baking/inflate';
import { crc32, readTextChunk, walkPng } from '../../../src/core/baking/png';
import { assemblePng, encodeChunk, iTXt, makePng, splitPng, tEXt, withChunks, zTXt, type RawChunk } from '../../fixtures/ours/png-tools';

const base = makePng(8, 8);
const OB2 = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a' });
const OB3 = JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'] });
const raw = (type: string, ...parts: (string | number[])[]): RawChunk => ({
  type,
  data: new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))),
});

describe('crc32', () => {
  it('agrees with zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        expect(crc32(data)).toBe(nodeCrc32(data));
      }),
    );
  });
});

describe('walkPng', () => {
  it('lists every chunk to IEND', () => {
    const png = withChunks(base, [iTXt('openbadges', OB2)], 'tail');
    expect(walkPng(png)).toEqual({ chunks: expect.any(Array) });
    expect(walkPng(png).chunks.map((c) => c.type)).toEqual(splitPng(png).map((c) => c.type));
  });

  it('stops at IEND, ignoring what follows', () => {
    const trailing = new Uint8Array(Buffer.concat([base, encodeChunk('iTXt', iTXt('openbadges', OB2).data)]));
    expect(walkPng(trailing).damage).toBeUndefined();
    expect(extract(trailing)).toEqual({ ok: false, error: { code: 'UNBAKED_IMAGE', params: { format: 'png' } } });
  });

  it('walks 100 000 chunks', () => {
    const many = assemblePng([...splitPng(base).slice(0, 1), ...Array.from({ length: 100_000 }, () => raw('tEXt', 'k\0v')), ...splitPng(base).slice(1)]);
    expect(walkPng(many).chunks.length).toBe(100_003);
  });

  it('reports a chunk type that is not four letters', () => {
    const png = new Uint8Array(Buffer.concat([base.subarray(0, 33), Buffer.from([0, 0, 0, 0, 0x31, 0x32, 0x33, 0x34])]));
    expect(walkPng(png).damage).toEqual({ reason: 'chunk-type', offset: 33 });
  });
});

describe('extract from PNG', () => {
  it('never reads past a cut, at any length', () => {
    const payload = OB2;
    const png = withChunks(base, [iTXt('openbadges', payload)]);
    const badgeEnd = 8 + 25 + 12 + iTXt('openbadges', payload).data.length;
    for (let cut = 0; cut < png.length; cut++) {
      const result = extract(png.subarray(0, cut));
      if (cut < 8) expect(result.ok).toBe(false);
      else if (cut < badgeEnd) expect(result).toMatchObject({ ok: false, error: { code: 'CORRUPT_PNG', params: { reason: 'truncated' } } });
      else expect(result).toMatchObject({ ok: true, value: { payload, warnings: [{ code: 'PNG_DAMAGED_AFTER_BADGE' }] } });
    }
  });

  it('checks the CRC of every badge chunk, not only the chosen one', () => {
    const bad = encodeChunk('iTXt', iTXt('openbadges', '{"second":true}').data);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    const [ihdr, ...rest] = splitPng(base);
    const png = assemblePng([ihdr!, iTXt('openbadges', OB2), bad, ...rest]);
    expect(extract(png)).toMatchObject({ ok: false, error: { code: 'CORRUPT_PNG', params: { reason: 'crc', chunk: 'iTXt' } } });
  });

  it('does not check the CRC of other chunks (that would read the pixels)', () => {
    const [ihdr, idat, iend] = splitPng(base).map((c) => encodeChunk(c.type, c.data));
    idat![idat!.length - 1] = (idat![idat!.length - 1] ?? 0) ^ 1;
    const png = assemblePng([ihdr!, idat!, iTXt('openbadges', OB2), iend!]);
    expect(extract(png)).toMatchObject({ ok: true, value: { payload: OB2 } });
  });

  it('matches keywords exactly', () => {
    for (const keyword of ['OpenBadges', 'openbadges2', 'openbadge', 'openbadgecredentials']) {
      expect(extract(withChunks(base, [iTXt(keyword, OB2)]))).toMatchObject({ ok: false, error: { code: 'UNBAKED_IMAGE' } });
    }
  });

  it.each([
    ['iTXt without its NULs', raw('iTXt', 'openbadges\0'), 'text-layout'],
    ['iTXt without translated keyword', raw('iTXt', 'openbadges\0', [0, 0], 'en\0', 'text'), 'text-layout'],
    ['iTXt compression flag 2', raw('iTXt', 'openbadges\0', [2, 0, 0, 0], '{}'), 'compression'],
    ['iTXt compression method 1', raw('iTXt', 'openbadges\0', [1, 1, 0, 0], '{}'), 'compression'],
    ['zTXt compression method 1', raw('zTXt', 'openbadges\0', [1], 'x'), 'compression'],
    ['zTXt without method', raw('zTXt', 'openbadges\0'), 'text-layout'],
  ])('refuses %s', (_name, chunk, reason) => {
    expect(extract(withChunks(base, [chunk]))).toMatchObject({ ok: false, error: { code: 'CORRUPT_PNG', params: { reason, chunk: chunk.type } } });
  });

  it('ignores the language tag and translated keyword of an iTXt', () => {
    const chunk = raw('iTXt', 'openbadges\0', [0, 0], 'fr\0', 'badge\0', OB2);
    expect(extract(withChunks(base, [chunk]))).toMatchObject({ ok: true, value: { payload: OB2, warnings: [] } });
  });

  it('reads tEXt and zTXt as Latin-1 and iTXt as UTF-8', () => {
    expect(extract(withChunks(base, [tEXt('openbadges', 'https://example.org/café')]))).toMatchObject({
      ok: true,
      value: { payload: 'https://example.org/café', payloadKind: 'url', warnings: [{ code: 'TEXT_CHUNK_URL' }] },
    });
    const latin1Json = '{"@context":"https://w3id.org/openbadges/v2","name":"Façade"}';
    expect(extract(withChunks(base, [zTXt('openbadges', latin1Json)]))).toMatchObject({ ok: true, value: { payload: latin1Json } });
    expect(extract(withChunks(base, [raw('iTXt', 'openbadges\0', [0, 0, 0, 0], [0x7b, 0xe9, 0x7d])]))).toEqual({
      ok: false,
      error: { code: 'BAD_PAYLOAD', params: { reason: 'encoding' } },
    });
  });

  it.each([
    ['openbadges holding OB 3.0', 'openbadges', OB3, '3.0', [{ code: 'VERSION_MISMATCH', params: { container: '2.0', payload: '3.0' } }]],
    ['openbadgecredential holding OB 2.0', 'openbadgecredential', OB2, '2.0', [{ code: 'VERSION_MISMATCH', params: { container: '3.0', payload: '2.0' } }]],
    ['openbadgecredential holding a URL', 'openbadgecredential', 'https://example.org/a', 'unknown', [{ code: 'URL_IN_OB3' }]],
    ['openbadgecredential holding an unknown JSON object', 'openbadgecredential', '{"a":1}', '3.0', []],
    ['openbadges holding an unknown JSON object', 'openbadges', '{"a":1}', 'unknown', []],
  ])('reconciles versions: %s', (_name, keyword, payload, hint, warnings) => {
    expect(extract(withChunks(base, [iTXt(keyword, payload)]))).toMatchObject({ ok: true, value: { obVersionHint: hint, warnings } });
  });

  it.each([
    ['empty', ''],
    ['not a badge', 'hello'],
    ['broken JSON', '{"a":'],
  ])('refuses a badge chunk holding %s', (_name, text) => {
    expect(extract(withChunks(base, [iTXt('openbadges', text)]))).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });

  it('honours maxInflated', () => {
    const png = withChunks(base, [iTXt('openbadges', OB2, true)]);
    expect(extract(png, { maxInflated: 10 })).toEqual({ ok: false, error: { code: 'TOO_LARGE', params: { what: 'inflated', limit: 10 } } });
    expect(extract(png, { maxInflated: OB2.length })).toMatchObject({ ok: true, value: { payload: OB2 } });
  });
});

describe('inflateZlibCapped', () => {
  const text = new TextEncoder().encode(OB2.repeat(50));
  const z = new Uint8Array(deflateSync(text));

  it('inflates zlib data and checks its Adler-32', () => {
    expect(inflateZlibCapped(z, 1 << 20)).toEqual({ ok: true, value: text });
    const badAdler = z.slice();
    badAdler[badAdler.length - 1] = (badAdler[badAdler.length - 1] ?? 0) ^ 1;
    expect(inflateZlibCapped(badAdler, 1 << 20)).toEqual({ ok: false, error: { code: 'INFLATE_FAILED', reason: 'checksum' } });
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['raw deflate without zlib header', new Uint8Array(deflateSync(text, { level: 9 }).subarray(2))],
    ['truncated', z.subarray(0, z.length - 20)],
    ['random bytes', Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)],
  ])('fails on %s', (_name, data) => {
    expect(inflateZlibCapped(data, 1 << 20)).toMatchObject({ ok: false, error: { code: 'INFLATE_FAILED' } });
  });

  it('stops a deflate bomb near the cap instead of inflating it whole', () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(100_000);
    expect(inflateZlibCapped(bomb, 4 * 1024 * 1024)).toEqual({ ok: false, error: { code: 'TOO_LARGE', limit: 4 * 1024 * 1024 } });
  });
});

describe('readTextChunk', () => {
  it('reads the three layouts', () => {
    const bytes = (...parts: (string | number[])[]) => raw('x', ...parts).data;
    expect(readTextChunk(bytes('k\0v'), 'tEXt')).toMatchObject({ ok: true, value: { encoding: 'latin1', compressed: false } });
    expect(readTextChunk(bytes('k\0', [0], 'z'), 'zTXt')).toMatchObject({ ok: true, value: { encoding: 'latin1', compressed: true } });
    expect(readTextChunk(bytes('k\0', [1, 0], '\0\0z'), 'iTXt')).toMatchObject({ ok: true, value: { encoding: 'utf8', compressed: true } });
    expect(readTextChunk(bytes('no nul'), 'tEXt')).toEqual({ ok: false, error: 'text-layout' });
  });
});
