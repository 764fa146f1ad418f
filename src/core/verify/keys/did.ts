/**
 * The three DID methods Besace resolves: did:key and did:jwk (the key is in the DID, no network) and
 * did:web (a DID document over HTTPS). Any other method is reported as unknown, never sent to a
 * third-party "universal resolver" (that would tell it which credentials the earner holds).
 */
import { base64urlnopad } from '@scure/base';
import { err, ok, type Result } from '../../result';
import { asArray, isRecord } from './fetchJson';
import { decodeMultikey, materialFromJwk, materialFromPublicKey, type KeyMaterial, type KeyMaterialError } from './multikey';

export interface DidUrl {
  /** did:method:msid (no path, query or fragment). */
  readonly did: string;
  readonly method: string;
  /** Method-specific id. */
  readonly msid: string;
  /** Fragment without '#', null when absent. */
  readonly fragment: string | null;
}

const DID_RE = /^did:([a-z0-9]+):([A-Za-z0-9._:%-]+)([/?][^#]*)?(?:#(.*))?$/;

export function parseDidUrl(s: string): DidUrl | null {
  const m = DID_RE.exec(s);
  if (!m) return null;
  const method = m[1]!;
  const msid = m[2]!;
  return { did: `did:${method}:${msid}`, method, msid, fragment: m[4] ?? null };
}

/** did:key → its key. The fragment, when present, must be the method-specific id itself. */
export function didKeyMaterial(d: DidUrl): Result<KeyMaterial, KeyMaterialError | 'FRAGMENT_MISMATCH'> {
  if (d.fragment !== null && d.fragment !== d.msid) return err('FRAGMENT_MISMATCH');
  const pk = decodeMultikey(d.msid);
  return pk.ok ? ok(materialFromPublicKey(pk.value)) : pk;
}

const decoder = new TextDecoder();

/** did:jwk → its key (fragment '0' or none). */
export function didJwkMaterial(d: DidUrl): Result<KeyMaterial, KeyMaterialError | 'FRAGMENT_MISMATCH'> {
  if (d.fragment !== null && d.fragment !== '0') return err('FRAGMENT_MISMATCH');
  let jwk: unknown;
  try {
    jwk = JSON.parse(decoder.decode(base64urlnopad.decode(d.msid)));
  } catch {
    return err('BAD_KEY');
  }
  return materialFromJwk(jwk);
}

/**
 * did:web → the URL of its DID document (did:web spec "Read"): ':' → '/', a percent-encoded port
 * colon decoded, https:// prefixed, /.well-known when there is no path, then /did.json.
 */
export function didWebDocumentUrl(d: DidUrl): string | null {
  const segments = d.msid.split(':');
  const host = decodeURIComponent(segments[0]!.replace(/%3A/gi, ':'));
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return null;
  const path = segments.slice(1);
  if (path.some((p) => p === '' || p === '.' || p === '..')) return null;
  const url = `https://${host}${path.length ? `/${path.join('/')}` : '/.well-known'}/did.json`;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** Verification relationships a method can be listed under. */
const RELATIONSHIPS = ['assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'];

/** Resolves a possibly relative method id ("#key-1") against the document's id. */
const absoluteId = (id: unknown, base: string): string | null =>
  typeof id !== 'string' ? null : id.startsWith('#') ? base + id : id;

/**
 * Looks a verification method up in a controller document (DID document or issuer profile): in
 * `verificationMethod`, legacy `publicKey`, or embedded in a relationship. `authorized` says whether
 * `relationship` (e.g. assertionMethod) lists it, by reference or embedded.
 */
export function findMethod(
  doc: Record<string, unknown>,
  base: string,
  vmId: string,
  relationship: string,
): { method: Record<string, unknown> | null; authorized: boolean } {
  let method: Record<string, unknown> | null = null;
  const candidates = [
    ...asArray(doc['verificationMethod']),
    ...asArray(doc['publicKey']),
    ...RELATIONSHIPS.flatMap((r) => asArray(doc[r])),
  ];
  for (const c of candidates) {
    if (isRecord(c) && absoluteId(c['id'], base) === vmId) {
      method = c;
      break;
    }
  }
  const authorized = asArray(doc[relationship]).some((e) =>
    typeof e === 'string' ? absoluteId(e, base) === vmId : isRecord(e) && absoluteId(e['id'], base) === vmId,
  );
  return { method, authorized };
}

/** Every verification method object a controller document lists (for matching by key material). */
export function allMethods(doc: Record<string, unknown>): Record<string, unknown>[] {
  return [
    ...asArray(doc['verificationMethod']),
    ...asArray(doc['publicKey']),
    ...RELATIONSHIPS.flatMap((r) => asArray(doc[r])),
  ].filter(isRecord);
}
