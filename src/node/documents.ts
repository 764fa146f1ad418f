/**
 * Load an offline document map (URL → body + content type) from a TSV such as the corpus's
 * MOCKS.tsv: a header row, then tab-separated rows whose first column is the URL and second a file
 * path relative to the TSV's folder; further columns are ignored. A URL listed more than once:
 * the first row wins (later rows are not even read). A missing file is an error naming its line.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { DocumentEntry } from '../core/net/net';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.jsonld': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jwt': 'text/plain',
  '.jws': 'text/plain',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

export async function loadDocumentMap(tsvPath: string): Promise<Map<string, DocumentEntry>> {
  const folder = dirname(tsvPath);
  const lines = (await readFile(tsvPath, 'utf8')).split(/\r?\n/);
  const map = new Map<string, DocumentEntry>();
  // lines[0] is the header; line numbers below are 1-based, as an editor shows them.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const [url = '', file = ''] = line.split('\t').map((cell) => cell.trim());
    const where = `${tsvPath}:${i + 1}`;
    if (!url || !file) throw new Error(`${where}: expected "url<TAB>file", got ${JSON.stringify(line)}`);
    if (map.has(url)) continue;
    const path = resolve(folder, file);
    let body: Uint8Array;
    try {
      body = new Uint8Array(await readFile(path));
    } catch (error) {
      const reason = (error as { code?: unknown }).code === 'ENOENT' ? 'file not found' : String(error);
      throw new Error(`${where}: ${reason}: ${file} (for ${url})`);
    }
    map.set(url, { body, contentType: contentTypeOf(file, body) });
  }
  return map;
}

/** By extension; a file without one is sniffed: JSON if it starts with `{` or `[`, else text. */
export function contentTypeOf(file: string, body: Uint8Array): string {
  const ext = extname(file).toLowerCase();
  if (ext) return BY_EXTENSION[ext] ?? 'application/octet-stream';
  let at = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (at < body.length && [0x20, 0x09, 0x0a, 0x0d].includes(body[at] ?? 0)) at++;
  return body[at] === 0x7b || body[at] === 0x5b ? 'application/json' : 'text/plain';
}
