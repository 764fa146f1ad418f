/**
 * The Net for the page (and workers): createNet over the page's fetch, plus what only a browser
 * can tell about a failed fetch. A browser rejects every failed fetch with the same bare
 * `TypeError` (by design, so pages cannot probe networks), whether the device is offline, the
 * host is unreachable, or the server answered without CORS headers. We tell them apart:
 *   - AbortError / TimeoutError     → TIMEOUT (createNet names its own timeouts and aborts first)
 *   - navigator.onLine is false     → OFFLINE
 *   - a `no-cors` fetch of the same URL resolves with an opaque response: the server is there
 *     and answers, the browser only withheld the body                          → CORS_BLOCKED
 *   - anything else                 → NETWORK
 * The probe is one extra request to the same server, without credentials, and only after a failure.
 */
import { createNet, type FetchLike, type NetOptions } from '../core/net/net';
import type { FetchFailureCode, Net } from '../core/net/types';

/** The probe's own time limit: it must not hold a report for the whole request timeout again. */
const PROBE_TIMEOUT_MS = 3_000;

export type BrowserNetOptions = Omit<NetOptions, 'fetch' | 'isOnline' | 'classifyError'> & {
  /** Defaults to the page's fetch. */
  readonly fetch?: FetchLike;
};

export function browserNet(opts: BrowserNetOptions = {}): Net {
  // Called through a wrapper: a detached `fetch` throws "Illegal invocation" in Chromium.
  const fetch: FetchLike = opts.fetch ?? ((url, init) => globalThis.fetch(url, init));
  return createNet({
    ...opts,
    fetch,
    isOnline: () => navigator.onLine,
    classifyError: (error, url) => classifyBrowserError(error, url),
  });
}

/** What the classifier needs from the page; tests hand in fakes. */
export interface BrowserProbe {
  readonly onLine: () => boolean;
  readonly fetch: (url: string, init: RequestInit) => Promise<{ readonly type: ResponseType }>;
}

const pageProbe: BrowserProbe = {
  onLine: () => navigator.onLine,
  fetch: (url, init) => globalThis.fetch(url, init),
};

export async function classifyBrowserError(
  error: unknown,
  url: string,
  probe: BrowserProbe = pageProbe,
): Promise<FetchFailureCode> {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return 'TIMEOUT';
  if (!probe.onLine()) return 'OFFLINE';
  if (!(error instanceof TypeError)) return 'NETWORK';

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await probe.fetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    // 'opaque' is what a cross-origin no-cors answer looks like: reachable, so CORS was the problem.
    return response.type === 'opaque' ? 'CORS_BLOCKED' : 'NETWORK';
  } catch {
    return 'NETWORK'; // the probe failed too: the server is not reachable
  } finally {
    clearTimeout(timer);
  }
}
