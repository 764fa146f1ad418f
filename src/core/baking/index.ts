/**
 * The baking core: sniff a file, extract (unbake) the Open Badges payload from a PNG, an SVG or a
 * badge file, and bake a payload into a PNG or an SVG. Pure: bytes and strings in, typed results out.
 */
export { sniff } from './sniff';
export { extract, DEFAULT_MAX_BYTES, DEFAULT_MAX_INFLATED, DEFAULT_MAX_TEXT_BYTES } from './extract';
export { bake, bakePng, bakeSvg } from './bake';
export {
  BAD_PAYLOAD_REASONS,
  BAKE_ERROR_CODES,
  CORRUPT_PNG_REASONS,
  CORRUPT_SVG_REASONS,
  EXTRACT_ERROR_CODES,
  EXTRACT_WARNING_CODES,
  PNG_KEYWORD,
  SNIFFED_KINDS,
  SVG_ELEMENT,
  SVG_NAMESPACE,
  UNSUPPORTED_IMAGE_FORMATS,
} from './types';
export type {
  BadPayloadReason,
  BakeError,
  BakeErrorCode,
  BakeVersion,
  Container,
  CorruptPngReason,
  CorruptSvgReason,
  ExtractError,
  ExtractErrorCode,
  ExtractOptions,
  ExtractWarning,
  ExtractWarningCode,
  Extracted,
  ObVersionHint,
  PayloadKind,
  SniffedKind,
} from './types';
