/**
 * Verification end to end in headless Chromium: the same src/core/verify code as the Node suite
 * (tests/core/verify/http/), bundled by Vite into a small test page and run over the page's own
 * network door (browserNet), against the fixture server on 127.0.0.1 (HTTPS, its TEST-ONLY key
 * pinned for this browser only, and plain HTTP). Fixtures are signed at test time.
 *
 * Every shared case runs in the page AND in Node against the same server: the verdicts, checks
 * (with their params) and normalised badges must be equal. Then what only a browser can say: a
 * response withheld for want of CORS headers (CORS_BLOCKED, told apart from an unreachable host by
 * browserNet's no-cors probe), and a device that is offline (OFFLINE, no request at all).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bake } from '../../../src/core/baking';
import { verify, type PipelineReport } from '../../../src/core/verify';
import { nodeNet } from '../../../src/node/net';
import { expectCase, HTTP_CASES, IDENTITIES, problemsOf, summary, type HttpCase } from '../../core/verify/http/cases';
import { makeHttpIssuer, OB2_CONTEXT, type HttpIssuer } from '../../fixtures/ours/http/issuer';
import { startFixtureServer, type FixtureServer, type Route } from '../../support/fixtureServer';
import { nodeFetchWithCa } from '../../support/nodeFetchWithCa';
import { startStaticServer, type StaticServer } from '../../support/staticServer';
import { buildVerifyPage, launchTrustingTestCa, openVerifyPage, verifyInPage, type BuiltPage, type VerifyTab } from './support';

let built: BuiltPage | undefined;
let pageServer: StaticServer | undefined;
let fixture: FixtureServer | undefined;
let issuer: HttpIssuer;
let browser: Browser | undefined;
let tab: VerifyTab;
const timings: Record<string, number> = {};

const identities = { emails: [...IDENTITIES.emails], urls: [], others: [...IDENTITIES.others] };

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[label] = Date.now() - started;
  }
}

beforeAll(async () => {
  built = await timed('build test page', buildVerifyPage);
  pageServer = await startStaticServer({ root: built.dir });
  fixture = await startFixtureServer();
  issuer = await timed('sign fixtures', () => makeHttpIssuer({ https: fixture!.httpsOrigin, http: fixture!.httpOrigin }));
  for (const [path, route] of Object.entries(issuer.routes)) fixture.route(path, route);
  browser = await timed('launch chromium', launchTrustingTestCa);
  tab = await timed('open page', () => openVerifyPage(browser!, pageServer!.origin));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([pageServer?.close(), fixture?.close()]);
  await built?.remove();
  process.stdout.write(`[verify.browser] ${Object.entries(timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}\n`);
});

/** Runs `fn` with some routes replaced, then puts the issuer's own back. */
async function withRoutes<T>(routes: Record<string, Route>, fn: () => Promise<T>): Promise<T> {
  for (const [path, route] of Object.entries(routes)) fixture!.route(path, route);
  try {
    return await fn();
  } finally {
    for (const path of Object.keys(routes)) {
      const own = issuer.routes[path];
      if (own) fixture!.route(path, own);
    }
  }
}

/** The paths the fixture server saw while `fn` ran. */
async function seen<T>(fn: () => Promise<T>): Promise<{ value: T; requests: string[] }> {
  const before = fixture!.requests.length;
  const value = await fn();
  return { value, requests: fixture!.requests.slice(before) };
}

type Input = { readonly text: string } | { readonly bytes: Uint8Array };

async function inChromium(input: Input, options: { timeoutMs?: number; netId?: string } = {}, on: VerifyTab = tab) {
  const { value, requests } = await seen(() => verifyInPage(on.page, input, { identities, ...options }));
  return { report: value.report, verdict: value.report.verdict, checks: value.report.checks, requests, ms: value.ms };
}

async function inNode(input: Input, options: { timeoutMs?: number } = {}) {
  const net = nodeNet({ fetch: nodeFetchWithCa, ...options });
  const verifyInput = 'bytes' in input ? { kind: 'bytes' as const, bytes: input.bytes } : { kind: 'text' as const, text: input.text };
  const { value, requests } = await seen(() => verify(verifyInput, { net, now: () => new Date(), identities }));
  return { report: value, verdict: value.verdict, checks: value.checks, requests };
}

