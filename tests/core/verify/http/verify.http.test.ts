/**
 * Verification end to end through real sockets: the fixture server on 127.0.0.1 (HTTPS with the
 * committed test CA, and plain HTTP), fixtures signed at test time so every URL carries the server's
 * ephemeral port, and the production Node door (nodeNet) over a fetch that trusts the test CA.
 * The same cases run in Chromium in tests/browser/verify/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake } from '../../../../src/core/baking';
import { verify, type VerifyInput } from '../../../../src/core/verify';
import type { VerifyContext } from '../../../../src/core/verify/types';
import { nodeNet } from '../../../../src/node/net';
import { makeHttpIssuer, type HttpIssuer } from '../../../fixtures/ours/http/issuer';
import { startFixtureServer, type FixtureServer, type Route } from '../../../support/fixtureServer';
import { nodeFetchWithCa } from '../../../support/nodeFetchWithCa';
import { expectCase, HTTP_CASES, IDENTITIES, problemsOf, summary, type HttpCase } from './cases';

let server: FixtureServer;
let issuer: HttpIssuer;

beforeAll(async () => {
  server = await startFixtureServer();
  issuer = await makeHttpIssuer({ https: server.httpsOrigin, http: server.httpOrigin });
  for (const [path, route] of Object.entries(issuer.routes)) server.route(path, route);
});
afterAll(async () => {
  await server?.close();
});

const ctxWith = (opts: { timeoutMs?: number } = {}): VerifyContext => ({
  net: nodeNet({ fetch: nodeFetchWithCa, ...opts }),
  now: () => new Date(),
  identities: IDENTITIES,
});

/** Runs `fn` with some routes replaced, then puts the issuer's own back. */
async function withRoutes<T>(routes: Record<string, Route>, fn: () => Promise<T>): Promise<T> {
  for (const [path, route] of Object.entries(routes)) server.route(path, route);
  try {
    return await fn();
  } finally {
    for (const path of Object.keys(routes)) {
      const own = issuer.routes[path];
      if (own) server.route(path, own);
    }
  }
}

/** One verification, and the paths the server saw while it ran. */
async function run(input: VerifyInput, ctx: VerifyContext = ctxWith()) {
  const before = server.requests.length;
  const report = await verify(input, ctx);
  return { report, requests: server.requests.slice(before), verdict: report.verdict, checks: report.checks };
}

const runCase = (c: HttpCase) =>
  withRoutes(c.swap?.(issuer) ?? {}, () =>
    run({ kind: 'text', text: c.input(issuer) }, ctxWith(c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {})),
  );

describe('verify() over HTTP(S) on 127.0.0.1, in Node', () => {
  it.each(HTTP_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const started = Date.now();
    const result = await runCase(c);
    expectCase(c, issuer, result);
    expect(result.report.extractError).toBeNull();
    if (c.timeoutMs !== undefined) expect(Date.now() - started).toBeLessThan(c.timeoutMs + 2_000);
  });

  it('the hosted assertion is the hosted copy: the report carries what the server serves', async () => {
    const { report } = await run({ kind: 'text', text: issuer.inputs.ob2HostedValid });
    expect(report.badge).toMatchObject({ obVersion: '2.0', proof: 'hosted', name: 'Fixture Server Badge' });
    expect(report.badge?.issuer).toMatchObject({ id: issuer.urls.ob2Issuer, name: 'Besace HTTP Test Issuer' });
  });
});

describe('baked images, verified from their bytes', () => {
  const unbakedPng = new Uint8Array(readFileSync(new URL('../../../fixtures/corpus/mozilla-bakery/unbaked.png', import.meta.url)));
  const unbakedSvg = new Uint8Array(readFileSync(new URL('../../../fixtures/corpus/mozilla-bakery/unbaked.svg', import.meta.url)));
  const caseNamed = (prefix: string): HttpCase => {
    const c = HTTP_CASES.find((x) => x.name.startsWith(prefix));
    if (!c) throw new Error(`no case ${prefix}`);
    return c;
  };

  it('the signed OB 2.0 JWS baked into a PNG verifies as the JWS does', async () => {
    const baked = bake(unbakedPng, issuer.inputs.ob2SignedValid);
    if (!baked.ok) throw new Error(JSON.stringify(baked.error));
    expect(baked.value).toMatchObject({ container: 'png', version: '2.0' });
    const fromText = await run({ kind: 'text', text: issuer.inputs.ob2SignedValid });
    const fromPng = await run({ kind: 'bytes', bytes: baked.value.bytes });
    expectCase(caseNamed('OB 2.0 signed (RS256 JWS), key linked'), issuer, fromPng);
    expect(fromPng.report.extraction).toMatchObject({ container: 'png', warnings: [] });
    expect(summary(fromPng.checks)).toEqual(summary(fromText.checks));
  });

  it('the OB 3.0 VC-JWT baked into an SVG verifies as the VC-JWT does', async () => {
    const baked = bake(unbakedSvg, issuer.inputs.ob3VcJwt);
    if (!baked.ok) throw new Error(JSON.stringify(baked.error));
    expect(baked.value).toMatchObject({ container: 'svg', version: '3.0' });
    const fromText = await run({ kind: 'text', text: issuer.inputs.ob3VcJwt });
    const fromSvg = await run({ kind: 'bytes', bytes: baked.value.bytes });
    expectCase(caseNamed('OB 3.0 VC-JWT (ES256)'), issuer, fromSvg);
    expect(fromSvg.report.extraction).toMatchObject({ container: 'svg', warnings: [] });
    expect(summary(fromSvg.checks)).toEqual(summary(fromText.checks));
  });
});

