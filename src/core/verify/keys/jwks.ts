/**
 * JSON Web Keys for VC-JWT: a JWK or a JWK Set at a URL, and key provenance through the issuer's
 * JWKS at https://{authority of the issuer id}/.well-known/jwks.json (OB 3.0 recommended practice):
 * the key named by the header `kid` (or given as the header `jwk`) must be in it — compared by key
 * material, so a kid URL and a JWKS entry named differently still match — and a JWK member `iss`,
 * if present, must be the issuer id.
 */
import { check, type Check } from '../types';
import { ACCEPT_JWKS, asArray, fetchFailureCheck, isRecord, type JsonFetcher } from './fetchJson';
import { materialFromJwk, sameKey, type KeyMaterial } from './multikey';

/** The JWKS URL of an https issuer id, null for other ids. */
export function issuerJwksUrl(issuerId: string): string | null {
  try {
    const u = new URL(issuerId);
    if (u.protocol !== 'https:') return null;
    return `https://${u.host}/.well-known/jwks.json`;
  } catch {
    return null;
  }
}

/** Does a JWK's `kid` name this key id? (equal, or equal to the fragment of a kid URL) */
export function kidMatches(jwkKid: unknown, kid: string): boolean {
  if (typeof jwkKid !== 'string' || jwkKid === '') return false;
  if (jwkKid === kid) return true;
  const hash = kid.lastIndexOf('#');
  return hash >= 0 && kid.slice(hash + 1) === jwkKid;
}

/** Picks a key from a JWK or a JWK Set by kid (a set with one key and no kid match: that key only if it has no kid). */
export function pickJwk(doc: unknown, kid: string | null): Record<string, unknown> | null {
  if (!isRecord(doc)) return null;
  if (!Array.isArray(doc['keys'])) return typeof doc['kty'] === 'string' ? doc : null;
  const keys = asArray(doc['keys']).filter(isRecord);
  if (kid !== null) {
    const found = keys.find((k) => kidMatches(k['kid'], kid));
    if (found) return found;
  }
  return keys.length === 1 && keys[0]!['kid'] === undefined ? keys[0]! : null;
}

/**
 * issuerKey check for a VC-JWT key: in the issuer's JWKS (by kid, or by key material for a `jwk`
 * header), with JWK `iss` equal to the issuer id when present.
 */
export async function confirmJwtKeyByJwks(
  material: KeyMaterial,
  kid: string | null,
  issuerId: string | null,
  fetcher: JsonFetcher,
): Promise<Check> {
  const params: Record<string, string> = { issuer: issuerId ?? '' };
  if (kid !== null) params['kid'] = kid;
  if (!issuerId) return check('issuerKey', 'unchecked', 'NOT_CHECKED', { ...params, reason: 'NO_ISSUER' });
  const url = issuerJwksUrl(issuerId);
  if (!url) return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', { ...params, reason: 'NO_JWKS_FOR_ISSUER' });
  const res = await fetcher.fetchJson(url, ACCEPT_JWKS);
  if (!res.ok) {
    if (res.failure === null) return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', { ...params, url, reason: 'BAD_JSON' });
    // 404/410: the issuer publishes no JWKS, so it does not confirm the key.
    return fetchFailureCheck('issuerKey', res.failure, { status: 'warn', code: 'KEY_NOT_CONFIRMED' }, params);
  }
  const keys = isRecord(res.json) ? asArray(res.json['keys']).filter(isRecord) : [];
  // The key itself must be published; among equal keys prefer the entry the kid names.
  const same = keys.filter((k) => {
    const m = materialFromJwk(k);
    return m.ok && sameKey(m.value, material);
  });
  const match = (kid !== null ? same.find((k) => kidMatches(k['kid'], kid)) : undefined) ?? same[0];
  if (!match) return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', { ...params, url });
  if (match['iss'] !== undefined && match['iss'] !== issuerId) {
    return check('issuerKey', 'fail', 'CONTROLLER_MISMATCH', { ...params, url, controller: String(match['iss']) });
  }
  return check('issuerKey', 'pass', 'OK', { ...params, url });
}
