/**
 * Share links: badges carried whole in a URL's fragment, so that sharing needs no server and the
 * fragment never reaches one. `BASE#v1.` + base64url(deflateRaw(JSON)), the JSON
 * `{"t":title?,"c":createdAt,"u":until?,"b":[{"k":kind,"p":payload}…],"n":displayName?}`.
 * Decoding is strict: anything else is a typed error, and inflation is capped (no deflate bombs).
 * Pure: no DOM, no Node.
 */
import { base64urlnopad } from '@scure/base';
import { deflateSync, Inflate } from 'fflate';
import type { Extracted } from '../baking/types';
import { err, ok, type Result } from '../result';
import { isOb3Credential } from '../verify/ob3';

export const SHARE_KINDS = ['url', 'jws', 'jwt', 'json'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** One badge as it was baked: an assertion URL, an OB 2.0 JWS, an OB 3.0 VC-JWT or JSON, unaltered. */
export interface ShareItem {
  readonly kind: ShareKind;
  readonly payload: string;
}

export interface Share {
  readonly title?: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601: after this the sharer no longer means the link to be used (advisory). */
  readonly until?: string;
  readonly badges: readonly ShareItem[];
  readonly displayName?: string;
}

export const SHARE_ERROR_CODES = ['NOT_A_SHARE_LINK', 'UNKNOWN_VERSION', 'MALFORMED', 'TRUNCATED', 'TOO_LARGE', 'TOO_MANY_BADGES'] as const;
export type ShareErrorCode = (typeof SHARE_ERROR_CODES)[number];
export interface ShareError {
  readonly code: ShareErrorCode;
}

/** Limits a decoder enforces. */
export const MAX_FRAGMENT_CHARS = 64 * 1024;
export const MAX_INFLATED_BYTES = 1024 * 1024;
export const MAX_BADGES = 50;
export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_TEXT_CHARS = 1024;

const encoder = new TextEncoder();

/** The link for a share. The caller should decode it back when it must know it fits the limits. */
export function encodeShare(share: Share, base: string): string {
  const doc: Record<string, unknown> = {};
  if (share.title !== undefined) doc['t'] = share.title;
  doc['c'] = share.createdAt;
  if (share.until !== undefined) doc['u'] = share.until;
  doc['b'] = share.badges.map((b) => ({ k: b.kind, p: b.payload }));
  if (share.displayName !== undefined) doc['n'] = share.displayName;
  const packed = deflateSync(encoder.encode(JSON.stringify(doc)), { level: 9 });
  const url = new URL(base);
  url.hash = `v1.${base64urlnopad.encode(packed)}`;
  return url.toString();
}

type Decoder = (body: string) => Result<Share, ShareError>;

/** One decoder per released version; a version is never changed once released. */
export const DECODERS: Readonly<Record<string, Decoder>> = Object.freeze({ v1: decodeV1 });

/** A full link, a `#fragment` or the bare fragment → the share, or a typed error. Never throws. */
export function decodeShare(linkOrFragment: string): Result<Share, ShareError> {
  const hash = linkOrFragment.indexOf('#');
  const fragment = hash === -1 ? linkOrFragment : linkOrFragment.slice(hash + 1);
  if (fragment.length > MAX_FRAGMENT_CHARS) return err({ code: 'TOO_LARGE' });
  const shape = /^(v\d{1,4})\.(.*)$/s.exec(fragment);
  if (!shape) return err({ code: 'NOT_A_SHARE_LINK' });
  const decoder = Object.hasOwn(DECODERS, shape[1]!) ? DECODERS[shape[1]!] : undefined;
  if (!decoder) return err({ code: 'UNKNOWN_VERSION' });
  try {
    return decoder(shape[2]!);
  } catch {
    return err({ code: 'MALFORMED' });
  }
}

function decodeV1(body: string): Result<Share, ShareError> {
  if (body.length === 0 || !/^[A-Za-z0-9_-]+$/.test(body)) return err({ code: 'MALFORMED' });
  let packed: Uint8Array;
  try {
    packed = base64urlnopad.decode(body);
  } catch {
    return err({ code: 'MALFORMED' });
  }
  const inflated = inflateCapped(packed, MAX_INFLATED_BYTES);
  if (!inflated.ok) return inflated;
  let text: string;
  let doc: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
    doc = JSON.parse(text);
  } catch {
    return err({ code: 'MALFORMED' });
  }
  return validate(doc);
}

