/** Identifies a file from its bytes alone: never from its name or MIME type. */
import { isHttpUrl, jwsHeader } from './payload';
import { hasPngSignature } from './png';
import { decodeUtf8 } from './text';
import type { SniffedKind } from './types';
import { scanXml } from './xml';

/** How much of an XML file is read to find its root element (prologs are short; DOCTYPE subsets rarely long). */
const XML_SNIFF_BYTES = 1 << 20;

const startsWith = (bytes: Uint8Array, at: number, ascii: string): boolean => {
  if (at + ascii.length > bytes.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

const isSpaceByte = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isBase64UrlByte = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;

export function sniff(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'empty';
  if (hasPngSignature(bytes)) return 'png';
  const binary = sniffBinary(bytes);
  if (binary) return binary;

  // Text: skip a UTF-8 byte order mark and white space.
  let start = startsWith(bytes, 0, '\xef\xbb\xbf') ? 3 : 0;
  let end = bytes.length;
  while (start < end && isSpaceByte(bytes[start])) start++;
  while (end > start && isSpaceByte(bytes[end - 1])) end--;
  if (start === end) return 'empty';
  const first = bytes[start];
  if (first === 0x3c) return sniffMarkup(bytes.subarray(start, start + XML_SNIFF_BYTES));
  if (first === 0x7b) return 'json';
  return sniffLine(bytes.subarray(start, end));
}

function sniffBinary(b: Uint8Array): SniffedKind | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (startsWith(b, 0, 'GIF87a') || startsWith(b, 0, 'GIF89a')) return 'gif';
  if (startsWith(b, 0, 'RIFF') && startsWith(b, 8, 'WEBP')) return 'webp';
  if (startsWith(b, 0, '%PDF-')) return 'pdf';
  if (startsWith(b, 0, 'II*\0') || startsWith(b, 0, 'MM\0*')) return 'tiff';
  if (startsWith(b, 4, 'ftyp')) {
    // ISO base media file: the major brand names the format.
    if (startsWith(b, 8, 'avif') || startsWith(b, 8, 'avis')) return 'avif';
    for (const brand of ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']) {
      if (startsWith(b, 8, brand)) return 'heic';
    }
  }
  // "BM" alone is too weak (text can start with it): also require a known DIB header size.
  if (startsWith(b, 0, 'BM') && b.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(b[14] ?? 0) && b[15] === 0) {
    return 'bmp';
  }
  return undefined;
}

/** A document starting with `<`: SVG when the root element's local name is `svg`. */
function sniffMarkup(head: Uint8Array): SniffedKind {
  const text = new TextDecoder().decode(head); // lenient: the head may end inside a character
  let root: string | undefined;
  scanXml(text, {
    startTag: (tag) => {
      root = tag.local;
      return 'stop';
    },
  });
  if (root === 'svg') return 'svg';
  if (root?.toLowerCase() === 'html' || /^\s*<(!doctype\s+)?html[\s>]/i.test(text)) return 'html';
  return root === undefined ? 'unknown' : 'xml';
}

/** A single line of text: a compact JWS (its header decodes to JSON with `alg`) or an http(s) URL. */
function sniffLine(line: Uint8Array): SniffedKind {
  let dots = 0;
  let base64url = true;
  for (const c of line) {
    if (c === 0x2e) dots++;
    else if (!isBase64UrlByte(c)) base64url = false;
  }
  if (base64url && dots === 2) {
    const text = decodeUtf8(line) ?? '';
    return jwsHeader(text) ? 'jws' : 'unknown';
  }
  const text = decodeUtf8(line);
  if (text !== undefined && isHttpUrl(text)) return 'url';
  return 'unknown';
}
