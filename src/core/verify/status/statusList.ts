/**
 * Status lists published as credentials: W3C BitstringStatusListCredential, and its predecessors
 * StatusList2021Credential and RevocationList2020Credential.
 *
 * A list is fetched through the injected Net, its own proof is verified with the injected verifier,
 * its validity period and type are checked, and its bitstring is inflated — once per URL per run
 * (the decoded list is cached against the VerifyContext, see runCaches; the Net caches the bytes).
 *
 * Honest states (W3C calls a list that cannot be retrieved or verified an error; the DCC verifier
 * and this backpack report "status cannot be determined" instead, since the credential itself may
 * still be fine):
 * - network failure (offline, CORS, timeout, 5xx) → `unchecked` with the network code;
 * - the server answered but not with a list (404…) → `warn` STATUS_UNREACHABLE;
 * - the list's proof fails, it is expired / not yet valid, of the wrong type, or unreadable →
 *   `warn` STATUS_LIST_INVALID with a reason.
 */
import { parseDateTime } from '../dates';
import { isTransientNetFailure, netFailureCode } from '../netCodes';
import type { Check, CheckCode, CheckParams, VerifyContext } from '../types';
import { decodeEncodedList } from './bitstring';
import { asArray, asCompactJws, idOf, isObject, parseJsonObject, str, typesOf, type JsonObject } from './json';

/** Verifies a document's embedded proof(s): the Data Integrity verifier's shape. */
export type ProofVerifier = (
  doc: Record<string, unknown>,
  ctx: VerifyContext,
  opts?: { expectedPurpose?: string; issuerId?: string | null },
) => Promise<Check[]>;

/** Verifies a VC-JWT and returns the credential it carries: the VC-JWT verifier's shape. */
export type JwtVerifier = (jwt: string, ctx: VerifyContext) => Promise<{ checks: Check[]; credential: Record<string, unknown> | null }>;

export interface StatusListDeps {
  /** The list credential's own embedded proof. */
  readonly verifyListProof: ProofVerifier;
  /** A list served as a VC-JWT. */
  readonly verifyListJwt: JwtVerifier;
}

/** Why a list cannot be used, as the `status` check will say it. */
export interface ListProblem {
  readonly status: 'warn' | 'unchecked';
  readonly code: CheckCode;
  readonly params: CheckParams;
}

export interface LoadedList {
  readonly url: string;
  readonly types: readonly string[];
  /** The list's `credentialSubject.statusPurpose` value(s). */
  readonly purposes: readonly string[];
  /** The inflated bitstring. */
  readonly bits: Uint8Array;
}

export type ListResult = { readonly ok: true; readonly list: LoadedList } | { readonly ok: false; readonly problem: ListProblem };

const ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json, application/vc+jwt, text/plain;q=0.5';

/**
 * Decoded lists of one run, keyed by the context the run was started with. A context kept for long
 * (an open page) does not keep a list forever: entries are reused for LIST_REUSE_MS of the run's own
 * clock, and a list that could not be reached (offline…) is not remembered at all.
 */
const runCaches = new WeakMap<VerifyContext, Map<string, { readonly at: number; readonly result: Promise<ListResult> }>>();
export const LIST_REUSE_MS = 5 * 60_000;

export function loadStatusList(url: string, ctx: VerifyContext, deps: StatusListDeps): Promise<ListResult> {
  let cache = runCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    runCaches.set(ctx, cache);
  }
  const now = ctx.now().getTime();
  const known = cache.get(url);
  if (known && now - known.at <= LIST_REUSE_MS && now >= known.at) return known.result;
  const loading = fetchAndValidate(url, ctx, deps).catch(
    (e: unknown): ListResult => problem('unchecked', 'INTERNAL_ERROR', { url, detail: String((e as Error)?.message ?? e) }),
  );
  const entry = { at: now, result: loading };
  cache.set(url, entry);
  void loading.then((result) => {
    if (!result.ok && result.problem.status === 'unchecked' && cache.get(url) === entry) cache.delete(url);
  });
  return loading;
}

const problem = (status: ListProblem['status'], code: CheckCode, params: CheckParams): ListResult => ({
  ok: false,
  problem: { status, code, params },
});

async function fetchAndValidate(url: string, ctx: VerifyContext, deps: StatusListDeps): Promise<ListResult> {
  const fetched = await ctx.net.fetch(url, { accept: ACCEPT, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  if (!fetched.ok) {
    const net = netFailureCode(fetched);
    const params: Record<string, string | number> = { url, net };
    if (fetched.status !== undefined) params['httpStatus'] = fetched.status;
    return isTransientNetFailure(fetched) ? problem('unchecked', net, params) : problem('warn', 'STATUS_UNREACHABLE', params);
  }

  // The list credential: JSON with an embedded proof, or a VC-JWT.
  let doc: JsonObject | null = parseJsonObject(fetched.body);
  let proofChecks: Check[];
  if (doc) {
    if (doc['proof'] === undefined) return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'no-proof' });
    proofChecks = await deps.verifyListProof(doc, ctx, { expectedPurpose: 'assertionMethod', issuerId: idOf(doc['issuer']) });
  } else {
    const jwt = asCompactJws(fetched.body);
    if (!jwt) return problem('warn', 'STATUS_UNREACHABLE', { url, reason: 'not-a-credential' });
    const verified = await deps.verifyListJwt(jwt, ctx);
    proofChecks = verified.checks;
    doc = verified.credential;
    if (!doc) return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'proof' });
  }

  // 1. Its proof (W3C: "ensure that all proofs verify").
  const proofFailed = proofChecks.find(
    (c) => c.status === 'fail' && (c.id === 'signature' || c.id === 'context' || c.id === 'issuerKey'),
  );
  if (proofFailed) return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'proof', detail: proofFailed.code });
  const notVerified = proofChecks.find((c) => c.status === 'unchecked' && c.id === 'signature');
  if (notVerified) return problem('unchecked', notVerified.code, { url, reason: 'proof-unchecked' });
  if (!proofChecks.some((c) => c.id === 'signature' && (c.status === 'pass' || c.status === 'warn'))) {
    return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'proof' });
  }

  // 2. Its validity period (VC 2.0 validFrom/validUntil, VC 1.1 issuanceDate/expirationDate).
  const now = ctx.now();
  const fromRaw = doc['validFrom'] ?? doc['issuanceDate'];
  const untilRaw = doc['validUntil'] ?? doc['expirationDate'];
  const from = fromRaw === undefined ? null : parseDateTime(fromRaw);
  const until = untilRaw === undefined ? null : parseDateTime(untilRaw);
  if ((fromRaw !== undefined && !from) || (untilRaw !== undefined && !until)) {
    return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'bad-date' });
  }
  if (from && now.getTime() < from.getTime()) {
    return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'not-yet-valid', date: from.toISOString() });
  }
  if (until && now.getTime() > until.getTime()) {
    return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'expired', date: until.toISOString() });
  }

  // 3. Its bitstring.
  const subject = asArray(doc['credentialSubject']).find(isObject);
  if (!subject) return problem('warn', 'STATUS_LIST_INVALID', { url, reason: 'no-subject' });
  const decoded = decodeEncodedList(subject['encodedList']);
  if (!decoded.ok) return problem('warn', 'STATUS_LIST_INVALID', { url, reason: decoded.error });
  const purposes = asArray(subject['statusPurpose'])
    .map(str)
    .filter((p): p is string => p !== null);
  return { ok: true, list: { url, types: typesOf(doc), purposes, bits: decoded.value } };
}
