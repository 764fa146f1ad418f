/**
 * Embedded proofs (W3C Data Integrity) of an OB 3.0 credential: SPECS §4.5.
 *
 * Suites: DataIntegrityProof with eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019 and
 * the deprecated eddsa-2022 (verified like eddsa-rdfc-2022, with a warning); Ed25519Signature2020.
 * Anything else (ecdsa-sd-2023 selective disclosure, BBS, unknown types) is UNSUPPORTED_PROOF.
 *
 * For each proof: proofConfig = proof − proofValue, with the document's @context; hashData =
 * H(canonical proofConfig) ‖ H(canonical document − proof); the signature (multibase base58btc
 * proofValue) is checked over hashData with the verification method's key. RDFC suites canonicalize
 * with jsonld (safe mode) + rdf-canonize RDFC-1.0; JCS suites with `canonicalize` (RFC 8785).
 *
 * A proof set needs one valid supported proof (OB 3.0); other proofs that fail are reported as
 * warnings. Proof chains (`previousProof`) are verified over the document with the proofs they name.
 * The canonical document is computed once per distinct set of included proofs.
 */
import canonicalizeJcs from 'canonicalize';
import { base58 } from '@scure/base';
import { check, type Check, type CheckCode, type CheckStatus, type VerifyContext } from '../types';
import { createDocumentLoader, type DocumentLoader } from '../jsonld/loader';
import { canonicalNQuads, JsonLdProcessingError, safeModeFailure, type JsonLdFailure } from '../jsonld/rdf';
import { asArray, createJsonFetcher, isRecord, type JsonFetcher } from '../keys/fetchJson';
import type { KeyType } from '../keys/multikey';
import { confirmKeyProvenance } from '../keys/provenance';
import { resolveVerificationMethod, type ResolvedKey } from '../keys/resolve';
import { digest, verifySignature } from '../keys/webcrypto';

export interface ProofOptions {
  /** Default 'assertionMethod'. */
  expectedPurpose?: string;
  /** The credential's issuer id, for key provenance. Omitted: read from the document. */
  issuerId?: string | null;
}

type Canon = 'rdfc' | 'jcs';

interface Suite {
  /** cryptosuite name, or the proof type for legacy suites. */
  readonly name: string;
  readonly canon: Canon;
  readonly keyTypes: readonly KeyType[];
  readonly deprecated?: boolean;
}

const EDDSA: readonly KeyType[] = ['Ed25519'];
const ECDSA: readonly KeyType[] = ['P-256', 'P-384'];

const CRYPTOSUITES: Readonly<Record<string, Suite>> = {
  'eddsa-rdfc-2022': { name: 'eddsa-rdfc-2022', canon: 'rdfc', keyTypes: EDDSA },
  'eddsa-2022': { name: 'eddsa-2022', canon: 'rdfc', keyTypes: EDDSA, deprecated: true },
  'eddsa-jcs-2022': { name: 'eddsa-jcs-2022', canon: 'jcs', keyTypes: EDDSA },
  'ecdsa-rdfc-2019': { name: 'ecdsa-rdfc-2019', canon: 'rdfc', keyTypes: ECDSA },
  'ecdsa-jcs-2019': { name: 'ecdsa-jcs-2019', canon: 'jcs', keyTypes: ECDSA },
};
const ED25519_2020: Suite = { name: 'Ed25519Signature2020', canon: 'rdfc', keyTypes: EDDSA };

function suiteOf(proof: Record<string, unknown>): Suite | null {
  const types = asArray(proof['type']);
  if (types.includes('DataIntegrityProof')) {
    const cs = proof['cryptosuite'];
    return typeof cs === 'string' && Object.hasOwn(CRYPTOSUITES, cs) ? (CRYPTOSUITES[cs] ?? null) : null;
  }
  if (types.includes('Ed25519Signature2020')) return ED25519_2020;
  return null;
}

const proofLabel = (proof: unknown): string => {
  if (!isRecord(proof)) return typeof proof;
  const type = asArray(proof['type']).filter((t) => typeof t === 'string').join(',') || '(none)';
  return typeof proof['cryptosuite'] === 'string' ? `${type}/${proof['cryptosuite']}` : type;
};

/** What one proof came to. */
interface ProofOutcome {
  readonly index: number;
  readonly label: string;
  readonly status: CheckStatus | 'unsupported';
  readonly code: CheckCode;
  readonly params: Record<string, string | number>;
  readonly key?: ResolvedKey;
  readonly deprecated?: boolean;
  readonly jsonld?: JsonLdFailure;
}

/** Per-call state: one document loader, one fetcher, one canonical document per included-proof set. */
interface Run {
  readonly doc: Record<string, unknown>;
  readonly proofs: readonly unknown[];
  readonly ctx: VerifyContext;
  readonly loader: DocumentLoader;
  readonly fetcher: JsonFetcher;
  readonly docHashes: Map<string, Promise<Uint8Array>>;
}

