/**
 * The OB 3.0 conformance probes (1EdTech OB30Inspector order) on 1EdTech's own negative fixtures,
 * each error at its level and naming its property path.
 */
import { describe, expect, it } from 'vitest';
import {
  conformanceChecks,
  contextChecks,
  credentialKind,
  inlineSchemaChecks,
  typeChecks,
  vcVersionOf,
} from '../../../../src/core/verify/ob3/conformance';
import type { Check } from '../../../../src/core/verify/types';
import { corpusNet, ctxWith, mapNet, readCorpusJson } from './support';

const OB30 = '1edtech-dcpv/ob30/';
const problems = (checks: Check[]) => checks.filter((c) => c.status !== 'pass');
const brief = (checks: Check[]) => problems(checks).map((c) => [c.id, c.status, c.code, c.params?.['path'] ?? c.params?.['position'] ?? null]);

describe('a conformant credential', () => {
  it('simple.json: one pass per probe', () => {
    expect(conformanceChecks(readCorpusJson(`${OB30}simple.json`))).toEqual([
      { id: 'context', status: 'pass', code: 'OK' },
      { id: 'type', status: 'pass', code: 'OK' },
      { id: 'schema', status: 'pass', code: 'OK' },
    ]);
  });

  it('complete.json (every optional part) passes the structural probes', () => {
    expect(problems(conformanceChecks(readCorpusJson(`${OB30}complete.json`)))).toEqual([]);
  });

  it('the spec’s signed test vector and a DCC VC 2.0 badge pass', () => {
    expect(problems(conformanceChecks(readCorpusJson('1edtech-ob-spec/ob3-ldp-testvector-signed.json')))).toEqual([]);
    expect(problems(conformanceChecks(readCorpusJson('dcc-verifier-core/v2/v2NoStatus.json')))).toEqual([]);
  });
});

describe('ContextPropertyProbe', () => {
  it('a missing VC context → fail CONTEXT_MISSING at position 1 (simple-err-context)', () => {
    expect(brief(contextChecks(readCorpusJson(`${OB30}simple-err-context.json`), 'achievement'))).toEqual([
      ['context', 'fail', 'CONTEXT_MISSING', 1],
    ]);
  });

  it('an older OB context version → warn CONTEXT_OUTDATED (simple-context-version, 3.0.2)', () => {
    expect(contextChecks(readCorpusJson(`${OB30}simple-context-version.json`), 'achievement')).toEqual([
      {
        id: 'context',
        status: 'warn',
        code: 'CONTEXT_OUTDATED',
        params: {
          position: 2,
          expected: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
          found: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
        },
      },
    ]);
  });

  it('VC 1.1 with the unversioned OB context → two warnings (simple_v1: 1EdTech says warning)', () => {
    expect(brief(contextChecks(readCorpusJson(`${OB30}simple_v1.json`), 'achievement'))).toEqual([
      ['context', 'warn', 'CONTEXT_OUTDATED', 1],
      ['context', 'warn', 'CONTEXT_ALIAS', 2],
    ]);
  });

  it('a CLR expects the CLR context between VC and OB', () => {
    expect(problems(contextChecks(readCorpusJson('1edtech-dcpv/clr20/simple.json'), 'clr'))).toEqual([]);
  });
});

describe('TypePropertyProbe and what a credential is', () => {
  it('OB context but another credential type → fail TYPE_INVALID (simple-err-type, 1EdTech fatal)', () => {
    const doc = readCorpusJson(`${OB30}simple-err-type.json`);
    expect(credentialKind(doc)).toBe('wrong-type');
    expect(brief(typeChecks(doc, credentialKind(doc)))).toEqual([['type', 'fail', 'TYPE_INVALID', 'type']]);
  });

  it('a bare VerifiableCredential, even with the OB context, is a VC that is not an Open Badge (warning)', () => {
    for (const path of [
      'dcc-vc-test-fixtures/verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry-nonOBWithOBContext.json',
      'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json',
    ]) {
      const doc = readCorpusJson(path);
      expect(credentialKind(doc)).toBe('generic');
      expect(typeChecks(doc, 'generic')).toEqual([
        { id: 'type', status: 'warn', code: 'NOT_AN_OPEN_BADGE', params: { kind: 'generic', found: 'VerifiableCredential' } },
      ]);
    }
  });

  it('kinds of the corpus credentials', () => {
    expect(credentialKind(readCorpusJson(`${OB30}endorsement-valid.json`))).toBe('endorsement');
    expect(credentialKind(readCorpusJson('1edtech-dcpv/clr20/simple.json'))).toBe('clr');
    expect(credentialKind(readCorpusJson(`${OB30}bit-string-list/testlist`))).toBe('status-list');
    expect(credentialKind(readCorpusJson('w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json'))).toBe('generic');
    expect(credentialKind(readCorpusJson(`${OB30}simple-eddsa-2022.json`))).toBe('achievement');
  });

  it('VC data model version', () => {
    expect(vcVersionOf(readCorpusJson(`${OB30}simple.json`))).toBe('2.0');
    expect(vcVersionOf(readCorpusJson(`${OB30}simple_v1.json`))).toBe('1.1');
    expect(vcVersionOf({ '@context': 'https://example.org/x' })).toBeNull();
  });
});

