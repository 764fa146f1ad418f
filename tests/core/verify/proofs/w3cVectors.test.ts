/**
 * The W3C vc-di-eddsa test vectors (and the OB 3.0 spec's eddsa-rdfc-2022 vector) step by step:
 * canonical document, canonical proof configuration, their hashes, the combined hashData, then the
 * end-to-end verification — and a byte changed anywhere must fail.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { proofIntermediates, verifyDataIntegrity } from '../../../../src/core/verify/ob3/dataIntegrity';
import { decodeMultikey } from '../../../../src/core/verify/keys/multikey';
import { verifySignature } from '../../../../src/core/verify/keys/webcrypto';
import { corpusJson, corpusText, summary, testCtx, testNet } from './helpers';

const TV = 'w3c-vc-di-eddsa/TestVectors';
const txt = (rel: string) => corpusText(`${TV}/${rel}`).trim();
const hex = (b: Uint8Array) => bytesToHex(b);
const enc = new TextEncoder();

interface Vector {
  readonly name: string;
  readonly dir: string;
  readonly suffix: string;
  readonly signed: string;
}

const vectors: Vector[] = [
  { name: 'eddsa-rdfc-2022', dir: 'eddsa-rdfc-2022', suffix: 'DataInt', signed: 'signedDataInt.json' },
  { name: 'eddsa-jcs-2022', dir: 'eddsa-jcs-2022', suffix: 'JCS', signed: 'signedJCS.json' },
  { name: 'Ed25519Signature2020', dir: 'Ed25519Signature2020', suffix: 'EdSig', signed: 'signedEdSig.json' },
];

describe('W3C vc-di-eddsa test vectors, step by step', () => {
  for (const v of vectors) {
    it(`${v.name}: canonical forms, hashes and hashData match the published intermediates`, async () => {
      const doc = corpusJson(`${TV}/${v.dir}/${v.signed}`);
      const steps = await proofIntermediates(doc, 0, testCtx());
      expect(steps.canonicalDocument.trim()).toBe(txt(`${v.dir}/canonDoc${v.suffix}.txt`));
      expect(steps.canonicalProofConfig.trim()).toBe(txt(`${v.dir}/proofCanon${v.suffix}.txt`));
      expect(hex(sha256(enc.encode(steps.canonicalDocument)))).toBe(txt(`${v.dir}/docHash${v.suffix}.txt`));
      expect(hex(sha256(enc.encode(steps.canonicalProofConfig)))).toBe(txt(`${v.dir}/proofHash${v.suffix}.txt`));
      expect(hex(steps.hashData)).toBe(txt(`${v.dir}/combinedHash${v.suffix}.txt`));
    });

    it(`${v.name}: the signed vector verifies end to end; did:key is not the issuer → KEY_NOT_CONFIRMED`, async () => {
      const doc = corpusJson(`${TV}/${v.dir}/${v.signed}`);
      const checks = await verifyDataIntegrity(doc, testCtx());
      expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
    });

    it(`${v.name}: a changed value in the document or the proof fails with TAMPERED`, async () => {
      const doc = corpusJson(`${TV}/${v.dir}/${v.signed}`);
      const subject = doc['credentialSubject'] as Record<string, unknown>;
      const tampered = { ...doc, credentialSubject: { ...subject, alumniOf: 'The School of Forgeries' } };
      expect(summary(await verifyDataIntegrity(tampered, testCtx()))).toEqual(['signature:fail:TAMPERED', 'issuerKey:unchecked:NOT_CHECKED']);
      const proof = doc['proof'] as Record<string, unknown>;
      const later = { ...doc, proof: { ...proof, created: '2030-01-01T00:00:00Z' } };
      expect(summary(await verifyDataIntegrity(later, testCtx()))[0]).toBe('signature:fail:TAMPERED');
    });
  }

  it('eddsa-rdfc-2022 "employ": the published canonical document hashes and verifies under the vector key', async () => {
    // The vector needs https://w3id.org/citizenship/v4rc1, which no source in the corpus carries:
    // check the published intermediates against each other, then that the loader refuses the context.
    const canonDoc = corpusText(`${TV}/eddsa-rdfc-2022/employ/canonDocDataInt.txt`);
    const canonProof = corpusText(`${TV}/eddsa-rdfc-2022/employ/proofCanonDataInt.txt`);
    expect(hex(sha256(enc.encode(canonDoc)))).toBe(txt('eddsa-rdfc-2022/employ/docHashDataInt.txt'));
    expect(hex(sha256(enc.encode(canonProof)))).toBe(txt('eddsa-rdfc-2022/employ/proofHashDataInt.txt'));
    const hashData = new Uint8Array([...sha256(enc.encode(canonProof)), ...sha256(enc.encode(canonDoc))]);
    expect(hex(hashData)).toBe(txt('eddsa-rdfc-2022/employ/combinedHashDataInt.txt'));
    const pub = decodeMultikey(corpusJson(`${TV}/keyPair.json`)['publicKeyMultibase'] as string);
    if (!pub.ok) throw new Error(pub.error);
    const sig = hexToBytes(txt('eddsa-rdfc-2022/employ/sigHexDataInt.txt'));
    expect(await verifySignature(pub.value, sig, hashData)).toBe(true);
    expect(await verifySignature(pub.value, sig, hashData.map((b, i) => (i === 0 ? b ^ 1 : b)))).toBe(false);

    const doc = corpusJson(`${TV}/eddsa-rdfc-2022/employ/signedDataInt.json`);
    const checks = await verifyDataIntegrity(doc, testCtx());
    expect(summary(checks)).toEqual([
      'context:unchecked:CONTEXT_UNKNOWN_REMOTE',
      'signature:unchecked:CONTEXT_UNKNOWN_REMOTE',
      'issuerKey:unchecked:NOT_CHECKED',
    ]);
    expect(checks[0]!.params).toMatchObject({ url: 'https://w3id.org/citizenship/v4rc1' });
    // Remote contexts allowed but the network has nothing: still unchecked, with the network's code.
    const offline = await verifyDataIntegrity(doc, testCtx(testNet(), { allowRemoteContexts: true }));
    expect(summary(offline)).toEqual([
      'context:unchecked:NOT_IN_DOCUMENT_MAP',
      'signature:unchecked:NOT_IN_DOCUMENT_MAP',
      'issuerKey:unchecked:NOT_CHECKED',
    ]);
  });

  it('proof sets and proof chains: every proof verifies (chains over the proofs they name)', async () => {
    for (const name of ['signedProofSet1', 'signedProofSet2', 'signedProofChain1', 'signedProofChain2']) {
      const doc = corpusJson(`${TV}/proof-set-chain/${name}.json`);
      const checks = await verifyDataIntegrity(doc, testCtx());
      expect(summary(checks), name).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
      // Each proof on its own, too: no warning means none of them failed.
      const proofs = doc['proof'] as unknown[];
      for (let i = 0; i < proofs.length; i++) {
        const steps = await proofIntermediates(doc, i, testCtx());
        expect(steps.hashData.length).toBe(64);
      }
    }
  });

  it('a proof chain whose previous proof was removed fails (PREVIOUS_PROOF_MISSING)', async () => {
    const doc = corpusJson(`${TV}/proof-set-chain/signedProofChain1.json`);
    const proofs = doc['proof'] as Record<string, unknown>[];
    const chained = proofs.find((p) => p['previousProof'] !== undefined)!;
    const checks = await verifyDataIntegrity({ ...doc, proof: [chained] }, testCtx());
    expect(summary(checks)[0]).toBe('signature:fail:TAMPERED');
    expect(checks[0]!.params).toMatchObject({ reason: 'PREVIOUS_PROOF_MISSING' });
  });

  it('a tampered proof in a proof set is reported as a warning while another proof holds', async () => {
    const doc = corpusJson(`${TV}/proof-set-chain/signedProofSet2.json`);
    const [first, second] = doc['proof'] as Record<string, unknown>[];
    const broken = { ...second!, proofValue: (first!['proofValue'] as string) };
    const checks = await verifyDataIntegrity({ ...doc, proof: [first, broken] }, testCtx());
    expect(summary(checks)).toEqual(['signature:pass:OK', 'signature:warn:TAMPERED', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
    expect(checks[1]!.params).toMatchObject({ proofIndex: 1 });
  });

  it('OB 3.0 spec vector (eddsa-rdfc-2022, key in the verification method fragment)', async () => {
    const doc = corpusJson('1edtech-ob-spec/ob3-ldp-testvector-signed.json');
    const steps = await proofIntermediates(doc, 0, testCtx());
    expect(steps.canonicalDocument).toBe(corpusText('1edtech-ob-spec/test-vectors/obv3p0/document-canon.txt'));
    expect(steps.canonicalProofConfig).toBe(corpusText('1edtech-ob-spec/test-vectors/obv3p0/proof-canon.txt'));
    expect(hex(sha256(enc.encode(steps.canonicalDocument))).startsWith('87f65a76')).toBe(true);
    expect(hex(sha256(enc.encode(steps.canonicalProofConfig))).startsWith('d34009ce')).toBe(true);
    const checks = await verifyDataIntegrity(doc, testCtx());
    // The issuer document (https://example.edu/issuers/565049) is not in the offline map.
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP']);
  });
});
