/** nodeNet: Node's own fetch against the fixture server, and the error classifier. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNodeError, nodeNet } from '../../src/node/net';
import { startFixtureServer, type FixtureServer } from '../support/fixtureServer';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ '/a.json': { body: { a: 1 } }, '/slow': { delayMs: 5_000 } });
});
afterAll(async () => {
  await server.close();
});

describe('nodeNet', () => {
  it('fetches over http://127.0.0.1 with Node fetch', async () => {
    expect(await nodeNet().fetch(`${server.httpOrigin}/a.json`)).toMatchObject({ ok: true, contentType: 'application/json' });
  });

  it('keeps TLS checks on: the test certificate is not trusted by plain Node fetch', async () => {
    expect(await nodeNet().fetch(`${server.httpsOrigin}/a.json`)).toMatchObject({ ok: false, code: 'NETWORK' });
  });

  it('reports a refused connection as NETWORK and a slow server as TIMEOUT', async () => {
    const closed = await startFixtureServer();
    const origin = closed.httpOrigin;
    await closed.close();
    expect(await nodeNet().fetch(`${origin}/x`)).toMatchObject({ ok: false, code: 'NETWORK' });
    expect(await nodeNet({ timeoutMs: 100 }).fetch(`${server.httpOrigin}/slow`)).toMatchObject({ ok: false, code: 'TIMEOUT' });
  });
});

describe('classifyNodeError', () => {
  const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  it.each([
    [fetchFailed('ECONNREFUSED'), 'NETWORK'],
    [fetchFailed('ENOTFOUND'), 'NETWORK'],
    [fetchFailed('ECONNRESET'), 'NETWORK'],
    [fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT'), 'NETWORK'],
    [fetchFailed('UND_ERR_CONNECT_TIMEOUT'), 'TIMEOUT'],
    [new DOMException('aborted', 'AbortError'), 'TIMEOUT'],
    [new DOMException('timed out', 'TimeoutError'), 'TIMEOUT'],
    ['a string', 'NETWORK'],
    [null, 'NETWORK'],
  ])('%s → %s', (error, code) => {
    expect(classifyNodeError(error)).toBe(code);
  });
});
