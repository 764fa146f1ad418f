/**
 * A FetchLike for tests that trusts the committed TEST CA (tests/fixtures/tls/ca.pem) for this
 * client only, so tests reach https://127.0.0.1:PORT with certificate checks on and without
 * touching NODE_TLS_REJECT_UNAUTHORIZED or NODE_EXTRA_CA_CERTS. Built on node:http/node:https
 * (Node's own fetch takes no CA without undici's Agent): follows redirects, streams the body,
 * honours the AbortSignal.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FetchInitLike, FetchLike, ResponseLike } from '../../src/core/net/net';
import { TEST_CA_PEM } from './fixtureServer';

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createNodeFetchWithCa(ca: string | Buffer = TEST_CA_PEM): FetchLike {
  return async (url, init) => {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await get(current, init, ca);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.resume(); // drain and free the socket
        current = new URL(location, current).href;
        continue;
      }
      return toResponse(res, current, init.signal);
    }
    throw new TypeError(`too many redirects: ${url}`);
  };
}

/** The default instance, trusting the committed test CA. */
export const nodeFetchWithCa: FetchLike = createNodeFetchWithCa();

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function get(url: string, init: FetchInitLike, ca: string | Buffer): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (init.signal.aborted) return reject(abortError());
    const target = new URL(url);
    const options = { method: 'GET', headers: init.headers, agent: false as const };
    const req =
      target.protocol === 'https:'
        ? httpsRequest(target, { ...options, ca })
        : target.protocol === 'http:'
          ? httpRequest(target, options)
          : undefined;
    if (!req) return reject(new TypeError(`unsupported scheme: ${url}`));
    const onAbort = (): void => {
      req.destroy(abortError());
    };
    init.signal.addEventListener('abort', onAbort, { once: true });
    req.once('response', (res) => {
      // From here the body stream owns the abort (see toResponse).
      init.signal.removeEventListener('abort', onAbort);
      resolve(res);
    });
    req.once('error', (error) => {
      init.signal.removeEventListener('abort', onAbort);
      reject(init.signal.aborted ? abortError() : new TypeError('fetch failed', { cause: error }));
    });
    req.end();
  });
}

function toResponse(res: IncomingMessage, url: string, signal: AbortSignal): ResponseLike {
  let finished = false;
  let onAbort = (): void => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = (): void => {
        if (finished) return; // an abort after the last byte changes nothing
        finished = true;
        res.destroy();
        controller.error(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      res.on('data', (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk)); // a copy: Node may reuse the chunk's memory
        if ((controller.desiredSize ?? 1) <= 0) res.pause();
      });
      res.once('end', () => {
        if (finished) return;
        finished = true;
        signal.removeEventListener('abort', onAbort);
        controller.close();
      });
      res.once('error', (error) => {
        if (finished) return;
        finished = true;
        signal.removeEventListener('abort', onAbort);
        controller.error(new TypeError('fetch failed', { cause: error }));
      });
    },
    pull() {
      res.resume();
    },
    cancel() {
      finished = true;
      signal.removeEventListener('abort', onAbort);
      res.destroy();
    },
  });
  return {
    status: res.statusCode ?? 0,
    url,
    headers: {
      get: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body,
  };
}