/** What must be equal between the runtimes: everything but the time of the check. */
const comparable = (r: PipelineReport) => JSON.parse(JSON.stringify({ ...r, checkedAt: undefined })) as unknown;

const caseNamed = (prefix: string): HttpCase => {
  const c = HTTP_CASES.find((x) => x.name.startsWith(prefix));
  if (!c) throw new Error(`no case ${prefix}`);
  return c;
};

describe('verify() in Chromium over HTTP(S) on 127.0.0.1: the same cases, the same answers as Node', () => {
  it.each(HTTP_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const options = c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {};
    const { chromium, node } = await withRoutes(c.swap?.(issuer) ?? {}, async () => ({
      chromium: await inChromium({ text: c.input(issuer) }, options),
      node: await inNode({ text: c.input(issuer) }, options),
    }));
    expectCase(c, issuer, chromium);
    expectCase(c, issuer, node);
    expect(comparable(chromium.report)).toEqual(comparable(node.report));
  });

  it('baked images: the signed OB 2.0 PNG and the VC-JWT SVG verify from their bytes in the page', async () => {
    const png = bake(new Uint8Array(readFileSync(new URL('../../fixtures/corpus/mozilla-bakery/unbaked.png', import.meta.url))), issuer.inputs.ob2SignedValid);
    const svg = bake(new Uint8Array(readFileSync(new URL('../../fixtures/corpus/mozilla-bakery/unbaked.svg', import.meta.url))), issuer.inputs.ob3VcJwt);
    if (!png.ok || !svg.ok) throw new Error('bake failed');
    const fromPng = await inChromium({ bytes: png.value.bytes });
    expectCase(caseNamed('OB 2.0 signed (RS256 JWS), key linked'), issuer, fromPng);
    expect(fromPng.report.extraction?.container).toBe('png');
    const fromSvg = await inChromium({ bytes: svg.value.bytes });
    expectCase(caseNamed('OB 3.0 VC-JWT (ES256)'), issuer, fromSvg);
    expect(fromSvg.report.extraction?.container).toBe('svg');
    expect(comparable(fromSvg.report)).toEqual(comparable((await inNode({ bytes: svg.value.bytes })).report));
  });

  it('the page’s Net caches: verifying again with the same Net makes no request', async () => {
    const first = await inChromium({ text: issuer.inputs.ob3StatusClear }, { netId: 'cache' });
    const again = await inChromium({ text: issuer.inputs.ob3StatusClear }, { netId: 'cache' });
    expect([...first.requests].sort()).toEqual(['/.well-known/did.json', '/status/list-1']);
    expect(again.requests).toEqual([]);
    expect(summary(again.checks)).toEqual(summary(first.checks));
    expect(again.verdict).toBe('valid');
  });
});

