/**
 * The installable, offline app in Chromium, against the production build (dist/, built once per
 * run by tests/globalSetup.browser.ts) on 127.0.0.1 (a secure context, so service workers run):
 *
 * - the web manifest and its icons, and a precache that holds every file of the build;
 * - after the first visit the service worker is active and controls the page; offline, a reload
 *   still opens the app, without a single request reaching the server;
 * - the shipped verification worker (the built assets/verify.worker-*.js, driven through its
 *   postMessage protocol) verifies a corpus badge offline, with the same report as Node;
 * - the share target: a POSTed file is answered by the service worker (303 to /?share-target=<key>)
 *   and waits in the hand-off cache;
 * - updates: a second build (B, made here) is offered ("Update available") and never forced:
 *   the page is not reloaded until the earner asks, and SKIP_WAITING activates it.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNet } from '../../src/core/net/net';
import { verify, type PipelineReport } from '../../src/core/verify';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/verifyHost';
import { browserSetup, launchBrowser, NO_PROBLEMS, openPage, type OpenedPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/staticServer';
import { buildProduction } from '../support/build';

const SCRATCH = fileURLToPath(new URL(`../../node_modules/.cache/besace-pwa-test/${process.pid}-${Date.now().toString(36)}/`, import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const BADGE = fileURLToPath(new URL('../fixtures/corpus/1edtech-dcpv/ob30/simple-json.png', import.meta.url));
const WIRING_HINT = 'the app registers /sw.js through src/platform/sw-register.ts (registerServiceWorker() in src/ui/main.tsx)';

let dist: string;
let server: StaticServer;
let browser: Browser;
const opened: OpenedPage[] = [];

async function open(origin = server.origin): Promise<OpenedPage> {
  const tab = await openPage(browser, origin, { locale: 'en-US' });
  opened.push(tab);
  return tab;
}

/** The app rendered something into #app. */
async function appOpened(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
}

/** First visit: the app registers its service worker, which precaches the build and takes the page. */
async function firstVisit(tab: OpenedPage, origin = server.origin): Promise<void> {
  await tab.page.goto(`${origin}/`, { waitUntil: 'load' });
  await appOpened(tab.page);
  await tab.page
    .waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 20_000 })
    .catch((error: unknown) => {
      throw new Error(`No service worker took the page after the first visit: ${WIRING_HINT}. (${String(error)})`);
    });
}

