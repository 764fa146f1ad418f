/** Fixture access for the baking tests: everything comes from tests/fixtures, never from ../shared. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export const fixtureBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + path));
export const fixtureText = (path: string): string => readFileSync(FIXTURES + path, 'utf8');

/** Rows of a TSV file with a header line, as records keyed by column name. */
export function readTsv(path: string): Record<string, string>[] {
  const [header, ...lines] = fixtureText(path).split('\n').filter((line) => line !== '');
  const columns = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** The claims of a compact JWS, decoded. */
export function jwsClaims(compact: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(compact.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function jwsHeader(compact: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(compact.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** `obj` without the listed keys. */
export function without(obj: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
}
