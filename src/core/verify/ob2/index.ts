/**
 * Open Badges 0.5 / 1.0 / 1.1 / 2.0 verification: hosted assertions (JSON, baked JSON, a URL) and
 * signed assertions (compact JWS), after 1EdTech's validators (SPECS §2, §3.1, §5.1, §8).
 *
 *   verifyOb2Json(doc)  – JSON (object or text, comments tolerated): version, upgrade, then the
 *                         hosted copy is fetched from its id (verify.url for 1.0) and used instead;
 *   verifyOb2Url(url)   – a hosted assertion URL (legacy tEXt chunk, pasted URL, SVG verify attribute);
 *   verifyOb2Jws(jws)   – a SignedBadge: RS256 only, key from the issuer Profile, RevocationList.
 *
 * The report is a list of checks in pipeline order; nothing throws (a bug is an INTERNAL_ERROR check).
 */
import { base64url, decodeProtectedHeader } from 'jose';
import type { ObVersion, ProofFormat } from '../../model/badge';
import { dateChecks } from '../dates';
import { isTransientNetFailure, netFailureCheck } from '../netCodes';
import { recipientCheck } from '../recipient';
import { check, inCheckOrder, type Check, type CheckCode, type Outcome, type VerifyContext } from '../types';
import { buildBadge, recipientsOf } from './badge';
import {
  declaredClass,
  Findings,
  validateAssertion,
  validateBadgeClass,
  validateContext,
  validateOtherRoot,
  validateProfile,
} from './conformance';
import { endorsementRefs, endorsementsCheck } from './endorsements';
import { extensionChecks } from './extensions';
import { fetchNode, MAX_DEPTH, parseBody, sameUrl, type NodeFetch } from './fetch';
import { decodeUtf8, isObject, listOf, parseJsonLenient, short, text, tooDeep, type JsonObject } from './json';
import { revocationListCheck, signatureChecks } from './signed';
import { upgradeNode, type NodeClass, type Ob2Version } from './version';
import { isIri, isUrl, vocabularyOf } from './vocab';

export { detectOb2Version } from './version';
export type { Ob2Version } from './version';

function internalError(e: unknown): Outcome {
  return {
    checks: [check('parse', 'fail', 'INTERNAL_ERROR', { detail: short(e instanceof Error ? e.message : String(e)) })],
    badge: null,
  };
}

const VERSION_CODE: Record<Ob2Version, CheckCode> = {
  '0.5': 'UPGRADED_FROM_0_5',
  '1.0': 'UPGRADED_FROM_1_0',
  '1.1': 'UPGRADED_FROM_1_1',
  '2.0': 'OK',
};

const versionCheck = (v: Ob2Version): Check => check('version', 'pass', VERSION_CODE[v], { version: v });

/** Read a document given as text or as parsed JSON. */
function intake(doc: unknown): { ok: true; doc: JsonObject } | { ok: false; check: Check } {
  let value = doc;
  if (doc instanceof Uint8Array) value = decodeUtf8(doc);
  if (typeof value === 'string') {
    const parsed = parseJsonLenient(value.trim());
    if (!parsed.ok) return { ok: false, check: check('parse', 'fail', 'BAD_JSON') };
    value = parsed.value;
  }
  if (!isObject(value)) return { ok: false, check: check('parse', 'fail', 'NOT_A_BADGE') };
  if (tooDeep(value, MAX_DEPTH)) return { ok: false, check: check('parse', 'fail', 'TOO_DEEP') };
  return { ok: true, doc: value };
}

function verificationType(node: JsonObject): 'HostedBadge' | 'SignedBadge' | null {
  const v = node['verification'];
  if (!isObject(v)) return null;
  for (const t of listOf(v['type'])) {
    if (t === 'HostedBadge' || t === 'hosted') return 'HostedBadge';
    if (t === 'SignedBadge' || t === 'signed') return 'SignedBadge';
  }
  return null;
}

const looksLikeAssertion = (node: JsonObject): boolean =>
  listOf(node['type']).includes('Assertion') ||
  (declaredClass(node) === null && node['recipient'] !== undefined && node['badge'] !== undefined);

/* ----------------------------------------------------------------------------------------------
 * Public API
 * --------------------------------------------------------------------------------------------*/

