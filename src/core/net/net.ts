/**
 * createNet: the one network door of the core, over an injected fetch.
 *
 * Order of the questions asked for each request (the first that answers wins):
 *   1. caller's signal already aborted        → ABORTED
 *   2. not an absolute http(s) URL             → BAD_URL
 *   3. http: without allowHttp, not loopback   → INSECURE_URL
 *   4. in the offline document map             → answered from it (no network)
 *   5. documentsOnly                           → NOT_IN_DOCUMENT_MAP (no network)
 *   6. fresh in the cache                      → answered from it, cached: true
 *   7. isOnline() is false                     → OFFLINE (no network)
 *   8. the real fetch, under a timeout and a size cap; non-2xx → HTTP_ERROR.
 * The URL policy (2, 3) is applied before the document map on purpose: the map stands in for the
 * network, not for the rules about which URLs may be fetched, so tests behave like production.
 *
 * Never throws: every path ends in a FetchResult.
 */
import type { FetchFailure, FetchFailureCode, FetchOk, FetchOptions, FetchResult, Net } from './types';

/** The part of a WHATWG Response the core reads. A real `Response` fits. */
export interface ResponseLike {
  readonly status: number;
  /** The final URL after redirects ('' when unknown). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** Read as a stream when present (so the size cap holds mid-body)… */
  readonly body?: ReadableStream<Uint8Array> | null;
  /** …else buffered. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export interface FetchInitLike {
  headers: Record<string, string>;
  signal: AbortSignal;
  redirect: 'follow';
}

/** A minimal fetch: the page's, Node's, a test's fake or a CA-pinned Node client all fit. */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<ResponseLike>;

/** One entry of the offline document map (what a URL answers). */
export interface DocumentEntry {
  readonly body: Uint8Array;
  readonly contentType: string;
}

export interface NetOptions {
  readonly fetch: FetchLike;
  /** Whole request, headers and body. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Body size cap, enforced while streaming. Default 5 MB. */
  readonly maxBytes?: number;
  /** How long a 2xx response is reused. Default 5 min; 0 turns the cache off. */
  readonly cacheTtlMs?: number;
  /** LRU bounds of the cache. Defaults 256 entries, 20 MB. */
  readonly cacheMaxEntries?: number;
  readonly cacheMaxBytes?: number;
  /** Clock for the cache. Default Date.now. */
  readonly now?: () => number;
  /** The offline document map: these URLs are answered locally, without the network. */
  readonly documents?: ReadonlyMap<string, DocumentEntry>;
  /** Only the document map answers; every other URL fails with NOT_IN_DOCUMENT_MAP. */
  readonly documentsOnly?: boolean;
  /** False → OFFLINE without trying. */
  readonly isOnline?: () => boolean;
  /** Platform hook naming a rejected fetch (the browser tells CORS from offline from network). */
  readonly classifyError?: (error: unknown, url: string) => Promise<FetchFailureCode>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
/** Largest HTTP error body kept (so a 410 `{"revoked": true}` can be read). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

const DEFAULT_CACHE_MAX_ENTRIES = 256;
const DEFAULT_CACHE_MAX_BYTES = 20 * 1024 * 1024;

interface CacheEntry {
  readonly response: FetchOk;
  readonly expires: number;
}

/** Why the request's own AbortController fired. */
type AbortCause = 'timeout' | 'caller' | 'done';

export function createNet(options: NetOptions): Net {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const maxEntries = options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES;
  const maxCacheBytes = options.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  const now = options.now ?? Date.now;
  const documents = indexDocuments(options.documents);

  // Map keeps insertion order: the first key is the least recently used.
  const cache = new Map<string, CacheEntry>();
  let cacheBytes = 0;
  const inflight = new Map<string, Promise<FetchResult>>();

  const cacheGet = (key: string): FetchOk | undefined => {
    const entry = cache.get(key);
    if (!entry) return undefined;
    cache.delete(key);
    if (entry.expires <= now()) {
      cacheBytes -= entry.response.body.byteLength;
      return undefined;
    }
    cache.set(key, entry); // most recently used
    return entry.response;
  };

  const cachePut = (key: string, response: FetchOk): void => {
    const size = response.body.byteLength;
    if (ttl <= 0 || size > maxCacheBytes) return;
    const old = cache.get(key);
    if (old) {
      cache.delete(key);
      cacheBytes -= old.response.body.byteLength;
    }
    cache.set(key, { response, expires: now() + ttl });
    cacheBytes += size;
    for (const [k, e] of cache) {
      if (cache.size <= maxEntries && cacheBytes <= maxCacheBytes) break;
      cache.delete(k);
      cacheBytes -= e.response.body.byteLength;
    }
  };

  async function doFetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
    if (opts.signal?.aborted) return failure(url, 'ABORTED');

    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return failure(url, 'BAD_URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return failure(url, 'BAD_URL');
    if (parsed.protocol === 'http:' && !opts.allowHttp && !isLoopback(parsed.hostname)) {
      return failure(url, 'INSECURE_URL');
    }

    // Fetch never sends the fragment: neither do the map and the cache look at it.
    parsed.hash = '';
    const key = parsed.href;

    const doc = documents.get(key);
    if (doc) {
      return {
        ok: true,
        url,
        finalUrl: key, // without the fragment, as a Response's url
        status: 200,
        contentType: mediaType(doc.contentType),
        body: doc.body.slice(), // a copy: callers cannot alter the map
        cached: false,
      };
    }
    if (options.documentsOnly) return failure(url, 'NOT_IN_DOCUMENT_MAP');

    // Offline is said before the cache answers: a fresh "valid" must never come from a copy kept in
    // memory while the device has no network (the report says "offline", and shows the last one).
    if (options.isOnline && !options.isOnline()) return failure(url, 'OFFLINE');

    const accept = opts.accept ?? 'application/json'; // callers asking for JSON-LD, images… say so
    const cacheKey = `${accept}\n${key}`;
    if (ttl > 0) {
      const hit = cacheGet(cacheKey);
      if (hit) return { ...hit, url, body: hit.body.slice(), cached: true };
    }

    // The same request already on its way (a proof and a status list naming one DID document,
    // verified side by side) is shared rather than sent twice. A caller with its own abort signal
    // gets its own request, so that aborting it cannot cancel someone else's.
    const shared = opts.signal ? undefined : inflight.get(cacheKey);
    if (shared) {
      const result = await shared;
      return result.ok ? { ...result, url, body: result.body.slice() } : { ...result, url };
    }
    const pending = fetchOnce(url, key, accept, opts.signal).then((result) => {
      if (result.ok && ttl > 0) cachePut(cacheKey, { ...result, body: result.body.slice() });
      return result;
    });
    if (!opts.signal) {
      inflight.set(cacheKey, pending);
      void pending.finally(() => inflight.delete(cacheKey));
    }
    const result = await pending;
    return result.ok ? { ...result, body: result.body.slice() } : result;
  }

  /** The real request: timeout and caller's abort composed into one controller, body capped. */
  async function fetchOnce(
    url: string,
    href: string,
    accept: string,
    callerSignal: AbortSignal | undefined,
  ): Promise<FetchResult> {
    const controller = new AbortController();
    let cause: AbortCause | undefined;
    const abort = (why: AbortCause): void => {
      if (cause) return;
      cause = why;
      controller.abort();
    };
    const onCallerAbort = (): void => abort('caller');
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => abort('timeout'), timeoutMs);

    // Settles (rejects) when the controller fires, so a fetch that ignores its signal still ends.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    aborted.catch(() => undefined);
    const race = <T>(p: Promise<T>): Promise<T> => Promise.race([p, aborted]);

    // Our own abort explains a failure better than the error it caused.
    const abortCode = (): FetchFailureCode | undefined =>
      cause === 'timeout' ? 'TIMEOUT' : cause === 'caller' ? 'ABORTED' : undefined;
    const failed = async (error: unknown): Promise<FetchFailure> => {
      const code = abortCode();
      if (code) return failure(url, code);
      if (options.isOnline && !options.isOnline()) return failure(url, 'OFFLINE');
      if (!options.classifyError) return failure(url, 'NETWORK');
      try {
        return failure(url, await race(options.classifyError(error, url)));
      } catch {
        return failure(url, abortCode() ?? 'NETWORK');
      }
    };

    try {
      let response: ResponseLike;
      try {
        response = await race(options.fetch(href, { headers: { accept }, signal: controller.signal, redirect: 'follow' }));
      } catch (error) {
        return await failed(error);
      }

      const status = response.status;
      if (status < 200 || status > 299) {
        let body: Uint8Array | undefined;
        try {
          const read = await readCapped(response, MAX_ERROR_BODY_BYTES, race);
          if (read !== 'TOO_LARGE') body = read;
        } catch {
          // The status is the answer; an unreadable error body is not worth another code.
        }
        return body ? { ok: false, url, code: 'HTTP_ERROR', status, body } : { ok: false, url, code: 'HTTP_ERROR', status };
      }

      const declared = Number(response.headers.get('content-length') ?? NaN);
      let body: Uint8Array | 'TOO_LARGE';
      if (declared > maxBytes) {
        void response.body?.cancel().catch(() => undefined);
        body = 'TOO_LARGE';
      } else {
        try {
          body = await readCapped(response, maxBytes, race);
        } catch (error) {
          return await failed(error);
        }
      }
      if (body === 'TOO_LARGE') return failure(url, 'TOO_LARGE');

      return {
        ok: true,
        url,
        finalUrl: response.url || href,
        status,
        contentType: mediaType(response.headers.get('content-type') ?? ''),
        body,
        cached: false,
      };
    } catch {
      return failure(url, 'NETWORK'); // a broken FetchLike (e.g. headers.get throwing): still no throw
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      abort('done'); // releases the connection of a body left unread (error bodies, size cap)
    }
  }

