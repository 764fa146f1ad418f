/**
 * `vite preview` (the way to try the production build locally) sends the policy as a header too, with
 * the headers a <meta> cannot carry.
 */
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserSetup } from '../support/browser';

let server: PreviewServer;
let origin: string;

beforeAll(async () => {
  server = await preview({
    root: fileURLToPath(new URL('../../', import.meta.url)),
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { outDir: browserSetup().dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not listen on a port');
  origin = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
});

it('sends the Content-Security-Policy, nosniff and no-referrer headers', async () => {
  const response = await fetch(`${origin}/`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta).toBeTruthy();
  // The header is the meta's policy, plus frame-ancestors (ignored in a <meta>).
  expect(response.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');

  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await fetch(new URL(script!, origin));
  expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  await asset.arrayBuffer();
});
