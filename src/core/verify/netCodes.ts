/**
 * One mapping from a network failure to a check code, used by every verification step that fetches
 * (hosted assertions, keys, DID documents, status lists, schemas…), so "offline", "blocked by the
 * browser", "the issuer answered 404" and "the issuer is down" read the same everywhere.
 */
import type { FetchFailure } from '../net/types';
import { check, type Check, type CheckCode, type CheckId, type CheckStatus } from './types';

export function netFailureCode(failure: Pick<FetchFailure, 'code' | 'status'>): CheckCode {
  switch (failure.code) {
    case 'OFFLINE':
      return 'OFFLINE';
    case 'CORS_BLOCKED':
      return 'CORS_BLOCKED';
    case 'TIMEOUT':
      return 'TIMEOUT';
    case 'NETWORK':
      return 'ISSUER_UNREACHABLE';
    case 'HTTP_ERROR': {
      const status = failure.status ?? 0;
      if (status === 404) return 'NOT_FOUND';
      if (status >= 500) return 'ISSUER_UNREACHABLE';
      return 'HTTP_ERROR';
    }
    case 'TOO_LARGE':
      return 'RESPONSE_TOO_LARGE';
    case 'NOT_IN_DOCUMENT_MAP':
      return 'NOT_IN_DOCUMENT_MAP';
    case 'INSECURE_URL':
      return 'INSECURE_URL';
    case 'BAD_URL':
      return 'BAD_URL';
    case 'ABORTED':
      return 'NOT_CHECKED';
  }
}

/**
 * True when the failure says nothing about the resource itself: we could not reach it (offline,
 * CORS, timeout, DNS/TLS, a 5xx, the offline document map, a cancelled run). Such a step is
 * `unchecked`; an answer from the server (404, 410, a body over the cap, a refused URL) is a fact.
 */
export function isTransientNetFailure(failure: Pick<FetchFailure, 'code' | 'status'>): boolean {
  switch (failure.code) {
    case 'OFFLINE':
    case 'CORS_BLOCKED':
    case 'TIMEOUT':
    case 'NETWORK':
    case 'NOT_IN_DOCUMENT_MAP':
    case 'ABORTED':
      return true;
    case 'HTTP_ERROR':
      return (failure.status ?? 0) >= 500;
    default:
      return false;
  }
}

/**
 * A check saying a fetch failed: `unchecked` by default (we could not look), with the URL and the
 * HTTP status when there was one. Callers that treat an answer as a fact pass another status.
 */
export function netFailureCheck(
  id: CheckId,
  failure: Pick<FetchFailure, 'code' | 'status' | 'url'>,
  status: CheckStatus = 'unchecked',
): Check {
  const params: Record<string, string | number> = { url: failure.url };
  if (failure.status !== undefined) params['httpStatus'] = failure.status;
  return check(id, status, netFailureCode(failure), params);
}