/** Inflates raw deflate fed in slices, stopping as soon as the output passes `max` bytes. */
function inflateCapped(packed: Uint8Array, max: number): Result<Uint8Array, ShareError> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  let tooLarge = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > max) {
      tooLarge = true;
      throw new RangeError('inflated too large');
    }
    chunks.push(chunk);
    if (final) finished = true;
  });
  const SLICE = 1024;
  try {
    for (let at = 0; at < packed.length; at += SLICE) {
      const end = Math.min(at + SLICE, packed.length);
      inflater.push(packed.subarray(at, end), end === packed.length);
      if (finished) break;
    }
  } catch (e) {
    if (tooLarge) return err({ code: 'TOO_LARGE' });
    // fflate's code 0 is "unexpected EOF": the stream stopped before its last block.
    return err({ code: (e as { code?: number }).code === 0 ? 'TRUNCATED' : 'MALFORMED' });
  }
  if (tooLarge) return err({ code: 'TOO_LARGE' });
  if (!finished) return err({ code: 'TRUNCATED' });
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return ok(out);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT_CHARS;
const onlyKeys = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));

function validate(doc: unknown): Result<Share, ShareError> {
  const malformed = err<ShareError>({ code: 'MALFORMED' });
  if (!isPlainObject(doc) || !onlyKeys(doc, ['t', 'c', 'u', 'b', 'n'])) return malformed;
  const { t, c, u, b, n } = doc;
  if (t !== undefined && !isText(t)) return malformed;
  if (n !== undefined && !isText(n)) return malformed;
  if (!isIsoDate(c)) return malformed;
  if (u !== undefined && !isIsoDate(u)) return malformed;
  if (!Array.isArray(b) || b.length === 0) return malformed;
  if (b.length > MAX_BADGES) return err({ code: 'TOO_MANY_BADGES' });
  const badges: ShareItem[] = [];
  for (const item of b as unknown[]) {
    if (!isPlainObject(item) || !onlyKeys(item, ['k', 'p'])) return malformed;
    const { k, p } = item;
    if (typeof k !== 'string' || !(SHARE_KINDS as readonly string[]).includes(k)) return malformed;
    if (typeof p !== 'string' || p.length === 0 || encoder.encode(p).length > MAX_PAYLOAD_BYTES) return malformed;
    badges.push({ kind: k as ShareKind, payload: p });
  }
  return ok({
    ...(t !== undefined ? { title: t } : {}),
    createdAt: c,
    ...(u !== undefined ? { until: u } : {}),
    badges,
    ...(n !== undefined ? { displayName: n } : {}),
  });
}

/**
 * The smallest form of an extracted badge that still verifies: an OB 1.x/2.0 hosted badge's
 * assertion URL (verification fetches it anyway), otherwise the payload exactly as baked.
 */
export function shareItemFromExtracted(extracted: Pick<Extracted, 'payloadKind' | 'payload'>): ShareItem {
  if (extracted.payloadKind === 'json') {
    const url = hostedAssertionUrl(extracted.payload);
    if (url !== null) return { kind: 'url', payload: url };
  }
  return { kind: extracted.payloadKind, payload: extracted.payload };
}

function hostedAssertionUrl(payload: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isPlainObject(doc) || isOb3Credential(doc)) return null;
  const isHttp = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
  const kind = (v: unknown) => (isPlainObject(v) && typeof v['type'] === 'string' ? v['type'].toLowerCase() : null);
  // OB 2.0: verification.type hosted / HostedBadge, the assertion's id is its URL.
  const v2 = kind(doc['verification']);
  if ((v2 === 'hosted' || v2 === 'hostedbadge') && isHttp(doc['id'])) return doc['id'];
  // OB 1.x: verify.type hosted, verify.url is the assertion's URL.
  const verifyBlock = doc['verify'];
  if (kind(verifyBlock) === 'hosted' && isPlainObject(verifyBlock) && isHttp(verifyBlock['url'])) return verifyBlock['url'];
  return null;
}
