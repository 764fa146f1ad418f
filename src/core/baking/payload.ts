/**
 * Classifies the text found in a badge (or a badge file): JSON object, compact JWS/JWT, or hosted URL,
 * and guesses the Open Badges version from its content.
 */
import { err, ok, type Result } from '../result';
import { decodeBase64Url, decodeUtf8, isJsonObject, parseJson } from './text';
import type { BadPayloadReason, ObVersionHint, PayloadKind } from './types';

export interface ClassifiedPayload {
  kind: PayloadKind;
  /** The text, trimmed of surrounding whitespace. */
  payload: string;
  /** From the payload alone; `unknown` for URLs (the hosted document decides). */
  hint: ObVersionHint;
}

const VC_CONTEXTS = new Set(['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2']);
/** Media types of VC-JOSE-COSE (`vc+jwt`) and of its drafts, as a JOSE `typ`/`cty`, lower case, without `application/`. */
const VC_JWT_TYPES = new Set(['vc+jwt', 'vc+ld+jwt', 'vc+sd-jwt', 'vc+ld+json+jwt', 'vc+ld+json']);

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const HTTP_URL = /^https?:\/\/\S+$/i;

export function classifyPayload(text: string): Result<ClassifiedPayload, BadPayloadReason> {
  const payload = text.trim();
  if (payload === '') return err('empty');
  if (payload.startsWith('{')) {
    const value = parseJson(payload);
    return isJsonObject(value) ? ok({ kind: 'json', payload, hint: hintFromJson(value) }) : err('json');
  }
  if (COMPACT_JWS.test(payload)) return classifyCompactJws(payload);
  if (isHttpUrl(payload)) return ok({ kind: 'url', payload, hint: 'unknown' });
  return err('unrecognised');
}

export function isHttpUrl(text: string): boolean {
  if (!HTTP_URL.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The JOSE header of a compact JWS, when it is a JSON object with a string `alg`. */
export function jwsHeader(compact: string): Record<string, unknown> | undefined {
  const header = decodeJsonSegment(compact.slice(0, compact.indexOf('.')));
  return isJsonObject(header) && typeof header['alg'] === 'string' ? header : undefined;
}

/**
 * `jwt` when the JWS carries a Verifiable Credential: a `vc` claim (VC 1.1 JWT), a VC context or type
 * in the payload itself (VC 2.0, vc-jose-cose), or a VC media type in `typ`/`cty`. `typ: "JWT"` alone
 * decides nothing: the 1EdTech OB 2.0 signed assertions carry it too.
 */
function classifyCompactJws(payload: string): Result<ClassifiedPayload, BadPayloadReason> {
  const header = jwsHeader(payload);
  if (!header) return err('jws-header');
  const parts = payload.split('.');
  const claims = decodeJsonSegment(parts[1] ?? '');
  if (!isJsonObject(claims)) return err('jws-payload');
  const hint = hintFromJson(claims);
  const isVc = isJsonObject(claims['vc']) || hint === '3.0' || isVcMediaType(header['typ']) || isVcMediaType(header['cty']);
  return ok({ kind: isVc ? 'jwt' : 'jws', payload, hint: isVc ? '3.0' : hint });
}

function isVcMediaType(value: unknown): boolean {
  return typeof value === 'string' && VC_JWT_TYPES.has(value.toLowerCase().replace(/^application\//, ''));
}

function decodeJsonSegment(segment: string): unknown {
  const bytes = decodeBase64Url(segment);
  const text = bytes && decodeUtf8(bytes);
  return text === undefined ? undefined : parseJson(text);
}

/**
 * Version from a JSON object's `@context` and `type`, as validator-core detects it
 * (SPECS.md §2.1): VC/OB 3.0 contexts → 3.0; OB v2 → 2.0; OB v1, or no context with 1.0-era
 * properties → 1.x.
 */
export function hintFromJson(obj: Record<string, unknown>): ObVersionHint {
  const context = obj['@context'];
  const contexts = (Array.isArray(context) ? context : [context]).filter((c): c is string => typeof c === 'string');
  const types = Array.isArray(obj['type']) ? obj['type'] : [obj['type']];
  const isVcContext = (c: string): boolean =>
    VC_CONTEXTS.has(c) || c.includes('purl.imsglobal.org/spec/ob/v3p0') || c.includes('purl.imsglobal.org/spec/clr/v2p0');
  if (types.includes('VerifiableCredential') || contexts.some(isVcContext)) return '3.0';
  if (contexts.some((c) => c.includes('w3id.org/openbadges/v2') || c.includes('openbadgespec.org/v2'))) return '2.0';
  if (contexts.some((c) => c.includes('w3id.org/openbadges/v1'))) return '1.x';
  if (context === undefined && ('recipient' in obj || 'badge' in obj || 'verify' in obj)) return '1.x';
  return 'unknown';
}