describe('requests: each document once per run, and not again from the cache', () => {
  it.each([
    ['OB 2.0 hosted', 'ob2HostedValid'],
    ['OB 2.0 signed', 'ob2SignedValid'],
    ['OB 3.0 VC-JWT', 'ob3VcJwt'],
    ['OB 3.0 Data Integrity + status list', 'ob3StatusClear'],
  ] as const)('%s: a second verification with the same context makes no request', async (_label, key) => {
    const ctx = ctxWith();
    const first = await run({ kind: 'text', text: issuer.inputs[key] }, ctx);
    const again = await run({ kind: 'text', text: issuer.inputs[key] }, ctx);
    expect(first.requests.length).toBeGreaterThan(0);
    expect(new Set(first.requests).size).toBe(first.requests.length);
    expect(again.requests).toEqual([]);
    expect(again.verdict).toBe('valid');
    expect(summary(again.checks)).toEqual(summary(first.checks));
  });

  it('documents shared by two badges are fetched once: the BadgeClass and Profile of a hosted badge serve the signed one', async () => {
    const ctx = ctxWith();
    await run({ kind: 'text', text: issuer.inputs.ob2HostedValid }, ctx);
    const signed = await run({ kind: 'text', text: issuer.inputs.ob2SignedValid }, ctx);
    expect([...signed.requests].sort()).toEqual(['/ob2/key.json', '/ob2/revocations.json']);
    expect(signed.verdict).toBe('valid');
  });

  it('failures are not cached: the issuer back up is seen on the next verification', async () => {
    const ctx = ctxWith();
    const down = await run({ kind: 'text', text: issuer.inputs.ob2HostedBroken }, ctx);
    expect(down.verdict).toBe('unverified');
    const up = await withRoutes({ '/ob2/assertions/broken.json': { body: JSON.parse(issuer.inputs.ob2HostedBroken) as object } }, () =>
      run({ kind: 'text', text: issuer.inputs.ob2HostedBroken }, ctx),
    );
    expect(up.requests).toEqual(['/ob2/assertions/broken.json']); // BadgeClass and Profile from the cache
    expect(up.verdict).toBe('valid');
  });
});

/** Problems these tests found in the verify code, now fixed: they stay as regressions. */
describe('regressions found by these tests', () => {
  it('a hosted assertion revoked as the spec says ({id, revoked: true}) fails only on REVOKED, not on its missing properties', async () => {
    // SPECS §2.2: "If revoked is true only id and revoked are required."
    const { checks } = await run({ kind: 'text', text: issuer.inputs.ob2HostedRevokedBody });
    expect(problemsOf(checks).filter((p) => p.includes(':fail:'))).toEqual(['status:fail:REVOKED']);
  });

  it('a hosted assertion given by its URL is fetched once', async () => {
    // The pipeline and the OB 2.0 path ask with the same Accept, so the second read is a cache hit.
    const { requests, verdict } = await run({ kind: 'text', text: issuer.urls.ob2Valid });
    expect(verdict).toBe('valid');
    expect(requests.filter((p) => p === '/ob2/assertions/valid.json')).toHaveLength(1);
  });

  it('one run asks for a DID document once, even when two proofs need it at the same time', async () => {
    // The credential's proof and its status list's proof resolve the same did:web document side by
    // side: createNet shares the request in flight.
    const didPath = new URL(issuer.urls.didDocument).pathname;
    const slowDid: Route = { ...issuer.routes[didPath]!, delayMs: 300 };
    const listPath = new URL(issuer.urls.statusList).pathname;
    const fastList: Route = { ...issuer.routes[listPath]!, delayMs: 0 };
    const { requests, verdict } = await withRoutes({ [didPath]: slowDid, [listPath]: fastList }, () =>
      run({ kind: 'text', text: issuer.inputs.ob3StatusClear }),
    );
    expect(verdict).toBe('valid');
    expect(requests.filter((p) => p === didPath)).toHaveLength(1);
  });
});
