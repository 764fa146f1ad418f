/**
 * Share links: badges carried whole in a URL's fragment, so that sharing needs no server and the
 * fragment never reaches one.
 *
 *   v2 (written now): `BASE#v2.` + base32(CRC-32 of the JSON, 4 bytes big-endian ‖ deflateRaw(JSON, D))
 *       - base32: RFC 4648, uppercase `A–Z2–7`, no padding, canonical (a last character's unused bits
 *         are 0). Every character is in the QR alphanumeric set, so a QR encoder that segments
 *         (the `qrcode` library does) stores the body at 5.5 bits a character instead of 8; only
 *         `BASE#v` goes in byte mode (`#` is not alphanumeric, so an uppercase `V` would gain nothing).
 *       - deflateRaw(JSON, D): raw DEFLATE (RFC 1951) with D = SHARE_DICTIONARY_V2 (./dictionary.ts)
 *         as preset dictionary: the stream may refer back into D as if D preceded the JSON. D is part
 *         of the format and frozen; a stream written without D is also valid (DEFLATE cannot tell).
 *       - JSON (UTF-8) `{"t":title?,"c":createdAt,"u":until?,"b":[{"k":kind,"p":payload}…],
 *         "n":displayName?,"e":recipientIdentity?,"x":1?}`, keys in that order when written — `e` the
 *         address the sharer chose to disclose so that the viewer can check "issued to", `x` = the
 *         sharer asked that evidence not be shown. The CRC-32 (ISO-HDLC, as PNG's) is of these bytes.
 *   v1 (first release, still read): `BASE#v1.` + base64url(deflateRaw(JSON)), the same JSON without
 *       `e` and `x`. Raw DEFLATE has no checksum, which is why v2 adds one: a flipped character is
 *       then `CORRUPTED`, never another valid share.
 *
 * Decoding is strict: anything else is a typed error, and inflation is capped (no deflate bombs). A v2
 * link cut short — at any character — is `TRUNCATED`.
 * Pure: no DOM, no Node.
 */
import { base32nopad, base64urlnopad } from '@scure/base';
import { deflateSync, Inflate } from 'fflate';
import type { Extracted } from '../baking/types';
import { crc32 } from '../crc32';
import { err, ok, type Result } from '../result';
import { SHARE_DICTIONARY_V2 } from './dictionary';

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
  /** The e-mail address (or other identifier) the sharer disclosed, so the viewer can check the recipient. */
  readonly recipient?: string;
  /** The sharer asked that evidence not be shown (a signed credential still carries it: it is never trimmed). */
  readonly hideEvidence?: boolean;
}

export const SHARE_ERROR_CODES = ['NOT_A_SHARE_LINK', 'UNKNOWN_VERSION', 'MALFORMED', 'TRUNCATED', 'CORRUPTED', 'TOO_LARGE', 'TOO_MANY_BADGES'] as const;
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
const DICTIONARY_V2 = encoder.encode(SHARE_DICTIONARY_V2);

/** The link for a share. The caller should decode it back when it must know it fits the limits. */
export function encodeShare(share: Share, base: string): string {
  const doc: Record<string, unknown> = {};
  if (share.title !== undefined) doc['t'] = share.title;
  doc['c'] = share.createdAt;
  if (share.until !== undefined) doc['u'] = share.until;
  doc['b'] = share.badges.map((b) => ({ k: b.kind, p: b.payload }));
  if (share.displayName !== undefined) doc['n'] = share.displayName;
  if (share.recipient !== undefined) doc['e'] = share.recipient;
  if (share.hideEvidence) doc['x'] = 1;
  const json = encoder.encode(JSON.stringify(doc));
  const deflated = deflateSync(json, { level: 9, dictionary: DICTIONARY_V2 });
  // The checksum first: a link cut short then loses the end of the DEFLATE stream (TRUNCATED).
  const packed = new Uint8Array(4 + deflated.length);
  new DataView(packed.buffer).setUint32(0, crc32(json));
  packed.set(deflated, 4);
  const url = new URL(base);
  url.hash = `${CURRENT_VERSION}.${base32nopad.encode(packed)}`;
  return url.toString();
}

/** The version `encodeShare` writes. */
export const CURRENT_VERSION = 'v2';

type Decoder = (body: string) => Result<Share, ShareError>;

/** One decoder per released version; a version is never changed once released. */
export const DECODERS: Readonly<Record<string, Decoder>> = Object.freeze({ v1: decodeV1, v2: decodeV2 });

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

