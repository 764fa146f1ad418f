/** The core's network door: its types and createNet (see net.ts for the order of the checks). */
export type * from './types';
export { createNet, isLoopback, DEFAULT_CACHE_TTL_MS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_ERROR_BODY_BYTES } from './net';
export type { DocumentEntry, FetchInitLike, FetchLike, NetOptions, ResponseLike } from './net';
