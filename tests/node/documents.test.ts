/** loadDocumentMap over the copy of the corpus's MOCKS.tsv, and over small broken TSVs. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createNet } from '../../src/core/net/net';
import { contentTypeOf, loadDocumentMap } from '../../src/node/documents';

const MOCKS = fileURLToPath(new URL('../fixtures/corpus/MOCKS.tsv', import.meta.url));
const dec = new TextDecoder();
const enc = new TextEncoder();

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
async function tsv(text: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'besace-docs-'));
  temps.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  const path = join(dir, 'map.tsv');
  await writeFile(path, text);
  return path;
}

describe('loadDocumentMap on MOCKS.tsv', () => {
  it('loads every distinct URL with its first row, and a content type for each', async () => {
    const map = await loadDocumentMap(MOCKS);
    expect(map.size).toBe(171); // 184 rows: some URLs are listed more than once
    const v1 = map.get('https://w3id.org/openbadges/v1');
    expect(v1?.contentType).toBe('application/json');
    expect(JSON.parse(dec.decode(v1?.body))).toHaveProperty('@context');
    expect(map.get('https://example.org/robotics-badge.png')?.contentType).toBe('image/png');
    expect(map.get('https://example.org/robotics-badge.png')?.body.subarray(1, 4)).toEqual(enc.encode('PNG'));
    // status lists stored without an extension are sniffed as JSON
    const list = [...map].find(([url]) => url.endsWith('/e5WK8CbZ1GjycuPombrj'));
    expect(list?.[1].contentType).toBe('application/json');
  });

  it('feeds createNet so corpus URLs answer offline', async () => {
    const documents = await loadDocumentMap(MOCKS);
    const net = createNet({
      fetch: () => Promise.reject(new Error('no network in this test')),
      documents,
      documentsOnly: true,
    });
    const r = await net.fetch('https://example.org/beths-robotics-badge.json');
    expect(r).toMatchObject({ ok: true, contentType: 'application/json' });
    expect(await net.fetch('https://example.org/not-mocked.json')).toMatchObject({ code: 'NOT_IN_DOCUMENT_MAP' });
  });
});

describe('loadDocumentMap on small TSVs', () => {
  it('keeps the first row of a repeated URL, ignores extra columns and blank lines', async () => {
    const path = await tsv('url\tfile\tnote\nhttps://a.example/x\tone.json\tfirst\n\nhttps://a.example/x\ttwo.json\tsecond\r\n', {
      'one.json': '{"n":1}',
      'two.json': '{"n":2}',
    });
    const map = await loadDocumentMap(path);
    expect(map.size).toBe(1);
    expect(dec.decode(map.get('https://a.example/x')?.body)).toBe('{"n":1}');
  });

  it('names the line of a missing file', async () => {
    const path = await tsv('url\tfile\nhttps://a.example/ok\tok.json\nhttps://a.example/gone\tgone.json\n', { 'ok.json': '{}' });
    await expect(loadDocumentMap(path)).rejects.toThrow(/map\.tsv:3: file not found: gone\.json \(for https:\/\/a\.example\/gone\)/);
  });

  it('names the line of a row without a file column', async () => {
    const path = await tsv('url\tfile\nhttps://a.example/only-url\n');
    await expect(loadDocumentMap(path)).rejects.toThrow(/map\.tsv:2: expected/);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['a.json', 'application/json'],
    ['a.JSONLD', 'application/json'],
    ['a.png', 'image/png'],
    ['a.svg', 'image/svg+xml'],
    ['a.jwt', 'text/plain'],
    ['a.jws', 'text/plain'],
    ['a.html', 'text/html'],
    ['a.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeOf(file, new Uint8Array())).toBe(type);
  });

  it('sniffs files without an extension', () => {
    expect(contentTypeOf('list', enc.encode('  \n{"a":1}'))).toBe('application/json');
    expect(contentTypeOf('list', enc.encode('\uFEFF[1]'))).toBe('application/json');
    expect(contentTypeOf('token', enc.encode('eyJhbGciOi.x.y'))).toBe('text/plain');
    expect(contentTypeOf('empty', new Uint8Array())).toBe('text/plain');
  });
});
