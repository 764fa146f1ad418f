/**
 * verificationMethod (or a JWS `kid`) → the public key, the way the 1EdTech validator reads them,
 * made stricter where it was lax (SPECS §4.6):
 *
 *   https://issuer.example/…#z6Mk…   key in the fragment (no fetch); controller = the part before '#'
 *   did:key:z6Mk…[#z6Mk…]            Ed25519 / P-256 / P-384 key in the DID (no fetch)
 *   did:jwk:eyJ…[#0]                 JWK in the DID (no fetch)
 *   did:web:host[%3Aport][:path]#k   DID document over HTTPS; the method must be in it and listed
 *                                    under the proof's relationship (assertionMethod)
 *   https://…                        key document (with controller) or a controller document listing it
 *
 * Failures come back as the 'signature' check to report: `fail` when the answer is known (no
 * scheme, unknown DID method, key absent from the document, the DID document does not exist),
 * `unchecked` with the network code when we could not look.
 */
import { check, type Check } from '../types';
import {
  didJwkMaterial,
  didKeyMaterial,
  didWebDocumentUrl,
  findMethod,
  parseDidUrl,
  type DidUrl,
} from './did';
import { ACCEPT_DID, ACCEPT_JSON, fetchFailureCheck, isRecord, type JsonFetcher } from './fetchJson';
import {
  decodeMultikey,
  looksLikeMultikey,
  materialFromPublicKey,
  materialOfMethod,
  type KeyMaterial,
  type KeyMaterialError,
} from './multikey';

export type KeySource = 'fragment' | 'did:key' | 'did:jwk' | 'did:web' | 'https' | 'jwk-header';

export interface ResolvedKey {
  /** The verification method id (or kid) as given. */
  readonly vmId: string;
  readonly material: KeyMaterial;
  readonly source: KeySource;
  /** The controller the key declares: the part before '#', a method's `controller`, a key document's `controller`/`owner`. */
  readonly controller: string | null;
  /** The DID of a did: method. */
  readonly did: string | null;
  /** https: the document the key was read from, and its id (to confirm provenance without refetching). */
  readonly document?: { readonly url: string; readonly id: string | null; readonly json: Record<string, unknown> };
  /** The JWK member `iss`, when the key came as a JWK that carries one. */
  readonly jwkIss?: string;
}

export type KeyResolution = { readonly ok: true; readonly key: ResolvedKey } | { readonly ok: false; readonly check: Check };

export interface ResolveOptions {
  /** Verification relationship the key must be listed under in a DID document. Default assertionMethod. */
  readonly relationship?: string;
}

const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;

const fail = (code: Check['code'], params: Record<string, string | number>): KeyResolution => ({
  ok: false,
  check: check('signature', 'fail', code, params),
});

function materialError(vm: string, e: KeyMaterialError | 'FRAGMENT_MISMATCH'): KeyResolution {
  if (e === 'FRAGMENT_MISMATCH' || e === 'NO_KEY_MATERIAL') return fail('KEY_NOT_FOUND', { verificationMethod: vm, reason: e });
  return fail('KEY_INVALID', { verificationMethod: vm, reason: e });
}

export async function resolveVerificationMethod(
  vm: unknown,
  fetcher: JsonFetcher,
  options: ResolveOptions = {},
): Promise<KeyResolution> {
  const relationship = options.relationship ?? 'assertionMethod';
  if (typeof vm !== 'string' || vm.trim() === '') {
    return fail('VERIFICATION_METHOD_INVALID', { reason: 'NOT_A_STRING' });
  }
  const scheme = SCHEME_RE.exec(vm)?.[1]?.toLowerCase();
  if (!scheme) return fail('VERIFICATION_METHOD_INVALID', { verificationMethod: vm, reason: 'NO_SCHEME' });

  const hash = vm.indexOf('#');
  const fragment = hash >= 0 ? vm.slice(hash + 1) : null;

  if (scheme === 'did') {
    const d = parseDidUrl(vm);
    if (!d) return fail('VERIFICATION_METHOD_INVALID', { verificationMethod: vm, reason: 'BAD_DID' });
    return resolveDid(vm, d, fetcher, relationship);
  }
  // <controller>#<multikey>: the key is the fragment (1EdTech reads it so, without fetching), whatever
  // the controller's scheme (https, or urn:uuid as in 1EdTech's CLR samples). Whether the controller
  // vouches for the key is the provenance check's business.
  if (fragment !== null && looksLikeMultikey(fragment)) {
    const pk = decodeMultikey(fragment);
    if (!pk.ok) return fail('KEY_INVALID', { verificationMethod: vm, reason: pk.error });
    return {
      ok: true,
      key: { vmId: vm, material: materialFromPublicKey(pk.value), source: 'fragment', controller: vm.slice(0, hash), did: null },
    };
  }
  if (scheme !== 'https' && scheme !== 'http') {
    return fail('VERIFICATION_METHOD_INVALID', { verificationMethod: vm, reason: 'UNKNOWN_SCHEME', scheme });
  }
  return resolveHttps(vm, fetcher);
}

