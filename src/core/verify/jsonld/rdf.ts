/**
 * JSON-LD → RDF → RDFC-1.0, in JSON-LD safe mode, with errors turned into check codes.
 *
 * Safe mode makes jsonld throw instead of silently dropping what it cannot map (an undefined term, a
 * relative @type…): a signature over a document whose meaning depends on dropped data must not
 * verify. Canonicalization is rdf-canonize's RDFC-1.0 (URDNA2015 is the same algorithm), with its
 * default work bound against "poison" graphs.
 */
import jsonld from 'jsonld';
import { canonize } from 'rdf-canonize';
import type { CheckCode } from '../types';
import { installFastContextClone } from './fastClone';
import { ContextLoadError, type DocumentLoader } from './loader';

/** What went wrong while processing JSON-LD, as plain data for a check. */
export interface JsonLdFailure {
  readonly code: CheckCode;
  /** The context URL, when a context could not be loaded. */
  readonly url?: string;
  readonly httpStatus?: number;
  /** jsonld's own code (e.g. "relative @type reference"), for the technical details. */
  readonly detail: string;
  /** The offending term or type, when jsonld names it. */
  readonly term?: string;
}

export class JsonLdProcessingError extends Error {
  /** Set by callers that know the failing input was the credential itself (not a proof's options). */
  inDocument = false;
  constructor(readonly failure: JsonLdFailure) {
    super(`${failure.code}: ${failure.detail}`);
    this.name = 'JsonLdProcessingError';
  }
}

interface ToRdfOptions {
  documentLoader: DocumentLoader;
  safe: true;
  base: null;
}
const toRDF = jsonld.toRDF as unknown as (input: object, options: ToRdfOptions) => Promise<unknown>;
const expand = jsonld.expand as unknown as (input: object, options: ToRdfOptions) => Promise<unknown>;

/** The RDFC-1.0 canonical N-Quads of a JSON-LD document. Throws JsonLdProcessingError. */
export async function canonicalNQuads(doc: object, loader: DocumentLoader, signal?: AbortSignal): Promise<string> {
  await installFastContextClone();
  let dataset: unknown;
  try {
    dataset = await toRDF(doc, { documentLoader: loader, safe: true, base: null });
  } catch (e) {
    throw new JsonLdProcessingError(classifyJsonLdError(e));
  }
  try {
    return await canonize(dataset, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    throw new JsonLdProcessingError({ code: 'JSONLD_ERROR', detail: `canonicalization: ${messageOf(e)}` });
  }
}

/** Expands a document in safe mode only to see whether it is valid JSON-LD; null when it is. */
export async function safeModeFailure(doc: object, loader: DocumentLoader): Promise<JsonLdFailure | null> {
  await installFastContextClone();
  try {
    await expand(doc, { documentLoader: loader, safe: true, base: null });
    return null;
  } catch (e) {
    return classifyJsonLdError(e);
  }
}

/** Finds the reason in jsonld's error chain: a refused/unreachable context, or a JSON-LD error. */
export function classifyJsonLdError(error: unknown): JsonLdFailure {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (e instanceof ContextLoadError) {
      return {
        code: e.code,
        url: e.url,
        ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
        detail: e.code,
      };
    }
    const details = (e as { details?: { cause?: unknown } }).details;
    e = details?.cause ?? (e as { cause?: unknown }).cause;
  }
  const term = jsonLdTerm(error);
  return { code: 'JSONLD_ERROR', detail: jsonLdDetail(error), ...(term ? { term } : {}) };
}

interface JsonLdErrorDetails {
  code?: unknown;
  event?: { code?: unknown; details?: { type?: unknown; property?: unknown; term?: unknown } };
}
const detailsOf = (error: unknown): JsonLdErrorDetails | undefined =>
  (error as { details?: JsonLdErrorDetails } | null)?.details;

function jsonLdDetail(error: unknown): string {
  const details = detailsOf(error);
  const code = details?.event?.code ?? details?.code;
  return typeof code === 'string' ? code : messageOf(error);
}

function jsonLdTerm(error: unknown): string | undefined {
  const d = detailsOf(error)?.event?.details;
  const term = d?.type ?? d?.property ?? d?.term;
  return typeof term === 'string' ? term : undefined;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
