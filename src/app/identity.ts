/**
 * Identity keys: when two different files hold the same credential (SPECS §4.2 "Equality for
 * storage/dedup").
 *
 * - OB 3.0: the same credential iff the issuer `id` and the credential `id` are equal after
 *   percent-decoding and trimming. Key: ["ob3", issuerId, credentialId].
 * - OB 0.5–2.0: the assertion `id` (a hosted assertion's URL, a signed assertion's urn:uuid).
 *   Key: ["ob2", assertionId].
 * - Neither id: null (only identical bytes are then recognised as duplicates).
 *
 * The normalised badge is read first; when verification could not build one, the extracted payload
 * is read directly (JSON, or the payload of a compact JWS/JWT), so a badge that failed to verify
 * still has a key.
 */
import type { Extracted } from '../core/baking/types';
import type { Badge } from '../core/model/badge';

/** Percent-decoded and trimmed, as the OB 3.0 equality rule says. A malformed escape is kept as written. */
export function normaliseId(id: string): string {
  const trimmed = id.trim();
  try {
    return decodeURIComponent(trimmed).trim();
  } catch {
    return trimmed;
  }
}

const key = (parts: readonly string[]): string => JSON.stringify(parts);

export function ob3Key(issuerId: string, credentialId: string): string | null {
  const issuer = normaliseId(issuerId);
  const id = normaliseId(credentialId);
  return issuer && id ? key(['ob3', issuer, id]) : null;
}

export function ob2Key(assertionId: string): string | null {
  const id = normaliseId(assertionId);
  return id ? key(['ob2', id]) : null;
}

/** The identity key of a badge, from its normalised form or, failing that, from its payload. */
export function identityKeyOf(badge: Badge | null, extracted: Extracted | null): string | null {
  if (badge) {
    if (badge.obVersion === '3.0') return badge.issuer.id && badge.id ? ob3Key(badge.issuer.id, badge.id) : null;
    return badge.id ? ob2Key(badge.id) : null;
  }
  return extracted ? keyFromPayload(extracted) : null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function keyFromPayload(x: Extracted): string | null {
  if (x.payloadKind === 'url') return ob2Key(x.payload);
  let doc: unknown;
  try {
    doc = x.payloadKind === 'json' ? JSON.parse(x.payload) : JSON.parse(base64UrlText(x.payload.split('.')[1] ?? ''));
  } catch {
    return null;
  }
  if (!isObject(doc)) return null;
  // VC-JWT in the VC 1.1 form: the credential sits in the `vc` claim.
  if (x.payloadKind === 'jwt' && isObject(doc['vc'])) doc = { ...doc['vc'], id: doc['vc']['id'] ?? doc['jti'] };
  const d = doc as Json;
  const types = asArray(d['type']).filter((t): t is string => typeof t === 'string');
  const isCredential = types.includes('VerifiableCredential') || types.includes('OpenBadgeCredential') || x.payloadKind === 'jwt';
  const id = typeof d['id'] === 'string' ? d['id'] : null;
  if (isCredential) {
    const issuer = d['issuer'];
    const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer['id'] === 'string' ? issuer['id'] : null;
    return issuerId && id ? ob3Key(issuerId, id) : null;
  }
  return id ? ob2Key(id) : null;
}

function base64UrlText(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** When the OB 3.0 rule lets `incoming` supersede `existing`: both OB 3.0, and a strictly later validFrom. */
export function supersedes(incoming: Badge | null, existing: Badge | null): boolean {
  if (incoming?.obVersion !== '3.0' || existing?.obVersion !== '3.0') return false;
  const a = Date.parse(incoming.issuedOn ?? '');
  const b = Date.parse(existing.issuedOn ?? '');
  return Number.isFinite(a) && Number.isFinite(b) && a > b;
}

/** What kind of identity the earner typed: an e-mail address, a web address, or something else (a DID, a phone…). */
export function identityKind(value: string): 'email' | 'url' | 'other' {
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) return 'email';
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return 'url';
  } catch {
    /* not a URL */
  }
  return 'other';
}