export async function verifyDataIntegrity(
  doc: Record<string, unknown>,
  ctx: VerifyContext,
  opts: ProofOptions = {},
): Promise<Check[]> {
  try {
    return await verifyAll(doc, ctx, opts);
  } catch (e) {
    return [
      check('signature', 'unchecked', 'INTERNAL_ERROR', { detail: e instanceof Error ? e.message : String(e) }),
      check('issuerKey', 'unchecked', 'NOT_CHECKED'),
    ];
  }
}

async function verifyAll(doc: Record<string, unknown>, ctx: VerifyContext, opts: ProofOptions): Promise<Check[]> {
  const proofs = asArray(doc['proof']);
  if (proofs.length === 0) {
    return [check('signature', 'fail', 'NO_PROOF'), check('issuerKey', 'unchecked', 'NOT_CHECKED')];
  }
  const run: Run = {
    doc,
    proofs,
    ctx,
    loader: createDocumentLoader(ctx),
    fetcher: createJsonFetcher(ctx),
    docHashes: new Map(),
  };
  const purpose = opts.expectedPurpose ?? 'assertionMethod';

  const outcomes: ProofOutcome[] = [];
  for (let i = 0; i < proofs.length; i++) outcomes.push(await verifyProof(run, i, purpose));

  const checks: Check[] = [];
  const jsonldFailure = outcomes.find((o) => o.jsonld)?.jsonld;
  const unsupported = outcomes.filter((o) => o.status === 'unsupported');
  if (jsonldFailure) {
    checks.push(contextCheck(jsonldFailure));
  } else if (unsupported.length > 0) {
    // A proof we cannot verify must still be valid JSON-LD (1EdTech reports "SomeProofType" so).
    const failure = await safeModeFailure(doc, run.loader);
    if (failure) checks.push(contextCheck(failure));
  }

  const verified = outcomes.filter((o) => o.status === 'pass');
  const unchecked = outcomes.filter((o) => o.status === 'unchecked');
  const failed = outcomes.filter((o) => o.status === 'fail');

  const best = verified.find((o) => !o.deprecated) ?? verified[0] ?? unchecked[0] ?? failed[0];
  if (!best) {
    // Only unsupported proofs: could not be checked (not "invalid").
    const u = unsupported[0]!;
    checks.push(check('signature', 'unchecked', 'UNSUPPORTED_PROOF', { ...u.params, proofs: proofs.length }));
  } else {
    checks.push(check('signature', best.status as CheckStatus, best.code, best.params));
    if (best.deprecated && best.status === 'pass') {
      checks.push(check('signature', 'warn', 'DEPRECATED_CRYPTOSUITE', { cryptosuite: 'eddsa-2022' }));
    }
    // The other proofs: a failure or an unknown type is worth a word, not the verdict (one valid
    // proof suffices; when none is valid, the first failure already says it).
    for (const o of outcomes) {
      if (o === best || o.status === 'pass') continue;
      if (best.status === 'fail' && o.status === 'fail') continue;
      checks.push(check('signature', 'warn', o.status === 'unsupported' ? 'UNSUPPORTED_PROOF' : o.code, o.params));
    }
  }
  checks.push(await issuerKeyCheck(run, verified, opts));
  return checks;
}

function contextCheck(f: JsonLdFailure): Check {
  const params: Record<string, string | number> = { detail: f.detail };
  if (f.term) params['term'] = f.term;
  if (f.url) params['url'] = f.url;
  if (f.httpStatus !== undefined) params['httpStatus'] = f.httpStatus;
  return check('context', f.code === 'JSONLD_ERROR' ? 'fail' : 'unchecked', f.code, params);
}

async function issuerKeyCheck(run: Run, verified: ProofOutcome[], opts: ProofOptions): Promise<Check> {
  if (verified.length === 0) return check('issuerKey', 'unchecked', 'NOT_CHECKED');
  const issuerId = opts.issuerId !== undefined ? opts.issuerId : issuerIdOf(run.doc);
  const rank: Record<CheckStatus, number> = { pass: 0, warn: 1, unchecked: 2, fail: 3 };
  let best: Check | null = null;
  for (const o of verified) {
    if (!o.key) continue;
    const c = await confirmKeyProvenance(o.key, issuerId, run.fetcher);
    if (!best || rank[c.status] < rank[best.status]) best = c;
    if (best.status === 'pass') break;
  }
  return best ?? check('issuerKey', 'unchecked', 'NOT_CHECKED');
}

export function issuerIdOf(doc: Record<string, unknown>): string | null {
  const issuer = doc['issuer'];
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer['id'] === 'string') return issuer['id'];
  return null;
}

