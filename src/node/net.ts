/**
 * The Net for Node (command line, bench, tests): createNet over Node's global fetch, with a
 * classifyError that reads Node's error codes. Node has no CORS and no "offline" flag, so a
 * rejected fetch is either a TIMEOUT or a NETWORK failure.
 */
import { createNet, type FetchLike, type NetOptions } from '../core/net/net';
import type { FetchFailureCode, Net } from '../core/net/types';

export type NodeNetOptions = Omit<NetOptions, 'fetch' | 'classifyError'> & {
  /** Defaults to Node's global fetch. */
  readonly fetch?: FetchLike;
};

export function nodeNet(opts: NodeNetOptions = {}): Net {
  const fetch: FetchLike = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
  return createNet({ ...opts, fetch, classifyError: async (error) => classifyNodeError(error) });
}

/** Codes (on the error or anywhere down its `cause` chain) that mean the request ran out of time. */
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Node's fetch rejects with `TypeError('fetch failed')` whose `cause` carries the system code
 * (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ECONNRESET, CERT_HAS_EXPIRED…): those are NETWORK.
 * An AbortError or TimeoutError, or a timeout code, is TIMEOUT.
 */
export function classifyNodeError(error: unknown): FetchFailureCode {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, cause } = e as { name?: unknown; code?: unknown; cause?: unknown };
    if (name === 'AbortError' || name === 'TimeoutError') return 'TIMEOUT';
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return 'TIMEOUT';
    e = cause;
  }
  return 'NETWORK';
}