export async function verifyOb2Json(
  doc: unknown,
  ctx: VerifyContext,
  opts: { source?: 'json' | 'baked'; fetchedFrom?: string } = {},
): Promise<Outcome> {
  try {
    const read = intake(doc);
    if (!read.ok) return { checks: [read.check], badge: null };
    const fetchedFrom = opts.fetchedFrom ?? null;
    const up = upgradeNode(read.doc, { nodeUrl: fetchedFrom, expected: null });
    const node = up.node;

    if (!looksLikeAssertion(node)) return await verifyOtherRoot(ctx, node, up.version);

    if (verificationType(node) === 'SignedBadge') {
      // A signed assertion given as plain JSON: its signature travelled elsewhere.
      return await verifyAssertion(ctx, {
        assertion: node,
        version: up.version,
        proof: 'none',
        early: [
          versionCheck(up.version),
          check('signature', 'unchecked', 'NO_PROOF', { reason: 'signed-assertion-without-jws' }),
        ],
        hosted: false,
      });
    }
    if (fetchedFrom) return await verifyFetchedElsewhere(ctx, node, up.version, fetchedFrom);
    return await verifyHosted(ctx, node, up.version, up.problems);
  } catch (e) {
    return internalError(e);
  }
}

export async function verifyOb2Url(url: string, ctx: VerifyContext): Promise<Outcome> {
  try {
    const got = await fetchNode(ctx, url, 'Assertion');
    if (!got.ok) return hostedFetchFailed(got, url);
    const { node, version } = got.value;
    if (!looksLikeAssertion(node)) return await verifyOtherRoot(ctx, node, version);
    return await verifyHostedFetched(ctx, node, version, got.value.url, got.value.finalUrl, got.checks);
  } catch (e) {
    return internalError(e);
  }
}

export async function verifyOb2Jws(jws: string, ctx: VerifyContext): Promise<Outcome> {
  try {
    const token = jws.trim();
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1]) {
      return { checks: [check('parse', 'fail', 'BAD_JWS')], badge: null };
    }
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
    } catch {
      return { checks: [check('parse', 'fail', 'BAD_JWS', { reason: 'header' })], badge: null };
    }
    let payloadText: string;
    try {
      payloadText = decodeUtf8(base64url.decode(parts[1]));
    } catch {
      return { checks: [check('parse', 'fail', 'BAD_JWS', { reason: 'payload' })], badge: null };
    }
    const read = intake(payloadText);
    if (!read.ok) return { checks: [read.check], badge: null };
    const up = upgradeNode(read.doc, { expected: 'Assertion' });

    const early: Check[] = [versionCheck(up.version)];
    const alg = header['alg'];
    let algOk = alg === 'RS256';
    if (!algOk) {
      early.push(check('signature', 'fail', 'ALG_NOT_ALLOWED', { alg: typeof alg === 'string' ? alg : short(alg ?? '') }));
    } else if (header['b64'] === false) {
      algOk = false;
      early.push(check('signature', 'fail', 'HEADER_INVALID', { param: 'b64' }));
    }
    return await verifyAssertion(ctx, {
      assertion: up.node,
      version: up.version,
      proof: 'jws',
      early,
      hosted: false,
      jws: algOk ? token : null,
    });
  } catch (e) {
    return internalError(e);
  }
}

/* ----------------------------------------------------------------------------------------------
 * Hosted
 * --------------------------------------------------------------------------------------------*/

/** JSON in hand: it only tells where the assertion is hosted; fetch it and use that copy. */
async function verifyHosted(
  ctx: VerifyContext,
  local: JsonObject,
  version: Ob2Version,
  problems: readonly string[],
): Promise<Outcome> {
  const id = local['id'];
  if (!isUrl(id)) {
    // 0.5 (or a 1.0 without verify.url): only verifiable from the URL it was fetched from.
    const noUrl = id === undefined || id === null || problems.includes('no-id');
    return verifyAssertion(ctx, {
      assertion: local,
      version,
      proof: 'hosted',
      early: [versionCheck(version), check('fetch', noUrl ? 'unchecked' : 'fail', 'BAD_URL', { id: short(id ?? '') })],
      hosted: true,
    });
  }
  const got = await fetchNode(ctx, id, 'Assertion');
  if (!got.ok) {
    const failed = hostedFetchFailed(got, id);
    // Verify what we hold, so the badge can be shown with what could be checked offline.
    return verifyAssertion(ctx, {
      assertion: local,
      version,
      proof: 'hosted',
      early: [versionCheck(version), ...failed.checks],
      hosted: true,
    });
  }
  const hosted = await verifyHostedFetched(ctx, got.value.node, got.value.version, got.value.url, got.value.finalUrl, got.checks, local);
  if (got.value.node['revoked'] === true || sameJson(local, got.value.node)) return hosted;
  // The copy the earner holds differs from the issuer's. The hosted copy is the truth (revocation,
  // current content), and it is the one shown; but the held copy is what the earner shows others, so
  // its own defects (expired, malformed, out of scope…) count too, marked as the local copy's.
  const held = await verifyAssertion(ctx, { assertion: local, version, proof: 'hosted', early: [], hosted: true });
  const heldFailures = held.checks
    .filter((c) => c.status === 'fail')
    .map((c) => check(c.id, c.status, c.code, { ...c.params, copy: 'local' }));
  return {
    badge: hosted.badge,
    checks: inCheckOrder([...hosted.checks, check('fetch', 'warn', 'LOCAL_COPY_DIFFERS', { url: got.value.url }), ...heldFailures]),
  };
}

