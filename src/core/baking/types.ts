/**
 * Public types of the baking core: what `sniff`, `extract` and `bake` return.
 *
 * Every error and warning is a literal code plus flat parameters; the words live in the UI's message
 * tables. Each union is derived from an exported `const` array so those tables can be checked for
 * completeness.
 */

/** What holds the badge: a baked image, or a file that is the payload itself. */
export type Container = 'png' | 'svg' | 'json' | 'jws' | 'url';

/**
 * The shape of the extracted payload.
 * - `url`: a hosted assertion to fetch (OB 1.x/2.0 only).
 * - `json`: a JSON object (OB 1.x/2.0 assertion or OB 3.0 credential with an embedded proof).
 * - `jws`: a compact JWS whose payload is not a Verifiable Credential (an OB 1.x/2.0 signed assertion).
 * - `jwt`: a compact JWS whose payload is a Verifiable Credential (VC-JWT, OB 3.0).
 */
export type PayloadKind = 'url' | 'json' | 'jws' | 'jwt';

/** Best guess of the Open Badges version, from the payload first and the container second. */
export type ObVersionHint = '1.x' | '2.0' | '3.0' | 'unknown';

/** The version a baker writes: it picks the PNG keyword and the SVG namespace. */
export type BakeVersion = '2.0' | '3.0';

export const SNIFFED_KINDS = [
  'png', 'svg', 'json', 'jws', 'url',
  'jpeg', 'gif', 'webp', 'heic', 'avif', 'bmp', 'tiff', 'pdf',
  'html', 'xml', 'empty', 'unknown',
] as const;
/** What the bytes are, judged from the bytes alone (never from a file name or MIME type). */
export type SniffedKind = (typeof SNIFFED_KINDS)[number];

/** Image formats that can hold no badge: extraction fails with UNSUPPORTED_IMAGE {format}. */
export const UNSUPPORTED_IMAGE_FORMATS = ['jpeg', 'gif', 'webp', 'heic', 'avif', 'bmp', 'tiff', 'pdf'] as const;

export const EXTRACT_WARNING_CODES = [
  /** PNG: the badge iTXt chunk is compressed, which the baking specs forbid. {keyword} */
  'COMPRESSED_ITXT',
  /** PNG: the badge is in a compressed zTXt chunk, which the baking specs do not provide for. {keyword} */
  'ZTXT_CHUNK',
  /** PNG: legacy (pre-2013) tEXt chunk holding the URL of a hosted assertion. {keyword} */
  'TEXT_CHUNK_URL',
  /** PNG: a tEXt chunk holding a JSON or JWS payload (the specs say iTXt). {keyword} */
  'TEXT_CHUNK',
  /** PNG: more than one chunk with the chosen keyword (the specs say MUST NOT); the first is used. {keyword, count} */
  'DUPLICATE_BADGE_CHUNK',
  /** PNG: both `openbadgecredential` and `openbadges` chunks; the OB 3.0 one is used. */
  'BOTH_KEYWORDS',
  /** PNG: the badge chunk was read intact but the file is damaged after it. {reason, offset} */
  'PNG_DAMAGED_AFTER_BADGE',
  /** SVG: more than one badge element in the chosen namespace; the first is used. {namespace, count} */
  'DUPLICATE_BADGE_ELEMENT',
  /** SVG: badge elements in both the OB 2.0 and OB 3.0 namespaces; the OB 3.0 one is used. */
  'BOTH_NAMESPACES',
  /** SVG: `credential` in the OB 2.0 namespace or `assertion` in the OB 3.0 one. {expected, found} */
  'UNEXPECTED_ELEMENT_NAME',
  /** SVG: the badge element's prefix is not `openbadges` (tools that match the literal prefix miss it). {prefix} */
  'NONSTANDARD_PREFIX',
  /** SVG: the element has both a `verify` attribute (used) and a body (ignored). {body: PayloadKind | 'invalid'} */
  'SVG_BODY_IGNORED',
  /** The container says one version, the payload another. {container, payload} */
  'VERSION_MISMATCH',
  /** A URL in an OB 3.0 container: OB 3.0 has no hosted form. */
  'URL_IN_OB3',
] as const;
export type ExtractWarningCode = (typeof EXTRACT_WARNING_CODES)[number];

export interface ExtractWarning {
  code: ExtractWarningCode;
  params?: Record<string, string | number>;
}

export const EXTRACT_ERROR_CODES = [
  /** The input has no bytes, or only whitespace. */
  'EMPTY',
  /** Neither an image nor a badge file. {detected: 'html' | 'xml' | 'unknown'} */
  'NOT_AN_IMAGE',
  /** An image format that cannot hold a badge. {format} */
  'UNSUPPORTED_IMAGE',
  /** A PNG or SVG with no badge inside. {format} */
  'UNBAKED_IMAGE',
  /** The PNG structure is broken before or in the badge chunk. {reason: CorruptPngReason, chunk?, offset?} */
  'CORRUPT_PNG',
  /** The SVG is not well-formed XML (or not UTF-8). {reason: CorruptSvgReason, offset?} */
  'CORRUPT_SVG',
  /** The badge element uses an entity other than the five predefined ones; it is never expanded. {name} */
  'CUSTOM_ENTITY',
  /** Over a size limit. {what: 'file' | 'inflated', limit} */
  'TOO_LARGE',
  /** A compressed badge chunk does not inflate. {reason: 'zlib' | 'checksum'} */
  'INFLATE_FAILED',
  /** The badge text is not a JSON object, a compact JWS or an http(s) URL. {reason: BadPayloadReason} */
  'BAD_PAYLOAD',
  /** A bug: an exception was caught at the API boundary. Never expected; reported, not hidden. */
  'INTERNAL',
] as const;
export type ExtractErrorCode = (typeof EXTRACT_ERROR_CODES)[number];

