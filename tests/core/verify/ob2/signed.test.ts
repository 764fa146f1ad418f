/**
 * OB 2.0 SignedBadge: our own signed fixtures (tests/fixtures/ours/ob2/, TEST-ONLY keys made by
 * make-ob2-fixtures.ts) and the 1EdTech JWS samples, network answered from the mock tables.
 */
import { describe, expect, it } from 'vitest';
import { verifyOb2Jws } from '../../../../src/core/verify/ob2';
import { revocationListCheck } from '../../../../src/core/verify/ob2/signed';
import { verdictOf } from '../../../../src/core/verify/verdict';
import {
  context,
  CORPUS_MOCKS,
  mockNet,
  OUR_MOCKS,
  problems,
  readCorpusText,
  readOurs,
  type MockNetOptions,
} from './support';

const BASE = 'https://issuer.besace.test/ob2';
const ALICE = { emails: ['Alice@Example.org '], urls: [] };

const net = (opts: MockNetOptions = {}) => mockNet({ rows: [...OUR_MOCKS(), ...CORPUS_MOCKS()], ...opts });
const ours = (name: string): string => readOurs(name).trim();

describe('our signed OB 2.0 fixtures', () => {
  it('a valid signed badge verifies with the key its issuer lists', async () => {
    const n = net();
    const out = await verifyOb2Jws(ours('signed-valid.jws'), context(n, ALICE));
    expect(problems(out.checks)).toEqual([]);
    expect(verdictOf(out.checks)).toBe('valid');
    const byId = Object.fromEntries(out.checks.map((c) => [c.id, c]));
    expect(byId['signature']).toMatchObject({ status: 'pass', params: { key: `${BASE}/key-1.json` } });
    expect(byId['issuerKey']).toMatchObject({ status: 'pass', params: { issuer: `${BASE}/issuer.json` } });
    expect(byId['status']).toMatchObject({ status: 'pass', code: 'OK', params: { url: `${BASE}/revocation-list.json` } });
    // Upper-case hex, e-mail typed with capitals and a trailing space: still Alice's.
    expect(byId['recipient']).toMatchObject({
      status: 'pass',
      code: 'RECIPIENT_MATCH',
      params: { identity: 'Alice@Example.org ' },
    });
    expect(out.badge).toMatchObject({
      obVersion: '2.0',
      proof: 'jws',
      id: 'urn:uuid:5a1c7d2e-3b4f-4c6d-8e9f-0a1b2c3d4e5f',
      achievementId: `${BASE}/badgeclass.json`,
      name: 'Besace Signed Test Badge',
      criteria: { url: null, narrative: 'Write a verifier.' },
      issuer: { id: `${BASE}/issuer.json`, name: 'Besace Test Issuer', email: 'badges@issuer.besace.test' },
      issuedOn: '2024-01-15T08:00:00.000Z',
      expires: '2030-01-01T00:00:00.123Z',
      tags: ['test', 'signed'],
      alignments: [{ targetName: 'Verification', targetUrl: 'https://example.org/frameworks/verification' }],
      endorsementCount: 0,
    });
  });

  it('one byte changed after signing → TAMPERED', async () => {
    const out = await verifyOb2Jws(ours('signed-tampered.jws'), context(net(), ALICE));
    // The changed byte is the salt's last letter: the recipient no longer matches either.
    expect(problems(out.checks)).toEqual(['signature:fail:TAMPERED', 'recipient:warn:RECIPIENT_NO_MATCH']);
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it('alg "none" is refused before any key is fetched', async () => {
    const n = net();
    const out = await verifyOb2Jws(ours('signed-alg-none.jws'), context(n, ALICE));
    expect(out.checks.find((c) => c.id === 'signature')).toMatchObject({
      status: 'fail',
      code: 'ALG_NOT_ALLOWED',
      params: { alg: 'none' },
    });
    expect(n.requests).not.toContain(`${BASE}/key-1.json`);
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it('HS256 keyed with the public PEM (key confusion) is refused', async () => {
    const n = net();
    const out = await verifyOb2Jws(ours('signed-hs256-confusion.jws'), context(n, ALICE));
    expect(out.checks.find((c) => c.id === 'signature')).toMatchObject({
      status: 'fail',
      code: 'ALG_NOT_ALLOWED',
      params: { alg: 'HS256' },
    });
    expect(n.requests).not.toContain(`${BASE}/key-1.json`);
  });

  it('a creator key the issuer does not list → KEY_OWNERSHIP_MISMATCH, and that key is never fetched', async () => {
    const n = net();
    const out = await verifyOb2Jws(ours('signed-creator-not-in-issuer.jws'), context(n, ALICE));
    expect(out.checks.find((c) => c.id === 'issuerKey')).toMatchObject({
      status: 'fail',
      code: 'KEY_OWNERSHIP_MISMATCH',
      params: { key: `${BASE}/rogue-key.json`, issuer: `${BASE}/issuer.json` },
    });
    expect(out.checks.find((c) => c.id === 'signature')?.status).toBe('unchecked');
    expect(n.requests).not.toContain(`${BASE}/rogue-key.json`);
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it("signed with another key while naming the issuer's key as creator → TAMPERED", async () => {
    const out = await verifyOb2Jws(ours('signed-wrong-key.jws'), context(net(), ALICE));
    expect(problems(out.checks)).toEqual(['signature:fail:TAMPERED']);
  });

  it('a revoked badge: its urn:uuid is in the RevocationList (compared case-insensitively)', async () => {
    const out = await verifyOb2Jws(ours('signed-revoked.jws'), context(net(), ALICE));
    expect(out.checks.find((c) => c.id === 'signature')?.status).toBe('pass');
    expect(out.checks.find((c) => c.id === 'status')).toEqual({
      id: 'status',
      status: 'fail',
      code: 'REVOKED',
      params: { url: `${BASE}/revocation-list.json`, reason: 'Issued by mistake' },
    });
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it('no verification.creator: the keys the issuer lists are tried', async () => {
    const out = await verifyOb2Jws(ours('signed-no-creator.jws'), context(net(), ALICE));
    expect(problems(out.checks)).toEqual([]);
  });

  it('a key owned by another profile is refused (owner must be the issuer)', async () => {
    const key = JSON.parse(readOurs('key-1.json')) as Record<string, unknown>;
    const overlay = new Map([[`${BASE}/key-1.json`, JSON.stringify({
      ...key,
      owner: 'https://elsewhere.test/issuer.json',
    })]]);
    const out = await verifyOb2Jws(ours('signed-valid.jws'), context(net({ overlay }), ALICE));
    expect(out.checks.find((c) => c.id === 'issuerKey')).toMatchObject({ status: 'fail', code: 'KEY_OWNERSHIP_MISMATCH' });
  });

  it('an issuer that lists no key cannot vouch for a signature', async () => {
    const issuer = JSON.parse(readOurs('issuer.json')) as Record<string, unknown>;
    const { publicKey: _drop, ...withoutKeys } = issuer;
    const overlay = new Map([[`${BASE}/issuer.json`, JSON.stringify(withoutKeys)]]);
    const out = await verifyOb2Jws(ours('signed-valid.jws'), context(net({ overlay }), ALICE));
    expect(problems(out.checks)).toEqual(['signature:unchecked:KEY_NOT_FOUND', 'issuerKey:fail:KEY_OWNERSHIP_MISMATCH']);
  });

  it('network failures are reported as such: key behind CORS, list offline, issuer unreachable', async () => {
    const cors = await verifyOb2Jws(
      ours('signed-valid.jws'),
      context(net({ failures: new Map([[`${BASE}/key-1.json`, 'CORS_BLOCKED']]) }), ALICE),
    );
    expect(cors.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'unchecked', code: 'CORS_BLOCKED' });
    expect(verdictOf(cors.checks)).toBe('unverified');

    const offlineList = await verifyOb2Jws(
      ours('signed-valid.jws'),
      context(net({ failures: new Map([[`${BASE}/revocation-list.json`, 'OFFLINE']]) }), ALICE),
    );
    expect(offlineList.checks.find((c) => c.id === 'status')).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });
    expect(offlineList.checks.find((c) => c.id === 'signature')?.status).toBe('pass');
    expect(verdictOf(offlineList.checks)).toBe('warning');

    const missingList = await verifyOb2Jws(
      ours('signed-valid.jws'),
      context(net({ replies: new Map([[`${BASE}/revocation-list.json`, { status: 404 }]]) }), ALICE),
    );
    expect(missingList.checks.find((c) => c.id === 'status')).toMatchObject({ status: 'unchecked', code: 'NOT_FOUND' });

    const down = await verifyOb2Jws(
      ours('signed-valid.jws'),
      context(net({ replies: new Map([[`${BASE}/issuer.json`, { status: 503 }]]) }), ALICE),
    );
    expect(problems(down.checks)).toContain('fetch:unchecked:ISSUER_UNREACHABLE');
    expect(down.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'unchecked', code: 'KEY_UNREACHABLE' });
    expect(down.badge?.name).toBe('Besace Signed Test Badge');
  });

  it('what is not a compact JWS is a parse failure', async () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', '!!!.???.***', 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln']) {
      const out = await verifyOb2Jws(bad, context(net(), ALICE));
      expect(out.checks[0]?.id, bad).toBe('parse');
      expect(out.checks[0]?.status, bad).toBe('fail');
      expect(out.badge).toBeNull();
    }
  });
});

describe('1EdTech OB 2.0 JWS samples', () => {
  const NOBODY = { emails: ['nobody@example.org'], urls: [] };

  it('each verifies with its creator key, and only with it', async () => {
    const jwt = readCorpusText('1edtech-dcpv/ob20/simple-not-revoked.jwt');
    const ok = await verifyOb2Jws(jwt, context(mockNet(), NOBODY));
    expect(problems(ok.checks)).toEqual([]);
    expect(ok.checks.find((c) => c.id === 'signature')?.params).toEqual({ key: 'http://example.org/key2.json' });

    // key2's document, but with key3's PEM: the signature no longer matches.
    const key2 = JSON.parse(readCorpusText('1edtech-dcpv/ob20/assets/key2.json')) as Record<string, unknown>;
    const key3 = JSON.parse(readCorpusText('1edtech-dcpv/ob20/assets/key3.json')) as Record<string, unknown>;
    const overlay = new Map([['http://example.org/key2.json', JSON.stringify({
      ...key2,
      publicKeyPem: key3['publicKeyPem'],
    })]]);
    const swapped = await verifyOb2Jws(jwt, context(mockNet({ overlay }), NOBODY));
    expect(problems(swapped.checks)).toEqual(['signature:fail:TAMPERED']);
  });

  it('simple-revoked.jwt: revoked with the reason the list gives', async () => {
    const out = await verifyOb2Jws(readCorpusText('1edtech-dcpv/ob20/simple-revoked.jwt'), context(mockNet(), NOBODY));
    expect(out.checks.find((c) => c.id === 'status')).toEqual({
      id: 'status',
      status: 'fail',
      code: 'REVOKED',
      params: { url: 'http://example.org/revocation-list.json', reason: 'A good reason, for sure' },
    });
    expect(out.checks.find((c) => c.id === 'signature')?.status).toBe('pass');
  });

  it('simple.jwt: an issuer without revocationList → status NO_STATUS', async () => {
    const out = await verifyOb2Jws(readCorpusText('1edtech-dcpv/ob20/simple.jwt'), context(mockNet(), NOBODY));
    expect(out.checks.find((c) => c.id === 'status')).toEqual({ id: 'status', status: 'pass', code: 'NO_STATUS' });
    expect(out.badge).toMatchObject({ proof: 'jws', obVersion: '2.0', name: 'Awesome Robotics Badge' });
  });
});

describe('RevocationList entries', () => {
  const LIST = 'https://issuer.test/revocations';
  const issuer = { id: 'https://issuer.test/i', revocationList: LIST };
  const status = async (assertion: Record<string, unknown>, list: unknown) => {
    const n = mockNet({ rows: [], overlay: new Map([[LIST, JSON.stringify(list)]]) });
    return revocationListCheck(context(n), assertion, issuer);
  };
  const id = 'https://issuer.test/a/1';

  it('bare id strings, {id, revocationReason}, legacy {uid}, and urn:uuid in another case', async () => {
    expect((await status({ id }, { type: 'RevocationList', revokedAssertions: [id] })).code).toBe('REVOKED');
    expect(await status({ id }, {
      type: 'RevocationList',
      revokedAssertions: [{ id, revocationReason: 'Why' }],
    })).toMatchObject({
      code: 'REVOKED',
      params: { reason: 'Why' },
    });
    expect((await status({ id, uid: 'abc' }, { revokedAssertions: [{ uid: 'abc' }] })).code).toBe('REVOKED');
    const urn = 'urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9';
    expect((await status({ id: urn }, { revokedAssertions: [urn.toUpperCase().replace('URN:UUID', 'urn:uuid')] })).code).toBe('REVOKED');
  });

  it('not listed, or listed with revoked: false → not revoked', async () => {
    expect(await status({ id }, { revokedAssertions: ['https://issuer.test/a/2'] })).toMatchObject({ status: 'pass', code: 'OK' });
    expect(await status({ id }, { revokedAssertions: [{ id, revoked: false }] })).toMatchObject({ status: 'pass' });
    expect(await status({ id }, { revokedAssertions: [] })).toMatchObject({ status: 'pass' });
  });

  it('OB 1.x lists were a map uid → reason', async () => {
    expect(await status({ id, uid: '123abc' }, { '123abc': 'Cheated' })).toMatchObject({
      code: 'REVOKED',
      params: { reason: 'Cheated' },
    });
    expect(await status({ id, uid: 'other' }, { '123abc': 'Cheated' })).toMatchObject({ status: 'pass' });
  });

  it('a list without revokedAssertions, or not JSON, leaves the status unchecked', async () => {
    expect(await status({ id }, { type: 'RevocationList' })).toMatchObject({
      status: 'unchecked',
      code: 'STATUS_LIST_INVALID',
    });
    const n = mockNet({ rows: [], overlay: new Map([[LIST, '<html>']]) });
    expect(await revocationListCheck(context(n), { id }, issuer)).toMatchObject({
      status: 'unchecked',
      code: 'STATUS_LIST_INVALID',
    });
  });

  it('an assertion that says revoked: true is revoked', async () => {
    expect(await status({ id, revoked: true, revocationReason: 'Gone' }, { revokedAssertions: [] })).toMatchObject({
      code: 'REVOKED',
      params: { reason: 'Gone' },
    });
  });
});
