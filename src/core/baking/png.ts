/**
 * PNG at the chunk level: signature, chunk walk, CRC-32, text chunk layouts, chunk writing.
 *
 * The walk reads only the 8-byte head of each chunk and jumps over its body, so its cost grows with
 * the number of chunks, not with the image size. Pixel data (IDAT) is never inflated or decoded.
 */
import { err, ok, type Result } from '../result';
import { asciiBytes, concatBytes } from './text';
import { PNG_KEYWORD, type BakeVersion, type CorruptPngReason } from './types';
import { crc32 } from '../crc32';

export { crc32 };

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** The PNG specification caps chunk lengths at 2^31 - 1. */
export const MAX_CHUNK_LENGTH = 0x7fffffff;

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  /** Offset of the data, and its length. */
  dataStart: number;
  length: number;
  /** Offset just after the CRC. */
  end: number;
}

export interface PngDamage {
  reason: Extract<CorruptPngReason, 'truncated' | 'length' | 'chunk-type'>;
  offset: number;
}

export interface PngWalk {
  /** Every chunk read intact, in file order, up to and including IEND. */
  chunks: PngChunk[];
  /** Where and why the walk stopped before IEND. */
  damage?: PngDamage;
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  for (let i = 0; i < PNG_SIGNATURE.length; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return false;
  return true;
}

const readU32 = (b: Uint8Array, at: number): number =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Walks the chunks after the signature (the caller has checked it) until IEND. Every length is
 * checked against the buffer before it is used, so a lying length ends the walk with `damage`
 * instead of a read past the end.
 */
export function walkPng(bytes: Uint8Array): PngWalk {
  const chunks: PngChunk[] = [];
  let pos = PNG_SIGNATURE.length;
  for (;;) {
    if (pos + 8 > bytes.length) return { chunks, damage: { reason: 'truncated', offset: pos } };
    const length = readU32(bytes, pos);
    const t0 = bytes[pos + 4] ?? 0, t1 = bytes[pos + 5] ?? 0, t2 = bytes[pos + 6] ?? 0, t3 = bytes[pos + 7] ?? 0;
    if (!isLetter(t0) || !isLetter(t1) || !isLetter(t2) || !isLetter(t3)) {
      return { chunks, damage: { reason: 'chunk-type', offset: pos } };
    }
    if (length > MAX_CHUNK_LENGTH) return { chunks, damage: { reason: 'length', offset: pos } };
    const end = pos + 12 + length;
    if (end > bytes.length) return { chunks, damage: { reason: 'truncated', offset: pos } };
    const type = String.fromCharCode(t0, t1, t2, t3);
    chunks.push({ type, start: pos, dataStart: pos + 8, length, end });
    if (type === 'IEND') return { chunks };
    pos = end;
  }
}


/** Whether the stored CRC matches the chunk's type and data. */
export function chunkCrcMatches(bytes: Uint8Array, chunk: PngChunk): boolean {
  const dataEnd = chunk.dataStart + chunk.length;
  return crc32(bytes, chunk.start + 4, dataEnd) === readU32(bytes, dataEnd);
}

export const isTextChunk = (type: string): type is 'tEXt' | 'iTXt' | 'zTXt' =>
  type === 'tEXt' || type === 'iTXt' || type === 'zTXt';

const KEYWORD_PREFIXES = (['3.0', '2.0'] as const).map((version) => ({
  version,
  bytes: asciiBytes(`${PNG_KEYWORD[version]}\0`),
}));

/**
 * For a text chunk (tEXt/iTXt/zTXt: all start with keyword + NUL) whose keyword is
 * `openbadgecredential` or `openbadges`, the baking version that keyword stands for. The check
 * compares bytes in place, whatever the chunk's size.
 */
export function badgeKeywordVersion(bytes: Uint8Array, chunk: PngChunk): BakeVersion | undefined {
  for (const { version, bytes: prefix } of KEYWORD_PREFIXES) {
    if (chunk.length < prefix.length) continue;
    let same = true;
    for (let i = 0; i < prefix.length && same; i++) same = bytes[chunk.dataStart + i] === prefix[i];
    if (same) return version;
  }
  return undefined;
}

/** The text of a badge chunk, still encoded, and whether (and how) it is compressed. */
export interface TextChunkBody {
  /** `latin1` for tEXt/zTXt, `utf8` for iTXt. */
  encoding: 'latin1' | 'utf8';
  compressed: boolean;
  text: Uint8Array;
}

/** Reads the layout of a text chunk (PNG §11.3.4): keyword, NUL, then per-type fields. */
export function readTextChunk(data: Uint8Array, type: 'tEXt' | 'iTXt' | 'zTXt'): Result<TextChunkBody, CorruptPngReason> {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd === -1) return err('text-layout');
  if (type === 'tEXt') return ok({ encoding: 'latin1', compressed: false, text: data.subarray(keywordEnd + 1) });
  if (type === 'zTXt') {
    if (keywordEnd + 2 > data.length) return err('text-layout');
    if (data[keywordEnd + 1] !== 0) return err('compression');
    return ok({ encoding: 'latin1', compressed: true, text: data.subarray(keywordEnd + 2) });
  }
  // iTXt: keyword NUL, compression flag, compression method, language NUL, translated keyword NUL, text.
  if (keywordEnd + 3 > data.length) return err('text-layout');
  const flag = data[keywordEnd + 1];
  const method = data[keywordEnd + 2];
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) return err('text-layout');
  const text = data.subarray(translatedEnd + 1);
  if (flag === 0) return ok({ encoding: 'utf8', compressed: false, text });
  if (flag === 1 && method === 0) return ok({ encoding: 'utf8', compressed: true, text });
  return err('compression');
}

/** A whole chunk (length, type, data, CRC) ready to splice into a file. */
export function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(asciiBytes(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/** The uncompressed iTXt the baking specs prescribe: keyword, NUL, flag 0, method 0, empty language and translated keyword. */
export function makeBadgeChunk(version: BakeVersion, utf8Text: Uint8Array): Uint8Array {
  return makeChunk('iTXt', concatBytes([asciiBytes(PNG_KEYWORD[version]), Uint8Array.of(0, 0, 0, 0, 0), utf8Text]));
}
