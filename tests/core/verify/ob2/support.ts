/**
 * Test support for the OB 1.x/2.0 verifier: a Net answering from the corpus MOCKS.tsv (and our own
 * mock tables), the corpus manifest rows, a fixed clock. No test reaches the internet: a URL that no
 * table answers gets a 404, as a fixture server would.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNet, type ResponseLike } from '../../../../src/core/net/net';
import type { Net } from '../../../../src/core/net/types';
import type { Check, Identities, VerifyContext } from '../../../../src/core/verify/types';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../../../fixtures');
export const CORPUS = resolve(FIXTURES, 'corpus');
export const OURS = resolve(FIXTURES, 'ours/ob2');

export const NOW = new Date('2024-06-01T00:00:00Z');

export const readCorpus = (file: string): Uint8Array => new Uint8Array(readFileSync(resolve(CORPUS, file)));
export const readCorpusText = (file: string): string => readFileSync(resolve(CORPUS, file), 'utf8');
export const readOurs = (file: string): string => readFileSync(resolve(OURS, file), 'utf8');

interface MockRow {
  readonly url: string;
  readonly file: string; // relative to the table's folder
  readonly folder: string;
}

/** All rows of a url→file TSV (alternatives kept, in order). */
export function readMockTable(tsvPath: string): MockRow[] {
  const folder = dirname(tsvPath);
  return readFileSync(tsvPath, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [url = '', file = ''] = l.split('\t');
      return { url: url.trim(), file: file.trim(), folder };
    });
}

export const CORPUS_MOCKS = (): MockRow[] => readMockTable(resolve(CORPUS, 'MOCKS.tsv'));
export const OUR_MOCKS = (): MockRow[] => readMockTable(resolve(OURS, 'mocks.tsv'));

export interface Reply {
  readonly status: number;
  readonly body?: string;
}

export interface MockNetOptions {
  readonly rows?: readonly MockRow[];
  /** Among alternative bodies for a URL, prefer files whose path starts with this (e.g. the row's source). */
  readonly prefer?: string;
  /** URL → body, consulted first (e.g. a hosted assertion served at its own id). */
  readonly overlay?: ReadonlyMap<string, string | Uint8Array>;
  /** URL → an HTTP answer (410 Gone…). */
  readonly replies?: ReadonlyMap<string, Reply>;
  /** URL → a network failure. */
  readonly failures?: ReadonlyMap<string, 'OFFLINE' | 'CORS_BLOCKED' | 'TIMEOUT' | 'NETWORK'>;
}

export interface MockNet extends Net {
  readonly requests: string[];
}

const enc = new TextEncoder();

function response(status: number, body: Uint8Array, url: string): ResponseLike {
  return {
    status,
    url,
    headers: { get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
    arrayBuffer: async () => body.slice().buffer,
  };
}

/** createNet over a fake fetch that answers from the tables (no cache: each request is seen). */
export function mockNet(options: MockNetOptions = {}): MockNet {
  const rows = options.rows ?? CORPUS_MOCKS();
  const table = new Map<string, MockRow>();
  for (const row of rows) {
    const current = table.get(row.url);
    const preferred = options.prefer !== undefined && row.file.startsWith(options.prefer);
    if (!current || (preferred && !(options.prefer !== undefined && current.file.startsWith(options.prefer)))) {
      table.set(row.url, row);
    }
  }
  const requests: string[] = [];
  const failing = options.failures ?? new Map();
  const net = createNet({
    cacheTtlMs: 0,
    fetch: async (url) => {
      requests.push(url);
      const failure = failing.get(url);
      if (failure) throw Object.assign(new Error(failure), { failure });
      const reply = options.replies?.get(url);
      if (reply) return response(reply.status, enc.encode(reply.body ?? ''), url);
      const over = options.overlay?.get(url);
      if (over !== undefined) return response(200, typeof over === 'string' ? enc.encode(over) : over, url);
      const row = table.get(url);
      if (row) return response(200, new Uint8Array(readFileSync(resolve(row.folder, row.file))), url);
      return response(404, enc.encode('Not Found'), url);
    },
    classifyError: async (error) => (error as { failure?: 'OFFLINE' | 'CORS_BLOCKED' | 'TIMEOUT' | 'NETWORK' }).failure ?? 'NETWORK',
  });
  return { fetch: (url, opts) => net.fetch(url, opts), requests };
}

export const NO_IDENTITIES: Identities = { emails: [], urls: [] };
export const NOBODY: Identities = { emails: ['nobody@example.org'], urls: [] };

export function context(net: Net, identities: Identities = NO_IDENTITIES, now: Date = NOW): VerifyContext {
  return { net, now: () => now, identities };
}

/** The corpus manifest rows we rely on (tests/fixtures/corpus/manifest-ob2.tsv). */
export interface ManifestRow {
  readonly file: string;
  readonly kind: string;
  readonly obVersion: string;
  readonly expected: string;
  readonly reason: string;
}

export function manifestRows(): ManifestRow[] {
  const lines = readCorpusText('manifest-ob2.tsv').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return {
      file: cells[col('file')] ?? '',
      kind: cells[col('kind')] ?? '',
      obVersion: cells[col('ob_version')] ?? '',
      expected: cells[col('expected')] ?? '',
      reason: cells[col('expected_reason')] ?? '',
    };
  });
}

/** The reduction the brief asks for: any fail → invalid; else any warn → warning; else valid. */
export function simpleVerdict(checks: readonly Check[]): 'valid' | 'warning' | 'invalid' {
  if (checks.some((c) => c.status === 'fail')) return 'invalid';
  if (checks.some((c) => c.status === 'warn')) return 'warning';
  return 'valid';
}

/** Checks that are not passes, as `id:status:code` (compact assertions in tests). */
export const problems = (checks: readonly Check[]): string[] =>
  checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}:${c.status}:${c.code}`);

export const codes = (checks: readonly Check[]): string[] => checks.map((c) => `${c.id}:${c.status}:${c.code}`);
