/**
 * Test helpers for the proof tests: fixtures read from tests/fixtures only, and a Net that answers
 * from a URL → file map (the corpus MOCKS.tsv rows plus a test's own), never the internet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNet, type DocumentEntry, type FetchLike } from '../../../../src/core/net';
import type { Net } from '../../../../src/core/net/types';
import type { VerifyContext } from '../../../../src/core/verify/types';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures');
export const CORPUS = join(FIXTURES, 'corpus');

export const readFixture = (rel: string): string => readFileSync(join(FIXTURES, rel), 'utf8');
export const corpusText = (rel: string): string => readFileSync(join(CORPUS, rel), 'utf8');
export const corpusJson = (rel: string): Record<string, unknown> => JSON.parse(corpusText(rel)) as Record<string, unknown>;
export const oursJson = (name: string): Record<string, unknown> =>
  JSON.parse(readFixture(`ours/ob3/${name}`)) as Record<string, unknown>;

const encoder = new TextEncoder();

/** The corpus mocks: first row per URL wins, as MOCKS.tsv says. */
export function corpusMocks(): Map<string, string> {
  const rows = corpusText('MOCKS.tsv').split('\n').slice(1);
  const map = new Map<string, string>();
  for (const row of rows) {
    const [url, file] = row.split('\t');
    if (url && file && !map.has(url)) map.set(url, join(CORPUS, file));
  }
  return map;
}

export interface TestNetOptions {
  /** url → absolute file path or a JSON value served as application/json. */
  readonly documents?: ReadonlyMap<string, string | object>;
  /** url → HTTP status the (fake) server answers, e.g. 404. */
  readonly statuses?: ReadonlyMap<string, number>;
  /** Include the corpus MOCKS.tsv documents (default true). */
  readonly mocks?: boolean;
}

/**
 * A Net over documents; URLs given a status answer it; every other URL fails as the offline
 * document map does (NOT_IN_DOCUMENT_MAP) unless statuses are given, then as unreachable (NETWORK).
 */
export function testNet(options: TestNetOptions = {}): Net & { readonly requests: string[] } {
  const docs = new Map<string, DocumentEntry>();
  const add = (url: string, value: string | object) => {
    const body = typeof value === 'string' ? readFileSync(value) : encoder.encode(JSON.stringify(value));
    docs.set(url, { body: new Uint8Array(body), contentType: 'application/json' });
  };
  for (const [url, value] of options.documents ?? []) add(url, value);
  if (options.mocks !== false) for (const [url, file] of corpusMocks()) if (!docs.has(url)) add(url, file);
  const statuses = options.statuses ?? new Map<string, number>();
  const fakeFetch: FetchLike = async (url) => {
    const status = statuses.get(url);
    if (status === undefined) throw new TypeError('fetch failed');
    return { status, url, headers: { get: () => 'application/json' }, arrayBuffer: async () => new ArrayBuffer(0) };
  };
  const net = createNet({ fetch: fakeFetch, documents: docs, documentsOnly: statuses.size === 0, cacheTtlMs: 0 });
  const requests: string[] = [];
  return {
    requests,
    fetch(url, opts) {
      requests.push(url);
      return net.fetch(url, opts);
    },
  };
}

export function testCtx(net: Net = testNet(), extra: Partial<VerifyContext> = {}): VerifyContext {
  return {
    net,
    now: () => new Date('2025-06-01T00:00:00Z'),
    identities: { emails: [], urls: [] },
    ...extra,
  };
}

/** The checks as "id:status:code" strings, for compact assertions. */
export const summary = (checks: readonly { id: string; status: string; code: string }[]): string[] =>
  checks.map((c) => `${c.id}:${c.status}:${c.code}`);

/** Our own issuer's published documents (tests/fixtures/ours/ob3/documents.tsv), plus the corpus mocks. */
export function oursDocuments(): Map<string, string> {
  const rows = readFixture('ours/ob3/documents.tsv').split('\n').slice(1);
  const map = new Map<string, string>();
  for (const row of rows) {
    const [url, file] = row.split('\t');
    if (url && file) map.set(url, join(FIXTURES, 'ours/ob3', file));
  }
  return map;
}

export const oursText = (name: string): string => readFixture(`ours/ob3/${name}`).trim();
