/**
 * Embedded proofs of the corpus credentials (1EdTech validator fixtures, DCC fixtures): the proof
 * part of the outcome their authors expect. Dates, status and conformance are the pipeline's
 * checks, so an expired or revoked credential with a good signature passes here.
 * The network is the corpus MOCKS.tsv map only (everything else: NOT_IN_DOCUMENT_MAP).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDataIntegrity } from '../../../../src/core/verify/ob3/dataIntegrity';
import { CORPUS, corpusJson, summary, testCtx, testNet } from './helpers';

const OB30 = '1edtech-dcpv/ob30';
const PASS_OFFLINE_ISSUER = ['signature:pass:OK', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP'];
const JSONLD_FAIL = ['context:fail:JSONLD_ERROR', 'signature:fail:JSONLD_ERROR', 'issuerKey:unchecked:NOT_CHECKED'];
const failed = (code: string) => [`signature:fail:${code}`, 'issuerKey:unchecked:NOT_CHECKED'];

/** 1EdTech OB 3.0 fixtures → expected proof checks (see tests/fixtures/corpus/manifest-proofs.tsv). */
const ob30: Record<string, string[]> = {
  'simple.json': PASS_OFFLINE_ISSUER,
  'simple.1ob': PASS_OFFLINE_ISSUER,
  'simple_v1.json': PASS_OFFLINE_ISSUER, // Ed25519Signature2020, VC 1.1
  'simple-eddsa-2022.json': ['signature:pass:OK', 'signature:warn:DEPRECATED_CRYPTOSUITE', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP'],
  // did:key that is not the issuer (urn:uuid): signature fine, key not confirmed.
  'simple-did-key-method.json': ['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED'],
  'simple-did-web-method.json': PASS_OFFLINE_ISSUER,
  'simple-context-alias.json': PASS_OFFLINE_ISSUER,
  'simple-context-version.json': PASS_OFFLINE_ISSUER,
  // "SomeProofType" is not defined by any context (1EdTech: one JSON-LD error); the other proof holds.
  'simple-multiple-proofs.json': [
    'context:fail:JSONLD_ERROR',
    'signature:pass:OK',
    'signature:warn:UNSUPPORTED_PROOF',
    'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP',
  ],
  'simple-err-proof-method.json': failed('KEY_INVALID'), // garbage in the z6Mk… fragment
  'simple-err-proof-method-no-scheme.json': failed('VERIFICATION_METHOD_INVALID'),
  'simple-err-proof-method-unknown-scheme.json': failed('VERIFICATION_METHOD_INVALID'),
  'simple-err-proof-method-unknown-did-method.json': failed('UNKNOWN_DID_METHOD'),
  'simple-err-proof-value.json': failed('TAMPERED'),
  // Dates are the pipeline's: these are authentic.
  'simple-err-expired.json': PASS_OFFLINE_ISSUER,
  'simple-err-issued.json': PASS_OFFLINE_ISSUER,
  'simple-err-issuer.json': ['signature:pass:OK', 'issuerKey:unchecked:NOT_CHECKED'],
  // Types replaced by undefined terms: not valid JSON-LD in safe mode (and the edit broke the proof).
  'simple-err-type.json': JSONLD_FAIL,
  'simple-err-context.json': JSONLD_FAIL,
  'simple-err-credential-subject-type.json': JSONLD_FAIL,
  'simple-err-credential-subject-identifier-type.json': JSONLD_FAIL,
  'simple-err-credential-subject-result-type.json': JSONLD_FAIL,
  'simple-err-credential-subject-achievement-result-description-type.json': JSONLD_FAIL,
  'simple-err-credential-subject-profile-type.json': JSONLD_FAIL,
  'simple-err-evidence-type.json': JSONLD_FAIL,
  'simple-err-issuer-type.json': JSONLD_FAIL,
  'simple-err-issuer-parentorg-type.json': JSONLD_FAIL,
  'simple-err-issuer-otheridentifier-type.json': JSONLD_FAIL,
  'complete.json': PASS_OFFLINE_ISSUER,
  // 1EdTechJsonSchemaValidator2019 used without the extensions context: relative @type.
  'complete_v1.json': JSONLD_FAIL,
  'endorsement-valid.json': PASS_OFFLINE_ISSUER,
  'endorsement-err-schema-status-refresh.json': failed('TAMPERED'),
  // did:web issuer whose DID document is not in the offline map.
  'credential-status-revoked.json': ['signature:unchecked:NOT_IN_DOCUMENT_MAP', 'issuerKey:unchecked:NOT_CHECKED'],
  'bit-string-list/testlist': PASS_OFFLINE_ISSUER,
  'bit-string-list/credential-status-revoked.json': PASS_OFFLINE_ISSUER,
  'bit-string-list/credential-status-revoked-blank-nodes.json': PASS_OFFLINE_ISSUER,
  // ecdsa-sd-2023 derived proofs are not supported: could not be checked (not "invalid").
  'sd/derivedcredential.json': ['signature:unchecked:UNSUPPORTED_PROOF', 'issuerKey:unchecked:NOT_CHECKED'],
};

describe('1EdTech OB 3.0 fixtures: embedded proofs', () => {
  for (const [file, expected] of Object.entries(ob30)) {
    it(file, async () => {
      const checks = await verifyDataIntegrity(corpusJson(`${OB30}/${file}`), testCtx());
      expect(summary(checks)).toEqual(expected);
    });
  }

  it('simple-err-issuer.json: no issuer id → key provenance not checked, with the reason', async () => {
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple-err-issuer.json`), testCtx());
    expect(checks.at(-1)!.params).toMatchObject({ reason: 'NO_ISSUER' });
  });

  it('a JSON-LD error names the offending term', async () => {
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/complete_v1.json`), testCtx());
    expect(checks[0]!.params).toMatchObject({ detail: 'relative @type reference', term: '1EdTechJsonSchemaValidator2019' });
  });

  it('simple.json with the issuer document served: the issuer document does not list the key → KEY_NOT_CONFIRMED', async () => {
    const net = testNet({ documents: new Map([['https://example.com/issuers/876543', { id: 'https://example.com/issuers/876543', type: 'Profile' }]]) });
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
  });

  it('simple.json whose issuer lists the key (by id) in its document → issuerKey pass', async () => {
    const vm = 'https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
    const profile = { id: 'https://example.com/issuers/876543', type: 'Profile', assertionMethod: [vm] };
    const net = testNet({ documents: new Map([['https://example.com/issuers/876543', profile]]) });
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:pass:OK']);
  });

  it('the issuer lists another key under the same method id → not confirmed', async () => {
    const vm = 'https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
    const other = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
    const profile = { id: 'https://example.com/issuers/876543', verificationMethod: [{ id: vm, type: 'Multikey', publicKeyMultibase: other }] };
    const net = testNet({ documents: new Map([['https://example.com/issuers/876543', profile]]) });
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
  });

  it('simple.json whose issuer answers 404: the issuer does not confirm the key (warning, not unchecked)', async () => {
    const net = testNet({ statuses: new Map([['https://example.com/issuers/876543', 404]]) });
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
    expect(checks[1]!.params).toMatchObject({ httpStatus: 404 });
  });

  it('simple.json whose issuer is unreachable (500): unchecked ISSUER_UNREACHABLE', async () => {
    const net = testNet({ statuses: new Map([['https://example.com/issuers/876543', 503]]) });
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:unchecked:ISSUER_UNREACHABLE']);
  });

  it('a proof with another purpose than assertionMethod fails PROOF_PURPOSE_INVALID', async () => {
    const doc = corpusJson(`${OB30}/simple.json`);
    const checks = await verifyDataIntegrity(doc, testCtx(), { expectedPurpose: 'authentication' });
    expect(summary(checks)[0]).toBe('signature:fail:PROOF_PURPOSE_INVALID');
  });

  it('no proof at all → NO_PROOF', async () => {
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple-noproof.json`), testCtx());
    expect(summary(checks)).toEqual(['signature:fail:NO_PROOF', 'issuerKey:unchecked:NOT_CHECKED']);
  });

  it('opts.issuerId overrides the document (an endorsement checked against its own issuer)', async () => {
    const checks = await verifyDataIntegrity(corpusJson(`${OB30}/simple.json`), testCtx(), { issuerId: 'https://someone.else/' });
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:fail:CONTROLLER_MISMATCH']);
  });
});

// ---------------------------------------------------------------------------------------------
// DCC fixtures (dcc-vc-test-fixtures, dcc-verifier-core): did:key and did:web (documents in MOCKS).
// ---------------------------------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const dccFiles = [
  ...walk(join(CORPUS, 'dcc-vc-test-fixtures/verifiableCredentials')),
  ...walk(join(CORPUS, 'dcc-verifier-core')),
]
  .filter((f) => f.endsWith('.json'))
  .map((f) => relative(CORPUS, f));

/** Exceptions to "signature and issuer key pass". */
const dccExceptions: Record<string, string[]> = {
  'dcc-verifier-core/eddsa/v2/safeModeBreaker.json': JSONLD_FAIL, // StatusList2021Entry without its context
  'dcc-verifier-core/v1/testVC.json': failed('TAMPERED'), // experimental: expected invalid
  // did:web:digitalcredentials.github.io:dcc-did-web-bad has no DID document (see its own test).
  'dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/badDidWeb.json': ['signature:unchecked:NOT_IN_DOCUMENT_MAP', 'issuerKey:unchecked:NOT_CHECKED'],
};

describe('DCC fixtures: embedded proofs (did:key, did:web, both signature types)', () => {
  it('covers the DCC fixtures', () => {
    expect(dccFiles.length).toBeGreaterThan(70);
  });
  for (const file of dccFiles) {
    it(file.replace(/^dcc-/, ''), async () => {
      const checks = await verifyDataIntegrity(corpusJson(file), testCtx());
      expect(summary(checks)).toEqual(dccExceptions[file] ?? ['signature:pass:OK', 'issuerKey:pass:OK']);
    });
  }

  it('safeModeBreaker.json fails with JSONLD_ERROR "relative @type reference"', async () => {
    const checks = await verifyDataIntegrity(corpusJson('dcc-verifier-core/eddsa/v2/safeModeBreaker.json'), testCtx());
    expect(checks[0]).toMatchObject({ id: 'context', status: 'fail', code: 'JSONLD_ERROR', params: { detail: 'relative @type reference', term: 'StatusList2021Entry' } });
  });

  it('badDidWeb.json: the DID host answers 404 → the DID has no document → DID_UNRESOLVABLE (invalid, as the DCC)', async () => {
    const url = 'https://digitalcredentials.github.io/dcc-did-web-bad/did.json';
    const checks = await verifyDataIntegrity(
      corpusJson('dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/badDidWeb.json'),
      testCtx(testNet({ statuses: new Map([[url, 404]]) })),
    );
    expect(summary(checks)).toEqual(['signature:fail:DID_UNRESOLVABLE', 'issuerKey:unchecked:NOT_CHECKED']);
    expect(checks[0]!.params).toMatchObject({ url, httpStatus: 404 });
  });

  it('a did:web whose host is unreachable (offline) → unchecked OFFLINE, not invalid', async () => {
    const net = { fetch: async (url: string) => ({ ok: false as const, url, code: 'OFFLINE' as const }) };
    const checks = await verifyDataIntegrity(
      corpusJson('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json'),
      testCtx(net),
    );
    expect(summary(checks)).toEqual(['signature:unchecked:OFFLINE', 'issuerKey:unchecked:NOT_CHECKED']);
  });

  it('a did:web DID document that is not the DID\'s (id differs) → DID_UNRESOLVABLE', async () => {
    const url = 'https://digitalcredentials.github.io/vc-test-fixtures/dids/oidf/did.json';
    const doc = corpusJson('dcc-vc-test-fixtures/dids/oidf/did.json');
    const net = testNet({ documents: new Map([[url, { ...doc, id: 'did:web:evil.example' }]]) });
    const checks = await verifyDataIntegrity(
      corpusJson('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didweb/oidf-noStatus-notExpired.json'),
      testCtx(net),
    );
    expect(summary(checks)[0]).toBe('signature:fail:DID_UNRESOLVABLE');
  });

  it('the same DID document serves the signature and the provenance: fetched once', async () => {
    const net = testNet();
    await verifyDataIntegrity(
      corpusJson('dcc-vc-test-fixtures/verifiableCredentials/v1/bothSignatureTypes/didWeb/legacy-noStatus-noExpiry.json'),
      testCtx(net),
    );
    expect(net.requests).toEqual(['https://digitalcredentials.github.io/vc-test-fixtures/dids/legacy/did.json']);
  });
});