describe('schema, CredentialSubjectProbe, EvidenceProbe, IssuerProbe on 1EdTech’s negative fixtures', () => {
  const cases: [string, [string, string, string, string][]][] = [
    [
      'simple-err-issuer.json', // the fixture lost its achievement too: two errors, as 1EdTech's probes say
      [
        ['schema', 'fail', 'PROPERTY_MISSING', 'issuer'],
        ['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.achievement'],
      ],
    ],
    ['simple-err-credential-subject-type.json', [['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.type']]],
    ['simple-err-credential-subject-identifier-type.json', [['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.identifier[0].type']]],
    ['simple-err-credential-subject-result-type.json', [['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.result[1].type']]],
    [
      'simple-err-credential-subject-achievement-result-description-type.json',
      [['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.achievement.resultDescription[2].type']],
    ],
    ['simple-err-credential-subject-profile-type.json', [['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.source.type']]],
    ['simple-err-evidence-type.json', [['schema', 'fail', 'EVIDENCE_INVALID', 'evidence[1].type']]],
    ['simple-err-issuer-type.json', [['schema', 'fail', 'ISSUER_INVALID', 'issuer.type']]],
    ['simple-err-issuer-parentorg-type.json', [['schema', 'fail', 'ISSUER_INVALID', 'issuer.parentOrg.type']]],
    ['simple-err-issuer-otheridentifier-type.json', [['schema', 'fail', 'ISSUER_INVALID', 'issuer.otherIdentifier[1].type']]],
  ];
  for (const [file, expected] of cases) {
    it(file, () => {
      expect(brief(conformanceChecks(readCorpusJson(OB30 + file)))).toEqual(expected);
    });
  }

  it('an Open Badge subject should have an id or identifier (warning) and must have an achievement', () => {
    const doc = readCorpusJson(`${OB30}simple.json`);
    const subject = { ...(doc['credentialSubject'] as object) } as Record<string, unknown>;
    delete subject['id'];
    delete subject['achievement'];
    expect(brief(conformanceChecks({ ...doc, credentialSubject: subject }))).toEqual([
      ['schema', 'warn', 'SUBJECT_INVALID', 'credentialSubject.id'], // 1EdTech: error (see conformance.ts)
      ['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.achievement'],
    ]);
    expect(brief(conformanceChecks({ ...doc, credentialSubject: { ...subject, id: 'did:example:x' } }))).toEqual([
      ['schema', 'fail', 'SUBJECT_INVALID', 'credentialSubject.achievement'],
    ]);
  });

  it('VC 1.1 Open Badges need issuanceDate, VC 2.0 ones validFrom', () => {
    const v2 = readCorpusJson(`${OB30}simple.json`);
    delete v2['validFrom'];
    expect(brief(conformanceChecks(v2))).toEqual([['schema', 'fail', 'PROPERTY_MISSING', 'validFrom']]);
    const v1 = readCorpusJson(`${OB30}simple_v1.json`);
    delete v1['issuanceDate'];
    expect(brief(conformanceChecks(v1)).filter((p) => p[0] === 'schema')).toEqual([['schema', 'fail', 'PROPERTY_MISSING', 'issuanceDate']]);
  });

  it('a string issuer (ProfileRef) is accepted', () => {
    expect(problems(conformanceChecks(readCorpusJson('dcc-verifier-core/v2/v2SimpleIssuerId.json')))).toEqual([]);
  });
});

describe('InlineJsonSchemaProbe', () => {
  it('complete.json names only the canonical OB 3.0 schema: its rules are checked here, it is not fetched', async () => {
    const net = mapNet({});
    expect(await inlineSchemaChecks(readCorpusJson(`${OB30}complete.json`), ctxWith(net))).toEqual([]);
    expect(net.requests).toEqual([]);
  });

  it('a non-canonical schema that answers 404 → SCHEMA_UNAVAILABLE; offline → unchecked; found → NOT_CHECKED', async () => {
    const doc = readCorpusJson(`${OB30}endorsement-err-schema-status-refresh.json`);
    expect(await inlineSchemaChecks(doc, ctxWith(await corpusNet()))).toEqual([
      {
        id: 'schema',
        status: 'fail',
        code: 'SCHEMA_UNAVAILABLE',
        params: { schema: 'https://state.gov/schema/endorsementcredential.json', httpStatus: 404, net: 'NOT_FOUND' },
      },
    ]);
    expect(await inlineSchemaChecks(doc, ctxWith(mapNet({}, 'offline')))).toEqual([
      { id: 'schema', status: 'unchecked', code: 'OFFLINE', params: { schema: 'https://state.gov/schema/endorsementcredential.json' } },
    ]);
    const found = ctxWith(mapNet({ 'https://state.gov/schema/endorsementcredential.json': { type: 'object' } }));
    expect(await inlineSchemaChecks(doc, found)).toEqual([
      {
        id: 'schema',
        status: 'unchecked',
        code: 'NOT_CHECKED',
        params: { schema: 'https://state.gov/schema/endorsementcredential.json', reason: 'no-validator' },
      },
    ]);
  });

  it('the 1EdTech canonical schemas are not fetched', async () => {
    const net = mapNet({});
    expect(await inlineSchemaChecks(readCorpusJson(`${OB30}endorsement-valid.json`), ctxWith(net))).toEqual([]);
    expect(net.requests).toEqual([]);
  });
});
