/**
 * What verification says. A report is a list of checks, never a single boolean: "revoked",
 * "expired but authentic", "tampered", "issuer unreachable", "blocked by the browser (CORS)",
 * "offline" and "not checked" are distinct codes, turned into sentences only by the UI and CLI.
 */
import type { Net } from '../net/types';
import type { Badge } from '../model/badge';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'unchecked';

/** Which question a check answers. Order in a report follows the pipeline. */
export type CheckId =
  | 'parse' // the payload could be read as a badge at all
  | 'version' // which Open Badges version, upgrade from 0.5/1.x
  | 'fetch' // OB 1.x/2.0 hosted: the assertion fetched from its id
  | 'scope' // OB 2.0 hosted: verification scope (origin, startsWith, allowedOrigins)
  | 'context' // JSON-LD @context conformance
  | 'type' // type conformance (Assertion, OpenBadgeCredential…)
  | 'schema' // structural conformance (required properties, subject, issuer, evidence types…)
  | 'image' // image rules (OB 2.0: Assertion image not a data URI…)
  | 'signature' // JWS / VC-JWT / Data Integrity proof
  | 'issuerKey' // key provenance: the key is controlled by the issuer
  | 'status' // revocation / suspension
  | 'validFrom' // not before
  | 'expiry' // not after
  | 'recipient' // issued to one of the earner's identities
  | 'endorsements'; // embedded endorsements

/**
 * Reason codes. A pass carries 'OK' (or a more precise code); everything else says why.
 * Keep this list the single source: messages (en/fr) are checked against it.
 */
export const CHECK_CODES = [
  'OK',
  // generic / honest states
  'NOT_CHECKED', // deliberately not checked (e.g. no identities to compare, no status entry)
  'NOT_APPLICABLE',
  'OFFLINE',
  'CORS_BLOCKED',
  'TIMEOUT',
  'ISSUER_UNREACHABLE', // network failure or 5xx at the issuer
  'HTTP_ERROR',
  'NOT_FOUND', // 404
  'RESPONSE_TOO_LARGE',
  'INSECURE_URL', // http: where https: is required
  'INSECURE_HTTP', // http: accepted with a warning (OB 1.x/2.0 hosted)
  'BAD_URL',
  'NOT_IN_DOCUMENT_MAP',
  // parse / version
  'BAD_JSON',
  'BAD_JWS',
  'NOT_A_BADGE',
  'UNKNOWN_VERSION',
  'UPGRADED_FROM_0_5',
  'UPGRADED_FROM_1_0',
  'UPGRADED_FROM_1_1',
  'VERSION_MISMATCH',
  'TOO_DEEP',
  // hosted
  'ID_MISMATCH', // fetched node declares another id (redirect) — warning
  'LOCAL_COPY_DIFFERS', // the earner's copy of a hosted assertion differs from the issuer's (warning)
  'OUT_OF_SCOPE',
  'ISSUER_NOT_HTTP',
  // conformance
  'CONTEXT_MISSING',
  'CONTEXT_ALIAS',
  'CONTEXT_OUTDATED',
  'CONTEXT_UNKNOWN_REMOTE', // a remote @context not bundled: refused by default
  'CONTEXT_UNAVAILABLE', // a bundled context file of the app could not be loaded (offline before first use): not checked
  'JSONLD_ERROR', // expansion failed (safe mode: relative @type, dropped terms…)
  'TYPE_MISSING',
  'TYPE_INVALID',
  'NOT_AN_OPEN_BADGE', // a verifiable credential that is not an Open Badge (CLR, status list, plain VC): verified as a VC, flagged (warning)
  'PROPERTY_MISSING',
  'PROPERTY_INVALID',
  'SUBJECT_INVALID',
  'ISSUER_INVALID',
  'EVIDENCE_INVALID',
  'SCHEMA_ERROR',
  'SCHEMA_UNAVAILABLE',
  'DATA_URI_NOT_ALLOWED',
  'IMAGE_UNAVAILABLE',
  // signature
  'TAMPERED', // signature does not match the content
  'ALG_NOT_ALLOWED', // none, HS*, or anything off the allow-list
  'KEY_NOT_FOUND',
  'KEY_INVALID', // e.g. a jwk header carrying a private part, unsupported key type
  'KEY_UNREACHABLE',
  'VERIFICATION_METHOD_INVALID', // not a URI, unknown scheme
  'UNKNOWN_DID_METHOD',
  'DID_UNRESOLVABLE',
  'UNSUPPORTED_PROOF', // unknown proof type / cryptosuite
  'DEPRECATED_CRYPTOSUITE', // eddsa-2022 (warning)
  'NO_PROOF',
  'PROOF_PURPOSE_INVALID',
  'CLAIMS_MISMATCH', // VC-JWT iss/jti/nbf/sub disagree with the credential
  'HEADER_INVALID', // VC-JWT header parameters off the profile
  // key provenance
  'KEY_NOT_CONFIRMED', // signature valid, but the issuer does not claim this key (warning)
  'KEY_OWNERSHIP_MISMATCH', // OB 2.0: creator not in issuer publicKey / key owner is not the issuer
  'CONTROLLER_MISMATCH',
  // status
  'REVOKED',
  'SUSPENDED',
  'NO_STATUS', // the credential has no status entry (pass: nothing to check)
  'STATUS_UNREACHABLE',
  'STATUS_LIST_INVALID', // the list's own proof fails, it is expired / not yet valid / malformed
  'STATUS_INDEX_OUT_OF_RANGE',
  'STATUS_TYPE_UNSUPPORTED',
  // dates
  'EXPIRED',
  'NOT_YET_VALID',
  'EXPIRES_BEFORE_ISSUED',
  'BAD_DATE',
  // recipient
  'RECIPIENT_MATCH',
  'RECIPIENT_NO_MATCH',
  'RECIPIENT_UNKNOWN_TYPE',
  'NO_IDENTITIES',
  // endorsements
  'ENDORSEMENTS_VALID',
  'ENDORSEMENT_INVALID',
  'NO_ENDORSEMENTS',
  'INTERNAL_ERROR', // a bug caught at the pipeline's edge: the report still comes back
] as const;

