/**
 * OB 1.x/2.0 HostedBadge: the hosted copy is authoritative, 410 and `revoked: true` revoke, the
 * network's failures stay distinct, the verification scope, plain-http hosting.
 */
import { describe, expect, it } from 'vitest';
import type { FetchOptions, Net } from '../../../../src/core/net/types';
import { verifyOb2Json, verifyOb2Url } from '../../../../src/core/verify/ob2';
import { verdictOf } from '../../../../src/core/verify/verdict';
import {
  context,
  CORPUS_MOCKS,
  mockNet,
  NOBODY,
  OUR_MOCKS,
  problems,
  readCorpusText,
  readOurs,
  type MockNetOptions,
} from './support';

const ASSERTION_URL = 'https://example.org/beths-robotics-badge.json';
const basic = () => JSON.parse(readCorpusText('1edtech-dcpv/ob20/basic-assertion.json')) as Record<string, unknown>;
const net = (opts: MockNetOptions = {}) => mockNet({ rows: [...OUR_MOCKS(), ...CORPUS_MOCKS()], ...opts });

describe('hosted: the fetched copy is the one verified', () => {
  it('baked JSON only tells the URL: the hosted copy is the one shown; a differing local copy is flagged, with its own defects', async () => {
    const local = { ...basic(), issuedOn: '2099-01-01T00:00:00Z', narrative: 'local copy' };
    const out = await verifyOb2Json(JSON.stringify(local), context(net(), NOBODY), { source: 'baked' });
    expect(problems(out.checks)).toEqual(['fetch:warn:LOCAL_COPY_DIFFERS', 'validFrom:fail:NOT_YET_VALID']);
    expect(out.checks.find((c) => c.code === 'NOT_YET_VALID')?.params).toMatchObject({ copy: 'local' });
    expect(out.badge?.issuedOn).toBe('2016-12-31T23:59:59.000Z');
    expect(out.badge?.narrative).toBeNull();
    expect(out.checks.find((c) => c.id === 'fetch' && c.status === 'pass')).toEqual({
      id: 'fetch',
      status: 'pass',
      code: 'OK',
      params: { url: ASSERTION_URL },
    });
  });

  it('asks with Accept: application/ld+json, application/json and allows http:', async () => {
    const seen: Array<{ url: string; opts: FetchOptions | undefined }> = [];
    const inner = net();
    const spy: Net = {
      fetch: (url, opts) => {
        seen.push({ url, opts });
        return inner.fetch(url, opts);
      },
    };
    await verifyOb2Json(basic(), context(spy, NOBODY));
    expect(seen[0]).toEqual({
      url: ASSERTION_URL,
      opts: { accept: 'application/ld+json, application/json', allowHttp: true },
    });
    expect(seen.map((s) => s.url)).toEqual([
      ASSERTION_URL,
      'https://example.org/robotics-badge.json',
      'https://example.org/organization.json',
    ]);
  });

  it('410 Gone → REVOKED, with the reason its body gives', async () => {
    const replies = new Map([[ASSERTION_URL, { status: 410, body: '{"revoked": true, "revocationReason": "Cheated"}' }]]);
    const out = await verifyOb2Json(basic(), context(net({ replies }), NOBODY));
    expect(out.checks.find((c) => c.id === 'status')).toEqual({
      id: 'status',
      status: 'fail',
      code: 'REVOKED',
      params: { url: ASSERTION_URL, httpStatus: 410, reason: 'Cheated' },
    });
    expect(verdictOf(out.checks)).toBe('invalid');
    const viaUrl = await verifyOb2Url(ASSERTION_URL, context(net({ replies }), NOBODY));
    expect(problems(viaUrl.checks)).toEqual(['status:fail:REVOKED']);
  });

  it('a body saying revoked: true → REVOKED {reason}', async () => {
    const out = await verifyOb2Url('https://issuer.besace.test/ob2/hosted-revoked-body.json', context(net(), NOBODY));
    expect(out.checks.find((c) => c.id === 'status')).toMatchObject({
      status: 'fail',
      code: 'REVOKED',
      params: { reason: 'Plagiarism' },
    });
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it('offline ≠ CORS ≠ unreachable ≠ not found; the local copy is still checked', async () => {
    const code = async (opts: MockNetOptions) => {
      const out = await verifyOb2Json(basic(), context(net(opts), NOBODY));
      return { fetch: out.checks.find((c) => c.id === 'fetch'), verdict: verdictOf(out.checks), out };
    };
    const offline = await code({ failures: new Map([[ASSERTION_URL, 'OFFLINE']]) });
    expect(offline.fetch).toMatchObject({ status: 'unchecked', code: 'OFFLINE', params: { url: ASSERTION_URL } });
    expect(offline.verdict).toBe('unverified');
    expect(offline.out.checks.find((c) => c.id === 'status')).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });
    expect(offline.out.checks.find((c) => c.id === 'recipient')?.code).toBe('RECIPIENT_MATCH');
    expect(offline.out.badge?.name).toBe('Awesome Robotics Badge');

    expect((await code({ failures: new Map([[ASSERTION_URL, 'CORS_BLOCKED']]) })).fetch).toMatchObject({ status: 'unchecked', code: 'CORS_BLOCKED' });
    expect((await code({ failures: new Map([[ASSERTION_URL, 'NETWORK']]) })).fetch).toMatchObject({ status: 'unchecked', code: 'ISSUER_UNREACHABLE' });
    expect((await code({ replies: new Map([[ASSERTION_URL, { status: 502 }]]) })).fetch).toMatchObject({ status: 'unchecked', code: 'ISSUER_UNREACHABLE' });
    expect((await code({ failures: new Map([[ASSERTION_URL, 'TIMEOUT']]) })).fetch).toMatchObject({ status: 'unchecked', code: 'TIMEOUT' });
    // The host answered: the assertion is not there (hosted verification fails, as in 1EdTech and Mozilla's backpack).
    const gone = await code({ replies: new Map([[ASSERTION_URL, { status: 404 }]]) });
    expect(gone.fetch).toMatchObject({
      status: 'fail',
      code: 'NOT_FOUND',
      params: { url: ASSERTION_URL, httpStatus: 404 },
    });
    expect(gone.verdict).toBe('invalid');
  });

  it('http: hosting is accepted with an INSECURE_HTTP warning', async () => {
    const doc = { ...basic(), id: 'http://example.org/hosted-over-http.json' };
    const overlay = new Map([[doc.id, JSON.stringify(doc)]]);
    const out = await verifyOb2Json(doc, context(net({ overlay }), NOBODY));
    expect(problems(out.checks)).toEqual(['fetch:warn:INSECURE_HTTP']);
    expect(verdictOf(out.checks)).toBe('warning');
  });

  it('the served document declares another id: warn ID_MISMATCH and use the copy at the declared id', async () => {
    const served = { ...basic(), id: 'https://example.org/canonical.json' };
    const canonical = { ...served, narrative: 'canonical' };
    const overlay = new Map([
      [ASSERTION_URL, JSON.stringify(served)],
      ['https://example.org/canonical.json', JSON.stringify(canonical)],
    ]);
    const out = await verifyOb2Url(ASSERTION_URL, context(net({ overlay }), NOBODY));
    expect(problems(out.checks)).toEqual(['fetch:warn:ID_MISMATCH']);
    expect(out.badge?.narrative).toBe('canonical');
    expect(out.badge?.id).toBe('https://example.org/canonical.json');
  });
});

