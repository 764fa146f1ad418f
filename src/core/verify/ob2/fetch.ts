/**
 * Fetching an OB 1.x/2.0 node (assertion, BadgeClass, issuer Profile, key, revocation list…) the
 * way validator-core does (tasks/graph.py fetch_http_node, jsonld_compact_data):
 * GET with `Accept: application/ld+json, application/json` (plain http allowed: OB 2.0 hosts
 * often are), parse (leniently), upgrade 0.5/1.x, and when the document declares another id than
 * the URL it was fetched from, warn ID_MISMATCH and fetch the declared id once.
 */
import type { FetchFailure, FetchOk } from '../../net/types';
import { check, type Check, type VerifyContext } from '../types';
import { decodeUtf8, isObject, parseJsonLenient, tooDeep, type JsonObject } from './json';
import { upgradeNode, type NodeClass, type Ob2Version } from './version';
import { isUrl } from './vocab';

export const ACCEPT_JSON = 'application/ld+json, application/json';
export { MAX_DEPTH } from '../depth';
import { MAX_DEPTH } from '../depth';

export interface FetchedNode {
  readonly node: JsonObject;
  readonly version: Ob2Version;
  /** The URL the node was finally read from. */
  readonly url: string;
  /** After redirects. */
  readonly finalUrl: string;
  /** Upgrade problems (no id…). */
  readonly problems: readonly string[];
}

export type NodeFetch =
  | { readonly ok: true; readonly value: FetchedNode; readonly checks: Check[] }
  | { readonly ok: false; readonly failure: FetchFailure; readonly checks: Check[] }
  | {
      readonly ok: false;
      readonly failure: null;
      readonly reason: 'BAD_JSON' | 'TOO_DEEP' | 'NOT_A_BADGE';
      readonly url: string;
      readonly checks: Check[];
    };

/** Two URLs are the same resource (scheme/host case and default ports normalised by URL). */
export function sameUrl(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a === b) return true;
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    ua.hash = '';
    ub.hash = '';
    return ua.href === ub.href;
  } catch {
    return false;
  }
}

export async function getRaw(ctx: VerifyContext, url: string) {
  return ctx.net.fetch(url, { accept: ACCEPT_JSON, allowHttp: true, ...(ctx.signal ? { signal: ctx.signal } : {}) });
}

/** Parse a fetched body as an OB node; null with a reason when it is not one. */
export function parseBody(
  res: FetchOk | { body: Uint8Array },
): { ok: true; doc: JsonObject } | { ok: false; reason: 'BAD_JSON' | 'TOO_DEEP' | 'NOT_A_BADGE' } {
  const parsed = parseJsonLenient(decodeUtf8(res.body));
  if (!parsed.ok) return { ok: false, reason: 'BAD_JSON' };
  if (!isObject(parsed.value)) return { ok: false, reason: 'NOT_A_BADGE' };
  if (tooDeep(parsed.value, MAX_DEPTH)) return { ok: false, reason: 'TOO_DEEP' };
  return { ok: true, doc: parsed.value };
}

async function fetchOnce(
  ctx: VerifyContext,
  url: string,
  expected: NodeClass | null,
): Promise<
  | { ok: true; value: FetchedNode }
  | { ok: false; failure: FetchFailure }
  | { ok: false; failure: null; reason: 'BAD_JSON' | 'TOO_DEEP' | 'NOT_A_BADGE' }
> {
  const res = await getRaw(ctx, url);
  if (!res.ok) return { ok: false, failure: res };
  const parsed = parseBody(res);
  if (!parsed.ok) return { ok: false, failure: null, reason: parsed.reason };
  const up = upgradeNode(parsed.doc, { nodeUrl: url, expected });
  return {
    ok: true,
    value: { node: up.node, version: up.version, url, finalUrl: res.finalUrl || url, problems: up.problems },
  };
}

/**
 * Fetch a node; on an id mismatch, warn and read the declared id once. When that second read fails
 * or disagrees again, the first copy is kept (the warning stays).
 */
export async function fetchNode(ctx: VerifyContext, url: string, expected: NodeClass | null): Promise<NodeFetch> {
  const first = await fetchOnce(ctx, url, expected);
  if (!first.ok) {
    if (first.failure) return { ok: false, failure: first.failure, checks: [] };
    return { ok: false, failure: null, reason: first.reason, url, checks: [] };
  }
  const declared = first.value.node['id'];
  if (typeof declared !== 'string' || sameUrl(declared, url) || sameUrl(declared, first.value.finalUrl)) {
    return { ok: true, value: first.value, checks: [] };
  }
  const checks = [check('fetch', 'warn', 'ID_MISMATCH', { url, id: declared })];
  if (isUrl(declared)) {
    const second = await fetchOnce(ctx, declared, expected);
    if (second.ok && sameUrl(second.value.node['id'], declared)) return { ok: true, value: second.value, checks };
  }
  return { ok: true, value: first.value, checks };
}