export type CheckCode = (typeof CHECK_CODES)[number];

/** Parameters shown in messages: plain data, never HTML. */
export type CheckParams = Readonly<Record<string, string | number | boolean>>;

export interface Check {
  readonly id: CheckId;
  readonly status: CheckStatus;
  readonly code: CheckCode;
  readonly params?: CheckParams;
}

export type Verdict = 'valid' | 'warning' | 'invalid' | 'unverified';

export interface Report {
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  /** The normalised badge, when the payload could be read at all. */
  readonly badge: Badge | null;
  /** ISO date-time of the verification (from the injected clock). */
  readonly checkedAt: string;
}

/** The earner's own identities, for the recipient check. */
export interface Identities {
  readonly emails: readonly string[];
  readonly urls: readonly string[];
  readonly others?: readonly string[]; // telephone, DIDs, account ids…
}

/** Everything a verification needs from outside, injected. */
export interface VerifyContext {
  readonly net: Net;
  readonly now: () => Date;
  readonly identities: Identities;
  /** Allow @context URLs that are not bundled to be fetched (off by default). */
  readonly allowRemoteContexts?: boolean;
  readonly signal?: AbortSignal;
}

/** The order of checks in a report: the pipeline's order. */
export const CHECK_ORDER: readonly CheckId[] = [
  'parse',
  'version',
  'fetch',
  'scope',
  'context',
  'type',
  'schema',
  'image',
  'signature',
  'issuerKey',
  'status',
  'validFrom',
  'expiry',
  'recipient',
  'endorsements',
];

/** Checks in pipeline order; checks of one kind keep their order (the sort is stable). */
export const inCheckOrder = (checks: readonly Check[]): Check[] =>
  [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));

export const check = (id: CheckId, status: CheckStatus, code: CheckCode, params?: CheckParams): Check =>
  params === undefined ? { id, status, code } : { id, status, code, params };

/** What one verification path (OB 2.0, OB 3.0 JSON-LD, VC-JWT…) hands back to the pipeline. */
export interface Outcome {
  readonly checks: Check[];
  readonly badge: Badge | null;
}
