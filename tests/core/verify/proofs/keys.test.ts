/**
 * Keys and DIDs (multikey decoding, did:key, did:jwk, did:web URLs, verification method errors) and
 * the JSON-LD document loader (bundled contexts, refused and allowed remote contexts).
 */
import { describe, expect, it } from 'vitest';
import { p384 } from '@noble/curves/nist.js';
import { base58, base64urlnopad } from '@scure/base';
import { decodeMultikey, jwkFromPublicKey } from '../../../../src/core/verify/keys/multikey';
import { didWebDocumentUrl, parseDidUrl } from '../../../../src/core/verify/keys/did';
import { resolveVerificationMethod } from '../../../../src/core/verify/keys/resolve';
import { createJsonFetcher } from '../../../../src/core/verify/keys/fetchJson';
import { BUNDLED_CONTEXTS } from '../../../../src/core/verify/jsonld/contexts';
import { ContextLoadError, createDocumentLoader } from '../../../../src/core/verify/jsonld/loader';
import { safeModeFailure } from '../../../../src/core/verify/jsonld/rdf';
import { verifyDataIntegrity } from '../../../../src/core/verify/ob3/dataIntegrity';
import { corpusJson, corpusText, summary, testCtx, testNet } from './helpers';

describe('multikey', () => {
  it('Ed25519 z6Mk… → 32 raw bytes (the W3C vector key)', () => {
    const k = decodeMultikey('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    expect(k.ok && k.value.type).toBe('Ed25519');
    expect(k.ok && Buffer.from(k.value.bytes).toString('hex')).toMatch(/^b00d8d93.*a2810f$/);
  });

  it('OB 3.0 spec key z6MkjZRZ… is the published public key', () => {
    const k = decodeMultikey('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
    expect(k.ok && Buffer.from(k.value.bytes).toString('hex')).toBe('4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5');
  });

  it('P-256 zDn… (compressed, from the corpus ecdsa-sd-2023 credential) → uncompressed point', () => {
    const k = decodeMultikey('zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9');
    expect(k.ok && k.value.type).toBe('P-256');
    expect(k.ok && k.value.bytes.length).toBe(65);
    expect(k.ok && jwkFromPublicKey(k.value)).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('P-384 z82… round trip', () => {
    const point = p384.getPublicKey(p384.utils.randomSecretKey(), true);
    const mb = `z${base58.encode(new Uint8Array([0x81, 0x24, ...point]))}`;
    expect(mb.startsWith('z82')).toBe(true);
    const k = decodeMultikey(mb);
    expect(k.ok && k.value.type).toBe('P-384');
    expect(k.ok && k.value.bytes.length).toBe(97);
  });

  it('errors: not multibase, unknown codec, wrong length, point not on the curve', () => {
    expect(decodeMultikey('abc')).toEqual({ ok: false, error: 'NOT_MULTIBASE' });
    expect(decodeMultikey(`z${base58.encode(new Uint8Array([0xe7, 0x01, ...new Uint8Array(33)]))}`)).toEqual({ ok: false, error: 'UNSUPPORTED_KEY_TYPE' });
    expect(decodeMultikey(`z${base58.encode(new Uint8Array([0xed, 0x01, ...new Uint8Array(31)]))}`)).toEqual({ ok: false, error: 'BAD_KEY' });
    expect(decodeMultikey(`z${base58.encode(new Uint8Array([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)]))}`)).toEqual({ ok: false, error: 'BAD_KEY' });
  });
});

describe('DIDs', () => {
  it('did:web → DID document URL (did:web spec "Read")', () => {
    const url = (did: string) => didWebDocumentUrl(parseDidUrl(did)!);
    expect(url('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(url('did:web:example.com%3A8443')).toBe('https://example.com:8443/.well-known/did.json');
    expect(url('did:web:example.com:user:alice#key-1')).toBe('https://example.com/user/alice/did.json');
    expect(url('did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy')).toBe(
      'https://digitalcredentials.github.io/vc-test-fixtures/dids/legacy/did.json',
    );
    expect(url('did:web:exa%2Fmple.com')).toBeNull();
    expect(url('did:web:example.com::x')).toBeNull();
  });

  it('did:jwk resolves inline; a did:jwk with a private member is refused', async () => {
    const fetcher = createJsonFetcher(testCtx(testNet({ mocks: false })));
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(new Uint8Array(32).fill(7)) };
    const did = `did:jwk:${base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(jwk)))}`;
    const ok = await resolveVerificationMethod(`${did}#0`, fetcher);
    expect(ok.ok && ok.key.source).toBe('did:jwk');
    const priv = `did:jwk:${base64urlnopad.encode(new TextEncoder().encode(JSON.stringify({ ...jwk, d: 'AAAA' })))}#0`;
    const bad = await resolveVerificationMethod(priv, fetcher);
    expect(!bad.ok && bad.check.code).toBe('KEY_INVALID');
  });

  const errors: [unknown, string][] = [
    ['z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'VERIFICATION_METHOD_INVALID'],
    ['xxx:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'VERIFICATION_METHOD_INVALID'],
    ['did:example:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2', 'UNKNOWN_DID_METHOD'],
    ['did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkOther', 'KEY_NOT_FOUND'],
    ['did:web:example.com', 'KEY_NOT_FOUND'],
    [42, 'VERIFICATION_METHOD_INVALID'],
    ['https://example.com/issuers/1#z6MkBROKEN', 'KEY_INVALID'],
  ];
  for (const [vm, code] of errors) {
    it(`${String(vm)} → ${code}, without a request`, async () => {
      const net = testNet({ mocks: false });
      const r = await resolveVerificationMethod(vm, createJsonFetcher(testCtx(net)));
      expect(!r.ok && `${r.check.status}:${r.check.code}`).toBe(`fail:${code}`);
      expect(net.requests).toEqual([]);
    });
  }
});

describe('JSON-LD document loader', () => {
  it('every bundled context loads and is a valid JSON-LD context in safe mode', async () => {
    const load = createDocumentLoader(testCtx());
    for (const url of Object.keys(BUNDLED_CONTEXTS)) {
      const doc = await load(url);
      expect(doc.tag, url).toBe('static');
      expect(doc.document, url).toHaveProperty('@context');
      expect(await safeModeFailure({ '@context': url, '@id': 'urn:x', 'https://example.org/p': 'v' }, load), url).toBeNull();
    }
  });

  it('bundled contexts come as copies (jsonld may rewrite what it is given)', async () => {
    const a = await createDocumentLoader(testCtx())('https://www.w3.org/ns/credentials/v2');
    const b = await createDocumentLoader(testCtx())('https://www.w3.org/ns/credentials/v2');
    expect(a.document).not.toBe(b.document);
    expect(a.document).toEqual(b.document);
  });

  it('OB 3.0 contexts are the corpus copies (the 1EdTech validator bundle / the spec repository)', async () => {
    const load = createDocumentLoader(testCtx());
    expect((await load('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')).document).toEqual(
      corpusJson('1edtech-dcpv/contexts/ob-v3p0-3.0.3.json'),
    );
    expect((await load('https://www.w3.org/ns/credentials/v2')).document).toEqual(JSON.parse(corpusText('1edtech-dcpv/contexts/credentials-v2.jsonld')));
  });

  it('an unknown remote context is refused: CONTEXT_UNKNOWN_REMOTE, no request', async () => {
    const net = testNet();
    await expect(createDocumentLoader(testCtx(net))('https://issuer.example/ctx.json')).rejects.toMatchObject({
      code: 'CONTEXT_UNKNOWN_REMOTE',
      url: 'https://issuer.example/ctx.json',
    });
    expect(net.requests).toEqual([]);
  });

  it('allowed remote contexts are fetched through ctx.net; failures keep the network code', async () => {
    const ctxUrl = 'https://issuer.example/ctx.json';
    const served = testNet({ documents: new Map([[ctxUrl, { '@context': { motto: 'https://issuer.example/vocab#motto' } }]]) });
    const doc = await createDocumentLoader(testCtx(served, { allowRemoteContexts: true }))(ctxUrl);
    expect(doc.document).toHaveProperty('@context.motto');
    expect(doc.tag).toBeUndefined();
    const missing = createDocumentLoader(testCtx(testNet(), { allowRemoteContexts: true }));
    await expect(missing(ctxUrl)).rejects.toBeInstanceOf(ContextLoadError);
    await expect(missing(ctxUrl)).rejects.toMatchObject({ code: 'NOT_IN_DOCUMENT_MAP' });
  });

  it('a remote context allowed once is not remembered for a later run that refuses remote contexts', async () => {
    const ctxUrl = 'https://issuer.example/extension.json';
    const signed = corpusJson('w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json');
    const doc = { ...signed, '@context': [...(signed['@context'] as string[]), ctxUrl] };
    const served = testNet({ documents: new Map([[ctxUrl, { '@context': { motto: 'https://issuer.example/vocab#motto' } }]]) });
    const allowed = await verifyDataIntegrity(doc, testCtx(served, { allowRemoteContexts: true }));
    // Fetched and processed; it defines a term the document does not use, so the RDF is unchanged.
    expect(summary(allowed)[0]).toBe('signature:pass:OK');
    expect(served.requests).toContain(ctxUrl);
    const refused = await verifyDataIntegrity(doc, testCtx(served));
    expect(summary(refused)).toEqual([
      'context:unchecked:CONTEXT_UNKNOWN_REMOTE',
      'signature:unchecked:CONTEXT_UNKNOWN_REMOTE',
      'issuerKey:unchecked:NOT_CHECKED',
    ]);
  });
});
