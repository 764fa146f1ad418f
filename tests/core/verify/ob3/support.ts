/**
 * Test support for the OB 3.0 and status tests: the corpus on disk, an offline Net, a fixed clock,
 * and clearly named TEST DOUBLES for the other engineers' verifiers (Data Integrity, VC-JWT) —
 * never for the logic under test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { base64urlnopad } from '@scure/base';
import { createNet, type DocumentEntry, type FetchLike } from '../../../../src/core/net/net';
import type { Net } from '../../../../src/core/net/types';
import { loadDocumentMap } from '../../../../src/node/documents';
import { check, type Check, type VerifyContext } from '../../../../src/core/verify/types';

export const CORPUS = fileURLToPath(new URL('../../../fixtures/corpus/', import.meta.url));

export const readCorpusText = (path: string): string => readFileSync(CORPUS + path, 'utf8');
export const readCorpusJson = (path: string): Record<string, unknown> => JSON.parse(readCorpusText(path)) as Record<string, unknown>;
export const readCorpusBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(CORPUS + path));

/**
 * The clock of the corpus tests: 2026-01-01T00:00:00Z.
 * - after every "valid" credential's validFrom (latest: DCC credName/credSubjName 2025-02-24) and
 *   the DCC status list's validFrom (2025-01-09T15:20Z: an earlier clock makes that list "not yet
 *   valid" and every DCC status row a warning), and after the DCC VC 1.1 "expired" rows' validUntil
 *   (2025-01-09T16:23Z);
 * - before every "valid"/"notExpired" validUntil (earliest: the W3C employment vector 2029-12-03,
 *   the 1EdTech endorsement 2030-01-01, DCC notExpired 2056/9999) and every "not yet valid"
 *   validFrom (1EdTech 2040, DCC 2099, the DCC notYetValid list 3000).
 */
export const CORPUS_NOW = new Date('2026-01-01T00:00:00Z');

/** A fetch standing for "the rest of the web": every URL not in the document map answers 404. */
const answer404: FetchLike = async (url) => ({
  status: 404,
  url,
  headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'text/plain' : null) },
  arrayBuffer: async () => new ArrayBuffer(0),
});

let mocks: Map<string, DocumentEntry> | null = null;

/** The corpus's MOCKS.tsv as an offline document map (loaded once). */
export async function corpusDocuments(): Promise<Map<string, DocumentEntry>> {
  mocks ??= await loadDocumentMap(CORPUS + 'MOCKS.tsv');
  return mocks;
}

/**
 * A Net answering the corpus mocks (plus `extra`), and 404 for anything else — the world the
 * sources' own tests saw (e.g. 1EdTech's complete.json: "inline schema ref returns 404").
 */
export async function corpusNet(extra: Record<string, string | Uint8Array | object> = {}): Promise<Net> {
  const documents = new Map(await corpusDocuments());
  for (const [url, body] of Object.entries(extra)) documents.set(url, entry(body));
  return createNet({ fetch: answer404, documents, isOnline: () => true, cacheTtlMs: 0 });
}

/** A Net from a map url → body only; every other URL gets `fallback` (default: 404). */
export function mapNet(
  docs: Record<string, string | Uint8Array | object>,
  fallback: 'not-found' | 'offline' = 'not-found',
): Net & { readonly requests: string[] } {
  const requests: string[] = [];
  const documents = new Map(Object.entries(docs).map(([url, body]) => [url, entry(body)] as const));
  const inner = createNet({
    fetch: answer404,
    documents,
    isOnline: () => fallback !== 'offline',
    cacheTtlMs: 0,
  });
  return {
    requests,
    fetch: (url, options) => {
      requests.push(url);
      return inner.fetch(url, options);
    },
  };
}

function entry(body: string | Uint8Array | object): DocumentEntry {
  if (body instanceof Uint8Array) return { body, contentType: 'application/octet-stream' };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { body: new TextEncoder().encode(text), contentType: typeof body === 'string' ? 'text/plain' : 'application/json' };
}

export function ctxWith(net: Net, now: Date = CORPUS_NOW): VerifyContext {
  return { net, now: () => now, identities: { emails: [], urls: [] } };
}