/** Structural JSON equality (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/**
 * JSON the caller already fetched from `url`: no second read of that URL, but an id that names
 * another place is warned about and read once, as fetchNode does.
 */
async function verifyFetchedElsewhere(
  ctx: VerifyContext,
  node: JsonObject,
  version: Ob2Version,
  url: string,
): Promise<Outcome> {
  const declared = node['id'];
  if (typeof declared === 'string' && !sameUrl(declared, url)) {
    const mismatch = check('fetch', 'warn', 'ID_MISMATCH', { url, id: declared });
    if (isUrl(declared)) {
      const again = await fetchNode(ctx, declared, 'Assertion');
      if (again.ok && sameUrl(again.value.node['id'], declared)) {
        const { node: copy, version: v, url: at, finalUrl } = again.value;
        return verifyHostedFetched(ctx, copy, v, at, finalUrl, [mismatch]);
      }
    }
    return verifyHostedFetched(ctx, node, version, url, url, [mismatch]);
  }
  return verifyHostedFetched(ctx, node, version, url, url, []);
}

/** The checks for a hosted assertion that could not be fetched: 410 → revoked; else the network code. */
function hostedFetchFailed(got: Exclude<NodeFetch, { ok: true }>, url: string): Outcome {
  if (!got.failure) {
    return { checks: [check('parse', 'fail', got.reason, { url })], badge: null };
  }
  const f = got.failure;
  if (f.code === 'HTTP_ERROR' && f.status === 410) {
    let reason: string | null = null;
    if (f.body) {
      const parsed = parseBody({ body: f.body });
      if (parsed.ok) reason = text(parsed.doc['revocationReason']);
    }
    return {
      checks: [check('status', 'fail', 'REVOKED', { url, httpStatus: 410, ...(reason ? { reason } : {}) })],
      badge: null,
    };
  }
  if (isTransientNetFailure(f)) {
    return { checks: [netFailureCheck('fetch', f), netFailureCheck('status', f)], badge: null };
  }
  // The host answered (404, a refused URL, a body over the cap…): hosted verification fails.
  return { checks: [netFailureCheck('fetch', f, 'fail')], badge: null };
}

async function verifyHostedFetched(
  ctx: VerifyContext,
  node: JsonObject,
  version: Ob2Version,
  url: string,
  finalUrl: string,
  fetchChecks: readonly Check[],
  /** The copy the earner holds, when verification started from it. */
  local?: JsonObject,
): Promise<Outcome> {
  const early: Check[] = [versionCheck(version)];
  const insecure = finalUrl.startsWith('http:') || (finalUrl === '' && url.startsWith('http:'));
  const servedFrom = finalUrl || url;
  early.push(
    insecure
      ? check('fetch', 'warn', 'INSECURE_HTTP', { url: servedFrom })
      : check('fetch', 'pass', 'OK', { url: servedFrom }),
  );
  early.push(...fetchChecks);
  if (node['revoked'] === true) {
    const reason = text(node['revocationReason']);
    early.push(check('status', 'fail', 'REVOKED', { url, ...(reason ? { reason } : {}) }));
    // A revoked hosted assertion may be served as a stub: only `id` and `revoked` are required
    // (SPECS §2.2). Do not judge the stub as a full Assertion; describe the badge from the copy the
    // earner holds, when there is one.
    if (!local) return { checks: inCheckOrder(early), badge: null };
    return verifyAssertion(ctx, { assertion: local, version, proof: 'hosted', early, hosted: true });
  } else {
    early.push(check('status', 'pass', 'OK', { url }));
  }
  return verifyAssertion(ctx, { assertion: node, version, proof: 'hosted', early, hosted: true });
}

