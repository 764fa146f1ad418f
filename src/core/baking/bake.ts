/**
 * Baking: writes a badge payload into a PNG or an SVG the way the baking specifications prescribe
 * (SPECS.md §1.4, §1.5), replacing any badge already there.
 *
 * - PNG: a byte splice. Every tEXt/iTXt/zTXt chunk keyed `openbadges` or `openbadgecredential` is
 *   dropped; one uncompressed iTXt goes right after IHDR; every other chunk is copied byte for byte.
 * - SVG: every badge element is removed; `xmlns:openbadges` is set on the root `<svg>`; one
 *   `<openbadges:assertion>` (2.0) or `<openbadges:credential>` (3.0) becomes the root's first child,
 *   with a JWS/JWT or URL in `verify` (empty element) or JSON in a CDATA body (no `verify`, so that
 *   unbaking gives back exactly the JSON).
 *
 * The payload is trimmed of surrounding white space; `extract` then returns it unchanged.
 */
import { err, ok, type Result } from '../result';
import { classifyPayload, type ClassifiedPayload } from './payload';
import { badgeKeywordVersion, isTextChunk, makeBadgeChunk, MAX_CHUNK_LENGTH, walkPng } from './png';
import { sniff } from './sniff';
import { faultToError, planSvgBake } from './svg';
import { concatBytes, decodeUtf8 } from './text';
import { PNG_KEYWORD, SVG_ELEMENT, SVG_NAMESPACE, SVG_PREFIX, type BakeError, type BakeVersion } from './types';

export function bakePng(png: Uint8Array, payload: string, version: BakeVersion): Result<Uint8Array, BakeError> {
  return guarded(() => {
    const format = sniff(png);
    return format === 'png' ? bakeIntoPng(png, payload, version) : err({ code: 'UNSUPPORTED_IMAGE', params: { format } });
  });
}

export function bakeSvg(svg: Uint8Array, payload: string, version: BakeVersion): Result<Uint8Array, BakeError> {
  return guarded(() => {
    const format = sniff(svg);
    return format === 'svg' ? bakeIntoSvg(svg, payload, version) : err({ code: 'UNSUPPORTED_IMAGE', params: { format } });
  });
}

/**
 * Bakes into a PNG or an SVG, as the bytes say. Without `version`, an OB 3.0 payload (a JSON
 * credential with a VC context, or a VC-JWT) is baked as 3.0, anything else as 2.0; the result
 * says which version was written.
 */
export function bake(
  image: Uint8Array,
  payload: string,
  version?: BakeVersion,
): Result<{ bytes: Uint8Array; container: 'png' | 'svg'; version: BakeVersion }, BakeError> {
  return guarded(() => {
    const container = sniff(image);
    if (container !== 'png' && container !== 'svg') return err({ code: 'UNSUPPORTED_IMAGE', params: { format: container } });
    const classified = classifyPayload(payload);
    const chosen = version ?? (classified.ok && classified.value.hint === '3.0' ? '3.0' : '2.0');
    const baked = container === 'png' ? bakeIntoPng(image, payload, chosen) : bakeIntoSvg(image, payload, chosen);
    return baked.ok ? ok({ bytes: baked.value, container, version: chosen }) : baked;
  });
}

