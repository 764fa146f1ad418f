/**
 * Unbaking: from the bytes of a dropped file to the badge payload it holds.
 *
 * file → sniff → PNG chunk walk | SVG scan | the file itself (JSON, JWS, URL) → payload classified.
 * Every failure is a typed code; no exception leaves `extract`.
 */
import { err, ok, type Result } from '../result';
import { inflateZlibCapped } from './inflate';
import { classifyPayload } from './payload';
import { badgeKeywordVersion, chunkCrcMatches, isTextChunk, readTextChunk, walkPng, type PngChunk } from './png';
import { sniff } from './sniff';
import { faultToError, findSvgBadges } from './svg';
import { decodeLatin1, decodeUtf8 } from './text';
import {
  PNG_KEYWORD,
  SVG_ELEMENT,
  SVG_NAMESPACE,
  SVG_PREFIX,
  type BakeVersion,
  type Container,
  type ExtractError,
  type ExtractOptions,
  type ExtractWarning,
  type Extracted,
} from './types';

const MB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 50 * MB;
export const DEFAULT_MAX_TEXT_BYTES = 10 * MB;
export const DEFAULT_MAX_INFLATED = 4 * MB;

export function extract(bytes: Uint8Array, options: ExtractOptions = {}): Result<Extracted, ExtractError> {
  try {
    return extractBytes(bytes, {
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxTextBytes: options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES,
      maxInflated: options.maxInflated ?? DEFAULT_MAX_INFLATED,
    });
  } catch {
    return err({ code: 'INTERNAL' });
  }
}

function extractBytes(bytes: Uint8Array, limits: Required<ExtractOptions>): Result<Extracted, ExtractError> {
  if (bytes.length > limits.maxBytes) return err({ code: 'TOO_LARGE', params: { what: 'file', limit: limits.maxBytes } });
  const kind = sniff(bytes);
  switch (kind) {
    case 'empty':
      return err({ code: 'EMPTY' });
    case 'png':
      return extractPng(bytes, limits.maxInflated);
    case 'svg':
    case 'json':
    case 'jws':
    case 'url':
      if (bytes.length > limits.maxTextBytes) {
        return err({ code: 'TOO_LARGE', params: { what: 'file', limit: limits.maxTextBytes } });
      }
      return kind === 'svg' ? extractSvg(bytes) : extractTextFile(bytes, kind);
    case 'html':
    case 'xml':
    case 'unknown':
      return err({ code: 'NOT_AN_IMAGE', params: { detected: kind } });
    default:
      return err({ code: 'UNSUPPORTED_IMAGE', params: { format: kind } });
  }
}

/** Where the payload text came from: the container, and the version its keyword or namespace stands for. */
interface Source {
  container: Container;
  version?: BakeVersion;
  warnings: ExtractWarning[];
}

/** Classifies the payload text and reconciles the payload's version with the container's. */
function finish(text: string, source: Source): Result<Extracted, ExtractError> {
  const classified = classifyPayload(text);
  if (!classified.ok) return err({ code: 'BAD_PAYLOAD', params: { reason: classified.error } });
  const { kind, payload } = classified.value;
  let hint = classified.value.hint;
  const { warnings } = source;
  if (source.version === '3.0') {
    if (kind === 'url') warnings.push({ code: 'URL_IN_OB3' });
    else if (hint === 'unknown') hint = '3.0';
    else if (hint !== '3.0') warnings.push({ code: 'VERSION_MISMATCH', params: { container: '3.0', payload: hint } });
  } else if (source.version === '2.0' && hint === '3.0') {
    warnings.push({ code: 'VERSION_MISMATCH', params: { container: '2.0', payload: hint } });
  }
  return ok({ container: source.container, obVersionHint: hint, payloadKind: kind, payload, warnings });
}

function extractTextFile(bytes: Uint8Array, container: 'json' | 'jws' | 'url'): Result<Extracted, ExtractError> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return err({ code: 'BAD_PAYLOAD', params: { reason: 'encoding' } });
  return finish(text, { container, warnings: [] });
}

/**
 * PNG: walk every chunk to IEND (badge chunks may follow IDAT), check the CRC of every badge chunk,
 * prefer `openbadgecredential` to `openbadges` and the first chunk of a keyword to later ones. Only the
 * chosen chunk is inflated (if compressed) and decoded.
 */