/** validator-core hosted_id_in_verification_scope (SPECS §2.6). */
function scopeCheck(assertionId: unknown, issuer: JsonObject): Check[] {
  const issuerId = issuer['id'];
  const out: Check[] = [];
  const policy = isObject(issuer['verification']) ? issuer['verification'] : {};
  const id = typeof assertionId === 'string' ? assertionId : '';
  const startsWith = listOf(policy['startsWith']).filter((s): s is string => typeof s === 'string');
  if (startsWith.length > 0 && !startsWith.some((s) => id.startsWith(s))) {
    return [check('scope', 'fail', 'OUT_OF_SCOPE', { id, startsWith: startsWith.join(' ') })];
  }
  if (typeof issuerId !== 'string' || !/^https?:\/\//i.test(issuerId)) {
    return [check('scope', 'warn', 'ISSUER_NOT_HTTP', { issuer: short(issuerId ?? '') })];
  }
  const allowed = (policy['allowedOrigins'] !== undefined ? listOf(policy['allowedOrigins']) : [authority(issuerId)])
    .filter((o): o is string => typeof o === 'string' && o.length > 0)
    .map((o) => o.toLowerCase());
  const origin = authority(id);
  if (allowed.length === 0) return [check('scope', 'warn', 'ISSUER_NOT_HTTP', { issuer: issuerId })];
  if (origin === null || !allowed.includes(origin)) {
    return [check('scope', 'fail', 'OUT_OF_SCOPE', { id, allowedOrigins: allowed.join(' ') })];
  }
  out.push(check('scope', 'pass', 'OK', {
    origin,
    ...(startsWith.length > 0 ? { startsWith: startsWith.join(' ') } : {}),
  }));
  return out;
}