  return {
    fetch: async (url, opts) => {
      try {
        return await doFetch(url, opts);
      } catch {
        return failure(url, 'NETWORK');
      }
    },
  };
}

/**
 * Read a body, at most `cap` bytes: past it, stop reading and answer TOO_LARGE.
 * Throws when the read fails or the request is aborted (through `race`).
 */
async function readCapped(
  response: ResponseLike,
  cap: number,
  race: <T>(p: Promise<T>) => Promise<T>,
): Promise<Uint8Array | 'TOO_LARGE'> {
  if (response.body) {
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    try {
      for (;;) {
        const next = await race(reader.read());
        if (next.done) {
          done = true;
          break;
        }
        total += next.value.byteLength;
        if (total > cap) return 'TOO_LARGE';
        chunks.push(next.value);
      }
    } finally {
      if (!done) void reader.cancel().catch(() => undefined);
    }
    return concat(chunks, total);
  }
  if (response.arrayBuffer) {
    const buffer = await race(response.arrayBuffer());
    return buffer.byteLength > cap ? 'TOO_LARGE' : new Uint8Array(buffer);
  }
  return new Uint8Array(0);
}

/** Always a fresh, exactly sized buffer (a chunk may be a view on a larger pooled one). */
function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function failure(url: string, code: FetchFailureCode): FetchFailure {
  return { ok: false, url, code };
}

/** 'Application/JSON; charset=utf-8' → 'application/json'. */
function mediaType(header: string): string {
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Loopback hosts are potentially trustworthy origins, as in browsers (Secure Contexts §3.1):
 * 127.0.0.0/8, [::1], localhost and *.localhost. `hostname` comes from URL, so IPv4 is normalised.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** The map keyed by normalised URL without fragment; the first spelling of a URL wins. */
function indexDocuments(documents: ReadonlyMap<string, DocumentEntry> | undefined): Map<string, DocumentEntry> {
  const index = new Map<string, DocumentEntry>();
  for (const [url, entry] of documents ?? []) {
    let key: string;
    try {
      const parsed = new URL(url);
      parsed.hash = '';
      key = parsed.href;
    } catch {
      continue; // not a URL: no request can ever ask for it
    }
    if (!index.has(key)) index.set(key, entry);
  }
  return index;
}