async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesOf(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The URLs of the precache manifest injected into dist/sw.js. */
async function precacheUrls(dir: string): Promise<string[]> {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{"revision":(?:"[0-9a-f]+"|null),"url":"([^"]+)"\}/g)].map((m) => m[1]!).sort();
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The checks as comparable rows (a report's date differs from run to run). */
const rows = (report: PipelineReport) => report.checks.map((c) => `${c.id}:${c.status}:${c.code}`);

beforeAll(async () => {
  const setup = browserSetup();
  dist = setup.dist;
  [server, browser] = await Promise.all([startStaticServer({ root: dist }), launchBrowser(setup.chromiumPath)]);
});

afterAll(async () => {
  await Promise.allSettled(opened.map((tab) => tab.close()));
  await browser?.close();
  await server?.close();
  await rm(SCRATCH, { recursive: true, force: true });
});

describe('the web manifest and the precache', () => {
  it('links a manifest with names, colours, icons, share_target and file_handlers', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"\s*\/?>/);
    expect(html).not.toMatch(/registerSW/); // no injected registration script (the CSP forbids inline ones)

    const manifest = JSON.parse(await readFile(join(dist, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
      share_target: { action: string; method: string; enctype: string; params: { files: { name: string; accept: string[] }[] } };
      file_handlers: { action: string; accept: Record<string, string[]> }[];
    };
    expect(manifest).toMatchObject({
      name: 'Besace — sac à badges',
      short_name: 'Besace',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#8a4b14',
      background_color: '#faf7f2',
    });
    expect(manifest.share_target).toMatchObject({ action: '/share-target', method: 'POST', enctype: 'multipart/form-data' });
    expect(manifest.share_target.params.files[0]!.name).toBe('badges');
    expect(manifest.share_target.params.files[0]!.accept).toEqual(expect.arrayContaining(['.png', '.svg', '.json', '.jws', '.jwt']));
    expect(manifest.file_handlers).toEqual([
      { action: '/', accept: { 'image/png': ['.png'], 'image/svg+xml': ['.svg'], 'application/json': ['.json'], 'text/plain': ['.jws', '.jwt'] } },
    ]);

    // Every icon is there, and is what it says: size, and for PNGs, transparency (any) or full bleed (maskable).
    const purposes = new Set<string>();
    for (const icon of manifest.icons) {
      const bytes = await readFile(join(dist, icon.src));
      purposes.add(`${icon.type} ${icon.purpose}`);
      if (icon.type !== 'image/png') continue;
      const png = PNG.sync.read(bytes);
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
      const cornerAlpha = png.data[3]!;
      expect(cornerAlpha, `${icon.src} corner`).toBe(icon.purpose === 'maskable' ? 255 : 0);
    }
    expect([...purposes].sort()).toEqual(['image/png any', 'image/png maskable', 'image/svg+xml any']);
    expect(manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes).sort()).toEqual(['192x192', '192x192', '512x512', '512x512']);
  });

  it('precaches every file of the build: the shell, the verification worker and its lazy chunks', async () => {
    const files = (await filesOf(dist)).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
    expect(await precacheUrls(dist)).toEqual(files);
    expect(files.some((f) => /^assets\/verify\.worker-[\w-]+\.js$/.test(f)), 'the build has no verification worker: the app must use src/platform/workerVerifier.ts').toBe(true);
    expect(files.some((f) => /^assets\/ob-v3p0-[\w-]+\.js$/.test(f))).toBe(true); // a lazily loaded JSON-LD context
    expect(files).not.toContain('icons/make-icons.ts');
  });

  it('keeps jsonld and the proof suites out of the page: only the worker loads them', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const shell = await readFile(join(dist, entry!), 'utf8');
    expect(shell).not.toMatch(/jsonld|rdf-canonize|URDNA2015|RDFC-1\.0/);
    const workerFile = (await readdir(join(dist, 'assets'))).find((f) => /^verify\.worker-[\w-]+\.js$/.test(f));
    expect(workerFile).toBeDefined();
    expect(await readFile(join(dist, 'assets', workerFile!), 'utf8')).toMatch(/RDFC-1\.0|URDNA2015/);
  });
});

describe('offline after the first visit', () => {
  it('has an active service worker controlling the page, which reloads offline', async () => {
    const tab = await open();
    await firstVisit(tab);
    const sw = await tab.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, script: registration.active?.scriptURL, state: registration.active?.state };
    });
    expect(sw).toEqual({ scope: `${server.origin}/`, script: `${server.origin}/sw.js`, state: 'activated' });

    // The precache holds every file the SW manifest lists.
    const cached = await tab.page.evaluate(async () => {
      const names = await caches.keys();
      const precache = names.find((n) => n.startsWith('workbox-precache'));
      if (!precache) return { names, urls: [] as string[] };
      const cache = await caches.open(precache);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort() };
    });
    expect(cached.urls).toEqual(await precacheUrls(dist));
    expect(cached.names.filter((n) => !n.startsWith('workbox-precache'))).toEqual([]); // no runtime cache

    const seen = server.requests.length;
    await tab.context.setOffline(true);
    await tab.page.reload({ waitUntil: 'load' });
    await appOpened(tab.page);
    // A deep link too: the navigation fallback answers it from the precache.
    await tab.page.goto(`${server.origin}/badges/some-badge?from=offline`, { waitUntil: 'load' });
    await appOpened(tab.page);
    expect(await tab.page.evaluate(() => navigator.onLine)).toBe(false);
    expect(server.requests.slice(seen)).toEqual([]); // nothing reached the server
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    await tab.close();
  });

  it('verifies a corpus badge offline in the shipped verification worker, with the same report as Node', async () => {
    const workerFile = (await readdir(join(dist, 'assets'))).find((f) => /^verify\.worker-[\w-]+\.js$/.test(f));
    expect(workerFile, 'the build has no verification worker: the app must use src/platform/workerVerifier.ts').toBeDefined();
    const bytes = new Uint8Array(await readFile(BADGE));

    // What the command line's pipeline says with no network at all.
    const offlineNet = createNet({
      fetch: async () => {
        throw new TypeError('offline');
      },
      isOnline: () => false,
    });
    const expected = await verify({ kind: 'bytes', bytes }, { net: offlineNet, now: () => new Date(), identities: { emails: [], urls: [] } });
    expect(expected.verdict).not.toBe('invalid'); // the signature checks out offline

    const tab = await open();
    await firstVisit(tab);
    await tab.context.setOffline(true);
    const seen = server.requests.length;
    const answers = await tab.page.evaluate(
      async ({ url, base64 }) => {
        const worker = new Worker(url, { type: 'module' });
        const answers: WorkerResponse[] = [];
        const done = new Promise<void>((resolve, reject) => {
          worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
            answers.push(event.data);
            if (answers.length === 2) resolve();
          });
          worker.addEventListener('error', (event) => reject(new Error(`worker error: ${event.message}`)));
          setTimeout(() => reject(new Error(`no answer in time (${answers.length} so far)`)), 20_000);
        });
        const badge = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const request: WorkerRequest = { type: 'verify', id: 7, input: { kind: 'bytes', bytes: badge }, identities: { emails: [], urls: [] } };
        worker.postMessage(request, [badge.buffer]);
        worker.postMessage({ type: 'verify', id: 8, input: { kind: 'nonsense' } }); // a broken request gets a typed failure
        await done;
        worker.terminate();
        return answers;
      },
      { url: `/assets/${workerFile}`, base64: Buffer.from(bytes).toString('base64') },
    );
    expect(server.requests.slice(seen)).toEqual([]); // the worker and its chunks came from the precache

    const failure = answers.find((a) => a.id === 8);
    expect(failure).toMatchObject({ type: 'failure', id: 8, code: 'BAD_REQUEST' });
    const answer = answers.find((a) => a.id === 7);
    expect(answer?.type).toBe('report');
    const report = (answer as Extract<WorkerResponse, { type: 'report' }>).report;
    expect(report.verdict).toBe(expected.verdict);
    expect(rows(report)).toEqual(rows(expected));
    expect(report.badge).toEqual(expected.badge);
    expect(rows(report)).toContain('signature:pass:OK');
    const { thirdPartyRequests, ...others } = await tab.problems();
    expect(others).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(thirdPartyRequests).toEqual([]); // offline: not even the issuer was asked
    await tab.close();
  });
});