function authority(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/* ----------------------------------------------------------------------------------------------
 * Common to hosted and signed
 * --------------------------------------------------------------------------------------------*/

interface Resolved {
  readonly node: JsonObject | null;
  readonly checks: Check[];
}

/** A BadgeClass or issuer Profile: embedded (used as is) or an IRI (fetched, upgraded, validated). */
interface ResolvedNode extends Resolved {
  readonly fetched: boolean;
  /** The version of the document it came from (the referrer's when embedded). */
  readonly version: Ob2Version;
}

async function resolveNode(
  ctx: VerifyContext,
  ref: unknown,
  expected: NodeClass,
  referrer: Ob2Version,
): Promise<ResolvedNode> {
  if (isObject(ref)) return { node: ref, checks: [], fetched: false, version: referrer };
  if (!isUrl(ref)) return { node: null, checks: [], fetched: false, version: referrer };
  const got = await fetchNode(ctx, ref, expected);
  if (got.ok) return { node: got.value.node, checks: [...got.checks], fetched: true, version: got.value.version };
  if (got.failure) {
    const transient = isTransientNetFailure(got.failure);
    return {
      node: null,
      checks: [netFailureCheck('fetch', got.failure, transient ? 'unchecked' : 'fail')],
      fetched: true,
      version: referrer,
    };
  }
  const code = got.reason === 'TOO_DEEP' ? 'TOO_DEEP' : 'BAD_JSON';
  return { node: null, checks: [check('fetch', 'fail', code, { url: ref })], fetched: true, version: referrer };
}

interface AssertionRun {
  readonly assertion: JsonObject;
  readonly version: Ob2Version;
  readonly proof: ProofFormat;
  /** Checks already made (version, fetch, status…). */
  readonly early: Check[];
  readonly hosted: boolean;
  /** The compact JWS to verify (signed path, alg allowed). */
  readonly jws?: string | null;
}

async function verifyAssertion(ctx: VerifyContext, run: AssertionRun): Promise<Outcome> {
  const { assertion } = run;
  const checks: Check[] = [...run.early];
  const vocab = vocabularyOf(assertion);
  const f = new Findings();

  validateContext(f, assertion, typeof assertion['id'] === 'string' ? assertion['id'] : 'Assertion');
  validateAssertion(f, assertion, { vocab });
  const assertionLabel = typeof assertion['id'] === 'string' ? assertion['id'] : 'Assertion';
  for (const c of extensionChecks(assertion, assertionLabel)) f.checks.push(c);

  // BadgeClass, then its issuer.
  const bc = await resolveNode(ctx, assertion['badge'], 'BadgeClass', run.version);
  checks.push(...bc.checks);
  let issuer: ResolvedNode = { node: null, checks: [], fetched: false, version: bc.version };
  if (bc.node) {
    if (bc.fetched) validateContext(f, bc.node, short(bc.node['id'] ?? 'BadgeClass'));
    validateBadgeClass(f, bc.node, { vocab, embedded: !bc.fetched });
    for (const c of extensionChecks(bc.node, short(bc.node['id'] ?? 'BadgeClass'))) f.checks.push(c);
    issuer = await resolveNode(ctx, bc.node['issuer'], 'Issuer', bc.version);
    checks.push(...issuer.checks);
    if (issuer.node) {
      if (issuer.fetched) validateContext(f, issuer.node, short(issuer.node['id'] ?? 'Issuer'));
      validateProfile(f, issuer.node, { vocab, embedded: !issuer.fetched, legacy: issuer.version !== '2.0' });
      for (const c of extensionChecks(issuer.node, short(issuer.node['id'] ?? 'Issuer'))) f.checks.push(c);
      // validator-core ISSUER_PROPERTY_DEPENDENCIES (WARNING); for hosted badges the scope check says it.
      const issuerId = issuer.node['id'];
      if (!run.hosted && typeof issuerId === 'string' && !/^https?:\/\//i.test(issuerId)) {
        f.add('schema', 'warn', 'ISSUER_NOT_HTTP', { issuer: issuerId });
      }
    }
  }
  checks.push(...f.result());

  if (run.hosted && issuer.node && isIri(assertion['id'])) checks.push(...scopeCheck(assertion['id'], issuer.node));

  if (run.proof === 'jws') {
    if (run.jws) checks.push(...(await signatureChecks(ctx, run.jws, assertion, issuer.node)));
    checks.push(await revocationListCheck(ctx, assertion, issuer.node));
  }

  const legacy = run.version !== '2.0';
  checks.push(...dateChecks({ issued: assertion['issuedOn'], expires: assertion['expires'], now: ctx.now(), legacy }));
  checks.push(await recipientCheck({ recipients: recipientsOf(assertion), subjectId: null, identities: ctx.identities }));
  const endorsementNodes = [assertion, bc.node, issuer.node];
  checks.push(await endorsementsCheck(ctx, endorsementNodes));

  const badge = buildBadge({
    version: run.version as ObVersion,
    proof: run.proof,
    assertion,
    badgeClass: bc.node,
    issuer: issuer.node,
    endorsementCount: endorsementRefs(endorsementNodes).length,
  });
  return { checks: inCheckOrder(checks), badge };
}

/* ----------------------------------------------------------------------------------------------
 * Not an Assertion (1EdTech validates BadgeClass, Issuer, AlignmentObject… documents directly)
 * --------------------------------------------------------------------------------------------*/

async function verifyOtherRoot(ctx: VerifyContext, node: JsonObject, version: Ob2Version): Promise<Outcome> {
  const checks: Check[] = [versionCheck(version)];
  const f = new Findings();
  const cls = declaredClass(node);
  const label = typeof node['id'] === 'string' ? node['id'] : cls ?? 'node';
  validateContext(f, node, label);
  const vocab = vocabularyOf(node);
  if (cls === 'BadgeClass') {
    validateBadgeClass(f, node, { vocab });
    const issuer = await resolveNode(ctx, node['issuer'], 'Issuer', version);
    checks.push(...issuer.checks);
    if (issuer.node) {
      if (issuer.fetched) validateContext(f, issuer.node, short(issuer.node['id'] ?? 'Issuer'));
      validateProfile(f, issuer.node, { vocab, embedded: !issuer.fetched, legacy: issuer.version !== '2.0' });
    }
  } else if (cls === 'Issuer' || cls === 'Profile') {
    validateProfile(f, node, { vocab, legacy: version !== '2.0' });
  } else {
    validateOtherRoot(f, node, cls, { vocab });
  }
  for (const c of extensionChecks(node, label)) f.checks.push(c);
  checks.push(...f.result());
  return { checks: inCheckOrder(checks), badge: null };
}