function guarded<T>(run: () => Result<T, BakeError>): Result<T, BakeError> {
  try {
    return run();
  } catch {
    return err({ code: 'INTERNAL' });
  }
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A payload fit for `version`: a JSON object, compact JWS or (2.0 only) URL, of the same version, writable as UTF-8. */
function preparePayload(payload: string, version: BakeVersion): Result<ClassifiedPayload, BakeError> {
  const classified = classifyPayload(payload);
  if (!classified.ok) return err({ code: 'BAD_PAYLOAD', params: { reason: classified.error } });
  const { kind, hint } = classified.value;
  if (kind === 'url' && version === '3.0') return err({ code: 'BAD_PAYLOAD', params: { reason: 'url-in-ob3' } });
  if ((version === '3.0' && (hint === '2.0' || hint === '1.x')) || (version === '2.0' && hint === '3.0')) {
    return err({ code: 'VERSION_MISMATCH', params: { requested: version, payload: hint } });
  }
  if (UNPAIRED_SURROGATE.test(classified.value.payload)) return err({ code: 'BAD_PAYLOAD', params: { reason: 'not-unicode' } });
  return classified;
}

function bakeIntoPng(png: Uint8Array, payload: string, version: BakeVersion): Result<Uint8Array, BakeError> {
  const prepared = preparePayload(payload, version);
  if (!prepared.ok) return prepared;
  const { chunks, damage } = walkPng(png);
  if (damage) return err({ code: 'CORRUPT_PNG', params: { reason: damage.reason, offset: damage.offset } });
  const [ihdr, ...rest] = chunks;
  if (ihdr?.type !== 'IHDR') return err({ code: 'CORRUPT_PNG', params: { reason: 'chunk-type', offset: 8 } });
  const text = new TextEncoder().encode(prepared.value.payload);
  const limit = MAX_CHUNK_LENGTH - PNG_KEYWORD[version].length - 5;
  if (text.length > limit) return err({ code: 'TOO_LARGE', params: { limit } });

  const parts = [png.subarray(0, ihdr.end), makeBadgeChunk(version, text)];
  for (const chunk of rest) {
    if (!(isTextChunk(chunk.type) && badgeKeywordVersion(png, chunk))) parts.push(png.subarray(chunk.start, chunk.end));
  }
  parts.push(png.subarray(chunks.at(-1)?.end)); // whatever follows IEND, as it was
  return ok(concatBytes(parts));
}

function bakeIntoSvg(svg: Uint8Array, payload: string, version: BakeVersion): Result<Uint8Array, BakeError> {
  const prepared = preparePayload(payload, version);
  if (!prepared.ok) return prepared;
  // U+FFFE and U+FFFF are not XML characters, not even as character references.
  if (/[\uFFFE\uFFFF]/.test(prepared.value.payload)) return err({ code: 'BAD_PAYLOAD', params: { reason: 'xml-char' } });
  const text = decodeUtf8(svg);
  if (text === undefined) return err({ code: 'CORRUPT_SVG', params: { reason: 'encoding' } });
  const namespace = SVG_NAMESPACE[version];
  const plan = planSvgBake(text, namespace);
  if (!plan.ok) return err(faultToError(plan.error));
  const { root, rootDeclaration, conflict, badgeRanges } = plan.value;
  if (conflict !== undefined) return err({ code: 'SVG_PREFIX_CONFLICT', params: { namespace: conflict } });

  // The root start tag without its closing `>` or `/>`, with the namespace declared or re-declared.
  const tagEnd = root.end - (root.selfClosing ? 2 : 1);
  const rootTag = rootDeclaration
    ? text.slice(root.start, rootDeclaration.valueStart) + escapeAttribute(namespace) + text.slice(rootDeclaration.valueEnd, tagEnd)
    : `${text.slice(root.start, tagEnd)} xmlns:${SVG_PREFIX}="${escapeAttribute(namespace)}"`;
  const parts = [text.slice(0, root.start), rootTag, '>', badgeElement(version, prepared.value)];
  if (root.selfClosing) parts.push(`</${root.name}>`);
  let pos = root.end;
  for (const [start, end] of badgeRanges) {
    parts.push(text.slice(pos, start));
    pos = end;
  }
  parts.push(text.slice(pos));
  return ok(new TextEncoder().encode(parts.join('')));
}

function badgeElement(version: BakeVersion, payload: ClassifiedPayload): string {
  const name = `${SVG_PREFIX}:${SVG_ELEMENT[version]}`;
  if (payload.kind !== 'json') return `<${name} verify="${escapeAttribute(payload.payload)}"></${name}>`;
  // `]]>` cannot appear in a CDATA section: close it after `]]` and reopen before `>`. A raw CR would
  // be read back as LF (XML line-end normalisation), so it goes between sections as `&#13;`.
  const body = payload.payload.replace(/]]>|\r/g, (m) => (m === '\r' ? ']]>&#13;<![CDATA[' : ']]]]><![CDATA[>'));
  return `<${name}><![CDATA[${body}]]></${name}>`;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Escapes a value for a double-quoted attribute; white space as references so that normalisation keeps it. */
function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