describe('hosted: verification scope (SPECS §2.6)', () => {
  const hosted = () => JSON.parse(readOurs('hosted-valid.json')) as Record<string, unknown>;

  it('default: the assertion must be on the issuer id’s origin', async () => {
    const ok = await verifyOb2Url('https://issuer.besace.test/ob2/hosted-valid.json', context(net(), NOBODY));
    expect(ok.checks.find((c) => c.id === 'scope')).toEqual({
      id: 'scope',
      status: 'pass',
      code: 'OK',
      params: { origin: 'issuer.besace.test' },
    });

    const elsewhere = { ...hosted(), id: 'https://elsewhere.test/hosted-valid.json' };
    const overlay = new Map([[elsewhere.id as string, JSON.stringify(elsewhere)]]);
    const out = await verifyOb2Json(elsewhere, context(net({ overlay }), NOBODY));
    expect(out.checks.find((c) => c.id === 'scope')).toMatchObject({
      status: 'fail',
      code: 'OUT_OF_SCOPE',
      params: { id: 'https://elsewhere.test/hosted-valid.json', allowedOrigins: 'issuer.besace.test' },
    });
    expect(verdictOf(out.checks)).toBe('invalid');
  });

  it('allowedOrigins and startsWith from the issuer’s verification policy', async () => {
    const issuer = JSON.parse(readOurs('issuer.json')) as Record<string, unknown>;
    const elsewhere = { ...hosted(), id: 'https://cdn.issuer.test/a/1.json' };
    const run = async (verification: unknown) => {
      const overlay = new Map([
        [elsewhere.id as string, JSON.stringify(elsewhere)],
        ['https://issuer.besace.test/ob2/issuer.json', JSON.stringify({ ...issuer, verification })],
      ]);
      const out = await verifyOb2Json(elsewhere, context(net({ overlay }), NOBODY));
      return out.checks.find((c) => c.id === 'scope');
    };
    expect(await run({ allowedOrigins: ['cdn.issuer.test'] })).toMatchObject({ status: 'pass' });
    expect(await run({ allowedOrigins: 'CDN.issuer.test' })).toMatchObject({ status: 'pass' });
    expect(await run({ allowedOrigins: ['other.test'] })).toMatchObject({ status: 'fail', code: 'OUT_OF_SCOPE' });
    expect(await run({
      startsWith: 'https://cdn.issuer.test/a/',
      allowedOrigins: 'cdn.issuer.test',
    })).toMatchObject({ status: 'pass' });
    expect(await run({
      startsWith: ['https://x.test/', 'https://cdn.issuer.test/b/'],
      allowedOrigins: 'cdn.issuer.test',
    })).toMatchObject({
      status: 'fail',
      code: 'OUT_OF_SCOPE',
    });
  });
});

