/**
 * Key provenance — does the issuer claim this key? (beyond 1EdTech, which only string-compares the
 * controller of a fragment key with the issuer id and so lets any key "belong" to any https issuer.)
 *
 *   did:key / did:jwk      the DID is the issuer id                         → pass
 *   did:web                the DID is the issuer id (its document lists the
 *                          method under assertionMethod: checked while resolving) → pass
 *   <issuer>#<multikey>,   the issuer document (fetched) lists the method id
 *   https key documents    or the same key                                  → pass
 *   a declared controller that is not the issuer                            → fail CONTROLLER_MISMATCH (as 1EdTech)
 *   anything else                                                            → warn KEY_NOT_CONFIRMED
 *   issuer document unreachable                                              → unchecked (network code)
 * VC-JWT keys are confirmed by the issuer's JWKS instead (./jwks.ts).
 */
import { check, type Check } from '../types';
import { allMethods, findMethod } from './did';
import { ACCEPT_JSON, fetchFailureCheck, isRecord, type JsonFetcher } from './fetchJson';
import { materialOfMethod, sameKey } from './multikey';
import type { ResolvedKey } from './resolve';

export async function confirmKeyProvenance(
  key: ResolvedKey,
  issuerId: string | null,
  fetcher: JsonFetcher,
): Promise<Check> {
  const params = { verificationMethod: key.vmId, issuer: issuerId ?? '' };
  if (!issuerId) return check('issuerKey', 'unchecked', 'NOT_CHECKED', { ...params, reason: 'NO_ISSUER' });

  switch (key.source) {
    case 'did:key':
    case 'did:jwk':
      return key.did === issuerId
        ? check('issuerKey', 'pass', 'OK', params)
        : check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', params);
    case 'did:web':
      return key.did === issuerId
        ? check('issuerKey', 'pass', 'OK', params)
        : check('issuerKey', 'fail', 'CONTROLLER_MISMATCH', { ...params, controller: key.controller ?? key.did ?? '' });
    case 'fragment':
    case 'https': {
      if (key.controller !== null && key.controller !== issuerId) {
        return check('issuerKey', 'fail', 'CONTROLLER_MISMATCH', { ...params, controller: key.controller });
      }
      return confirmInIssuerDocument(key, issuerId, fetcher);
    }
    case 'jwk-header':
      return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', params);
  }
}

/** Fetches the issuer's own document (unless the key came from it) and looks for the key there. */
async function confirmInIssuerDocument(key: ResolvedKey, issuerId: string, fetcher: JsonFetcher): Promise<Check> {
  const params = { verificationMethod: key.vmId, issuer: issuerId };
  if (!/^https?:\/\//i.test(issuerId)) {
    // A DID or urn issuer cannot vouch for an https key: nothing to fetch.
    return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', params);
  }
  let doc: Record<string, unknown>;
  let base: string;
  if (key.document && (key.document.id === issuerId || key.document.url === issuerId)) {
    doc = key.document.json;
    base = key.document.id ?? key.document.url;
  } else {
    const res = await fetcher.fetchJson(issuerId, ACCEPT_JSON);
    if (!res.ok) {
      if (res.failure === null) return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', { ...params, reason: 'BAD_JSON' });
      // 404/410: the issuer publishes no such document, so it does not confirm the key.
      return fetchFailureCheck('issuerKey', res.failure, { status: 'warn', code: 'KEY_NOT_CONFIRMED' }, params);
    }
    if (!isRecord(res.json)) return check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', { ...params, reason: 'NOT_AN_OBJECT' });
    doc = res.json;
    base = typeof doc['id'] === 'string' ? doc['id'] : issuerId;
  }
  return issuerDocumentListsKey(doc, base, key)
    ? check('issuerKey', 'pass', 'OK', params)
    : check('issuerKey', 'warn', 'KEY_NOT_CONFIRMED', params);
}

/** The document lists the method by id (in any key list or relationship), or a method with the same key. */
function issuerDocumentListsKey(doc: Record<string, unknown>, base: string, key: ResolvedKey): boolean {
  const { method, authorized } = findMethod(doc, base, key.vmId, 'assertionMethod');
  if (method) {
    // Listed under this id: it must be this key (a fragment can name any key).
    const material = materialOfMethod(method);
    if (material.ok) return sameKey(material.value, key.material);
    if (material.error !== 'NO_KEY_MATERIAL') return false;
    return true;
  }
  if (authorized) return true;
  return allMethods(doc).some((m) => {
    const material = materialOfMethod(m);
    return material.ok && sameKey(material.value, key.material);
  });
}
