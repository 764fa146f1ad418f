/**
 * The network, as the core sees it. The core never calls a global fetch: the page, the worker,
 * the command line and the tests each hand it a `Net` (see createNet in ./net.ts).
 *
 * A fetch never throws: it answers a response or a typed failure, so "offline", "blocked by the
 * browser (CORS)", "timed out" and "the issuer answered 500" stay distinct all the way to the report.
 */
export type FetchFailureCode =
  | 'OFFLINE' // the device has no network
  | 'CORS_BLOCKED' // the server answered but the browser withheld the response (no CORS headers)
  | 'TIMEOUT'
  | 'NETWORK' // DNS, refused connection, TLS… (unreachable)
  | 'HTTP_ERROR' // a status other than 2xx (status and url in the failure); 410 is reported as such
  | 'TOO_LARGE' // the body is over the size cap
  | 'INSECURE_URL' // http: where only https: is allowed
  | 'BAD_URL' // not an absolute http(s) URL
  | 'NOT_IN_DOCUMENT_MAP' // offline document map in force and the URL is not in it
  | 'ABORTED';

export interface FetchOk {
  readonly ok: true;
  /** The URL asked for. */
  readonly url: string;
  /** The URL finally answered, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Lower-cased media type without parameters, '' when absent. */
  readonly contentType: string;
  readonly body: Uint8Array;
  /** True when answered from the cache. */
  readonly cached: boolean;
}

export interface FetchFailure {
  readonly ok: false;
  readonly url: string;
  readonly code: FetchFailureCode;
  /** HTTP status when code is HTTP_ERROR. */
  readonly status?: number;
  /** The body of an HTTP error (e.g. a 410 whose JSON says revoked: true), when small enough. */
  readonly body?: Uint8Array;
}

export type FetchResult = FetchOk | FetchFailure;

export interface FetchOptions {
  /** Accept header. */
  readonly accept?: string;
  /** Allow plain http: for this request (OB 1.x/2.0 hosted badges only; the caller warns). */
  readonly allowHttp?: boolean;
  readonly signal?: AbortSignal;
}

/** The one network door of the core. */
export interface Net {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}
