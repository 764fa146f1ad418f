/**
 * VC-JWT (OB 3.0 "external proof", SPECS §4.4): a compact JWS whose payload is the credential
 * (VC 2.0, VC-JOSE-COSE style) or carries it in the `vc` claim (VC 1.1).
 *
 * - The algorithm is allow-listed (RS256, ES256, EdDSA, PS256) before any key work: `none`, HS*
 *   and the rest fail ALG_NOT_ALLOWED, so a token "signed" with the issuer's public key as an HMAC
 *   secret never gets near a key.
 * - The key comes from the `jwk` header (a private member is refused) or the `kid`: a DID URL
 *   (did:key, did:jwk, did:web), an https URL (JWK, JWK Set picked by kid, or a key/controller
 *   document), or a bare id looked up in the issuer's JWKS.
 * - The signature is checked with jose's compactVerify — not jwtVerify — so `exp`/`nbf` never reject
 *   a token here: an expired credential is "expired but authentic"; dates are the pipeline's check.
 * - Claims must agree with the credential when present: iss = issuer id, jti = id, sub = a subject
 *   id, nbf = validFrom/issuanceDate, exp = validUntil/expirationDate (absent claims are fine: the
 *   1EdTech fixtures have no `sub`). VC 1.1 claims fill absent credential properties (VC 1.1
 *   "JWT decoding"), and `exp` sets an absent validUntil (OB 3.0).
 * - Key provenance: DID keys by the DID rules (../keys/provenance.ts); JWKs by the issuer's JWKS at
 *   https://{authority of issuer id}/.well-known/jwks.json (../keys/jwks.ts).
 */
import { MAX_DEPTH, tooDeep } from '../depth';
import { compactVerify, importJWK } from 'jose';
import { base64urlnopad } from '@scure/base';
import { check, type Check, type VerifyContext } from '../types';
import { asArray, createJsonFetcher, isRecord, ACCEPT_JWKS, fetchFailureCheck, type JsonFetcher } from '../keys/fetchJson';
import { confirmJwtKeyByJwks, issuerJwksUrl, pickJwk } from '../keys/jwks';
import { hasPrivateJwkMembers, materialFromJwk, type KeyMaterial } from '../keys/multikey';
import { confirmKeyProvenance } from '../keys/provenance';
import { resolveVerificationMethod, type ResolvedKey } from '../keys/resolve';
import { issuerIdOf } from './dataIntegrity';

export const ALLOWED_JWT_ALGS = ['RS256', 'ES256', 'EdDSA', 'PS256'] as const;
type Alg = (typeof ALLOWED_JWT_ALGS)[number];

/** Header parameters the OB 3.0 profile allows (`cty` as VC-JOSE-COSE recommends it). */
const ALLOWED_HEADER_PARAMS = new Set(['alg', 'kid', 'jwk', 'typ', 'cty']);
const ALLOWED_TYP = new Set(['jwt', 'vc+jwt', 'vc+ld+jwt', 'application/vc+jwt', 'application/vc+ld+jwt']);
/** Registered JWT claims (RFC 7519 §4.1): not part of a VC 2.0 payload-as-credential. */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'];

export interface VcJwtResult {
  checks: Check[];
  credential: Record<string, unknown> | null;
}

export async function verifyVcJwt(jwt: string, ctx: VerifyContext): Promise<VcJwtResult> {
  try {
    return await verify(jwt.trim(), ctx);
  } catch (e) {
    return {
      checks: [check('signature', 'unchecked', 'INTERNAL_ERROR', { detail: e instanceof Error ? e.message : String(e) })],
      credential: null,
    };
  }
}

const decoder = new TextDecoder();
const B64URL = /^[A-Za-z0-9_-]*$/;

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

function decode(jwt: string): Decoded | string {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'NOT_THREE_PARTS';
  if (!parts.every((p) => B64URL.test(p)) || !parts[0] || !parts[1]) return 'NOT_BASE64URL';
  try {
    const header: unknown = JSON.parse(decoder.decode(base64urlnopad.decode(parts[0])));
    const payload: unknown = JSON.parse(decoder.decode(base64urlnopad.decode(parts[1])));
    if (!isRecord(header) || !isRecord(payload)) return 'NOT_JSON_OBJECTS';
    if (tooDeep(header, MAX_DEPTH) || tooDeep(payload, MAX_DEPTH)) return 'TOO_DEEP';
    return { header, payload };
  } catch {
    return 'NOT_JSON_OBJECTS';
  }
}

