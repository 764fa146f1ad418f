/**
 * VC-JWT: the 1EdTech baked JWTs (extracted by hand into tests/fixtures/corpus-derived) and our own
 * signed fixtures (tests/fixtures/ours/ob3, made by make-ob3-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { verifyVcJwt } from '../../../../src/core/verify/ob3/vcJwt';
import { corpusText, oursDocuments, oursText, readFixture, summary, testCtx, testNet } from './helpers';

const oursNet = () => testNet({ documents: oursDocuments() });
const jwtOf = (rel: string) => readFixture(`corpus-derived/${rel}`).trim();

describe('1EdTech OB 3.0 VC-JWTs (RS256, public key in the jwk header)', () => {
  it('simple-jwt.png: VC 2.0 payload-is-credential verifies; claims agree (no sub, aud ignored); JWKS not reachable offline', async () => {
    const { checks, credential } = await verifyVcJwt(jwtOf('1edtech-dcpv/ob30/simple-jwt.png.jwt'), testCtx());
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP']);
    expect(checks[1]!.params).toMatchObject({ url: 'https://1edtech.edu/.well-known/jwks.json' });
    expect(credential).toMatchObject({ id: 'http://example.com/credentials/3527', validFrom: '2010-01-01T00:00:00Z' });
    // The registered JWT claims are not part of the credential.
    for (const claim of ['iss', 'iat', 'nbf', 'jti', 'aud']) expect(credential).not.toHaveProperty(claim);
  });

  it('simple-jwt.svg: the same credential signed again (another iat) verifies', async () => {
    const { checks } = await verifyVcJwt(jwtOf('1edtech-dcpv/ob30/simple-jwt.svg.jwt'), testCtx());
    expect(summary(checks)[0]).toBe('signature:pass:OK');
  });

  it('simple-jwt_v1.png / .svg: VC 1.1 `vc` claim verifies and the credential comes from `vc`', async () => {
    for (const f of ['simple-jwt_v1.png.jwt', 'simple-jwt_v1.svg.jwt']) {
      const { checks, credential } = await verifyVcJwt(jwtOf(`1edtech-dcpv/ob30/${f}`), testCtx());
      expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP']);
      expect(credential).toMatchObject({ id: 'http://example.edu/credentials/3732', issuanceDate: '2010-01-01T00:00:00Z' });
      expect(credential).not.toHaveProperty('vc');
    }
  });

  it('simple.jwt: no kid and no jwk → the key cannot be found (and the header is off the profile)', async () => {
    const { checks, credential } = await verifyVcJwt(corpusText('1edtech-dcpv/ob30/simple.jwt'), testCtx());
    expect(summary(checks)).toEqual(['signature:fail:KEY_NOT_FOUND', 'signature:warn:HEADER_INVALID', 'issuerKey:unchecked:NOT_CHECKED']);
    expect(credential).toHaveProperty('type');
  });

  it('a byte changed in a 1EdTech JWT payload → TAMPERED', async () => {
    const [h, p, s] = jwtOf('1edtech-dcpv/ob30/simple-jwt.png.jwt').split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, name: 'Forged Badge' })).toString('base64url');
    const { checks } = await verifyVcJwt(`${h}.${forged}.${s}`, testCtx());
    expect(summary(checks)[0]).toBe('signature:fail:TAMPERED');
  });
});

describe('our VC-JWT fixtures', () => {
  const cases: [string, string[]][] = [
    ['jwt-es256-v2.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-eddsa-v1.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-eddsa-v2.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-rs256-v2.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-ps256-v2.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-eddsa-didkey.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-es256-didweb.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-es256-not-issuer-key.jwt', ['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']],
    // (alg none has neither kid nor jwk: the header is off the profile too)
    ['jwt-alg-none.jwt', ['signature:fail:ALG_NOT_ALLOWED', 'signature:warn:HEADER_INVALID', 'issuerKey:unchecked:NOT_CHECKED']],
    ['jwt-hs256-key-confusion.jwt', ['signature:fail:ALG_NOT_ALLOWED', 'issuerKey:unchecked:NOT_CHECKED']],
    ['jwt-es256-tampered.jwt', ['signature:fail:TAMPERED', 'issuerKey:unchecked:NOT_CHECKED']],
    ['jwt-private-jwk-header.jwt', ['signature:fail:KEY_INVALID', 'issuerKey:unchecked:NOT_CHECKED']],
    ['jwt-claims-mismatch.jwt', ['signature:pass:OK', 'signature:fail:CLAIMS_MISMATCH', 'issuerKey:pass:OK']],
    // Expired but authentic: compactVerify, not jwtVerify; the dates check is the pipeline's.
    ['jwt-es256-expired.jwt', ['signature:pass:OK', 'issuerKey:pass:OK']],
    ['jwt-extra-header.jwt', ['signature:pass:OK', 'signature:warn:HEADER_INVALID', 'issuerKey:pass:OK']],
  ];
  for (const [file, expected] of cases) {
    it(file, async () => {
      const { checks } = await verifyVcJwt(oursText(file), testCtx(oursNet()));
      expect(summary(checks)).toEqual(expected);
    });
  }

  it('alg none and HS256 are refused before any key work: no request at all', async () => {
    for (const f of ['jwt-alg-none.jwt', 'jwt-hs256-key-confusion.jwt']) {
      const net = oursNet();
      const { checks, credential } = await verifyVcJwt(oursText(f), testCtx(net));
      expect(net.requests).toEqual([]);
      expect(checks[0]!.params).toMatchObject({ alg: f.includes('none') ? 'none' : 'HS256' });
      expect(credential).not.toBeNull(); // readable, so the report can say what it claims
    }
  });

  it('a did:key kid verifies offline (no request)', async () => {
    const net = testNet({ mocks: false });
    const { checks } = await verifyVcJwt(oursText('jwt-eddsa-didkey.jwt'), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:pass:OK']);
    expect(net.requests).toEqual([]);
  });

  it('the claims mismatch names the claim', async () => {
    const { checks } = await verifyVcJwt(oursText('jwt-claims-mismatch.jwt'), testCtx(oursNet()));
    expect(checks[1]!.params).toMatchObject({ claim: 'iss', found: 'https://someone-else.besace.test/', expected: 'https://issuer.besace.test/issuers/1' });
  });

  it('VC 1.1: the credential keeps its own properties and the header jwk is not part of it', async () => {
    const { credential } = await verifyVcJwt(oursText('jwt-eddsa-v1.jwt'), testCtx(oursNet()));
    expect(credential).toMatchObject({ issuanceDate: '2024-01-01T00:00:00Z', issuer: { id: 'https://issuer.besace.test/issuers/1' } });
  });

  it('expired JWT: exp agrees with validUntil, the credential keeps validUntil', async () => {
    const { credential } = await verifyVcJwt(oursText('jwt-es256-expired.jwt'), testCtx(oursNet()));
    expect(credential).toMatchObject({ validUntil: '2024-06-01T00:00:00Z' });
  });

  it('issuer JWKS unreachable → signature pass, issuerKey unchecked with the network code', async () => {
    const { checks } = await verifyVcJwt(oursText('jwt-eddsa-v1.jwt'), testCtx(testNet()));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:unchecked:NOT_IN_DOCUMENT_MAP']);
  });

  it('issuer JWKS absent (404) → the issuer does not confirm the key', async () => {
    const net = testNet({ statuses: new Map([['https://issuer.besace.test/.well-known/jwks.json', 404]]) });
    const { checks } = await verifyVcJwt(oursText('jwt-eddsa-v1.jwt'), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:warn:KEY_NOT_CONFIRMED']);
  });

  it('a JWKS entry whose iss is another issuer → CONTROLLER_MISMATCH', async () => {
    const jwks = JSON.parse(oursText('jwks.json')) as { keys: Record<string, unknown>[] };
    const moved = { keys: jwks.keys.map((k) => (k['kid'] === 'es256-1' ? { ...k, iss: 'https://other.besace.test/' } : k)) };
    const net = testNet({ documents: new Map<string, string | object>([...oursDocuments(), ['https://issuer.besace.test/.well-known/jwks.json', moved]]) });
    const { checks } = await verifyVcJwt(oursText('jwt-es256-v2.jwt'), testCtx(net));
    expect(summary(checks)).toEqual(['signature:pass:OK', 'issuerKey:fail:CONTROLLER_MISMATCH']);
  });

  it('kid naming a key absent from the JWKS → KEY_NOT_FOUND', async () => {
    const [, p, s] = oursText('jwt-eddsa-v2.jwt').split('.');
    const h = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'no-such-key' })).toString('base64url');
    const { checks } = await verifyVcJwt(`${h}.${p}.${s}`, testCtx(oursNet()));
    expect(summary(checks)[0]).toBe('signature:fail:KEY_NOT_FOUND');
  });

  it('an ES256 token whose header claims RS256 with the RSA key → TAMPERED or KEY_INVALID, never pass', async () => {
    const [, p, s] = oursText('jwt-es256-v2.jwt').split('.');
    const h = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'https://issuer.besace.test/keys/rsa-1' })).toString('base64url');
    const { checks } = await verifyVcJwt(`${h}.${p}.${s}`, testCtx(oursNet()));
    expect(checks[0]!.status).toBe('fail');
  });
});

describe('compact JWS parsing', () => {
  const bad = ['', 'abc', 'a.b', 'a.b.c.d', 'e30.%%%.sig', `${Buffer.from('not json').toString('base64url')}.e30.sig`, 'W10.e30.sig'];
  for (const jwt of bad) {
    it(`"${jwt}" → parse fail BAD_JWS, no credential`, async () => {
      const { checks, credential } = await verifyVcJwt(jwt, testCtx());
      expect(summary(checks)).toEqual(['parse:fail:BAD_JWS']);
      expect(credential).toBeNull();
    });
  }

  it('a `vc` claim that is not an object → BAD_JWS', async () => {
    const h = Buffer.from(JSON.stringify({ alg: 'ES256' })).toString('base64url');
    const p = Buffer.from(JSON.stringify({ vc: 'nope' })).toString('base64url');
    const { checks } = await verifyVcJwt(`${h}.${p}.AAAA`, testCtx());
    expect(summary(checks)).toEqual(['parse:fail:BAD_JWS']);
  });
});

describe('Velocity Network VC-JWT (VC 1.1 with both validFrom and issuanceDate)', () => {
  it('nbf is compared with issuanceDate in the VC 1.1 form; did:velocity is an unknown DID method', async () => {
    const { checks, credential } = await verifyVcJwt(corpusText('1edtech-dcpv/ob30/velocity.jwt'), testCtx());
    expect(summary(checks)).toEqual(['signature:fail:UNKNOWN_DID_METHOD', 'issuerKey:unchecked:NOT_CHECKED']);
    expect(credential).toMatchObject({ issuanceDate: '2025-10-15T00:44:21.142Z' });
  });
});
