/** createNet through real sockets: the fixture server on 127.0.0.1 over HTTPS (test CA) and HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNet, type NetOptions } from '../../../src/core/net/net';
import type { FetchResult } from '../../../src/core/net/types';
import { startFixtureServer, type FixtureServer } from '../../support/fixtureServer';
import { nodeFetchWithCa } from '../../support/nodeFetchWithCa';

const dec = new TextDecoder();
const jsonOf = (r: FetchResult): unknown => JSON.parse(dec.decode(r.ok ? r.body : r.body ?? new Uint8Array()));

let server: FixtureServer;
const hits = (path: string): number => server.requests.filter((p) => p === path).length;
const net = (opts: Partial<NetOptions> = {}) => createNet({ fetch: nodeFetchWithCa, ...opts });

beforeAll(async () => {
  server = await startFixtureServer({
    '/assertion.json': { body: { id: '{{origin}}/assertion.json', type: 'Assertion' } },
    '/revoked.json': { status: 410, body: { revoked: true, revocationReason: 'Issued in error' } },
    '/broken': { status: 500, body: 'internal error' },
    '/gone': { status: 404, body: 'nope' },
    '/slow.json': { delayMs: 3_000, body: {} },
    '/moved': { redirect: '/assertion.json' },
    '/moved-absolute': { redirect: '{{origin}}/assertion.json', status: 301 },
    '/huge-chunked': { body: new Uint8Array(6 * 1024 * 1024), chunked: true },
    '/huge-declared': { body: new Uint8Array(6 * 1024 * 1024) },
    '/cached.json': { body: { once: true } },
    '/no-cors.json': { body: {}, cors: false },
    '/ld': { body: '{"@context": "https://w3id.org/openbadges/v2"}', contentType: 'application/ld+json; charset=utf-8' },
  });
});
afterAll(async () => {
  await server.close();
});

describe('createNet over the fixture server (HTTPS, test CA)', () => {
  it('fetches JSON with the server origin substituted', async () => {
    const r = await net().fetch(`${server.httpsOrigin}/assertion.json`);
    expect(r).toMatchObject({ ok: true, status: 200, contentType: 'application/json', cached: false });
    expect(jsonOf(r)).toEqual({ id: `${server.httpsOrigin}/assertion.json`, type: 'Assertion' });
  });

  it('reads the media type without parameters', async () => {
    expect(await net().fetch(`${server.httpsOrigin}/ld`)).toMatchObject({ ok: true, contentType: 'application/ld+json' });
  });

  it('reports a 410 with its revocation body readable', async () => {
    const r = await net().fetch(`${server.httpsOrigin}/revoked.json`);
    expect(r).toMatchObject({ ok: false, code: 'HTTP_ERROR', status: 410 });
    expect(jsonOf(r)).toEqual({ revoked: true, revocationReason: 'Issued in error' });
  });

  it('reports 500, 404 and an unknown path as HTTP errors', async () => {
    expect(await net().fetch(`${server.httpsOrigin}/broken`)).toMatchObject({ code: 'HTTP_ERROR', status: 500 });
    expect(await net().fetch(`${server.httpsOrigin}/gone`)).toMatchObject({ code: 'HTTP_ERROR', status: 404 });
    expect(await net().fetch(`${server.httpsOrigin}/no-such-route`)).toMatchObject({ code: 'HTTP_ERROR', status: 404 });
  });

  it('times out on a server slower than timeoutMs', async () => {
    const started = Date.now();
    const r = await net({ timeoutMs: 150 }).fetch(`${server.httpsOrigin}/slow.json`);
    expect(r).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('follows redirects and reports the final URL', async () => {
    for (const path of ['/moved', '/moved-absolute']) {
      const r = await net().fetch(`${server.httpsOrigin}${path}`);
      expect(r).toMatchObject({ ok: true, url: `${server.httpsOrigin}${path}`, finalUrl: `${server.httpsOrigin}/assertion.json` });
    }
  });

  it('refuses an oversized body, streamed or declared', async () => {
    expect(await net().fetch(`${server.httpsOrigin}/huge-chunked`)).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(await net().fetch(`${server.httpsOrigin}/huge-declared`)).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    // and accepts it under a larger cap
    expect(await net({ maxBytes: 7 * 1024 * 1024 }).fetch(`${server.httpsOrigin}/huge-chunked`)).toMatchObject({ ok: true });
  });

  it('answers a second fetch from the cache: the server sees one request', async () => {
    const n = net();
    expect(await n.fetch(`${server.httpsOrigin}/cached.json`)).toMatchObject({ ok: true, cached: false });
    expect(await n.fetch(`${server.httpsOrigin}/cached.json`)).toMatchObject({ ok: true, cached: true });
    expect(hits('/cached.json')).toBe(1);
  });

  it('with documentsOnly, never reaches the server', async () => {
    const before = server.requests.length;
    const documents = new Map([[`${server.httpsOrigin}/mapped.json`, { body: new TextEncoder().encode('{"m":1}'), contentType: 'application/json' }]]);
    const n = net({ documents, documentsOnly: true });
    expect(await n.fetch(`${server.httpsOrigin}/mapped.json`)).toMatchObject({ ok: true });
    expect(await n.fetch(`${server.httpsOrigin}/assertion.json`)).toMatchObject({ ok: false, code: 'NOT_IN_DOCUMENT_MAP' });
    expect(server.requests.length).toBe(before);
  });

  it('serves a route added at test time (e.g. a fixture signed for this origin)', async () => {
    server.route('/late.json', { body: ({ origin, path }) => ({ id: `${origin}${path}` }) });
    const r = await net().fetch(`${server.httpsOrigin}/late.json?x=1`);
    expect(jsonOf(r)).toEqual({ id: `${server.httpsOrigin}/late.json?x=1` });
  });

  it('sends CORS headers unless the route says cors: false', async () => {
    const on = await nodeFetchWithCa(`${server.httpsOrigin}/assertion.json`, { headers: {}, signal: new AbortController().signal, redirect: 'follow' });
    const off = await nodeFetchWithCa(`${server.httpsOrigin}/no-cors.json`, { headers: {}, signal: new AbortController().signal, redirect: 'follow' });
    expect(on.headers.get('access-control-allow-origin')).toBe('*');
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    await on.body?.cancel();
    await off.body?.cancel();
  });
});

describe('createNet over the fixture server (plain HTTP on loopback)', () => {
  it('accepts http://127.0.0.1 like https, without allowHttp', async () => {
    const r = await net().fetch(`${server.httpOrigin}/assertion.json`);
    expect(r).toMatchObject({ ok: true, status: 200 });
    // {{origin}} is always the https origin
    expect(jsonOf(r)).toMatchObject({ id: `${server.httpsOrigin}/assertion.json` });
  });
});

describe('the fixture server', () => {
  it('closes cleanly while an answer is still delayed', async () => {
    const own = await startFixtureServer({ '/slow': { delayMs: 60_000, body: 'late' } });
    const pending = createNet({ fetch: nodeFetchWithCa, timeoutMs: 30_000 }).fetch(`${own.httpsOrigin}/slow`);
    while (own.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toMatchObject({ ok: false, code: 'NETWORK' }); // the socket was closed
  });
});