function extractPng(bytes: Uint8Array, maxInflated: number): Result<Extracted, ExtractError> {
  const { chunks, damage } = walkPng(bytes);
  const found: Record<BakeVersion, { chunk: PngChunk; type: 'tEXt' | 'iTXt' | 'zTXt' }[]> = { '2.0': [], '3.0': [] };
  for (const chunk of chunks) {
    const { type } = chunk;
    if (!isTextChunk(type)) continue;
    const version = badgeKeywordVersion(bytes, chunk);
    if (!version) continue;
    if (!chunkCrcMatches(bytes, chunk)) {
      return err({ code: 'CORRUPT_PNG', params: { reason: 'crc', chunk: type, offset: chunk.start } });
    }
    found[version].push({ chunk, type });
  }
  const version: BakeVersion | undefined = found['3.0'].length > 0 ? '3.0' : found['2.0'].length > 0 ? '2.0' : undefined;
  const [chosen, ...others] = version ? found[version] : [];
  if (!version || !chosen) {
    return damage
      ? err({ code: 'CORRUPT_PNG', params: { reason: damage.reason, offset: damage.offset } })
      : err({ code: 'UNBAKED_IMAGE', params: { format: 'png' } });
  }

  const keyword = PNG_KEYWORD[version];
  const warnings: ExtractWarning[] = [];
  if (damage) warnings.push({ code: 'PNG_DAMAGED_AFTER_BADGE', params: { reason: damage.reason, offset: damage.offset } });
  if (version === '3.0' && found['2.0'].length > 0) warnings.push({ code: 'BOTH_KEYWORDS' });
  if (others.length > 0) warnings.push({ code: 'DUPLICATE_BADGE_CHUNK', params: { keyword, count: others.length + 1 } });

  const { chunk, type } = chosen;
  const body = readTextChunk(bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.length), type);
  if (!body.ok) return err({ code: 'CORRUPT_PNG', params: { reason: body.error, chunk: type, offset: chunk.start } });
  let textBytes = body.value.text;
  if (body.value.compressed) {
    const inflated = inflateZlibCapped(textBytes, maxInflated);
    if (!inflated.ok) {
      const failure = inflated.error;
      if (failure.code === 'TOO_LARGE') return err({ code: 'TOO_LARGE', params: { what: 'inflated', limit: failure.limit } });
      return err({ code: 'INFLATE_FAILED', params: { reason: failure.reason } });
    }
    textBytes = inflated.value;
    warnings.push({ code: type === 'zTXt' ? 'ZTXT_CHUNK' : 'COMPRESSED_ITXT', params: { keyword } });
  }
  const text = body.value.encoding === 'utf8' ? decodeUtf8(textBytes) : decodeLatin1(textBytes);
  if (text === undefined) return err({ code: 'BAD_PAYLOAD', params: { reason: 'encoding' } });

  const result = finish(text, { container: 'png', version, warnings });
  if (result.ok && type === 'tEXt') {
    result.value.warnings.push({ code: result.value.payloadKind === 'url' ? 'TEXT_CHUNK_URL' : 'TEXT_CHUNK', params: { keyword } });
  }
  return result;
}

/**
 * SVG: the first badge element of the OB 3.0 namespace, else of the OB 2.0 one; its `verify`
 * attribute if not empty, else its character data.
 */
function extractSvg(bytes: Uint8Array): Result<Extracted, ExtractError> {
  const text = decodeUtf8(bytes);
  if (text === undefined) return err({ code: 'CORRUPT_SVG', params: { reason: 'encoding' } });
  const scan = findSvgBadges(text);
  if (!scan.ok) return err(faultToError(scan.error));
  const { first, count } = scan.value;
  const version: BakeVersion | undefined = first['3.0'] ? '3.0' : first['2.0'] ? '2.0' : undefined;
  const badge = version && first[version];
  if (!version || !badge) return err({ code: 'UNBAKED_IMAGE', params: { format: 'svg' } });

  const warnings: ExtractWarning[] = [];
  if (count['3.0'] > 0 && count['2.0'] > 0) warnings.push({ code: 'BOTH_NAMESPACES' });
  if (count[version] > 1) {
    warnings.push({ code: 'DUPLICATE_BADGE_ELEMENT', params: { namespace: SVG_NAMESPACE[version], count: count[version] } });
  }
  if (badge.local !== SVG_ELEMENT[version]) {
    warnings.push({ code: 'UNEXPECTED_ELEMENT_NAME', params: { expected: SVG_ELEMENT[version], found: badge.local } });
  }
  if (badge.prefix !== SVG_PREFIX) warnings.push({ code: 'NONSTANDARD_PREFIX', params: { prefix: badge.prefix } });

  const verify = badge.verify?.trim();
  if (!verify) return finish(badge.body, { container: 'svg', version, warnings });
  if (badge.body.trim() !== '') {
    const body = classifyPayload(badge.body);
    warnings.push({ code: 'SVG_BODY_IGNORED', params: { body: body.ok ? body.value.kind : 'invalid' } });
  }
  return finish(verify, { container: 'svg', version, warnings });
}
