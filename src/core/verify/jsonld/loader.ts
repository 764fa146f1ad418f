/**
 * The JSON-LD document loader: bundled contexts only, by default.
 *
 * - A bundled context (contexts.ts) is imported once per app session and handed to jsonld with the
 *   tag 'static', so jsonld keeps its processed form in its shared cache: the second credential that
 *   uses the same contexts skips context processing altogether.
 * - Any other URL is a remote context. It is refused (CONTEXT_UNKNOWN_REMOTE) unless
 *   `ctx.allowRemoteContexts`; then it is fetched through `ctx.net` and never tagged 'static', so it
 *   is not shared with later verifications that do not allow remote contexts.
 * - DID documents and verification methods never go through this loader (see ../keys/).
 */
import type { FetchFailure } from '../../net/types';
import { netFailureCode } from '../netCodes';
import type { CheckCode, VerifyContext } from '../types';
import { BUNDLED_CONTEXTS } from './contexts';

export interface LoadedDocument {
  readonly contextUrl: null;
  readonly documentUrl: string;
  readonly document: unknown;
  /** 'static' marks a bundled context that jsonld may cache across operations. */
  readonly tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** Why a context could not be loaded: a check code plus what the message needs. */
export class ContextLoadError extends Error {
  constructor(
    readonly code: CheckCode,
    readonly url: string,
    readonly httpStatus?: number,
  ) {
    super(`${code}: ${url}`);
    this.name = 'ContextLoadError';
  }
}

/** Parsed bundled contexts, shared by every loader (they are immutable data). */
const bundled = new Map<string, Promise<unknown>>();

function loadBundled(url: string): Promise<unknown> | undefined {
  const importer = BUNDLED_CONTEXTS[url];
  if (!importer) return undefined;
  let doc = bundled.get(url);
  if (!doc) {
    // A bundled context is a file of the app. Failing to load it (offline in a fresh tab, an app
    // update that removed the old file) says nothing about the credential: "could not check".
    doc = importer().then(
      (m) => m.default,
      () => {
        throw new ContextLoadError('CONTEXT_UNAVAILABLE', url);
      },
    );
    // A failed chunk load (e.g. the app was updated underneath) must not stick.
    doc.catch(() => bundled.delete(url));
    bundled.set(url, doc);
  }
  return doc;
}

const decoder = new TextDecoder();

export function createDocumentLoader(ctx: VerifyContext): (url: string) => Promise<LoadedDocument> {
  const remote = new Map<string, Promise<unknown>>();
  return async (url: string): Promise<LoadedDocument> => {
    const local = loadBundled(url);
    // A copy: jsonld rewrites relative URLs inside the context objects it is given.
    if (local) return { contextUrl: null, documentUrl: url, document: structuredClone(await local), tag: 'static' };
    if (!ctx.allowRemoteContexts) throw new ContextLoadError('CONTEXT_UNKNOWN_REMOTE', url);
    let doc = remote.get(url);
    if (!doc) {
      doc = fetchRemoteContext(ctx, url);
      remote.set(url, doc);
    }
    return { contextUrl: null, documentUrl: url, document: await doc };
  };
}

async function fetchRemoteContext(ctx: VerifyContext, url: string): Promise<unknown> {
  const res = await ctx.net.fetch(url, {
    accept: 'application/ld+json, application/json',
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!res.ok) throw new ContextLoadError(netFailureCode(res as FetchFailure), url, res.status);
  try {
    const parsed: unknown = JSON.parse(decoder.decode(res.body));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed;
  } catch {
    throw new ContextLoadError('JSONLD_ERROR', url);
  }
}
