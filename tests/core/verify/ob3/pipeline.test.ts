/**
 * The OB 3.0 orchestration (src/core/verify/ob3/index.ts): order of checks, no proof, the VC-JWT
 * path, embedded endorsements, refresh service, dates of plain VCs, and "never throws".
 * Proofs are answered by TEST DOUBLES of the Data Integrity and VC-JWT verifiers (other engineers'
 * modules, tested on their own and, through these same functions, in corpus.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createOb3Verifier, isOb3Credential, MAX_ENDORSEMENT_DEPTH, type Ob3Deps } from '../../../../src/core/verify/ob3';
import { check, type Check, type VerifyContext } from '../../../../src/core/verify/types';
import { verdictOf } from '../../../../src/core/verify/verdict';
import { corpusNet, ctxWith, fakeJwtVerifier, fakeProofVerifier, mapNet, readCorpusJson, unsignedJwt, type ProofAnswer } from './support';

const OB30 = '1edtech-dcpv/ob30/';

function verifier(proof: ProofAnswer | ((doc: Record<string, unknown>) => ProofAnswer) = 'valid', extra: Partial<Ob3Deps> = {}) {
  const di = fakeProofVerifier(proof);
  return { di, ...createOb3Verifier({ verifyDataIntegrity: di, verifyVcJwt: fakeJwtVerifier('valid'), ...extra }) };
}

const ids = (checks: readonly Check[]) => checks.map((c) => c.id);
const find = (checks: readonly Check[], id: Check['id']) => checks.filter((c) => c.id === id);

describe('an embedded-proof credential', () => {
  it('simple.json: every step, in the pipeline’s order, and a normalised badge', async () => {
    const { verifyOb3Credential, di } = verifier();
    const doc = readCorpusJson(`${OB30}simple.json`);
    const outcome = await verifyOb3Credential(doc, ctxWith(mapNet({})));
    expect(ids(outcome.checks)).toEqual(['context', 'type', 'schema', 'signature', 'issuerKey', 'status', 'validFrom', 'expiry', 'recipient', 'endorsements']);
    expect(outcome.checks.filter((c) => c.status !== 'pass')).toEqual([{ id: 'recipient', status: 'unchecked', code: 'NO_IDENTITIES' }]);
    expect(verdictOf(outcome.checks)).toBe('valid');
    expect(outcome.badge).toMatchObject({ obVersion: '3.0', proof: 'data-integrity', name: 'Teamwork', issuer: { id: 'https://example.com/issuers/876543' } });
    // The proof verifier is asked for assertionMethod, with the issuer named.
    expect(di.calls).toHaveLength(1);
  });

  it('expired but authentic: the signature still passes, expiry fails', async () => {
    const { verifyOb3Credential } = verifier();
    const outcome = await verifyOb3Credential(readCorpusJson(`${OB30}simple-err-expired.json`), ctxWith(mapNet({})));
    expect(find(outcome.checks, 'signature')).toEqual([{ id: 'signature', status: 'pass', code: 'OK' }]);
    expect(find(outcome.checks, 'expiry')).toEqual([{ id: 'expiry', status: 'fail', code: 'EXPIRED', params: { date: '2010-01-01T00:00:00.000Z' } }]);
  });

  it('no proof and no VC-JWT → signature fail NO_PROOF (simple-noproof.json)', async () => {
    const { verifyOb3Credential, di } = verifier();
    const outcome = await verifyOb3Credential(readCorpusJson(`${OB30}simple-noproof.json`), ctxWith(mapNet({})));
    expect(find(outcome.checks, 'signature')).toEqual([{ id: 'signature', status: 'fail', code: 'NO_PROOF' }]);
    expect(di.calls).toEqual([]);
    expect(outcome.badge?.proof).toBe('none');
  });

  it('a tampered proof → invalid', async () => {
    const { verifyOb3Credential } = verifier('tampered');
    expect(verdictOf((await verifyOb3Credential(readCorpusJson(`${OB30}simple.json`), ctxWith(mapNet({})))).checks)).toBe('invalid');
  });

  it('a recipient identity given by the earner is compared (complete.json: plaintext e-mail identifier)', async () => {
    const { verifyOb3Credential } = verifier();
    const ctx: VerifyContext = { ...ctxWith(await corpusNet()), identities: { emails: ['student@1edtech.edu'], urls: [] } };
    const outcome = await verifyOb3Credential(readCorpusJson(`${OB30}complete.json`), ctx);
    expect(find(outcome.checks, 'recipient')).toEqual([{ id: 'recipient', status: 'pass', code: 'RECIPIENT_MATCH', params: { identity: 'student@1edtech.edu' } }]);
  });
});

describe('the VC-JWT path', () => {
  it('verifyOb3Jwt merges the JWT’s checks with the credential’s, without looking for an embedded proof', async () => {
    const { verifyOb3Jwt, di } = verifier();
    const credential = readCorpusJson(`${OB30}simple-noproof.json`);
    const outcome = await verifyOb3Jwt(unsignedJwt(credential), ctxWith(mapNet({})));
    expect(find(outcome.checks, 'signature')).toEqual([{ id: 'signature', status: 'pass', code: 'OK' }]);
    expect(di.calls).toEqual([]);
    expect(outcome.badge?.proof).toBe('vc-jwt');
    expect(ids(outcome.checks)[0]).toBe('context');
  });

  it('a JWT that does not verify or carries no credential', async () => {
    const tampered = createOb3Verifier({ verifyDataIntegrity: fakeProofVerifier(), verifyVcJwt: fakeJwtVerifier('tampered') });
    const outcome = await tampered.verifyOb3Jwt(unsignedJwt(readCorpusJson(`${OB30}simple-noproof.json`)), ctxWith(mapNet({})));
    expect(verdictOf(outcome.checks)).toBe('invalid');
    const garbage = await tampered.verifyOb3Jwt('a.b.c', ctxWith(mapNet({})));
    expect(garbage).toEqual({ checks: [{ id: 'signature', status: 'fail', code: 'BAD_JWS' }], badge: null });
  });

  it('with opts.jwt, an embedded proof that is present is verified too', async () => {
    const { verifyOb3Credential, di } = verifier();
    await verifyOb3Credential(readCorpusJson(`${OB30}simple.json`), ctxWith(mapNet({})), { jwt: 'x.y.z' });
    expect(di.calls).toHaveLength(1);
  });
});

describe('embedded endorsements', () => {
  const endorsement = (id: string, extra: Record<string, unknown> = {}) => ({
    ...readCorpusJson(`${OB30}endorsement-valid.json`),
    id,
    ...extra,
  });

  it('none → pass NO_ENDORSEMENTS', async () => {
    const { verifyOb3Credential } = verifier();
    const outcome = await verifyOb3Credential(readCorpusJson(`${OB30}simple.json`), ctxWith(mapNet({})));
    expect(find(outcome.checks, 'endorsements')).toEqual([{ id: 'endorsements', status: 'pass', code: 'NO_ENDORSEMENTS' }]);
  });

  it('every endorsement, object or JWT, in the credential, achievement and issuer, is verified', async () => {
    const { verifyOb3Credential, di } = verifier();
    const doc = readCorpusJson(`${OB30}simple.json`);
    const subject = doc['credentialSubject'] as Record<string, unknown>;
    const withEndorsements = {
      ...doc,
      endorsement: [endorsement('urn:e:1')],
      endorsementJwt: [unsignedJwt(endorsement('urn:e:2'))],
      issuer: { ...(doc['issuer'] as object), endorsement: endorsement('urn:e:3') },
      credentialSubject: { ...subject, achievement: { ...(subject['achievement'] as object), endorsement: [endorsement('urn:e:4')] } },
    };
    const outcome = await verifyOb3Credential(withEndorsements, ctxWith(mapNet({})));
    expect(find(outcome.checks, 'endorsements')).toEqual([{ id: 'endorsements', status: 'pass', code: 'ENDORSEMENTS_VALID', params: { count: 4 } }]);
    expect(outcome.badge?.endorsementCount).toBe(4);
    // The credential's own proof + the endorsements' embedded proofs (the JWT one carries one too).
    expect(di.calls.map((d) => d['id']).sort()).toEqual(['http://example.com/credentials/3527', 'urn:e:1', 'urn:e:2', 'urn:e:3', 'urn:e:4']);
  });

  it('a bad endorsement is a warning on the credential, not a failure: tampered, expired, or not an EndorsementCredential', async () => {
    const { verifyOb3Credential } = verifier((doc) => (doc['id'] === 'urn:e:tampered' ? 'tampered' : 'valid'));
    const notAnEndorsement = readCorpusJson(`${OB30}simple.json`);
    const doc = {
      ...readCorpusJson(`${OB30}simple.json`),
      endorsement: [
        endorsement('urn:e:fine'),
        endorsement('urn:e:tampered'),
        endorsement('urn:e:expired', { validUntil: '2020-01-01T00:00:00Z' }),
        notAnEndorsement,
      ],
    };
    const outcome = await verifyOb3Credential(doc, ctxWith(mapNet({})));
    expect(find(outcome.checks, 'endorsements')).toEqual([
      { id: 'endorsements', status: 'warn', code: 'ENDORSEMENT_INVALID', params: { count: 4, failed: 3 } },
    ]);
    expect(verdictOf(outcome.checks)).toBe('warning');
  });

  it(`follows endorsements ${MAX_ENDORSEMENT_DEPTH} levels deep, no further`, async () => {
    const seen: number[] = [];
    const base = createOb3Verifier({ verifyDataIntegrity: fakeProofVerifier(), verifyVcJwt: fakeJwtVerifier() });
    const { verifyOb3Credential } = createOb3Verifier({
      verifyDataIntegrity: fakeProofVerifier(),
      verifyVcJwt: fakeJwtVerifier(),
      // A spy around the real recursion: records the depth, then verifies as the pipeline does.
      verifyEndorsement: async (e, ctx, depth) => {
        seen.push(depth);
        return e.kind === 'object' ? base.verifyOb3Credential(e.doc, ctx, { depth }) : base.verifyOb3Jwt(e.jwt, ctx, { depth });
      },
    });
    const level3 = endorsement('urn:e:3');
    const level2 = endorsement('urn:e:2', { issuer: { id: 'https://x.example', type: 'Profile', endorsement: [level3] } });
    const level1 = endorsement('urn:e:1', { issuer: { id: 'https://y.example', type: 'Profile', endorsement: [level2] } });
    const doc = { ...readCorpusJson(`${OB30}simple.json`), endorsement: [level1] };
    const outcome = await verifyOb3Credential(doc, ctxWith(mapNet({})));
    expect(find(outcome.checks, 'endorsements')).toEqual([{ id: 'endorsements', status: 'pass', code: 'ENDORSEMENTS_VALID', params: { count: 1 } }]);
    // Our injected verifier sees depth 1 only; the base pipeline then checks level 2 and stops before level 3.
    expect(seen).toEqual([1]);
    const atDepth2 = await base.verifyOb3Credential(level2, ctxWith(mapNet({})), { depth: 2 });
    expect(find(atDepth2.checks, 'endorsements')).toEqual([{ id: 'endorsements', status: 'unchecked', code: 'TOO_DEEP', params: { count: 1 } }]);
  });

  it('endorsements of the credentials a CLR embeds are not the CLR’s', async () => {
    const { verifyOb3Credential } = verifier();
    const outcome = await verifyOb3Credential(readCorpusJson('1edtech-dcpv/clr20/simple_v1.json'), ctxWith(await corpusNet()));
    expect(find(outcome.checks, 'endorsements')).toEqual([{ id: 'endorsements', status: 'pass', code: 'NO_ENDORSEMENTS' }]);
    expect(find(outcome.checks, 'type')).toMatchObject([{ status: 'warn', code: 'NOT_AN_OPEN_BADGE', params: { kind: 'clr' } }]);
  });
});

describe('what is deliberately not done', () => {
  it('the refresh service is never fetched (endorsement-err-schema-status-refresh: invalid for its schema)', async () => {
    const { verifyOb3Credential } = verifier();
    const net = mapNet({});
    const outcome = await verifyOb3Credential(readCorpusJson(`${OB30}endorsement-err-schema-status-refresh.json`), ctxWith(net));
    expect(net.requests).not.toContain('http://state.gov/credentials/3732');
    expect(net.requests.sort()).toEqual(['https://state.gov/credentials/3732/revocations', 'https://state.gov/schema/endorsementcredential.json']);
    expect(find(outcome.checks, 'schema')).toMatchObject([{ status: 'fail', code: 'SCHEMA_UNAVAILABLE' }]);
    expect(find(outcome.checks, 'status')).toMatchObject([{ status: 'warn', code: 'STATUS_UNREACHABLE' }]);
    expect(verdictOf(outcome.checks)).toBe('invalid');
  });
});

describe('plain VCs and odd inputs', () => {
  it('a VC 2.0 without validFrom (optional there) is not failed for it', async () => {
    const { verifyOb3Credential } = verifier();
    const doc = readCorpusJson('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json');
    const outcome = await verifyOb3Credential(doc, ctxWith(mapNet({})));
    expect(find(outcome.checks, 'validFrom')).toEqual([{ id: 'validFrom', status: 'pass', code: 'NOT_APPLICABLE' }]);
    expect(find(outcome.checks, 'type')).toMatchObject([{ status: 'warn', code: 'NOT_AN_OPEN_BADGE' }]);
    expect(verdictOf(outcome.checks)).toBe('warning');
  });

  it('never throws: not an object, a verifier that throws', async () => {
    const { verifyOb3Credential } = verifier();
    expect(await verifyOb3Credential('nope', ctxWith(mapNet({})))).toEqual({
      checks: [{ id: 'parse', status: 'fail', code: 'NOT_A_BADGE', params: { reason: 'not-an-object' } }],
      badge: null,
    });
    const throwing = createOb3Verifier({
      verifyDataIntegrity: async () => {
        throw new Error('boom');
      },
      verifyVcJwt: fakeJwtVerifier(),
    });
    const outcome = await throwing.verifyOb3Credential(readCorpusJson(`${OB30}simple.json`), ctxWith(mapNet({})));
    expect(outcome.checks).toEqual([check('parse', 'fail', 'INTERNAL_ERROR', { detail: 'boom' })]);
  });

  it('isOb3Credential: a W3C VC context, 1.1 or 2.0', () => {
    expect(isOb3Credential(readCorpusJson(`${OB30}simple.json`))).toBe(true);
    expect(isOb3Credential(readCorpusJson(`${OB30}simple_v1.json`))).toBe(true);
    expect(isOb3Credential({ '@context': 'https://www.w3.org/ns/credentials/v2' })).toBe(true);
    expect(isOb3Credential({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' })).toBe(false);
    expect(isOb3Credential(null)).toBe(false);
    expect(isOb3Credential([])).toBe(false);
  });
});