async function verify(jwt: string, ctx: VerifyContext): Promise<VcJwtResult> {
  const decoded = decode(jwt);
  if (typeof decoded === 'string') {
    return { checks: [check('parse', 'fail', 'BAD_JWS', { reason: decoded })], credential: null };
  }
  const { header, payload } = decoded;
  const vc = payload['vc'];
  if (vc !== undefined && !isRecord(vc)) {
    return { checks: [check('parse', 'fail', 'BAD_JWS', { reason: 'VC_CLAIM_NOT_AN_OBJECT' })], credential: null };
  }
  const credential = credentialOf(payload);
  const issuerId = issuerIdOf(credential);

  const checks: Check[] = [];
  const headerIssues = headerWarnings(header);
  const claims = claimsMismatch(payload, credential);

  const alg = header['alg'];
  if (typeof alg !== 'string' || !(ALLOWED_JWT_ALGS as readonly string[]).includes(alg)) {
    checks.push(check('signature', 'fail', 'ALG_NOT_ALLOWED', { alg: String(alg ?? '') }));
    checks.push(...headerIssues, ...claims, check('issuerKey', 'unchecked', 'NOT_CHECKED'));
    return { checks, credential };
  }

  const fetcher = createJsonFetcher(ctx);
  const found = await findKey(header, issuerId, fetcher);
  if (!found.ok) {
    checks.push(found.check, ...headerIssues, ...claims, check('issuerKey', 'unchecked', 'NOT_CHECKED'));
    return { checks, credential };
  }
  const signature = await checkSignature(jwt, alg as Alg, found.key.material.jwk);
  checks.push(signature, ...headerIssues, ...claims);
  if (signature.status !== 'pass') {
    checks.push(check('issuerKey', 'unchecked', 'NOT_CHECKED'));
    return { checks, credential };
  }
  checks.push(await provenance(found.key, found.viaJwk, issuerId, fetcher));
  return { checks, credential };
}

/** The credential a payload carries, with VC 1.1 claims filling absent properties. */
function credentialOf(payload: Record<string, unknown>): Record<string, unknown> {
  const vc = payload['vc'];
  const v11 = isRecord(vc);
  const credential: Record<string, unknown> = v11 ? { ...vc } : { ...payload };
  if (!v11) for (const claim of REGISTERED_CLAIMS) delete credential[claim];
  const fill = (prop: string, value: unknown) => {
    if (credential[prop] === undefined && value !== undefined) credential[prop] = value;
  };
  if (v11) {
    fill('issuer', typeof payload['iss'] === 'string' ? payload['iss'] : undefined);
    fill('id', typeof payload['jti'] === 'string' ? payload['jti'] : undefined);
    fill('issuanceDate', dateOf(payload['nbf']));
    fill('expirationDate', dateOf(payload['exp']));
    const sub = payload['sub'];
    if (typeof sub === 'string' && isRecord(credential['credentialSubject']) && credential['credentialSubject']['id'] === undefined) {
      credential['credentialSubject'] = { ...credential['credentialSubject'], id: sub };
    }
  } else if (credential['validUntil'] === undefined && credential['expirationDate'] === undefined) {
    // OB 3.0: "exp … MUST be used to set the value of validUntil".
    fill('validUntil', dateOf(payload['exp']));
  }
  return credential;
}

const dateOf = (seconds: unknown): string | undefined =>
  typeof seconds === 'number' && Number.isFinite(seconds) && Math.abs(seconds) < 8.64e12
    ? new Date(Math.trunc(seconds) * 1000).toISOString().replace('.000Z', 'Z')
    : undefined;

function headerWarnings(header: Record<string, unknown>): Check[] {
  const extra = Object.keys(header).filter((k) => !ALLOWED_HEADER_PARAMS.has(k));
  const out: Check[] = [];
  if (extra.length > 0) out.push(check('signature', 'warn', 'HEADER_INVALID', { params: extra.join(',') }));
  const typ = header['typ'];
  if (typ !== undefined && (typeof typ !== 'string' || !ALLOWED_TYP.has(typ.toLowerCase()))) {
    out.push(check('signature', 'warn', 'HEADER_INVALID', { typ: String(typ) }));
  }
  if (header['kid'] === undefined && header['jwk'] === undefined) {
    out.push(check('signature', 'warn', 'HEADER_INVALID', { reason: 'NO_KID_OR_JWK' }));
  }
  return out;
}

