/**
 * Status list bitstrings: decoding `encodedList` and reading one entry.
 *
 * - W3C Bitstring Status List v1.0: multibase base64url without padding (prefix `u`) of the GZIP of
 *   the bitstring. StatusList2021 / RevocationList2020: the same GZIP as plain base64url, no prefix.
 * - Index 0 is the left-most (most significant) bit of byte 0; an entry of `statusSize` bits starts
 *   at bit `index × statusSize`, read most significant bit first.
 *
 * The GZIP is inflated in small slices with the output counted as it comes, so a decompression bomb
 * stops at about the cap instead of being inflated whole.
 */
import { base64urlnopad } from '@scure/base';
import { Gunzip } from 'fflate';
import { err, ok, type Result } from '../../result';

/** Largest bitstring we inflate: 16 MB is 134 million single-bit entries. */
export const MAX_BITSTRING_BYTES = 16 * 1024 * 1024;

export type DecodeFailure = 'encoding' | 'gzip' | 'too-large';

/** Compressed bytes pushed per step (a deflate block expands at most ~1032×). */
const SLICE = 1024;

/** `u…` (multibase base64url) or `H4sI…` (plain base64url of a GZIP) → the inflated bitstring. */
export function decodeEncodedList(encoded: unknown, maxBytes = MAX_BITSTRING_BYTES): Result<Uint8Array, DecodeFailure> {
  if (typeof encoded !== 'string') return err('encoding');
  const text = encoded.trim();
  let body: string;
  if (text.startsWith('u')) body = text.slice(1);
  else if (text.startsWith('H4sI')) body = text;
  else return err('encoding');
  // Be lenient with padding and the standard alphabet; the list's proof covers the string anyway.
  body = body.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  let gz: Uint8Array;
  try {
    gz = base64urlnopad.decode(body);
  } catch {
    return err('encoding');
  }
  return gunzipCapped(gz, maxBytes);
}

/** GZIP → bytes, refusing more than `maxBytes` of output. Checks the ISIZE trailer. */
export function gunzipCapped(data: Uint8Array, maxBytes: number): Result<Uint8Array, DecodeFailure> {
  // 10-byte header + 8-byte trailer at the least, and the GZIP magic.
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) return err('gzip');
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) parts.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && total <= maxBytes; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      stream.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return err('gzip');
  }
  if (total > maxBytes) return err('too-large');
  const n = data.length;
  const isize = ((data[n - 1] ?? 0) << 24) | ((data[n - 2] ?? 0) << 16) | ((data[n - 3] ?? 0) << 8) | (data[n - 4] ?? 0);
  if (isize >>> 0 !== total >>> 0) return err('gzip');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return ok(out);
}

export interface RangeFailure {
  readonly index: number;
  /** How many entries of this size the list holds. */
  readonly entries: number;
}

/** The value of entry `index` (of `size` bits, 1–32), most significant bit first. */
export function readStatus(bits: Uint8Array, index: number, size = 1): Result<number, RangeFailure> {
  const entries = Math.floor((bits.length * 8) / size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= entries) return err({ index, entries });
  let value = 0;
  const start = index * size;
  for (let i = 0; i < size; i++) {
    const bit = start + i;
    const byte = bits[bit >>> 3] ?? 0;
    value = value * 2 + ((byte >>> (7 - (bit & 7))) & 1);
  }
  return ok(value);
}

/** A statusListIndex / revocationListIndex: a base-10 integer ≥ 0, as a string or (leniently) a number. */
export function parseStatusIndex(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !/^\s*\d{1,15}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}
