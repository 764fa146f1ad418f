/**
 * The verification pipeline: any payload an earner holds (file bytes, pasted text, an extracted
 * badge, a URL) → one Report. It detects the version and proof format, hands over to the OB 1.x/2.0
 * or OB 3.0 path, and reduces the checks to a verdict. It never throws: a bug becomes an
 * INTERNAL_ERROR check in a report that still comes back.
 */
import { extract } from '../baking';
import type { Extracted, ExtractError, ExtractWarning } from '../baking/types';
import { verifyOb2Json, verifyOb2Jws, verifyOb2Url } from './ob2';
import { ACCEPT_JSON } from './ob2/fetch';
import { isOb3Credential, verifyOb3Credential, verifyOb3Jwt } from './ob3';
import { check, type Check, type Outcome, type Report, type VerifyContext } from './types';
import { verdictOf } from './verdict';
import { netFailureCheck } from './netCodes';
import { forDisplayDeep } from '../model/text';
import type { Badge } from '../model/badge';

/**
 * The normalised badge is what views show: every string clipped to a length a page can lay out and
 * its direction controls closed (see ../model/text); images stay whole. Checks read the payload.
 */
const WHOLE = new Set(['image']);
const shown = (badge: Badge | null): Badge | null => (badge === null ? null : forDisplayDeep(badge, WHOLE));

export { verdictOf } from './verdict';
export type { Report, Check, Verdict, VerifyContext, Identities } from './types';

export type VerifyInput =
  /** A file's bytes (PNG, SVG, JSON, JWS/JWT or URL text): extracted first. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** Pasted text: JSON, a compact JWS/JWT or a URL. */
  | { readonly kind: 'text'; readonly text: string }
  /** A payload already extracted (the backpack stores these). */
  | { readonly kind: 'extracted'; readonly extracted: Extracted };

/** A report, plus what extraction said about the container when there was one. */
export interface PipelineReport extends Report {
  readonly extraction: { readonly container: Extracted['container']; readonly warnings: readonly ExtractWarning[] } | null;
  /** Set when the input could not be read as a badge at all. */
  readonly extractError: ExtractError | null;
}

const encoder = new TextEncoder();

export async function verify(input: VerifyInput, ctx: VerifyContext): Promise<PipelineReport> {
  const checkedAt = ctx.now().toISOString();
  try {
    let extracted: Extracted;
    if (input.kind === 'extracted') {
      extracted = input.extracted;
    } else {
      const bytes = input.kind === 'bytes' ? input.bytes : encoder.encode(input.text);
      const result = extract(bytes);
      if (!result.ok && result.error.code === 'BAD_PAYLOAD' && result.error.params?.['reason'] === 'json') {
        // Not strict JSON, such as OB 1.x/2.0 JSON with // comments: the OB 2.0 path reads it leniently,
        // as 1EdTech's validator does, and reports BAD_JSON itself when it cannot.
        const outcome = await verifyOb2Json(new TextDecoder().decode(bytes), ctx, { source: 'json' });
        return { verdict: verdictOf(outcome.checks), checks: outcome.checks, badge: shown(outcome.badge), checkedAt, extraction: null, extractError: null };
      }
      if (!result.ok) {
        const checks = [check('parse', 'fail', 'NOT_A_BADGE', { reason: result.error.code })];
        return { verdict: 'invalid', checks, badge: null, checkedAt, extraction: null, extractError: result.error };
      }
      extracted = result.value;
    }
    const outcome = await verifyPayload(extracted, ctx, 0);
    return {
      verdict: verdictOf(outcome.checks),
      checks: outcome.checks,
      badge: shown(outcome.badge),
      checkedAt,
      extraction: { container: extracted.container, warnings: extracted.warnings },
      extractError: null,
    };
  } catch (e) {
    const checks = [check('parse', 'fail', 'INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e) })];
    return { verdict: 'invalid', checks, badge: null, checkedAt, extraction: null, extractError: null };
  }
}

/** Dispatch on the payload's kind. `depth` bounds a URL that answers with another baked image. */
async function verifyPayload(x: Extracted, ctx: VerifyContext, depth: number): Promise<Outcome> {
  switch (x.payloadKind) {
    case 'jws':
      return verifyOb2Jws(x.payload, ctx);
    case 'jwt':
      return verifyOb3Jwt(x.payload, ctx);
    case 'json': {
      let doc: unknown;
      try {
        doc = JSON.parse(x.payload);
      } catch {
        // OB 1.x/2.0 JSON with comments or other leniencies: the OB 2.0 path reads it as validator-core does.
        return verifyOb2Json(x.payload, ctx, { source: x.container === 'json' ? 'json' : 'baked' });
      }
      return isOb3Credential(doc)
        ? verifyOb3Credential(doc, ctx)
        : verifyOb2Json(doc, ctx, { source: x.container === 'json' ? 'json' : 'baked' });
    }
    case 'url':
      return verifyUrl(x.payload, ctx, depth);
  }
}

/**
 * A URL: usually an OB 1.x/2.0 hosted assertion. Whatever it answers decides the path: JSON of an
 * OB 3.0 credential, a JWS/JWT, a baked image (once), or a hosted assertion (the OB 2.0 path fetches
 * it again through the same cache, and owns the hosted rules: scope, 410, revoked…).
 */
async function verifyUrl(url: string, ctx: VerifyContext, depth: number): Promise<Outcome> {
  const fetched = await ctx.net.fetch(url, {
    // The OB 2.0 path's own Accept, so that its fetch of the same URL is answered from the cache.
    accept: ACCEPT_JSON,
    allowHttp: true,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!fetched.ok) {
    // 410 Gone and other HTTP answers carry meaning for hosted badges: the OB 2.0 path reads them.
    if (fetched.code === 'HTTP_ERROR') return verifyOb2Url(url, ctx);
    return { checks: [netFailureCheck('fetch', fetched)], badge: null };
  }
  const inner = extract(fetched.body);
  if (inner.ok && depth === 0 && (inner.value.container === 'png' || inner.value.container === 'svg')) {
    return verifyPayload(inner.value, ctx, depth + 1);
  }
  if (inner.ok && inner.value.payloadKind === 'jwt') return verifyOb3Jwt(inner.value.payload, ctx);
  if (inner.ok && inner.value.payloadKind === 'jws') return verifyOb2Jws(inner.value.payload, ctx);
  if (inner.ok && inner.value.payloadKind === 'json') {
    try {
      const doc: unknown = JSON.parse(inner.value.payload);
      if (isOb3Credential(doc)) return verifyOb3Credential(doc, ctx);
    } catch {
      /* not strict JSON: the OB 2.0 path reads it leniently */
    }
  }
  return verifyOb2Url(url, ctx);
}

export type { Check as VerifyCheck };