/** iss/jti/sub/nbf/exp that are present and disagree with the credential → one CLAIMS_MISMATCH check. */
function claimsMismatch(payload: Record<string, unknown>, credential: Record<string, unknown>): Check[] {
  const bad: [string, string, string][] = [];
  const compare = (claim: string, found: unknown, expected: unknown) => {
    if (found === undefined || expected === undefined) return;
    if (found !== expected) bad.push([claim, String(expected), String(found)]);
  };
  compare('iss', payload['iss'], issuerIdOf(credential) ?? undefined);
  compare('jti', payload['jti'], credential['id']);
  const sub = payload['sub'];
  const subjectIds = asArray(credential['credentialSubject'])
    .map((s) => (isRecord(s) ? s['id'] : undefined))
    .filter((id) => id !== undefined);
  if (sub !== undefined && subjectIds.length > 0 && !subjectIds.includes(sub)) {
    bad.push(['sub', subjectIds.map(String).join(' '), String(sub)]);
  }
  // VC 1.1 (`vc` claim): nbf ↔ issuanceDate, exp ↔ expirationDate; VC 2.0: validFrom, validUntil.
  const v11 = isRecord(payload['vc']);
  const from = v11 ? (credential['issuanceDate'] ?? credential['validFrom']) : (credential['validFrom'] ?? credential['issuanceDate']);
  const until = v11 ? (credential['expirationDate'] ?? credential['validUntil']) : (credential['validUntil'] ?? credential['expirationDate']);
  compareDate(bad, 'nbf', payload['nbf'], from);
  compareDate(bad, 'exp', payload['exp'], until);
  if (bad.length === 0) return [];
  const [claim, expected, found] = bad[0]!;
  return [check('signature', 'fail', 'CLAIMS_MISMATCH', { claims: bad.map((b) => b[0]).join(','), claim, expected, found })];
}

/** A NumericDate claim vs an XML dateTime, to the second. Unparseable dates are the dates check's business. */
function compareDate(bad: [string, string, string][], claim: string, seconds: unknown, date: unknown): void {
  if (seconds === undefined || typeof date !== 'string') return;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) return;
  if (typeof seconds !== 'number' || Math.floor(ms / 1000) !== Math.trunc(seconds)) {
    bad.push([claim, date, String(seconds)]);
  }
}

type KeyLookup =
  | { ok: true; key: ResolvedKey; /** the key is a JWK (header, JWK/JWKS): provenance via the issuer's JWKS */ viaJwk: boolean }
  | { ok: false; check: Check };

async function findKey(header: Record<string, unknown>, issuerId: string | null, fetcher: JsonFetcher): Promise<KeyLookup> {
  const kid = typeof header['kid'] === 'string' && header['kid'] !== '' ? header['kid'] : null;
  if (header['jwk'] !== undefined) {
    const jwk = header['jwk'];
    if (isRecord(jwk) && hasPrivateJwkMembers(jwk)) {
      return { ok: false, check: check('signature', 'fail', 'KEY_INVALID', { reason: 'PRIVATE_KEY_IN_HEADER' }) };
    }
    const m = materialFromJwk(jwk);
    if (!m.ok) return { ok: false, check: check('signature', 'fail', 'KEY_INVALID', { reason: m.error }) };
    return { ok: true, key: jwkKey(kid ?? 'jwk', m.value, 'jwk-header', jwk), viaJwk: true };
  }
  if (kid === null) return { ok: false, check: check('signature', 'fail', 'KEY_NOT_FOUND', { reason: 'NO_KID_OR_JWK' }) };

  if (kid.startsWith('did:')) return fromResolution(await resolveVerificationMethod(kid, fetcher));
  if (/^https?:\/\//i.test(kid)) {
    const url = kid.split('#')[0]!;
    const res = await fetcher.fetchJson(url, `${ACCEPT_JWKS}, application/jwk+json`);
    if (res.ok) {
      const jwk = pickJwk(res.json, kid);
      if (jwk) {
        const m = materialFromJwk(jwk);
        if (!m.ok) return { ok: false, check: check('signature', 'fail', 'KEY_INVALID', { kid, reason: m.error }) };
        return { ok: true, key: jwkKey(kid, m.value, 'https', jwk), viaJwk: true };
      }
    }
    // Not a JWK/JWKS: a key document or controller document (or a key in the fragment).
    return fromResolution(await resolveVerificationMethod(kid, fetcher));
  }
  // A bare kid: relative to a DID issuer, else a name in the issuer's JWKS.
  if (issuerId?.startsWith('did:')) {
    return fromResolution(await resolveVerificationMethod(`${issuerId}${kid.startsWith('#') ? '' : '#'}${kid}`, fetcher));
  }
  const jwksUrl = issuerId ? issuerJwksUrl(issuerId) : null;
  if (!jwksUrl) return { ok: false, check: check('signature', 'fail', 'KEY_NOT_FOUND', { kid, reason: 'NO_KEY_SOURCE' }) };
  const res = await fetcher.fetchJson(jwksUrl, ACCEPT_JWKS);
  if (!res.ok) {
    if (res.failure === null) return { ok: false, check: check('signature', 'fail', 'KEY_NOT_FOUND', { kid, url: jwksUrl, reason: 'BAD_JSON' }) };
    return { ok: false, check: fetchFailureCheck('signature', res.failure, { status: 'fail', code: 'KEY_NOT_FOUND' }, { kid }) };
  }
  const jwk = isRecord(res.json) && Array.isArray(res.json['keys']) ? pickJwk(res.json, kid) : null;
  if (!jwk) return { ok: false, check: check('signature', 'fail', 'KEY_NOT_FOUND', { kid, url: jwksUrl }) };
  const m = materialFromJwk(jwk);
  if (!m.ok) return { ok: false, check: check('signature', 'fail', 'KEY_INVALID', { kid, reason: m.error }) };
  return { ok: true, key: jwkKey(kid, m.value, 'https', jwk), viaJwk: true };
}

