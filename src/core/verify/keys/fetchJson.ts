/**
 * JSON documents fetched while looking for keys (DID documents, key documents, issuer profiles,
 * JWKS), through the injected Net. One verification asks for a URL at most once: the same DID
 * document serves the signature and the key-provenance check.
 */
import { MAX_DEPTH, tooDeep } from '../depth';
import type { FetchFailure, Net } from '../../net/types';
import { isTransientNetFailure, netFailureCode } from '../netCodes';
import { check, type Check, type CheckId, type CheckStatus, type VerifyContext } from '../types';

export type JsonFetch =
  | { readonly ok: true; readonly url: string; readonly finalUrl: string; readonly json: unknown }
  | { readonly ok: false; readonly url: string; readonly failure: FetchFailure }
  | { readonly ok: false; readonly url: string; readonly failure: null /* the body is not JSON */ };

export interface JsonFetcher {
  fetchJson(url: string, accept: string): Promise<JsonFetch>;
}

const decoder = new TextDecoder();

export const ACCEPT_DID = 'application/did+json, application/did+ld+json, application/ld+json, application/json';
export const ACCEPT_JSON = 'application/ld+json, application/json';
export const ACCEPT_JWKS = 'application/jwk-set+json, application/json';

export function createJsonFetcher(ctx: Pick<VerifyContext, 'net' | 'signal'>): JsonFetcher {
  const memo = new Map<string, Promise<JsonFetch>>();
  return {
    fetchJson(url, accept) {
      let p = memo.get(url);
      if (!p) {
        p = load(ctx.net, url, accept, ctx.signal);
        memo.set(url, p);
      }
      return p;
    },
  };
}

async function load(net: Net, url: string, accept: string, signal: AbortSignal | undefined): Promise<JsonFetch> {
  const res = await net.fetch(url, { accept, ...(signal ? { signal } : {}) });
  if (!res.ok) return { ok: false, url, failure: res };
  try {
    const json: unknown = JSON.parse(decoder.decode(res.body));
    if (tooDeep(json, MAX_DEPTH)) return { ok: false, url, failure: null };
    return { ok: true, url, finalUrl: res.finalUrl, json };
  } catch {
    return { ok: false, url, failure: null };
  }
}

/** The server answered that the document does not exist (404, 410): a fact, not a transient failure. */
export const isGone = (failure: FetchFailure): boolean =>
  failure.code === 'HTTP_ERROR' && (failure.status === 404 || failure.status === 410);

/**
 * A failed fetch as a check: `unchecked` with the network code when we could not look (offline,
 * CORS, timeout, 5xx…), else `definite` (status and code) for an answer that settles it.
 */
export function fetchFailureCheck(
  id: CheckId,
  failure: FetchFailure,
  definite: { status: CheckStatus; code: Check['code'] },
  params: Record<string, string | number> = {},
): Check {
  const p: Record<string, string | number> = { url: failure.url, ...params };
  if (failure.status !== undefined) p['httpStatus'] = failure.status;
  if (isTransientNetFailure(failure) || !isGone(failure)) {
    return check(id, 'unchecked', netFailureCode(failure), p);
  }
  return check(id, definite.status, definite.code, p);
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