async function resolveDid(vm: string, d: DidUrl, fetcher: JsonFetcher, relationship: string): Promise<KeyResolution> {
  switch (d.method) {
    case 'key': {
      const m = didKeyMaterial(d);
      if (!m.ok) return materialError(vm, m.error);
      return { ok: true, key: { vmId: vm, material: m.value, source: 'did:key', controller: null, did: d.did } };
    }
    case 'jwk': {
      const m = didJwkMaterial(d);
      if (!m.ok) return materialError(vm, m.error);
      return { ok: true, key: { vmId: vm, material: m.value, source: 'did:jwk', controller: null, did: d.did } };
    }
    case 'web':
      return resolveDidWeb(vm, d, fetcher, relationship);
    default:
      return fail('UNKNOWN_DID_METHOD', { verificationMethod: vm, method: d.method });
  }
}

async function resolveDidWeb(vm: string, d: DidUrl, fetcher: JsonFetcher, relationship: string): Promise<KeyResolution> {
  if (d.fragment === null || d.fragment === '') {
    return fail('KEY_NOT_FOUND', { verificationMethod: vm, reason: 'NO_FRAGMENT' });
  }
  const url = didWebDocumentUrl(d);
  if (!url) return fail('VERIFICATION_METHOD_INVALID', { verificationMethod: vm, reason: 'BAD_DID' });
  const res = await fetcher.fetchJson(url, ACCEPT_DID);
  if (!res.ok) {
    if (res.failure === null) return fail('DID_UNRESOLVABLE', { verificationMethod: vm, url, reason: 'BAD_JSON' });
    // 404/410: the DID has no document (DID resolution "notFound"): the proof cannot be valid.
    return { ok: false, check: fetchFailureCheck('signature', res.failure, { status: 'fail', code: 'DID_UNRESOLVABLE' }, { verificationMethod: vm }) };
  }
  const doc = res.json;
  if (!isRecord(doc) || doc['id'] !== d.did) {
    return fail('DID_UNRESOLVABLE', { verificationMethod: vm, url, reason: 'NOT_THE_DID_DOCUMENT' });
  }
  const vmId = `${d.did}#${d.fragment}`;
  const { method, authorized } = findMethod(doc, d.did, vmId, relationship);
  if (!method) return fail('KEY_NOT_FOUND', { verificationMethod: vm, url });
  if (!authorized) return fail('PROOF_PURPOSE_INVALID', { verificationMethod: vm, url, relationship });
  const m = materialOfMethod(method);
  if (!m.ok) return materialError(vm, m.error);
  const controller = typeof method['controller'] === 'string' ? method['controller'] : d.did;
  return {
    ok: true,
    key: { vmId: vm, material: m.value, source: 'did:web', controller, did: d.did, document: { url, id: d.did, json: doc } },
  };
}

/**
 * https verification method: fetch it (without the fragment). The answer is either the key document
 * itself (its id is the method, it has key material and a controller) or a controller document that
 * lists the method.
 */
async function resolveHttps(vm: string, fetcher: JsonFetcher): Promise<KeyResolution> {
  const url = vm.split('#')[0]!;
  const res = await fetcher.fetchJson(url, ACCEPT_JSON);
  if (!res.ok) {
    if (res.failure === null) return fail('KEY_NOT_FOUND', { verificationMethod: vm, url, reason: 'BAD_JSON' });
    return { ok: false, check: fetchFailureCheck('signature', res.failure, { status: 'fail', code: 'KEY_NOT_FOUND' }, { verificationMethod: vm }) };
  }
  const doc = res.json;
  if (!isRecord(doc)) return fail('KEY_NOT_FOUND', { verificationMethod: vm, url, reason: 'NOT_AN_OBJECT' });
  const docId = typeof doc['id'] === 'string' ? doc['id'] : null;

  // The key document itself.
  if ((docId === vm || (docId === null && !vm.includes('#'))) && hasKeyMaterial(doc)) {
    const m = materialOfMethod(doc);
    if (!m.ok) return materialError(vm, m.error);
    const controller = str(doc['controller']) ?? str(doc['owner']);
    return {
      ok: true,
      key: { vmId: vm, material: m.value, source: 'https', controller, did: null, document: { url, id: docId, json: doc } },
    };
  }
  // A controller document listing the method.
  const { method } = findMethod(doc, docId ?? url, vm, 'assertionMethod');
  if (!method) return fail('KEY_NOT_FOUND', { verificationMethod: vm, url });
  const m = materialOfMethod(method);
  if (!m.ok) return materialError(vm, m.error);
  const controller = str(method['controller']) ?? str(method['owner']) ?? docId ?? url;
  return {
    ok: true,
    key: { vmId: vm, material: m.value, source: 'https', controller, did: null, document: { url, id: docId, json: doc } },
  };
}

const hasKeyMaterial = (o: Record<string, unknown>): boolean =>
  'publicKeyMultibase' in o || 'publicKeyJwk' in o || 'publicKeyBase58' in o;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
