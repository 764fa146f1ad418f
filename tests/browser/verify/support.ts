/**
 * Support for the Chromium verification suite: the small test page (./page/) built with Vite's
 * build() API, Chromium that trusts the fixture server's TEST-ONLY certificate (pinned by its key for
 * this browser only, tests/fixtures/tls/README.md), and a page that reaches only 127.0.0.1 (the
 * test page, the fixture server, and the closed ports tests aim at on purpose).
 *
 *   const page = await buildVerifyPage();                 // node_modules/.cache/besace-verify-page/<run>/
 *   const browser = await launchTrustingTestCa();
 *   const tab = await openVerifyPage(browser, pageOrigin);
 *   const { report } = await verifyInPage(tab.page, { text }, { timeoutMs: 400 });
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { PipelineReport } from '../../../src/core/verify';
import { CHROMIUM_ARGS } from '../../support/browser';
import { CHROMIUM_PATH } from '../../support/ensureChromium';
import type { PageAnswer, PageInput, PageOptions } from './page/entry';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/besace-verify-page/', import.meta.url));

export interface BuiltPage {
  /** The built page (index.html and assets). */
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * Builds ./page/ (index.html + entry.ts, which imports src/core/verify and src/platform/browserNet)
 * into a folder of its own for this run, so runs in the same working tree never share one.
 * No config file: neither Preact nor the app's CSP plugin concern this page.
 */
export async function buildVerifyPage(): Promise<BuiltPage> {
  const { build } = await import('vite');
  const dir = `${CACHE_DIR}${process.pid}-${Date.now().toString(36)}`;
  await mkdir(CACHE_DIR, { recursive: true });
  // Vitest sets NODE_ENV=test; the build must see 'production' (as tests/globalSetup.browser.ts does).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root: PAGE_DIR,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** base64(SHA-256(SubjectPublicKeyInfo)) of the fixture server's certificate, computed from the committed PEM. */
export function testServerSpkiHash(): string {
  const pem = readFileSync(fileURLToPath(new URL('../../fixtures/tls/server.pem', import.meta.url)));
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** The browser the globalSetup prepared (or Debian's, when this file runs without it). */
function chromiumPath(): string {
  try {
    return inject('chromiumPath') || CHROMIUM_PATH;
  } catch {
    return CHROMIUM_PATH;
  }
}

/**
 * Chromium with the usual test flags, accepting the fixture server's certificate by its public key
 * (and nothing else that the system does not trust).
 */
export function launchTrustingTestCa(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${testServerSpkiHash()}`],
  });
}

export interface VerifyTab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to any host but 127.0.0.1 (each aborted): there should be none. */
  readonly blocked: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/**
 * A fresh context with the test page loaded. Requests to 127.0.0.1 (any port, http or https) go to
 * the network untouched — CORS, TLS and refused connections are the browser's own; any other host
 * is recorded and aborted, so a test never reaches the internet.
 */
export async function openVerifyPage(browser: Browser, pageOrigin: string): Promise<VerifyTab> {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      blocked.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? `${error.name}: ${error.message}`));
  await page.goto(`${pageOrigin}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.besaceReady === true);
  return { context, page, blocked, pageErrors, close: () => context.close() };
}

export interface PageRun {
  readonly report: PipelineReport;
  readonly ms: number;
}

/** Runs verify() in the page and returns its report (as plain JSON data). */
export async function verifyInPage(
  page: Page,
  input: { readonly text: string } | { readonly bytes: Uint8Array },
  options: PageOptions = {},
): Promise<PageRun> {
  const arg: PageInput = 'bytes' in input ? { base64: Buffer.from(input.bytes).toString('base64') } : { text: input.text };
  const json = await page.evaluate(([i, o]) => window.besaceVerify(i, o), [arg, options] as const);
  const answer = JSON.parse(json) as PageAnswer;
  return { report: answer.report, ms: answer.ms };
}