// ------------------------------------------------------------------------------------------------
// TEST DOUBLES for the other engineers' verifiers. They stand in for src/core/verify/ob3/dataIntegrity.ts
// and vcJwt.ts while those are absent, and let a test choose the proof's answer. They decide
// nothing about conformance, status, dates or endorsements.

export type ProofAnswer = 'valid' | 'tampered' | 'key-unreachable';

/** A stand-in Data Integrity verifier answering `answer` for every document (or per document id). */
export function fakeProofVerifier(answer: ProofAnswer | ((doc: Record<string, unknown>) => ProofAnswer) = 'valid') {
  const calls: Record<string, unknown>[] = [];
  const verifier = async (doc: Record<string, unknown>): Promise<Check[]> => {
    calls.push(doc);
    const a = typeof answer === 'function' ? answer(doc) : answer;
    if (a === 'valid') return [check('signature', 'pass', 'OK'), check('issuerKey', 'pass', 'OK')];
    if (a === 'tampered') return [check('signature', 'fail', 'TAMPERED'), check('issuerKey', 'pass', 'OK')];
    return [check('signature', 'unchecked', 'KEY_UNREACHABLE')];
  };
  return Object.assign(verifier, { calls });
}

/** A stand-in VC-JWT verifier: decodes the payload (no signature check) and answers `answer`. */
export function fakeJwtVerifier(answer: ProofAnswer = 'valid') {
  return async (jwt: string): Promise<{ checks: Check[]; credential: Record<string, unknown> | null }> => {
    const part = jwt.split('.')[1] ?? '';
    let payload: Record<string, unknown> | null = null;
    try {
      payload = JSON.parse(new TextDecoder().decode(base64urlnopad.decode(part))) as Record<string, unknown>;
    } catch {
      return { checks: [check('signature', 'fail', 'BAD_JWS')], credential: null };
    }
    const credential = (typeof payload['vc'] === 'object' && payload['vc'] !== null ? payload['vc'] : payload) as Record<string, unknown>;
    const checks =
      answer === 'valid'
        ? [check('signature', 'pass', 'OK')]
        : answer === 'tampered'
          ? [check('signature', 'fail', 'TAMPERED')]
          : [check('signature', 'unchecked', 'KEY_UNREACHABLE')];
    return { checks, credential };
  };
}

/** An unsigned compact JWS carrying `payload` (for the VC-JWT double only). */
export function unsignedJwt(payload: object): string {
  const enc = (o: object) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  return `${enc({ alg: 'EdDSA', typ: 'JWT' })}.${enc(payload)}.${base64urlnopad.encode(new Uint8Array(64))}`;
}

// ------------------------------------------------------------------------------------------------
// Our own status lists (fixtures made in the test, named as ours).

/** A bitstring of `bytes` bytes with the given entries (of `size` bits) set to `value`. */
export function bitstring(bytes: number, set: Record<number, number> = {}, size = 1): Uint8Array {
  const bits = new Uint8Array(bytes);
  for (const [indexText, value] of Object.entries(set)) {
    const start = Number(indexText) * size;
    for (let i = 0; i < size; i++) {
      const bit = (value >>> (size - 1 - i)) & 1;
      const at = start + i;
      if (bit) bits[at >>> 3] = (bits[at >>> 3] ?? 0) | (0x80 >>> (at & 7));
    }
  }
  return bits;
}

/** Multibase (`u`) base64url of the GZIP, as Bitstring Status List v1.0 writes it; `plain` omits the `u`. */
export function encodeList(bits: Uint8Array, plain = false): string {
  const encoded = base64urlnopad.encode(gzipSync(bits));
  return plain ? encoded : `u${encoded}`;
}

/** Our own status list credential (unsigned; its proof is answered by the proof double). */
export function ourList(
  url: string,
  encodedList: string,
  opts: { type?: string; purpose?: string | string[]; validFrom?: string; validUntil?: string; proof?: boolean } = {},
): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', opts.type ?? 'BitstringStatusListCredential'],
    issuer: 'did:example:our-test-issuer',
    validFrom: opts.validFrom ?? '2020-01-01T00:00:00Z',
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: opts.purpose ?? 'revocation', encodedList },
  };
  if (opts.validUntil) doc['validUntil'] = opts.validUntil;
  if (opts.proof !== false) doc['proof'] = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z-our-test-double' };
  return doc;
}