async function verifyProof(run: Run, index: number, purpose: string): Promise<ProofOutcome> {
  const proof = run.proofs[index];
  const label = proofLabel(proof);
  const base = { index, label };
  const params: Record<string, string | number> = { proof: label };
  if (run.proofs.length > 1) params['proofIndex'] = index;
  const out = (status: ProofOutcome['status'], code: CheckCode, extra: Partial<ProofOutcome> = {}, more = {}) => ({
    ...base,
    status,
    code,
    params: { ...params, ...more },
    ...extra,
  });

  if (!isRecord(proof)) return out('fail', 'TAMPERED', {}, { reason: 'MALFORMED_PROOF' });
  if (typeof proof['verificationMethod'] === 'string') params['verificationMethod'] = proof['verificationMethod'];
  const suite = suiteOf(proof);
  if (!suite) return out('unsupported', 'UNSUPPORTED_PROOF');
  const deprecated = suite.deprecated === true;
  if (proof['proofPurpose'] !== purpose) {
    return out('fail', 'PROOF_PURPOSE_INVALID', { deprecated }, { expected: purpose, found: String(proof['proofPurpose'] ?? '') });
  }
  const signature = decodeProofValue(proof['proofValue']);
  if (!signature) return out('fail', 'TAMPERED', { deprecated }, { reason: 'MALFORMED_PROOF_VALUE' });

  // Key resolution (maybe network) and canonicalization (CPU) overlap.
  const keyPromise = resolveVerificationMethod(proof['verificationMethod'], run.fetcher, { relationship: purpose });
  const hashPromise = hashDataFor(run, proof, suite).then(
    (h) => ({ ok: true as const, h }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  const [resolution, hashed] = await Promise.all([keyPromise, hashPromise]);

  // A verification method that is wrong on its face says it first (1EdTech's order).
  if (!resolution.ok && resolution.check.status === 'fail') {
    const c = resolution.check;
    const jsonld = !hashed.ok && hashed.e instanceof JsonLdProcessingError && hashed.e.inDocument ? hashed.e.failure : undefined;
    return out('fail', c.code, { deprecated, ...(jsonld ? { jsonld } : {}) }, c.params ?? {});
  }
  if (!hashed.ok) {
    if (hashed.e instanceof JsonLdProcessingError) {
      const f = hashed.e.failure;
      const status: CheckStatus = f.code === 'JSONLD_ERROR' ? 'fail' : 'unchecked';
      const jsonld = hashed.e.inDocument || f.code !== 'JSONLD_ERROR' ? { jsonld: f } : {};
      return out(status, f.code, { deprecated, ...jsonld }, f.url ? { url: f.url } : { detail: f.detail, ...(f.term ? { term: f.term } : {}) });
    }
    if (hashed.e instanceof ProofConfigError) return out('fail', 'TAMPERED', { deprecated }, { reason: hashed.e.message });
    throw hashed.e;
  }
  if (!resolution.ok) {
    const c = resolution.check;
    return out(c.status, c.code, { deprecated }, c.params ?? {});
  }
  const key = resolution.key;
  const pk = key.material.publicKey;
  if (!pk || !suite.keyTypes.includes(pk.type)) {
    return out('fail', 'KEY_INVALID', { deprecated, key }, { reason: 'WRONG_KEY_TYPE', keyType: pk?.type ?? String(key.material.jwk.kty) });
  }
  const hashAlg: HashAlg = pk.type === 'P-384' ? 'SHA-384' : 'SHA-256';
  const ok = await verifySignature(pk, signature, await hashed.h(hashAlg), hashAlg);
  return ok ? out('pass', 'OK', { deprecated, key }) : out('fail', 'TAMPERED', { deprecated, key });
}

/** proofValue: multibase base58btc ('z…'). */
function decodeProofValue(v: unknown): Uint8Array | null {
  if (typeof v !== 'string' || !v.startsWith('z')) return null;
  try {
    return base58.decode(v.slice(1));
  } catch {
    return null;
  }
}

class ProofConfigError extends Error {}

type HashAlg = 'SHA-256' | 'SHA-384';

/**
 * hashData = H(canonical proof config) ‖ H(canonical document), per hash algorithm on demand
 * (SHA-384 only for P-384 keys). Canonicalization errors surface here, before any key work is used.
 */
async function hashDataFor(run: Run, proof: Record<string, unknown>, suite: Suite): Promise<(alg: HashAlg) => Promise<Uint8Array>> {
  const { config, document } = proofConfigAndDocument(run, proof, suite);
  const [configResult, docResult] = await Promise.allSettled([
    canonicalBytes(run, config, suite.canon),
    canonicalDocument(run, docCacheKey(proof, suite), document, suite.canon),
  ]);
  // The credential's own JSON-LD error is the one to report (a broken context breaks both).
  if (docResult.status === 'rejected') {
    if (docResult.reason instanceof JsonLdProcessingError) docResult.reason.inDocument = true;
    throw docResult.reason;
  }
  if (configResult.status === 'rejected') throw configResult.reason;
  const configBytes = configResult.value;
  const docBytes = docResult.value;
  return async (alg) => concat(await digest(alg, configBytes), await digest(alg, docBytes));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const encoder = new TextEncoder();

async function canonicalBytes(run: Run, value: Record<string, unknown>, canon: Canon): Promise<Uint8Array> {
  if (canon === 'jcs') {
    const s = canonicalizeJcs(value);
    if (s === undefined) throw new ProofConfigError('JCS_UNSERIALIZABLE');
    return encoder.encode(s);
  }
  return encoder.encode(await canonicalNQuads(value, run.loader, run.ctx.signal));
}

/** The canonical unsecured document, shared by every proof over the same content. */
function canonicalDocument(run: Run, key: string, document: Record<string, unknown>, canon: Canon): Promise<Uint8Array> {
  let p = run.docHashes.get(key);
  if (!p) {
    p = canonicalBytes(run, document, canon);
    run.docHashes.set(key, p);
  }
  return p;
}

const docCacheKey = (proof: Record<string, unknown>, suite: Suite): string => {
  const prev = asArray(proof['previousProof']).filter((p) => typeof p === 'string');
  const ctx = suite.canon === 'jcs' && proof['@context'] !== undefined ? JSON.stringify(proof['@context']) : '';
  return `${suite.canon}|${prev.join(' ')}|${ctx}`;
};

/**
 * The proof configuration and the unsecured document for one proof (vc-data-integrity "Verify
 * Proof" + the suites' "Transformation"/"Proof Configuration"):
 * - document = the credential without `proof`, or with only the proofs a `previousProof` names;
 * - config = the proof without `proofValue`, with the document's @context;
 * - JCS: a proof @context must be a prefix of the document's @context, and then stands for it.
 */
function proofConfigAndDocument(
  run: Run,
  proof: Record<string, unknown>,
  suite: Suite,
): { config: Record<string, unknown>; document: Record<string, unknown> } {
  const document: Record<string, unknown> = { ...run.doc };
  delete document['proof'];
  const previous = asArray(proof['previousProof']);
  if (previous.length > 0) {
    const named = previous.map((id) =>
      run.proofs.find((p) => isRecord(p) && typeof id === 'string' && p['id'] === id),
    );
    if (named.some((p) => p === undefined)) throw new ProofConfigError('PREVIOUS_PROOF_MISSING');
    document['proof'] = named;
  }
  const config: Record<string, unknown> = { ...proof };
  delete config['proofValue'];
  if (suite.canon === 'jcs' && proof['@context'] !== undefined) {
    const proofCtx = asArray(proof['@context']);
    const docCtx = asArray(run.doc['@context']);
    const prefix = proofCtx.every((c, i) => JSON.stringify(c) === JSON.stringify(docCtx[i]));
    if (!prefix) throw new ProofConfigError('PROOF_CONTEXT_MISMATCH');
    document['@context'] = proof['@context'];
  } else if (run.doc['@context'] !== undefined) {
    config['@context'] = run.doc['@context'];
  }
  return { config, document };
}

/**
 * The intermediate values of one proof, for technical details and the W3C test vectors:
 * the canonical proof configuration and document (N-Quads or JCS text) and hashData (SHA-256).
 * Throws on unsupported proofs and JSON-LD errors (unlike verifyDataIntegrity).
 */
export async function proofIntermediates(
  doc: Record<string, unknown>,
  proofIndex: number,
  ctx: VerifyContext,
): Promise<{ canonicalProofConfig: string; canonicalDocument: string; hashData: Uint8Array }> {
  const proofs = asArray(doc['proof']);
  const proof = proofs[proofIndex];
  const suite = isRecord(proof) ? suiteOf(proof) : null;
  if (!isRecord(proof) || !suite) throw new Error('unsupported proof');
  const run: Run = { doc, proofs, ctx, loader: createDocumentLoader(ctx), fetcher: createJsonFetcher(ctx), docHashes: new Map() };
  const { config, document } = proofConfigAndDocument(run, proof, suite);
  const decoder = new TextDecoder();
  const [c, d] = await Promise.all([canonicalBytes(run, config, suite.canon), canonicalBytes(run, document, suite.canon)]);
  return {
    canonicalProofConfig: decoder.decode(c),
    canonicalDocument: decoder.decode(d),
    hashData: concat(await digest('SHA-256', c), await digest('SHA-256', d)),
  };
}
