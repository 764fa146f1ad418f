/**
 * Key provenance and the less common suites on our own Data Integrity fixtures
 * (tests/fixtures/ours/ob3, issuer https://issuer.besace.test/issuers/1 and did:web:issuer.besace.test).
 */
import { describe, expect, it } from 'vitest';
import { verifyDataIntegrity } from '../../../../src/core/verify/ob3/dataIntegrity';
import { oursDocuments, oursJson, summary, testCtx, testNet } from './helpers';

const oursNet = () => testNet({ documents: oursDocuments() });

describe('our Data Integrity fixtures', () => {
  const cases: [string, string[]][] = [
    ['di-fragment-confirmed.json', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['di-fragment-not-issuer-key.json', ['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']],
    ['di-controller-mismatch.json', ['signature:pass:OK', 'issuerKey:fail:CONTROLLER_MISMATCH']],
    ['di-didweb.json', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['di-didweb-not-assertion.json', ['signature:fail:PROOF_PURPOSE_INVALID', 'issuerKey:unchecked:NOT_CHECKED']],
    ['di-ecdsa-rdfc-2019-p256.json', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['di-https-keydoc.json', ['signature:pass:OK', 'issuerKey:pass:OK']],
  ];
  for (const [file, expected] of cases) {
    it(file, async () => {
      expect(summary(await verifyDataIntegrity(oursJson(file), testCtx(oursNet())))).toEqual(expected);
    });
  }

  it('a key not controlled by the issuer: the signature alone is valid, provenance says so', async () => {
    const checks = await verifyDataIntegrity(oursJson('di-fragment-not-issuer-key.json'), testCtx(oursNet()));
    expect(checks[1]!.params).toMatchObject({ issuer: 'https://issuer.besace.test/issuers/1' });
  });

  it('ECDSA P-256: a changed byte fails; a P-256 key on an eddsa suite is the wrong key type', async () => {
    const doc = oursJson('di-ecdsa-rdfc-2019-p256.json');
    const forged = { ...doc, name: 'Forged' };
    expect(summary(await verifyDataIntegrity(forged, testCtx()))[0]).toBe('signature:fail:TAMPERED');
    const proof = doc['proof'] as Record<string, unknown>;
    const wrongSuite = { ...doc, proof: { ...proof, cryptosuite: 'eddsa-rdfc-2022' } };
    const checks = await verifyDataIntegrity(wrongSuite, testCtx());
    expect(checks[0]).toMatchObject({ status: 'fail', code: 'KEY_INVALID', params: { reason: 'WRONG_KEY_TYPE' } });
  });

  it('did:web: the method is absent from the DID document → KEY_NOT_FOUND', async () => {
    const doc = oursJson('di-didweb.json');
    const proof = doc['proof'] as Record<string, unknown>;
    const missing = { ...doc, proof: { ...proof, verificationMethod: 'did:web:issuer.besace.test#key-gone' } };
    expect(summary(await verifyDataIntegrity(missing, testCtx(oursNet())))[0]).toBe('signature:fail:KEY_NOT_FOUND');
  });

  it('did:web whose DID is not the issuer → CONTROLLER_MISMATCH', async () => {
    const doc = oursJson('di-didweb.json');
    const checks = await verifyDataIntegrity(doc, testCtx(oursNet()), { issuerId: 'https://issuer.besace.test/issuers/1' });
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:fail:CONTROLLER_MISMATCH']);
  });

  it('an https key document whose controller is not the issuer → CONTROLLER_MISMATCH (signature still valid)', async () => {
    const keyUrl = 'https://issuer.besace.test/keys/ed25519-1';
    const keyDoc = JSON.parse(JSON.stringify(oursJson('ed25519-1.key.json'))) as Record<string, unknown>;
    const net = testNet({ documents: new Map<string, string | object>([...oursDocuments(), [keyUrl, { ...keyDoc, controller: 'https://other.besace.test/' }]]) });
    const checks = await verifyDataIntegrity(oursJson('di-https-keydoc.json'), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:fail:CONTROLLER_MISMATCH']);
  });

  it('an https key document that 404s → KEY_NOT_FOUND (a fact), unreachable → unchecked', async () => {
    const keyUrl = 'https://issuer.besace.test/keys/ed25519-1';
    const gone = testNet({ statuses: new Map([[keyUrl, 404]]) });
    expect(summary(await verifyDataIntegrity(oursJson('di-https-keydoc.json'), testCtx(gone)))[0]).toBe('signature:fail:KEY_NOT_FOUND');
    const down = testNet({ statuses: new Map([[keyUrl, 502]]) });
    expect(summary(await verifyDataIntegrity(oursJson('di-https-keydoc.json'), testCtx(down)))[0]).toBe('signature:unchecked:ISSUER_UNREACHABLE');
  });
});