describe('the share target', () => {
  it('answers a POSTed file with 303 to /?share-target=<key> and keeps the file for the page', async () => {
    const tab = await open();
    await firstVisit(tab);
    const bytes = new Uint8Array(await readFile(BADGE));
    const shared = await tab.page.evaluate(async (base64) => {
      const badge = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append('badges', new File([badge], 'mon badge é.png', { type: 'image/png' }));
      form.append('title', 'A badge');
      form.append('url', 'https://issuer.example/assertions/1');
      // Not followed: what the service worker answered is a redirect (to the host it would be a 405).
      const manual = await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' });
      // Followed: a 303 turns the POST into a GET of the app.
      const response = await fetch('/share-target', { method: 'POST', body: form });
      const key = new URL(response.url).searchParams.get('share-target');
      const cache = await caches.open('besace-share-target');
      const entries = [];
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (!path.startsWith(`/share-target/${key}/`)) continue;
        const stored = (await cache.match(request))!;
        const body = new Uint8Array(await stored.arrayBuffer());
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
        entries.push({
          path: path.slice(`/share-target/${key}/`.length),
          kind: stored.headers.get('x-besace-kind'),
          name: stored.headers.get('x-besace-name'),
          type: stored.headers.get('content-type'),
          sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
          text: stored.headers.get('x-besace-kind') === 'text' ? new TextDecoder().decode(body) : null,
        });
      }
      // A title alone is not something to add.
      const titleOnly = new FormData();
      titleOnly.append('title', 'Just a title');
      const empty = await fetch('/share-target', { method: 'POST', body: titleOnly });
      return {
        manualType: manual.type,
        redirected: response.redirected,
        status: response.status,
        finalUrl: response.url,
        key,
        entries,
        emptyUrl: new URL(empty.url).search,
      };
    }, Buffer.from(bytes).toString('base64'));

    expect(shared.manualType).toBe('opaqueredirect');
    expect(shared.redirected).toBe(true);
    expect(shared.status).toBe(200);
    expect(shared.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new URL(shared.finalUrl).pathname).toBe('/');
    expect(shared.entries.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '0', kind: 'file', name: encodeURIComponent('mon badge é.png'), type: 'image/png', sha256: sha256(bytes), text: null },
      { path: '1', kind: 'text', name: null, type: 'text/plain;charset=utf-8', sha256: expect.any(String), text: 'https://issuer.example/assertions/1' },
    ]);
    expect(shared.emptyUrl).toBe('?share-target-error=empty');
    expect(server.requests).not.toContain('/share-target'); // the POST never reached the host
    expect(server.requests).toContain(`/?share-target=${shared.key}`); // the redirect's GET did
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    await tab.close();
  });

  it('takes a real share navigation (a multipart form POST) to the app, which takes the file', async () => {
    const tab = await open();
    await firstVisit(tab);
    await tab.page.evaluate(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.enctype = 'multipart/form-data';
      form.action = '/share-target';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'badges';
      input.id = 'besace-test-share';
      form.append(input);
      document.body.append(form);
    });
    await tab.page.setInputFiles('#besace-test-share', { name: 'badge.png', mimeType: 'image/png', buffer: await readFile(BADGE) });
    const arrived = tab.page.waitForURL(/\/\?share-target=[0-9a-f-]{36}$/);
    await tab.page.evaluate(() => document.querySelector('form')!.submit());
    await arrived;
    await appOpened(tab.page);
    // The app (src/platform/shareTarget.ts) takes the file out of the hand-off cache and cleans the URL.
    await tab.page.waitForFunction(() => location.search === '');
    await tab.page.waitForFunction(async () => (await (await caches.open('besace-share-target')).keys()).length === 0);
    expect(server.requests).not.toContain('/share-target');
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    await tab.close();
  });
});

