/** The test server for the production build: content types, SPA fallback, 404s, no way out of root. */
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/staticServer';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'besace-static-'));
  root = join(dir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'export {};');
  await writeFile(join(root, 'assets', 'app-1234.css'), 'body{}');
  await writeFile(join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'manifest.webmanifest'), '{}');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  server = await startStaticServer({ root, headers: { 'X-Content-Type-Options': 'nosniff' } });
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(join(root, '..'), { recursive: true, force: true });
});

/** A raw GET, so that `..` reaches the server as sent (fetch would normalise it). */
function get(path: string): Promise<{ status: number; type: string | undefined; body: string; nosniff: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body,
          nosniff: res.headers['x-content-type-options'] as string | undefined,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 on an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/assets/app-1234.js', 'text/javascript; charset=utf-8'],
    ['/assets/app-1234.css', 'text/css; charset=utf-8'],
    ['/icon.svg', 'image/svg+xml'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.type).toBe(type);
    expect(res.nosniff).toBe('nosniff');
  });

  it('answers a client-side route with index.html', async () => {
    const res = await get('/badges/abc?x=1');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>app</title>');
  });

  it('answers a missing asset with 404, not with index.html', async () => {
    const res = await get('/assets/gone-0000.js');
    expect(res.status).toBe(404);
  });

  it('never serves a file outside its root', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      expect(res.body, path).not.toContain('outside the root');
      expect([403, 404], path).toContain(res.status);
    }
  });

  it('records the paths it was asked for', () => {
    expect(server.requests).toContain('/badges/abc?x=1');
  });
});