describe('legacy versions through the hosted path', () => {
  const TEST = { emails: ['test@example.com'], urls: [] };

  it('OB 0.5.1 fetched from its URL: upgraded, salted recipient, issuer origin → url', async () => {
    const url = 'http://oldstyle.com/assertions/1';
    const overlay = new Map([[url, readCorpusText('1edtech-validator-core/0_5_1_assertion.json')]]);
    const out = await verifyOb2Url(url, context(net({ overlay }), TEST));
    expect(out.checks.find((c) => c.id === 'version')).toEqual({
      id: 'version',
      status: 'pass',
      code: 'UPGRADED_FROM_0_5',
      params: { version: '0.5' },
    });
    expect(out.checks.find((c) => c.id === 'recipient')).toMatchObject({
      status: 'pass',
      code: 'RECIPIENT_MATCH',
      params: { identity: 'test@example.com' },
    });
    expect(out.badge).toMatchObject({
      obVersion: '0.5',
      proof: 'hosted',
      id: url,
      name: 'Basic McBadge',
      issuedOn: '2011-06-01T00:00:00.000Z',
      issuer: { name: 'Basic Issuer', url: 'http://oldstyle.com', id: null },
      recipients: [{ type: 'email', hashed: true, salt: 'sel gris' }],
    });
    // Embedded BadgeClass and issuer without ids: a warning each (validator-core assigns blank nodes),
    // and an issuer without an HTTP id has no origin to hold the assertion to (a warning there too).
    expect(problems(out.checks)).toEqual([
      'fetch:warn:INSECURE_HTTP',
      'scope:warn:ISSUER_NOT_HTTP',
      'schema:warn:PROPERTY_MISSING',
      'schema:warn:PROPERTY_MISSING',
    ]);
  });

  it('OB 0.5 JSON without the URL it came from cannot be hosted-verified', async () => {
    const out = await verifyOb2Json(readCorpusText('1edtech-validator-core/0_5_assertion.json'), context(net(), TEST));
    expect(out.checks.find((c) => c.id === 'fetch')).toMatchObject({ status: 'unchecked', code: 'BAD_URL' });
    expect(verdictOf(out.checks)).not.toBe('valid');
  });

  it('OB 1.0: the id comes from verify.url, the BadgeClass and issuer are upgraded too', async () => {
    const out = await verifyOb2Json(readCorpusText('1edtech-validator-core/1_0_basic_assertion.json'), context(net({
      overlay: new Map([['http://a.com/instance', readCorpusText('1edtech-validator-core/1_0_basic_assertion.json')]]),
    }), TEST));
    expect(out.checks.find((c) => c.id === 'version')?.code).toBe('UPGRADED_FROM_1_0');
    expect(out.badge).toMatchObject({
      obVersion: '1.0',
      id: 'http://a.com/instance',
      achievementId: 'http://a.com/badgeclass',
      name: 'Basic Badge',
      issuedOn: '2015-04-30T00:00:00.000Z',
      issuer: { id: 'http://a.com/issuer', name: 'Basic Issuer', url: 'http://a.com/issuer', email: null },
    });
    expect(out.checks.find((c) => c.id === 'recipient')?.code).toBe('RECIPIENT_MATCH');
  });

  it('OB 1.1: Unix and naive timestamps are read as UTC', async () => {
    const doc = JSON.parse(readCorpusText('1edtech-validator-core/1_1_basic_assertion.json')) as Record<string, unknown>;
    const unix = { ...doc, issuedOn: 1500423730, expires: '2031-05-15T10:00:00' };
    const overlay = new Map([[ASSERTION_URL, JSON.stringify(unix)]]);
    const out = await verifyOb2Json(unix, context(net({ overlay, prefer: '1edtech-validator-core/' }), NOBODY));
    expect(out.checks.find((c) => c.id === 'version')?.code).toBe('UPGRADED_FROM_1_1');
    expect(out.badge?.issuedOn).toBe('2017-07-19T00:22:10.000Z');
    expect(out.badge?.expires).toBe('2031-05-15T10:00:00.000Z');
    expect(problems(out.checks)).toEqual([]);
  });

  it('JSON with // comments (1EdTech redirected-validation-subject.json) is read', async () => {
    const text = readCorpusText('1edtech-dcpv/ob20/redirected-validation-subject.json');
    const overlay = new Map([['http://example.org/altbadgeurl', text]]);
    const out = await verifyOb2Json(text, context(net({ overlay }), NOBODY));
    expect(out.checks.some((c) => c.id === 'parse')).toBe(false);
    expect(out.badge?.id).toBe('http://example.org/altbadgeurl');
    expect(problems(out.checks)).toEqual(['fetch:warn:INSECURE_HTTP']);
  });
});

describe('what is not a hosted assertion', () => {
  it('unparseable JSON → parse BAD_JSON; a JSON array → NOT_A_BADGE', async () => {
    expect((await verifyOb2Json('{verify:{"url":"x"}}', context(net()))).checks).toEqual([{
      id: 'parse',
      status: 'fail',
      code: 'BAD_JSON',
    }]);
    expect((await verifyOb2Json('[1,2]', context(net()))).checks[0]).toMatchObject({ code: 'NOT_A_BADGE' });
  });

  it('a URL serving something else than JSON → parse BAD_JSON {url}', async () => {
    const out = await verifyOb2Url('https://example.org/beths-robot-work.html', context(net()));
    expect(problems(out.checks)).toEqual(['parse:fail:BAD_JSON']);
  });

  it('a signed assertion handed over as plain JSON has no proof', async () => {
    const jws = readCorpusText('1edtech-dcpv/ob20/simple.jwt').trim();
    const payload = Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8');
    const out = await verifyOb2Json(payload, context(net(), NOBODY));
    expect(out.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'unchecked', code: 'NO_PROOF' });
    expect(out.badge?.proof).toBe('none');
    expect(verdictOf(out.checks)).toBe('unverified');
  });
});
