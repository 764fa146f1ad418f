/**
 * checkCredentialStatus on the corpus's real status lists (DCC, 1EdTech) and on our own.
 * The lists' own proofs are answered by a TEST DOUBLE of the Data Integrity verifier (another
 * engineer's module): these tests are about what the status logic does with each answer.
 */
import { describe, expect, it } from 'vitest';
import { checkCredentialStatus } from '../../../../src/core/verify/status';
import type { VerifyContext } from '../../../../src/core/verify/types';
import {
  bitstring,
  corpusNet,
  ctxWith,
  encodeList,
  fakeJwtVerifier,
  fakeProofVerifier,
  mapNet,
  ourList,
  readCorpusJson,
  unsignedJwt,
  type ProofAnswer,
} from '../ob3/support';

const DCC_LIST = 'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj';
const DCC_LIST_RAW = 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj';
const DCC_LISTS = 'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/';
const EDTECH_LIST =
  'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

const bitstringEntry = (url: string, index: string | number, extra: Record<string, unknown> = {}) => ({
  id: `${url}#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: index,
  statusListCredential: url,
  ...extra,
});

function deps(answer: ProofAnswer | ((doc: Record<string, unknown>) => ProofAnswer) = 'valid') {
  const proof = fakeProofVerifier(answer);
  return { verifyListProof: proof, verifyListJwt: fakeJwtVerifier('valid'), proof };
}

const statusOf = async (credentialStatus: unknown, ctx: VerifyContext, d = deps(), id = 'urn:uuid:our-credential') =>
  checkCredentialStatus({ id, credentialStatus }, ctx, d);

describe('no credentialStatus', () => {
  it('passes NO_STATUS without any request', async () => {
    const net = mapNet({});
    expect(await checkCredentialStatus({ id: 'x' }, ctxWith(net), deps())).toEqual([{ id: 'status', status: 'pass', code: 'NO_STATUS' }]);
    expect(net.requests).toEqual([]);
  });
});

describe('BitstringStatusListEntry on the corpus lists', () => {
  it('DCC list: index 7 is not revoked, 6 and 8 are (string indexes, both URLs of the list)', async () => {
    const ctx = ctxWith(await corpusNet());
    expect(await statusOf(bitstringEntry(DCC_LIST, '7'), ctx)).toEqual([
      { id: 'status', status: 'pass', code: 'OK', params: { type: 'BitstringStatusListEntry', purpose: 'revocation', url: DCC_LIST, index: 7 } },
    ]);
    expect((await statusOf(bitstringEntry(DCC_LIST, '6'), ctx))[0]).toMatchObject({ status: 'fail', code: 'REVOKED', params: { index: 6 } });
    expect((await statusOf(bitstringEntry(DCC_LIST_RAW, '8'), ctx))[0]).toMatchObject({ status: 'fail', code: 'REVOKED', params: { index: 8 } });
  });

  it('the real DCC credentials: v2Revoked is revoked, v2WithValidStatus is not', async () => {
    const ctx = ctxWith(await corpusNet());
    const revoked = readCorpusJson('dcc-verifier-core/v2/v2Revoked.json');
    const fine = readCorpusJson('dcc-verifier-core/v2/v2WithValidStatus.json');
    expect((await checkCredentialStatus(revoked, ctx, deps()))[0]).toMatchObject({ status: 'fail', code: 'REVOKED' });
    expect((await checkCredentialStatus(fine, ctx, deps()))[0]).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('1EdTech testlist: index 23 (given as a JSON number) is revoked, 22 is not', async () => {
    const ctx = ctxWith(await corpusNet());
    const credential = readCorpusJson('1edtech-dcpv/ob30/bit-string-list/credential-status-revoked.json');
    expect(await checkCredentialStatus(credential, ctx, deps())).toEqual([
      {
        id: 'status',
        status: 'fail',
        code: 'REVOKED',
        params: { type: 'BitstringStatusListEntry', purpose: 'revocation', url: EDTECH_LIST, index: 23 },
      },
    ]);
    expect((await statusOf(bitstringEntry(EDTECH_LIST, 22), ctx))[0]).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('verifies the list credential’s own proof, with the list issuer, once per URL per run', async () => {
    const d = deps();
    const ctx = ctxWith(await corpusNet());
    await statusOf(bitstringEntry(DCC_LIST, '7'), ctx, d);
    await statusOf(bitstringEntry(DCC_LIST, '6'), ctx, d);
    await statusOf([bitstringEntry(DCC_LIST, '1'), bitstringEntry(DCC_LIST, '2')], ctx, d);
    expect(d.proof.calls).toHaveLength(1);
    expect(d.proof.calls[0]?.['issuer']).toBe('did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q');
    // A new run (another context) looks again.
    await statusOf(bitstringEntry(DCC_LIST, '7'), ctxWith(await corpusNet()), d);
    expect(d.proof.calls).toHaveLength(2);
  });
});

describe('broken lists are warnings: the status cannot be determined (DCC: expired, not yet valid, tampered)', () => {
  it('a list whose proof fails → STATUS_LIST_INVALID proof', async () => {
    const ctx = ctxWith(await corpusNet());
    const d = deps((doc) => (String(doc['id']).endsWith('/tampered') ? 'tampered' : 'valid'));
    expect((await statusOf(bitstringEntry(`${DCC_LISTS}tampered`, '7'), ctx, d))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_LIST_INVALID',
      params: { reason: 'proof', detail: 'TAMPERED' },
    });
  });

  it('an expired list and a not-yet-valid list', async () => {
    const ctx = ctxWith(await corpusNet());
    expect((await statusOf(bitstringEntry(`${DCC_LISTS}expired`, '7'), ctx))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_LIST_INVALID',
      params: { reason: 'expired', date: '2021-01-09T15:20:02.183Z' },
    });
    expect((await statusOf(bitstringEntry(`${DCC_LISTS}notYetValid`, '7'), ctx))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_LIST_INVALID',
      params: { reason: 'not-yet-valid' },
    });
  });

  it('a list that is not a BitstringStatusListCredential', async () => {
    const ctx = ctxWith(await corpusNet());
    expect((await statusOf(bitstringEntry(`${DCC_LISTS}missingBitStringType`, '7'), ctx))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_LIST_INVALID',
      params: { reason: 'type', expected: 'BitstringStatusListCredential' },
    });
  });

  it('a list URL that answers 404 (DCC v2DoubleSigWithBadStatusUrl) → STATUS_UNREACHABLE', async () => {
    const ctx = ctxWith(await corpusNet());
    const credential = readCorpusJson('dcc-verifier-core/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json');
    expect((await checkCredentialStatus(credential, ctx, deps()))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_UNREACHABLE',
      params: { net: 'NOT_FOUND', httpStatus: 404 },
    });
  });

  it('offline → unchecked OFFLINE, not a verdict on the list', async () => {
    const ctx = ctxWith(mapNet({}, 'offline'));
    expect((await statusOf(bitstringEntry(DCC_LIST, '7'), ctx))[0]).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });
  });

  it('the list’s key cannot be fetched → unchecked with the verifier’s code', async () => {
    const ctx = ctxWith(await corpusNet());
    expect((await statusOf(bitstringEntry(DCC_LIST, '7'), ctx, deps('key-unreachable')))[0]).toMatchObject({
      status: 'unchecked',
      code: 'KEY_UNREACHABLE',
    });
  });
});

describe('our own lists', () => {
  const URL_ = 'https://issuer.example/status/1';
  const ctxFor = (list: object) => ctxWith(mapNet({ [URL_]: list }));

  it('suspension → SUSPENDED; revocation and suspension entries each get their check', async () => {
    const revocation = ourList(`${URL_}`, encodeList(bitstring(16_384, {})));
    const suspension = ourList(`${URL_}s`, encodeList(bitstring(16_384, { 42: 1 })), { purpose: 'suspension' });
    const ctx = ctxWith(mapNet({ [URL_]: revocation, [`${URL_}s`]: suspension }));
    const checks = await statusOf(
      [bitstringEntry(URL_, '42'), bitstringEntry(`${URL_}s`, '42', { statusPurpose: 'suspension' })],
      ctx,
    );
    expect(checks.map((c) => [c.status, c.code])).toEqual([
      ['pass', 'OK'],
      ['fail', 'SUSPENDED'],
    ]);
  });

  it('an index past the end → STATUS_INDEX_OUT_OF_RANGE', async () => {
    const ctx = ctxFor(ourList(URL_, encodeList(bitstring(16_384))));
    expect((await statusOf(bitstringEntry(URL_, '131072'), ctx))[0]).toMatchObject({
      status: 'fail',
      code: 'STATUS_INDEX_OUT_OF_RANGE',
      params: { index: 131072, entries: 131072 },
    });
  });

  it('statusSize 2: a non-zero entry is revoked, its value reported', async () => {
    const ctx = ctxFor(ourList(URL_, encodeList(bitstring(16_384, { 5: 2, 6: 0 }, 2))));
    expect((await statusOf(bitstringEntry(URL_, '5', { statusSize: 2 }), ctx))[0]).toMatchObject({ code: 'REVOKED', params: { value: 2 } });
    expect((await statusOf(bitstringEntry(URL_, '6', { statusSize: 2 }), ctx))[0]).toMatchObject({ code: 'OK' });
  });

  it('an entry whose purpose the list does not have → STATUS_LIST_INVALID purpose', async () => {
    const ctx = ctxFor(ourList(URL_, encodeList(bitstring(16_384)), { purpose: 'suspension' }));
    expect((await statusOf(bitstringEntry(URL_, '1'), ctx))[0]).toMatchObject({ status: 'warn', params: { reason: 'purpose' } });
  });

  it('refresh / message purposes are noted without fetching anything', async () => {
    const net = mapNet({});
    const checks = await statusOf(bitstringEntry(URL_, '1', { statusPurpose: 'message' }), ctxWith(net));
    expect(checks[0]).toMatchObject({ status: 'pass', code: 'NOT_APPLICABLE', params: { purpose: 'message' } });
    expect(net.requests).toEqual([]);
  });

  it('StatusList2021Entry (plain base64url) and RevocationList2020Status', async () => {
    const sl2021 = ourList(URL_, encodeList(bitstring(16_384, { 9: 1 }), true), { type: 'StatusList2021Credential' });
    const rl2020 = ourList(`${URL_}rl`, encodeList(bitstring(16_384, { 10: 1 }), true), { type: 'RevocationList2020Credential' });
    const ctx = ctxWith(mapNet({ [URL_]: sl2021, [`${URL_}rl`]: rl2020 }));
    const checks = await statusOf(
      [
        { type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '9', statusListCredential: URL_ },
        { type: 'RevocationList2020Status', revocationListIndex: '10', revocationListCredential: `${URL_}rl` },
        { type: 'RevocationList2020Status', revocationListIndex: '11', revocationListCredential: `${URL_}rl` },
      ],
      ctx,
    );
    expect(checks.map((c) => c.code)).toEqual(['REVOKED', 'REVOKED', 'OK']);
  });

  it('a list served as a VC-JWT is verified by the VC-JWT verifier', async () => {
    const list = ourList(URL_, encodeList(bitstring(16_384, { 3: 1 })), { proof: false });
    const ctx = ctxWith(mapNet({ [URL_]: unsignedJwt(list) }));
    expect((await statusOf(bitstringEntry(URL_, '3'), ctx))[0]).toMatchObject({ code: 'REVOKED' });
    const rejecting = { ...deps(), verifyListJwt: fakeJwtVerifier('tampered') };
    expect((await statusOf(bitstringEntry(URL_, '3'), ctxWith(mapNet({ [URL_]: unsignedJwt(list) })), rejecting))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_LIST_INVALID',
      params: { reason: 'proof' },
    });
  });

  it('a list without any proof → STATUS_LIST_INVALID no-proof', async () => {
    const ctx = ctxFor(ourList(URL_, encodeList(bitstring(16_384)), { proof: false }));
    expect((await statusOf(bitstringEntry(URL_, '1'), ctx))[0]).toMatchObject({ status: 'warn', params: { reason: 'no-proof' } });
  });

  it('malformed entries and unknown status types', async () => {
    const ctx = ctxWith(mapNet({}));
    const checks = await statusOf(
      [
        { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: 'x', statusListCredential: URL_ },
        { type: 'SomeFutureStatus', id: 'https://x.example/s' },
        'not an object',
      ],
      ctx,
    );
    expect(checks.map((c) => [c.status, c.code, c.params?.['reason']])).toEqual([
      ['warn', 'STATUS_LIST_INVALID', 'entry'],
      ['warn', 'STATUS_TYPE_UNSUPPORTED', undefined],
      ['warn', 'STATUS_LIST_INVALID', 'entry'],
    ]);
  });
});

describe('1EdTechRevocationList', () => {
  const LIST = 'https://issuer.example/revocations';
  const entry = { id: LIST, type: '1EdTechRevocationList' };
  const id = 'https://issuer.example/credentials/3732';

  it('revoked when listed with revoked true or absent, with the reason; both spellings read', async () => {
    const plural = { id: LIST, revokedCredentials: [{ id, revoked: true, revocationReason: 'Issued in error' }] };
    expect(await statusOf(entry, ctxWith(mapNet({ [LIST]: plural })), deps(), id)).toEqual([
      { id: 'status', status: 'fail', code: 'REVOKED', params: { type: '1EdTechRevocationList', url: LIST, reason: 'Issued in error' } },
    ]);
    const singular = { id: LIST, revokedCredential: [{ id }] };
    expect((await statusOf(entry, ctxWith(mapNet({ [LIST]: singular })), deps(), id))[0]).toMatchObject({ code: 'REVOKED' });
  });

  it('not revoked when absent from the list or revoked: false', async () => {
    const list = { revokedCredentials: [{ id, revoked: false }, { id: 'urn:uuid:someone-else' }] };
    expect((await statusOf(entry, ctxWith(mapNet({ [LIST]: list })), deps(), id))[0]).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('a list that cannot be fetched or read is a warning; offline is unchecked', async () => {
    expect((await statusOf(entry, ctxWith(mapNet({})), deps(), id))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_UNREACHABLE',
      params: { httpStatus: 404 },
    });
    expect((await statusOf(entry, ctxWith(mapNet({ [LIST]: 'not json' })), deps(), id))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_UNREACHABLE',
    });
    expect((await statusOf(entry, ctxWith(mapNet({}, 'offline')), deps(), id))[0]).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });
  });

  it('1EdTech credential-status-revoked.json: its live list is not in the corpus (404 here) → warning', async () => {
    const credential = readCorpusJson('1edtech-dcpv/ob30/credential-status-revoked.json');
    expect((await checkCredentialStatus(credential, ctxWith(await corpusNet()), deps()))[0]).toMatchObject({
      status: 'warn',
      code: 'STATUS_UNREACHABLE',
    });
  });
});

describe('the per-run cache of decoded lists', () => {
  const DCC_LIST_URL = DCC_LIST;

  it('a list that could not be reached is asked again within the same run', async () => {
    let online = false;
    const documents = await corpusNet();
    const net = {
      requests: 0,
      fetch(url: string, options?: Parameters<typeof documents.fetch>[1]) {
        this.requests++;
        return online ? documents.fetch(url, options) : Promise.resolve({ ok: false as const, url, code: 'OFFLINE' as const });
      },
    };
    const ctx = ctxWith(net);
    expect((await statusOf(bitstringEntry(DCC_LIST_URL, '6'), ctx))[0]).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });
    online = true;
    expect((await statusOf(bitstringEntry(DCC_LIST_URL, '6'), ctx))[0]).toMatchObject({ status: 'fail', code: 'REVOKED' });
    expect(net.requests).toBe(2);
  });

  it('a context kept open reuses a list for five minutes of its clock, then looks again', async () => {
    const d = deps();
    let now = new Date('2026-01-01T00:00:00Z');
    const ctx: VerifyContext = { ...ctxWith(await corpusNet()), now: () => now };
    await statusOf(bitstringEntry(DCC_LIST_URL, '7'), ctx, d);
    now = new Date('2026-01-01T00:04:59Z');
    await statusOf(bitstringEntry(DCC_LIST_URL, '7'), ctx, d);
    expect(d.proof.calls).toHaveLength(1);
    now = new Date('2026-01-01T00:05:01Z');
    await statusOf(bitstringEntry(DCC_LIST_URL, '7'), ctx, d);
    expect(d.proof.calls).toHaveLength(2);
  });
});