describe('updates are offered, never forced', () => {
  let served: string;
  let buildB: string;
  let updateServer: StaticServer;

  /** Build B: the same app with one changed file (index.html), so sw.js's precache manifest changes. */
  async function buildVariant(outDir: string): Promise<void> {
    await buildProduction(outDir, {
      plugins: [{ name: 'besace-test:build-b', transformIndexHtml: (html: string) => html.replace('</head>', '<meta name="besace-build" content="B" />\n</head>') }],
    });
  }

  async function serveBuild(from: string): Promise<void> {
    await rm(served, { recursive: true, force: true });
    await cp(from, served, { recursive: true });
  }

  beforeAll(async () => {
    served = join(SCRATCH, 'served');
    buildB = join(SCRATCH, 'build-b');
    await mkdir(SCRATCH, { recursive: true });
    await buildVariant(buildB);
    expect(await readFile(join(buildB, 'sw.js'), 'utf8')).not.toBe(await readFile(join(dist, 'sw.js'), 'utf8'));
    await serveBuild(dist);
    updateServer = await startStaticServer({ root: served });
  }, 120_000);

  afterAll(async () => {
    await updateServer?.close();
  });

  /** Visit build A, then publish build B and let the registration find it. */
  async function visitThenPublishB(): Promise<OpenedPage> {
    await serveBuild(dist);
    const tab = await open(updateServer.origin);
    await firstVisit(tab, updateServer.origin);
    await tab.page.evaluate(() => {
      (window as unknown as { besaceTestMark: string }).besaceTestMark = 'still the same page';
    });
    await serveBuild(buildB);
    await tab.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await tab.page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed', undefined, {
      polling: 100,
      timeout: 20_000,
    });
    return tab;
  }

  const mark = (page: Page) => page.evaluate(() => (window as unknown as { besaceTestMark?: string }).besaceTestMark ?? null);
  const servedBuild = (page: Page) =>
    page.evaluate(async () => ((await (await fetch('/')).text()).includes('<meta name="besace-build" content="B"') ? 'B' : 'A'));

  it('a waiting version is announced and waits; SKIP_WAITING from the page activates it without a reload', async () => {
    const tab = await visitThenPublishB();
    const { page } = tab;
    await page.getByRole('status').getByText('Update available').waitFor();
    expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'update-prompt-en.png') });
    await page.waitForTimeout(1_000);
    expect(await mark(page)).toBe('still the same page'); // not reloaded on its own
    expect(await servedBuild(page)).toBe('A'); // the old version still answers

    await page.getByRole('button', { name: 'Later' }).click();
    expect(await page.getByText('Update available').count()).toBe(0);

    // The message the Reload button sends: the waiting worker takes over.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      registration!.waiting!.postMessage({ type: 'SKIP_WAITING' });
      await changed;
    });
    expect(await servedBuild(page)).toBe('B');
    await page.waitForTimeout(500);
    expect(await mark(page)).toBe('still the same page'); // activated elsewhere: still no forced reload
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    await tab.close();
  });

  it('"Reload" activates the new version and reloads into it', async () => {
    const tab = await visitThenPublishB();
    const { page } = tab;
    await page.getByRole('status').getByText('Update available').waitFor();
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await appOpened(page);
    expect(await mark(page)).toBeNull(); // a new document
    expect(await page.locator('meta[name="besace-build"]').getAttribute('content')).toBe('B');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    await tab.close();
  });
});
