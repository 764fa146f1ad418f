import { describe, expect, it } from 'vitest';
import { extract, sniff, SNIFFED_KINDS, UNSUPPORTED_IMAGE_FORMATS } from '../../../src/core/baking';
import { fixtureBytes, fixtureText } from './helpers';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

const header = (obj: unknown) => Buffer.from(JSON.stringify(obj)).toString('base64url');

describe('sniff', () => {
  it.each([
    ['png', fixtureBytes('corpus/concentricsky-bakery/baked_heart.png')],
    ['jpeg', fixtureBytes('corpus/mozilla-backpack/history-2012/sneaky-badge.png')],
    ['gif', fixtureBytes('corpus/mozilla-backpack/history-2012/badge.gif')],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['pdf', bytes('%PDF-1.7\n')],
    ['tiff', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0])],
    ['avif', bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0])],
    ['bmp', bytes('BM', [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])],
    ['svg', fixtureBytes('corpus/1edtech-dcpv/ob30/simple-json.svg')], // <?xml + DOCTYPE first
    ['svg', fixtureBytes('corpus/luisgf-openbadgeslib/withoutxmlheader.svg')], // DOCTYPE, no declaration
    ['svg', bytes([0xef, 0xbb, 0xbf], '\n  <!-- a comment <svg> -->\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>')],
    ['xml', bytes('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')],
    ['html', bytes('<!DOCTYPE html><html><body><img src="badge.png"></body></html>')],
    ['html', bytes('<html lang=fr><body>')],
    ['json', fixtureBytes('corpus/1edtech-dcpv/ob20/basic-assertion.json')],
    ['json', bytes('\ufeff  {"a": 1}')],
    ['jws', fixtureBytes('corpus/1edtech-dcpv/ob20/simple.jwt')],
    ['jws', bytes(`${header({ alg: 'none' })}.${header({})}.\n`)],
    ['url', bytes('https://example.org/assertions/1\n')],
    ['url', bytes('  http://example.org/é  ')],
    ['empty', bytes('')],
    ['empty', bytes(' \r\n\t ')],
    ['unknown', bytes('BMW is a car brand')], // "BM" without a DIB header is text
    ['unknown', bytes('just some words')],
    ['unknown', bytes('https://example.org/a https://example.org/b')], // two URLs are not one
    ['unknown', bytes(`${header({ typ: 'JWT' })}.${header({})}.sig`)], // no alg: not a JWS
    ['unknown', bytes('aaaa.bbbb.cccc')], // three parts, but the header is not JSON
    ['unknown', bytes('<not well formed')],
    ['unknown', bytes([0x00, 0x01, 0x02, 0xff, 0xfe])],
    ['unknown', bytes('[1, 2, 3]')],
  ] as const)('%s: %#', (kind, input) => {
    expect(sniff(input)).toBe(kind);
  });

  it('only ever answers a listed kind', () => {
    expect(SNIFFED_KINDS).toEqual(expect.arrayContaining(['png', 'svg', 'json', 'jws', 'url', 'empty', 'unknown', ...UNSUPPORTED_IMAGE_FORMATS]));
  });

  it('reads no more than the head of an XML file to find its root', () => {
    const padding = `<!--${' '.repeat(2 * 1024 * 1024)}-->`; // a 2 MB comment before the root
    expect(sniff(bytes(padding, '<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('unknown');
  });
});

describe('extract on files that are not badge images', () => {
  it.each([
    [bytes(''), { code: 'EMPTY' }],
    [bytes('\n\n'), { code: 'EMPTY' }],
    [bytes('hello'), { code: 'NOT_AN_IMAGE', params: { detected: 'unknown' } }],
    [bytes('<html><body/></html>'), { code: 'NOT_AN_IMAGE', params: { detected: 'html' } }],
    [bytes('<feed xmlns="http://www.w3.org/2005/Atom"/>'), { code: 'NOT_AN_IMAGE', params: { detected: 'xml' } }],
    [bytes('%PDF-1.4'), { code: 'UNSUPPORTED_IMAGE', params: { format: 'pdf' } }],
    [bytes('RIFF\0\0\0\0WEBP'), { code: 'UNSUPPORTED_IMAGE', params: { format: 'webp' } }],
  ])('%#', (input, error) => {
    expect(extract(input)).toEqual({ ok: false, error });
  });

  it('treats a JSON, JWS or URL file as its own container', () => {
    const url = extract(bytes('https://example.org/assertion\n'));
    expect(url).toEqual({ ok: true, value: { container: 'url', payloadKind: 'url', obVersionHint: 'unknown', payload: 'https://example.org/assertion', warnings: [] } });
    const jws = extract(fixtureBytes('ours/ours-ob2-signed.jws'));
    expect(jws.ok && jws.value).toMatchObject({ container: 'jws', payloadKind: 'jws', obVersionHint: '2.0', payload: fixtureText('ours/ours-ob2-signed.jws').trim() });
  });

  it('caps text files at maxTextBytes and every file at maxBytes', () => {
    const json = fixtureBytes('corpus/1edtech-dcpv/ob20/basic-assertion.json');
    expect(extract(json, { maxTextBytes: 100 })).toEqual({ ok: false, error: { code: 'TOO_LARGE', params: { what: 'file', limit: 100 } } });
    expect(extract(json, { maxBytes: 100 })).toEqual({ ok: false, error: { code: 'TOO_LARGE', params: { what: 'file', limit: 100 } } });
  });

  it('refuses text that is not UTF-8', () => {
    expect(extract(bytes('{"name": "', [0xe9], '"}'))).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', params: { reason: 'encoding' } } });
  });
});