export interface ExtractError {
  code: ExtractErrorCode;
  params?: Record<string, string | number>;
}

export const CORRUPT_PNG_REASONS = [
  'truncated', // a chunk runs past the end of the file, or the file ends before IEND
  'length', // a chunk length over 2^31-1
  'chunk-type', // four bytes that are not a chunk type (the walk lost its way), or, to bake, a first chunk other than IHDR
  'crc', // the CRC-32 of a badge chunk does not match
  'text-layout', // a badge text chunk without its NUL separators
  'compression', // an unknown compression flag or method
] as const;
export type CorruptPngReason = (typeof CORRUPT_PNG_REASONS)[number];

export const CORRUPT_SVG_REASONS = [
  'encoding', // not UTF-8
  'syntax', // a malformed tag, attribute or markup declaration
  'unterminated', // a comment, CDATA section, processing instruction, DOCTYPE or tag never closed
  'mismatched-tag', // an end tag that does not close the open element
  'unclosed-element', // the document ends with elements still open
  'no-root', // no root element
  'outside-root', // text, CDATA or a second element outside the root element
  'bad-name', // a qualified name with an empty prefix or local part
  'unbound-prefix', // the badge element's prefix has no xmlns declaration
  'char-ref', // a numeric character reference to a character XML does not allow
  'ampersand', // a bare `&`
] as const;
export type CorruptSvgReason = (typeof CORRUPT_SVG_REASONS)[number];

export const BAD_PAYLOAD_REASONS = [
  'empty', // nothing but whitespace
  'encoding', // bytes that are not UTF-8 (iTXt, SVG, text files)
  'json', // starts with `{` but is not a JSON object
  'jws-header', // three base64url parts, but the header is not a JSON object with `alg`
  'jws-payload', // the JWS payload is not a JSON object
  'unrecognised', // none of JSON object, compact JWS, http(s) URL
  // Baking only:
  'url-in-ob3', // OB 3.0 has no hosted (URL) form
  'not-unicode', // unpaired UTF-16 surrogates cannot be written as UTF-8
  'xml-char', // U+FFFE / U+FFFF cannot be written in XML
] as const;
export type BadPayloadReason = (typeof BAD_PAYLOAD_REASONS)[number];

/** What was found in a badge file. `payload` is trimmed of surrounding whitespace, otherwise exact. */
export interface Extracted {
  container: Container;
  obVersionHint: ObVersionHint;
  payloadKind: PayloadKind;
  payload: string;
  warnings: ExtractWarning[];
}

export interface ExtractOptions {
  /** Largest input accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Largest text-based input (SVG, JSON, JWS, URL), in bytes (default 10 MB). */
  maxTextBytes?: number;
  /** Largest inflated size of a compressed badge chunk, in bytes (default 4 MB). */
  maxInflated?: number;
}

export const BAKE_ERROR_CODES = [
  /** The image is neither a PNG nor an SVG (or not the one asked for). {format: SniffedKind} */
  'UNSUPPORTED_IMAGE',
  /** The PNG's chunk structure is broken. {reason: CorruptPngReason, offset?} */
  'CORRUPT_PNG',
  /** The SVG is not well-formed XML (or not UTF-8). {reason: CorruptSvgReason, offset?} */
  'CORRUPT_SVG',
  /** The payload cannot be baked. {reason: BadPayloadReason} */
  'BAD_PAYLOAD',
  /** SVG: a badge element's namespace is declared through a custom entity, which is never expanded. {name} */
  'CUSTOM_ENTITY',
  /** The requested version contradicts the payload (e.g. an OB 3.0 credential baked as 2.0). {requested, payload} */
  'VERSION_MISMATCH',
  /** SVG: the root binds the `openbadges` prefix to another namespace that other elements use. {namespace} */
  'SVG_PREFIX_CONFLICT',
  /** The payload does not fit in a PNG chunk. {limit} */
  'TOO_LARGE',
  /** A bug: an exception was caught at the API boundary. */
  'INTERNAL',
] as const;
export type BakeErrorCode = (typeof BAKE_ERROR_CODES)[number];

export interface BakeError {
  code: BakeErrorCode;
  params?: Record<string, string | number>;
}

/** Exact strings of the baking specifications (SPECS.md §1.1). */
export const PNG_KEYWORD = { '2.0': 'openbadges', '3.0': 'openbadgecredential' } as const;
export const SVG_NAMESPACE = { '2.0': 'http://openbadges.org', '3.0': 'https://purl.imsglobal.org/ob/v3p0' } as const;
export const SVG_ELEMENT = { '2.0': 'assertion', '3.0': 'credential' } as const;
export const SVG_PREFIX = 'openbadges';
