/**
 * The end-to-end verification cases over a real HTTP(S) server, shared by the Node suite
 * (tests/core/verify/http/) and the Chromium suite (tests/browser/verify/): same inputs, same
 * server, same expectations, two runtimes.
 *
 * Each case says the verdict, every check that is not a pass (exactly, in report order, unless the
 * case says `problemsInclude` instead), the passes that matter, the params that carry meaning, and
 * the paths the fixture server must see (as a multiset: a second request for the same document is a
 * failure, not noise).
 */
import { expect } from 'vitest';
import type { Route } from '../../../support/fixtureServer';
import type { Check, Verdict } from '../../../../src/core/verify/types';
import {
  EARNER_DID,
  EARNER_EMAIL,
  GONE_REASON,
  REVOCATION_REASON,
  REVOKED_BODY_REASON,
  STATUS_CLEAR_INDEX,
  STATUS_REVOKED_INDEX,
  type HttpIssuer,
} from '../../../fixtures/ours/http/issuer';

/** The earner's identities: every badge of the fixture issuer is theirs. */
export const IDENTITIES = { emails: [EARNER_EMAIL], urls: [], others: [EARNER_DID] } as const;

/** The client timeout of the TIMEOUT case (the server waits SLOW_MS, far longer). */
export const SHORT_TIMEOUT_MS = 400;

