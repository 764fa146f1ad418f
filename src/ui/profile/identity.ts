/**
 * Checking what the earner types as one of their identities before it is added: an e-mail address,
 * an http(s) web address, or another identifier (a phone number, a DID…). Each refusal is a
 * message key that says what to fix.
 */
import type { EarnerIdentity } from '../../app/types';
import type { MessageKey } from '../messages';

export const MAX_IDENTITY_LENGTH = 320;

export type IdentityCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: MessageKey; readonly params?: Readonly<Record<string, string | number>> };

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;
const BARE_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;
const PHONE = /^\+?[\d\s().-]{6,}$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const FETCHABLE = ['ftp', 'file', 'javascript', 'data', 'ws', 'wss', 'blob'];

/** Normalise and check one identity; `existing` catches duplicates (e-mails compared without case). */
export function checkIdentity(raw: string, existing: readonly EarnerIdentity[] = []): IdentityCheck {
  let value = raw.trim();
  if (value === '') return { ok: false, error: 'profile.identities.error.empty' };
  if (value.length > MAX_IDENTITY_LENGTH) return { ok: false, error: 'profile.identities.error.tooLong', params: { max: MAX_IDENTITY_LENGTH } };
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length);

  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase() ?? null;
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, error: 'profile.identities.error.url' };
    }
    if (url.hostname === '' || /\s/.test(value)) return { ok: false, error: 'profile.identities.error.url' };
  } else if (scheme !== null) {
    // did:…, urn:…, tel:… are identifiers; schemes that name a place to fetch from are not.
    if (/\s/.test(value)) return { ok: false, error: 'profile.identities.error.spaces' };
    if (FETCHABLE.includes(scheme)) return { ok: false, error: 'profile.identities.error.scheme' };
  } else if (value.includes('@')) {
    if (!EMAIL.test(value)) return { ok: false, error: 'profile.identities.error.email' };
  } else if (BARE_DOMAIN.test(value)) {
    return { ok: false, error: 'profile.identities.error.noScheme', params: { value } };
  } else if (PHONE.test(value)) {
    value = value.replace(/[\s().-]/g, '');
  } else if (/\s/.test(value)) {
    return { ok: false, error: 'profile.identities.error.spaces' };
  }

  const same = (a: string, b: string) => (a.includes('@') && !a.includes(':') ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (existing.some((identity) => same(identity.value, value))) {
    return { ok: false, error: 'profile.identities.error.duplicate', params: { value } };
  }
  return { ok: true, value };
}
