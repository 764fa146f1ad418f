/**
 * Was this badge issued to me? Compares the badge's recipient identifiers with the earner's own
 * identities (SPECS §2.5, §4.3 step 5, §8.7).
 *
 * - Hashed identities are `<alg>$<hex>` with alg `sha256` or `md5`; the hex may be upper- or
 *   lower-case; the hash input is the identifier immediately followed by the salt (none when absent).
 *   SHA-256 comes from WebCrypto, MD5 from @noble/hashes (legacy, still allowed by both versions).
 * - validator-core compares the identifier exactly; emails are then tried trimmed and lower-cased,
 *   because people type their address in many cases (§8.7, inference).
 * - OB 3.0: `identityType` (emailAddress, url…) and credentialSubject.id equality.
 *
 * No identities → `unchecked` NO_IDENTITIES; a match → pass RECIPIENT_MATCH {identity}; none →
 * warn RECIPIENT_NO_MATCH: the badge may be someone else's, which does not make it a forgery.
 * Shared with the OB 3.0 path: keep the signature.
 */
import { md5 } from '@noble/hashes/legacy.js';
import type { BadgeRecipient } from '../model/badge';
import { check, type Check, type Identities } from './types';

type Kind = 'email' | 'url' | 'other' | 'id' | 'unknown';

/** OB 3.0 IdentifierTypeEnum values (SPECS §4.2) that are not e-mail addresses. */
const OB3_OTHER_TYPES = new Set([
  'name',
  'sourcedid',
  'systemid',
  'productid',
  'username',
  'accountid',
  'nationalidentitynumber',
  'isbn',
  'issn',
  'lissourcedid',
  'onerostersourcedid',
  'sissourcedid',
  'lticontextid',
  'ltideploymentid',
  'ltitoolid',
  'ltiplatformid',
  'ltiuserid',
  'identifier',
]);

function kindOf(type: string): Kind {
  const t = type.trim().toLowerCase();
  if (t === 'email' || t === 'emailaddress') return 'email';
  if (t === 'url') return 'url';
  if (t === 'telephone' || t === 'phone' || t === 'phonenumber') return 'other';
  if (t === 'id') return 'id';
  if (OB3_OTHER_TYPES.has(t) || t.startsWith('ext:')) return 'other';
  return 'unknown';
}

const MAX_CANDIDATES = 64;
const HASH = /^(sha256|md5)\$([0-9a-f]+)$/i;
const encoder = new TextEncoder();

interface Candidate {
  /** What is hashed / compared. */
  readonly value: string;
  /** The earner's identity as they gave it (reported on a match). */
  readonly original: string;
  readonly isEmail: boolean;
}

function candidatesFor(kind: Kind, identities: Identities): Candidate[] {
  const out: Candidate[] = [];
  const add = (list: readonly string[] | undefined, isEmail: boolean): void => {
    for (const original of list ?? []) {
      if (typeof original !== 'string' || out.length >= MAX_CANDIDATES) continue;
      const variants = new Set([original, original.trim()]);
      if (isEmail) variants.add(original.trim().toLowerCase());
      for (const value of variants) out.push({ value, original, isEmail });
    }
  };
  if (kind === 'email' || kind === 'unknown') add(identities.emails, true);
  if (kind === 'url' || kind === 'id' || kind === 'unknown') add(identities.urls, false);
  if (kind === 'other' || kind === 'id' || kind === 'unknown') add(identities.others, false);
  return out;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

async function digestHex(alg: 'sha256' | 'md5', text: string): Promise<string> {
  const data = encoder.encode(text);
  if (alg === 'md5') return toHex(md5(data));
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

/** The recipient's hash as {alg, hex (lower-case)}, or null when it is not `sha256$…`/`md5$…`. */
function parseHash(identity: string): { alg: 'sha256' | 'md5'; hex: string } | null {
  const m = HASH.exec(identity.trim());
  if (!m) return null;
  const alg = (m[1] ?? '').toLowerCase() === 'md5' ? 'md5' : 'sha256';
  const hex = (m[2] ?? '').toLowerCase();
  if (hex.length !== (alg === 'md5' ? 32 : 64)) return null;
  return { alg, hex };
}

async function matches(recipient: BadgeRecipient, candidate: Candidate): Promise<boolean> {
  if (recipient.hashed) {
    const hash = parseHash(recipient.identity);
    if (!hash) return false;
    return (await digestHex(hash.alg, candidate.value + (recipient.salt ?? ''))) === hash.hex;
  }
  if (recipient.identity === candidate.value) return true;
  if (candidate.isEmail) return recipient.identity.trim().toLowerCase() === candidate.value.trim().toLowerCase();
  return recipient.identity.trim() === candidate.value.trim();
}

function hasAny(identities: Identities): boolean {
  return (
    (identities.emails?.length ?? 0) > 0 || (identities.urls?.length ?? 0) > 0 || (identities.others?.length ?? 0) > 0
  );
}

export async function recipientCheck(args: {
  recipients: readonly BadgeRecipient[];
  subjectId: string | null;
  identities: Identities;
}): Promise<Check> {
  const { recipients, subjectId, identities } = args;
  if (!hasAny(identities)) return check('recipient', 'unchecked', 'NO_IDENTITIES');
  if (recipients.length === 0 && !subjectId) return check('recipient', 'unchecked', 'NOT_CHECKED');
  try {
    if (subjectId) {
      const all = [...(identities.urls ?? []), ...(identities.others ?? []), ...(identities.emails ?? [])];
      const found = all.find((id) => typeof id === 'string' && id.trim() === subjectId.trim());
      if (found !== undefined) return check('recipient', 'pass', 'RECIPIENT_MATCH', { identity: found });
    }
    let unknownType: string | null = null;
    for (const recipient of recipients.slice(0, 16)) {
      if (typeof recipient.identity !== 'string') continue;
      const kind = kindOf(recipient.type ?? '');
      if (kind === 'unknown') unknownType ??= recipient.type ?? '';
      for (const candidate of candidatesFor(kind, identities)) {
        if (await matches(recipient, candidate)) {
          return check('recipient', 'pass', 'RECIPIENT_MATCH', { identity: candidate.original });
        }
      }
    }
    if (unknownType !== null && recipients.every((r) => kindOf(r.type ?? '') === 'unknown')) {
      return check('recipient', 'unchecked', 'RECIPIENT_UNKNOWN_TYPE', { type: unknownType });
    }
    return check('recipient', 'warn', 'RECIPIENT_NO_MATCH');
  } catch (e) {
    return check('recipient', 'unchecked', 'INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e) });
  }
}