function unpack(body: string): Result<Uint8Array, ShareError> {
  if (body.length === 0 || !/^[A-Za-z0-9_-]+$/.test(body)) return err({ code: 'MALFORMED' });
  try {
    return ok(base64urlnopad.decode(body));
  } catch {
    return err({ code: 'MALFORMED' });
  }
}

function parseJson(bytes: Uint8Array): Result<unknown, ShareError> {
  try {
    return ok(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown);
  } catch {
    return err({ code: 'MALFORMED' });
  }
}

function decodeV1(body: string): Result<Share, ShareError> {
  const packed = unpack(body);
  if (!packed.ok) return packed;
  const inflated = inflateCapped(packed.value, MAX_INFLATED_BYTES);
  if (!inflated.ok) return inflated;
  const doc = parseJson(inflated.value);
  return doc.ok ? validate(doc.value, V1_KEYS) : doc;
}

function decodeV2(body: string): Result<Share, ShareError> {
  if (body.length === 0 || !/^[A-Z2-7]+$/.test(body)) return err({ code: 'MALFORMED' });
  let bytes: Uint8Array;
  let canonical = true;
  try {
    bytes = base32nopad.decode(body);
  } catch {
    // A length no encoding has, or unused bits that are not 0: what a link cut at any character
    // looks like. Read the whole bytes it still holds (zero bits complete the last group of 8).
    canonical = false;
    bytes = base32nopad.decode(body.padEnd(Math.ceil(body.length / 8) * 8, 'A')).subarray(0, Math.floor((body.length * 5) / 8));
  }
  if (bytes.length < 6) return err({ code: 'TRUNCATED' });
  const inflated = inflateCapped(bytes.subarray(4), MAX_INFLATED_BYTES, DICTIONARY_V2);
  // With a checksum at hand, a stream DEFLATE cannot read is a damaged link, not a foreign one.
  if (!inflated.ok) return inflated.error.code === 'MALFORMED' ? err({ code: 'CORRUPTED' }) : inflated;
  const expected = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (crc32(inflated.value) !== expected) return err({ code: 'CORRUPTED' });
  // Whole, yet with characters no encoder writes after the end of the stream: refused.
  if (!canonical || inflateCapped(bytes.subarray(4, -1), MAX_INFLATED_BYTES, DICTIONARY_V2).ok) return err({ code: 'MALFORMED' });
  const doc = parseJson(inflated.value);
  return doc.ok ? validate(doc.value, V2_KEYS) : doc;
}

const V1_KEYS = ['t', 'c', 'u', 'b', 'n'] as const;
const V2_KEYS = [...V1_KEYS, 'e', 'x'] as const;

/**
 * Inflates raw deflate fed in slices, stopping as soon as the output passes `max` bytes. With a preset
 * `dictionary` (v2), the dictionary is history, never output: it does not count towards `max`.
 */
function inflateCapped(packed: Uint8Array, max: number, dictionary?: Uint8Array): Result<Uint8Array, ShareError> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  let tooLarge = false;
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length;
    if (total > max) {
      tooLarge = true;
      throw new RangeError('inflated too large');
    }
    chunks.push(chunk);
    if (final) finished = true;
  };
  const inflater = dictionary ? new Inflate({ dictionary }, onData) : new Inflate(onData);
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

function validate(doc: unknown, keys: readonly string[]): Result<Share, ShareError> {
  const malformed = err<ShareError>({ code: 'MALFORMED' });
  if (!isPlainObject(doc) || !onlyKeys(doc, keys)) return malformed;
  const { t, c, u, b, n, e, x } = doc;
  if (t !== undefined && !isText(t)) return malformed;
  if (n !== undefined && !isText(n)) return malformed;
  if (e !== undefined && !(isText(e) && e.trim() !== '')) return malformed;
  if (x !== undefined && x !== 1) return malformed;
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
    ...(e !== undefined ? { recipient: e } : {}),
    ...(x === 1 ? { hideEvidence: true } : {}),
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
  if (!isPlainObject(doc) || isVerifiableCredential(doc)) return null;
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

/** A W3C VC (OB 3.0): signed as a whole, never reduced to a URL. Light on purpose (the viewer's shell imports this file). */
function isVerifiableCredential(doc: Record<string, unknown>): boolean {
  const ctx = doc['@context'];
  const list: unknown[] = Array.isArray(ctx) ? ctx : [ctx];
  return list.some((c) => c === 'https://www.w3.org/2018/credentials/v1' || c === 'https://www.w3.org/ns/credentials/v2');
}