describe('what only a browser says', () => {
  it('a hosted assertion served without CORS headers: the browser withholds it → CORS_BLOCKED, unverified (Node: valid)', async () => {
    const input = { text: issuer.inputs.ob2HostedNoCors };
    const chromium = await inChromium(input);
    expect({ verdict: chromium.verdict, problems: problemsOf(chromium.checks) }).toEqual({
      verdict: 'unverified',
      problems: ['fetch:unchecked:CORS_BLOCKED', 'status:unchecked:CORS_BLOCKED'],
    });
    expect(chromium.checks.find((c) => c.id === 'fetch')?.params).toEqual({ url: issuer.urls.ob2NoCors });
    // The request the browser withheld, then browserNet's no-cors probe that found the server there;
    // BadgeClass and Profile (served with CORS) are read as usual.
    expect([...chromium.requests].sort()).toEqual(['/ob2/assertions/no-cors.json', '/ob2/assertions/no-cors.json', '/ob2/badgeclass.json', '/ob2/issuer.json']);

    const node = await inNode(input);
    expect({ verdict: node.verdict, problems: problemsOf(node.checks) }).toEqual({ verdict: 'valid', problems: [] });
  });

  it('a host that does not answer at all → ISSUER_UNREACHABLE, not CORS_BLOCKED (same in Node)', async () => {
    const port = await closedPort();
    const base = `https://127.0.0.1:${port}`;
    const assertion = {
      '@context': OB2_CONTEXT,
      type: 'Assertion',
      id: `${base}/assertion.json`,
      recipient: { type: 'email', hashed: false, identity: IDENTITIES.emails[0] },
      badge: `${base}/badgeclass.json`,
      issuedOn: '2024-01-15T10:00:00Z',
      verification: { type: 'HostedBadge' },
    };
    const input = { text: JSON.stringify(assertion) };
    const chromium = await inChromium(input);
    const node = await inNode(input);
    for (const run of [chromium, node]) {
      expect(run.verdict).toBe('unverified');
      expect(problemsOf(run.checks)).toContain('fetch:unchecked:ISSUER_UNREACHABLE');
      expect(problemsOf(run.checks)).toContain('status:unchecked:ISSUER_UNREACHABLE');
      expect(problemsOf(run.checks).filter((p) => p.includes('CORS_BLOCKED'))).toEqual([]);
    }
    expect(summary(chromium.checks)).toEqual(summary(node.checks));
  });

  it('offline (the context set offline) → OFFLINE everywhere, unverified, and not one request', async () => {
    const offline = await openVerifyPage(browser!, pageServer!.origin);
    try {
      // The installed app has its code (JSON-LD contexts included) precached by the service worker;
      // this page has none, so one verification online loads the context chunks first.
      expect((await inChromium({ text: issuer.inputs.ob3DataIntegrity }, {}, offline)).verdict).toBe('valid');
      await offline.context.setOffline(true);

      const hosted = await inChromium({ text: issuer.inputs.ob2HostedValid }, {}, offline);
      expect(hosted.verdict).toBe('unverified');
      expect(problemsOf(hosted.checks)).toEqual(expect.arrayContaining(['fetch:unchecked:OFFLINE', 'status:unchecked:OFFLINE']));
      expect(problemsOf(hosted.checks).filter((p) => !p.endsWith(':OFFLINE'))).toEqual([]);
      expect(hosted.checks.find((c) => c.id === 'fetch' && c.code === 'OFFLINE')?.params).toEqual({ url: issuer.urls.ob2Valid });

      const di = await inChromium({ text: issuer.inputs.ob3DataIntegrity }, {}, offline);
      expect({ verdict: di.verdict, problems: problemsOf(di.checks) }).toEqual({
        verdict: 'unverified',
        problems: ['signature:unchecked:OFFLINE', 'issuerKey:unchecked:NOT_CHECKED'],
      });
      expect(di.checks.find((c) => c.id === 'signature')?.params).toMatchObject({ url: issuer.urls.didDocument });
      expect(hosted.requests).toEqual([]);
      expect(di.requests).toEqual([]);
      expect(offline.pageErrors).toEqual([]);
    } finally {
      await offline.close();
    }
  });

  it('offline before the JSON-LD context files are loaded: "could not check", never "invalid"', async () => {
    // The bundled contexts are loaded lazily; offline in a fresh tab (or after an app update removed
    // the old files) their import fails. That says nothing about the credential: CONTEXT_UNAVAILABLE.
    const cold = await openVerifyPage(browser!, pageServer!.origin);
    try {
      await cold.context.setOffline(true);
      const di = await inChromium({ text: issuer.inputs.ob3DataIntegrity }, {}, cold);
      expect(di.verdict).toBe('unverified');
      expect(di.checks.some((c: { code: string; status: string }) => c.code === 'CONTEXT_UNAVAILABLE' && c.status === 'unchecked')).toBe(true);
      expect(di.checks.some((c: { status: string }) => c.status === 'fail')).toBe(false);
    } finally {
      await cold.close();
    }
  });

  it('nothing else was asked for, and nothing threw in the page', () => {
    expect(tab.blocked).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});

/** A TCP port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