export interface ExpectedParams {
  readonly id: Check['id'];
  readonly code: Check['code'];
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

export interface HttpCase {
  readonly name: string;
  readonly input: (issuer: HttpIssuer) => string;
  readonly timeoutMs?: number;
  /** Routes replaced for this case only (path → route), restored after it. */
  readonly swap?: (issuer: HttpIssuer) => Record<string, Route>;
  readonly verdict: Verdict;
  /** Every check that is not a pass, in report order, as id:status:code. */
  readonly problems?: readonly string[];
  /** …or only some of them (when the rest is a known bug reported elsewhere). */
  readonly problemsInclude?: readonly string[];
  /** Passes that must be in the report. */
  readonly passes: readonly string[];
  readonly params?: (issuer: HttpIssuer) => readonly ExpectedParams[];
  /** Paths (with query) the fixture server sees, sorted. */
  readonly requests: readonly string[];
}

const sorted = (paths: readonly string[]): string[] => [...paths].sort();
const OB2_GRAPH = ['/ob2/badgeclass.json', '/ob2/issuer.json'];

export const HTTP_CASES: readonly HttpCase[] = [
  {
    name: 'OB 2.0 hosted assertion, served with its BadgeClass and Profile → valid',
    input: (i) => i.inputs.ob2HostedValid,
    verdict: 'valid',
    problems: [],
    passes: ['fetch:pass:OK', 'scope:pass:OK', 'status:pass:OK', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [{ id: 'fetch', code: 'OK', params: { url: i.urls.ob2Valid } }],
    requests: sorted(['/ob2/assertions/valid.json', ...OB2_GRAPH]),
  },
  {
    name: 'OB 2.0 hosted assertion answering 410 Gone → invalid, REVOKED with the body’s reason',
    input: (i) => i.inputs.ob2HostedGone,
    verdict: 'invalid',
    problems: ['status:fail:REVOKED'],
    passes: ['scope:pass:OK', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [{ id: 'status', code: 'REVOKED', params: { url: i.urls.ob2Gone, httpStatus: 410, reason: GONE_REASON } }],
    requests: sorted(['/ob2/assertions/gone.json', ...OB2_GRAPH]),
  },
  {
    // The hosted copy is now the spec's revoked stub {id, revoked: true, revocationReason}; the
    // earner's copy (the full assertion) differs from it, so it is verified too (its BadgeClass and
    // Profile fetched) and LOCAL_COPY_DIFFERS is warned. The OB 2.0 path also reports the stub's
    // missing recipient/badge/verification/issuedOn as failures (a bug: see "known problems" in the
    // Node suite), so only these two are asserted among the problems here.
    name: 'OB 2.0 hosted assertion whose body says revoked: true → invalid, REVOKED with its reason',
    input: (i) => i.inputs.ob2HostedRevokedBody,
    verdict: 'invalid',
    problemsInclude: ['status:fail:REVOKED'],
    passes: ['fetch:pass:OK'],
    params: (i): ExpectedParams[] => [{ id: 'status', code: 'REVOKED', params: { url: i.urls.ob2RevokedBody, reason: REVOKED_BODY_REASON } }],
    requests: sorted(['/ob2/assertions/revoked.json', ...OB2_GRAPH]),
  },
  {
    name: 'OB 2.0 hosted assertion answering 500 → unverified, ISSUER_UNREACHABLE (not checked, not failed)',
    input: (i) => i.inputs.ob2HostedBroken,
    verdict: 'unverified',
    problems: ['fetch:unchecked:ISSUER_UNREACHABLE', 'status:unchecked:ISSUER_UNREACHABLE'],
    passes: ['scope:pass:OK', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [{ id: 'fetch', code: 'ISSUER_UNREACHABLE', params: { url: i.urls.ob2Broken, httpStatus: 500 } }],
    requests: sorted(['/ob2/assertions/broken.json', ...OB2_GRAPH]),
  },
  {
    name: 'OB 2.0 hosted assertion slower than the client timeout → unverified, TIMEOUT',
    input: (i) => i.inputs.ob2HostedSlow,
    timeoutMs: SHORT_TIMEOUT_MS,
    verdict: 'unverified',
    problems: ['fetch:unchecked:TIMEOUT', 'status:unchecked:TIMEOUT'],
    passes: ['scope:pass:OK'],
    params: (i): ExpectedParams[] => [{ id: 'fetch', code: 'TIMEOUT', params: { url: i.urls.ob2Slow } }],
    requests: sorted(['/ob2/assertions/slow.json', ...OB2_GRAPH]),
  },
  {
    name: 'OB 2.0 hosted over plain http on 127.0.0.1 → fetched (loopback), warning INSECURE_HTTP',
    input: (i) => i.inputs.ob2HostedPlainHttp,
    verdict: 'warning',
    problems: ['fetch:warn:INSECURE_HTTP'],
    passes: ['scope:pass:OK', 'status:pass:OK', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [{ id: 'fetch', code: 'INSECURE_HTTP', params: { url: i.urls.ob2HttpAssertion } }],
    requests: sorted(['/ob2-http/assertion.json', '/ob2-http/badgeclass.json', '/ob2-http/issuer.json']),
  },
  {
    name: 'OB 2.0 signed (RS256 JWS), key linked from the issuer Profile, not in the RevocationList → valid',
    input: (i) => i.inputs.ob2SignedValid,
    verdict: 'valid',
    problems: [],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK', 'status:pass:OK', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [
      { id: 'signature', code: 'OK', params: { key: i.urls.ob2Key } },
      { id: 'issuerKey', code: 'OK', params: { key: i.urls.ob2Key, issuer: i.urls.ob2Issuer } },
      { id: 'status', code: 'OK', params: { url: i.urls.ob2Revocations } },
    ],
    requests: sorted([...OB2_GRAPH, '/ob2/key.json', '/ob2/revocations.json']),
  },
  {
    name: 'OB 2.0 signed (RS256 JWS) listed in the issuer’s RevocationList → invalid, REVOKED with its reason',
    input: (i) => i.inputs.ob2SignedRevoked,
    verdict: 'invalid',
    problems: ['status:fail:REVOKED'],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK'],
    params: (i): ExpectedParams[] => [{ id: 'status', code: 'REVOKED', params: { url: i.urls.ob2Revocations, reason: REVOCATION_REASON } }],
    requests: sorted([...OB2_GRAPH, '/ob2/key.json', '/ob2/revocations.json']),
  },
  {
    name: 'OB 3.0 VC-JWT (ES256), kid = https URL of a JWK Set, key in the issuer’s /.well-known/jwks.json → valid',
    input: (i) => i.inputs.ob3VcJwt,
    verdict: 'valid',
    problems: [],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK', 'status:pass:NO_STATUS', 'recipient:pass:RECIPIENT_MATCH'],
    params: (i): ExpectedParams[] => [
      { id: 'signature', code: 'OK', params: { alg: 'ES256' } },
      { id: 'issuerKey', code: 'OK', params: { url: i.urls.jwks, kid: `${i.urls.ob3Keys}#es256-1`, issuer: i.urls.ob3Issuer } },
    ],
    requests: sorted(['/ob3/keys.json', '/.well-known/jwks.json']),
  },
  {
    // createNet refuses plain http except on loopback hosts (127.0.0.0/8, localhost), which it
    // treats as browsers do, as potentially trustworthy: the key is fetched, and nothing is warned.
    name: 'OB 3.0 VC-JWT whose kid is on plain http at 127.0.0.1 → fetched (loopback counts as secure, no warning), valid',
    input: (i) => i.inputs.ob3VcJwtHttpKid,
    verdict: 'valid',
    problems: [],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK'],
    params: (i): ExpectedParams[] => [
      { id: 'issuerKey', code: 'OK', params: { url: i.urls.jwks, kid: `${i.urls.ob3KeysHttp}#es256-1`, issuer: i.urls.ob3Issuer } },
    ],
    requests: sorted(['/ob3/keys.json', '/.well-known/jwks.json']),
  },
  {
    name: 'OB 3.0 Data Integrity (eddsa-rdfc-2022) by a did:web issuer whose DID document lists the key in assertionMethod → valid',
    input: (i) => i.inputs.ob3DataIntegrity,
    verdict: 'valid',
    problems: [],
    passes: ['context:pass:OK', 'signature:pass:OK', 'issuerKey:pass:OK', 'status:pass:NO_STATUS'],
    params: (i): ExpectedParams[] => [
      { id: 'signature', code: 'OK', params: { proof: 'DataIntegrityProof/eddsa-rdfc-2022', verificationMethod: `${i.did}#key-1` } },
      { id: 'issuerKey', code: 'OK', params: { verificationMethod: `${i.did}#key-1`, issuer: i.did } },
    ],
    requests: ['/.well-known/did.json'],
  },
  {
    // The method is in the DID document (verificationMethod, authentication) but not in
    // assertionMethod: Data Integrity's verification-relationship rule makes the proof itself fail.
    name: 'the same credential, DID document without the key in assertionMethod → invalid, PROOF_PURPOSE_INVALID',
    input: (i) => i.inputs.ob3DataIntegrity,
    swap: (i) => ({ [new URL(i.urls.didDocument).pathname]: i.didDocumentWithoutAssertionMethod }),
    verdict: 'invalid',
    problems: ['signature:fail:PROOF_PURPOSE_INVALID', 'issuerKey:unchecked:NOT_CHECKED'],
    passes: ['context:pass:OK', 'status:pass:NO_STATUS'],
    params: (i): ExpectedParams[] => [
      {
        id: 'signature',
        code: 'PROOF_PURPOSE_INVALID',
        params: { verificationMethod: `${i.did}#key-1`, url: i.urls.didDocument, relationship: 'assertionMethod' },
      },
    ],
    requests: ['/.well-known/did.json'],
  },
  {
    name: 'OB 3.0 BitstringStatusListEntry, the list (signed by the same did:web key) has the bit set → invalid, REVOKED',
    input: (i) => i.inputs.ob3StatusRevoked,
    verdict: 'invalid',
    problems: ['status:fail:REVOKED'],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK'],
    params: (i): ExpectedParams[] => [
      {
        id: 'status',
        code: 'REVOKED',
        params: { type: 'BitstringStatusListEntry', purpose: 'revocation', url: i.urls.statusList, index: STATUS_REVOKED_INDEX },
      },
    ],
    requests: sorted(['/.well-known/did.json', '/status/list-1']),
  },
  {
    name: 'OB 3.0 BitstringStatusListEntry, bit clear → valid',
    input: (i) => i.inputs.ob3StatusClear,
    verdict: 'valid',
    problems: [],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK', 'status:pass:OK'],
    params: (i): ExpectedParams[] => [{ id: 'status', code: 'OK', params: { url: i.urls.statusList, index: STATUS_CLEAR_INDEX } }],
    requests: sorted(['/.well-known/did.json', '/status/list-1']),
  },
  {
    name: 'OB 3.0 status list URL answering 500 → status not checked (ISSUER_UNREACHABLE), verdict warning',
    input: (i) => i.inputs.ob3StatusBroken,
    verdict: 'warning',
    problems: ['status:unchecked:ISSUER_UNREACHABLE'],
    passes: ['signature:pass:OK', 'issuerKey:pass:OK'],
    params: (i): ExpectedParams[] => [{ id: 'status', code: 'ISSUER_UNREACHABLE', params: { url: i.urls.statusBroken, httpStatus: 500 } }],
    requests: sorted(['/.well-known/did.json', '/status/broken']),
  },
];

/** id:status:code of each check. */
export const summary = (checks: readonly Check[]): string[] => checks.map((c) => `${c.id}:${c.status}:${c.code}`);
/** id:status:code of each check that is not a pass. */
export const problemsOf = (checks: readonly Check[]): string[] => summary(checks.filter((c) => c.status !== 'pass'));

/** What a runtime hands back: the report (or its JSON) and the paths the server saw meanwhile. */
export interface CaseRun {
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly requests: readonly string[];
}

/** Asserts one case's expectations on a run (Node or Chromium). */
export function expectCase(c: HttpCase, issuer: HttpIssuer, run: CaseRun): void {
  const problems = problemsOf(run.checks);
  if (c.problems) {
    expect({ verdict: run.verdict, problems }).toEqual({ verdict: c.verdict, problems: [...c.problems] });
  } else {
    expect(run.verdict).toBe(c.verdict);
    for (const p of c.problemsInclude ?? []) expect(problems).toContain(p);
  }
  const all = summary(run.checks);
  for (const pass of c.passes) expect(all).toContain(pass);
  for (const e of c.params?.(issuer) ?? []) {
    const found = run.checks.find((ch) => ch.id === e.id && ch.code === e.code);
    expect(found?.params, `${e.id}:${e.code} params`).toMatchObject(e.params);
  }
  expect([...run.requests].sort(), 'requests seen by the fixture server').toEqual(c.requests);
}