function jwkKey(vmId: string, material: KeyMaterial, source: ResolvedKey['source'], jwk: unknown): ResolvedKey {
  const iss = isRecord(jwk) && typeof jwk['iss'] === 'string' ? jwk['iss'] : undefined;
  return { vmId, material, source, controller: null, did: null, ...(iss !== undefined ? { jwkIss: iss } : {}) };
}

function fromResolution(r: Awaited<ReturnType<typeof resolveVerificationMethod>>): KeyLookup {
  return r.ok ? { ok: true, key: r.key, viaJwk: false } : { ok: false, check: r.check };
}

/** Imported jose keys, by JWK and algorithm (bounded). */
const importedKeys = new Map<string, Promise<CryptoKey | Uint8Array>>();
const MAX_IMPORTED = 256;

function importKey(jwk: JsonWebKey, alg: Alg): Promise<CryptoKey | Uint8Array> {
  const id = `${alg}|${jwk.kty}|${jwk.crv ?? ''}|${jwk.x ?? ''}|${jwk.y ?? ''}|${jwk.n ?? ''}|${jwk.e ?? ''}`;
  let p = importedKeys.get(id);
  if (!p) {
    // Only public members reach jose (never `alg`/`use` restrictions from an untrusted JWK).
    const pub: JsonWebKey = { kty: jwk.kty };
    for (const m of ['crv', 'x', 'y', 'n', 'e'] as const) if (jwk[m] !== undefined) pub[m] = jwk[m];
    p = importJWK(pub, alg);
    p.catch(() => importedKeys.delete(id));
    importedKeys.set(id, p);
    if (importedKeys.size > MAX_IMPORTED) importedKeys.delete(importedKeys.keys().next().value!);
  }
  return p;
}

async function checkSignature(jwt: string, alg: Alg, jwk: JsonWebKey): Promise<Check> {
  let key: CryptoKey | Uint8Array;
  try {
    key = await importKey(jwk, alg);
  } catch (e) {
    return check('signature', 'fail', 'KEY_INVALID', { alg, kty: String(jwk.kty), reason: joseCode(e) });
  }
  try {
    await compactVerify(jwt, key, { algorithms: [alg] });
    return check('signature', 'pass', 'OK', { alg });
  } catch (e) {
    switch (joseCode(e)) {
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return check('signature', 'fail', 'TAMPERED', { alg });
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
        return check('signature', 'fail', 'ALG_NOT_ALLOWED', { alg });
      case 'ERR_JOSE_NOT_SUPPORTED':
        return check('signature', 'fail', 'HEADER_INVALID', { alg, reason: 'NOT_SUPPORTED' });
      case 'ERR_JWS_INVALID':
        return check('signature', 'fail', 'BAD_JWS', { alg });
      default:
        return check('signature', 'fail', 'KEY_INVALID', { alg, reason: joseCode(e) });
    }
  }
}

const joseCode = (e: unknown): string =>
  e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : e instanceof Error
      ? e.name
      : 'ERROR';

async function provenance(key: ResolvedKey, viaJwk: boolean, issuerId: string | null, fetcher: JsonFetcher): Promise<Check> {
  if (!viaJwk) return confirmKeyProvenance(key, issuerId, fetcher);
  if (key.jwkIss !== undefined && issuerId && key.jwkIss !== issuerId) {
    return check('issuerKey', 'fail', 'CONTROLLER_MISMATCH', { issuer: issuerId, controller: key.jwkIss });
  }
  return confirmJwtKeyByJwks(key.material, key.vmId === 'jwk' ? null : key.vmId, issuerId, fetcher);
}
