/**
 * Support for the backpack's end-to-end suites (tests/browser/backpack/*.test.ts): the production
 * build (dist/, built once per run by tests/globalSetup.browser.ts) served on 127.0.0.1, Debian's
 * Chromium, and the corpus's issuers answered from MOCKS.tsv, never the internet.
 *
 *   const app = await startApp();                      // beforeAll: one server and one browser per file
 *   const tab = await app.open({ locale: 'fr-FR' });   // a fresh context, issuers routed, the app loaded
 *   await dropFiles(tab.page, ['1edtech-dcpv/ob20/simple-badge.png']);
 *   …
 *   await expectNoProblems(tab);                       // no console/page error, no CSP violation, issuers only
 *   await app.close();                                 // afterAll
 *
 * Network: every request of a context is recorded (tests/support/browser.ts). A request to an issuer
 * URL listed in MOCKS.tsv is answered from the corpus (and recorded in `issuerRequests`); any other
 * request that leaves the app's origin is aborted and recorded as a third-party request, which
 * `expectNoProblems` accepts only for the issuer documents the corpus has no copy of (the badges name
 * them; the app reports "could not check"). Anything else is a failure. The verification worker's
 * console and a second tab's console and errors are watched too (`otherProblems`).
 *
 * The server sends the headers `vite preview` sends (SECURITY_HEADERS in vite.config.ts): a worker
 * takes its Content-Security-Policy from its own response, not from index.html's <meta>, so without
 * them the verification worker would run with no policy at all, unlike production.
 */
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DocumentEntry } from '../../../src/core/net/net';
import { loadDocumentMap } from '../../../src/node/documents';
import { t, type Lang, type MessageKey } from '../../../src/ui/messages';
import { loadAllMessages } from '../../support/allMessages';
import { browserSetup, launchBrowser, openPage, type OpenedPage } from '../../support/browser';
import { startStaticServer, type StaticServer } from '../../support/staticServer';
import { SECURITY_HEADERS } from '../../../vite.config';

export const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/backpack/', import.meta.url));

/** The corpus files the suites drop, by what they are. */
export const FILES = {
  ob1TextUrl: 'mozilla-backpack/valid-baked.png', // OB 1.0 legacy tEXt chunk: only the hosted URL (not served)
  ob2Itxt: '1edtech-dcpv/ob20/simple-badge.png', // OB 2.0 JSON in iTXt
  ob1Itxt: 'concentricsky-bakery/baked_heart.png', // OB 1.0 JSON in iTXt, missing a required field: not valid
  ob3JwtPng: '1edtech-dcpv/ob30/simple-jwt.png', // OB 3.0 VC-JWT in iTXt after IDAT
  ob3JwtSvg: '1edtech-dcpv/ob30/simple-jwt.svg', // the same credential, JWT in the verify attribute
  ob3JsonPng: '1edtech-dcpv/ob30/simple-json.png', // OB 3.0 JSON-LD in iTXt after IDAT
  ob3JsonSvg: '1edtech-dcpv/ob30/simple-json.svg', // the same credential, JSON in CDATA
  jpeg: 'mozilla-backpack/history-2012/sneaky-badge.png', // a JPEG named .png
  unbaked: 'mozilla-bakery/unbaked.png', // a plain PNG with no badge inside
  ob2Valid: '1edtech-dcpv/ob20/basic-assertion.json', // hosted OB 2.0, every check passes
  ob2Expired: '1edtech-dcpv/ob20/basic-assertion-expired.json', // authentic, expired
} as const;

/** The nine files of the issue's drop, in the order they are dropped. */
export const DROP = [
  FILES.ob1TextUrl,
  FILES.ob2Itxt,
  FILES.ob1Itxt,
  FILES.ob3JwtPng,
  FILES.ob3JwtSvg,
  FILES.ob3JsonPng,
  FILES.ob3JsonSvg,
  FILES.jpeg,
  FILES.unbaked,
] as const;

/**
 * Issuer documents that the corpus's badges name but the corpus has no copy of. Verification asks
 * for them; the harness blocks them and the report says "could not check". Any other request that
 * leaves the app is a failure.
 */
export const UNSERVED_ISSUER_URLS: ReadonlySet<string> = new Set([
  'https://example.org/assertion', // valid-baked.png's hosted assertion
  'https://example.com/issuers/876543', // simple-json's issuer profile (to confirm its key)
  'https://1edtech.edu/.well-known/jwks.json', // simple-jwt's issuer keys (to confirm its key)
]);

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The words of the app, as the app says them (src/ui/messages). */
loadAllMessages(); // every part's words, lazy ones included
export const say = (lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string => t(lang, key, params);

export interface Tab extends OpenedPage {
  /** The app's origin. */
  readonly origin: string;
  readonly lang: Lang;
  /** Issuer URLs answered from the corpus, in order. */
  readonly issuerRequests: readonly string[];
  /** Errors from the verification worker's console, and from the context's other pages (a second tab). */
  readonly otherProblems: readonly string[];
  /** Every request that left the app's origin (served, blocked or refused), with what asked for it ('fetch', 'image'…). */
  readonly leftTheApp: readonly { readonly type: string; readonly url: string }[];
}

export interface App {
  readonly origin: string;
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly mocks: ReadonlyMap<string, DocumentEntry>;
  /** A fresh context with the issuers routed, on `path` of the app, rendered. */
  open(options?: BrowserContextOptions, path?: string): Promise<Tab>;
  /** One more page in the same context as `tab` (a second tab: same storage, same service worker). */
  openSecondTab(tab: Tab, path?: string): Promise<Page>;
  close(): Promise<void>;
}

let mocksLoaded: Promise<Map<string, DocumentEntry>> | undefined;
export function corpusMocks(): Promise<Map<string, DocumentEntry>> {
  return (mocksLoaded ??= loadDocumentMap(join(CORPUS, 'MOCKS.tsv')));
}

export async function startApp(): Promise<App> {
  const setup = browserSetup();
  const [server, browser, mocks] = await Promise.all([startStaticServer({ root: setup.dist, headers: SECURITY_HEADERS }), launchBrowser(setup.chromiumPath), corpusMocks()]);
  await mkdir(SCREENSHOTS, { recursive: true });
  const tabs: Tab[] = [];

  const open = async (options: BrowserContextOptions = {}, path = '/'): Promise<Tab> => {
    const opened = await openPage(browser, server.origin, { locale: 'en-US', ...options });
    const issuerRequests: string[] = [];
    // Registered after openPage's catch-all: Playwright tries the newest route first.
    await opened.context.route(
      (url) => mocks.has(url.href),
      async (route) => {
        const url = route.request().url();
        issuerRequests.push(url);
        const entry = mocks.get(url)!;
        await route.fulfill({
          status: 200,
          body: Buffer.from(entry.body),
          headers: { 'content-type': entry.contentType, 'access-control-allow-origin': '*' },
        });
      },
    );
    // openPage watches its own page; workers and the pages opened later are watched here.
    const otherProblems: string[] = [];
    const watchWorkers = (page: Page, where: string) =>
      page.on('worker', (worker) =>
        worker.on('console', (message) => {
          if (message.type() === 'error' || /content security policy/i.test(message.text())) otherProblems.push(`${where} worker ${worker.url()}: ${message.text()}`);
        }),
      );
    watchWorkers(opened.page, 'first tab');
    opened.context.on('page', (page) => {
      watchWorkers(page, 'another tab');
      page.on('console', (message) => {
        if (message.type() === 'error' || /content security policy/i.test(message.text())) otherProblems.push(`another tab: ${message.text()}`);
      });
      page.on('pageerror', (error) => otherProblems.push(`another tab: ${error.stack ?? error.message}`));
    });
    const leftTheApp: { type: string; url: string }[] = [];
    opened.context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== server.origin && url.protocol !== 'blob:' && url.protocol !== 'data:') leftTheApp.push({ type: request.resourceType(), url: url.href });
    });
    const lang: Lang = (options.locale ?? 'en-US').startsWith('fr') ? 'fr' : 'en';
    const tab: Tab = { ...opened, origin: server.origin, lang, issuerRequests, otherProblems, leftTheApp };
    tabs.push(tab);
    await tab.page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
    await appRendered(tab.page);
    return tab;
  };

  const openSecondTab = async (tab: Tab, path = '/'): Promise<Page> => {
    const page = await tab.context.newPage();
    await page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
    await appRendered(page);
    return page;
  };

  return {
    origin: server.origin,
    browser,
    server,
    mocks,
    open,
    openSecondTab,
    close: async () => {
      await Promise.allSettled(tabs.map((tab) => tab.close()));
      await browser.close();
      await server.close();
    },
  };
}

/** The shell and the page's own <h1> are there. */
export async function appRendered(page: Page): Promise<void> {
  await page.locator('header .brand').waitFor();
  await page.locator('main h1').waitFor();
}

/** The service worker controls the page (so that the app opens offline). */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 20_000 });
}

export interface CorpusFile {
  readonly path: string;
  readonly name: string;
  readonly bytes: Buffer;
}

export async function corpusFile(path: string): Promise<CorpusFile> {
  return { path, name: basename(path), bytes: await readFile(join(CORPUS, path)) };
}

/** What a file manager gives a drop: the type a desktop guesses from the name (the app sniffs the bytes anyway). */
function typeFromName(name: string): string {
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.json')) return 'application/json';
  return '';
}

/**
 * Drop corpus files on the page as a file manager does: a DataTransfer built in the page from the
 * files' bytes, then dragenter, dragover and drop on the body (the app listens on the document).
 */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = await Promise.all(paths.map(corpusFile));
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const { name, type, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name, { type }));
      }
      return transfer;
    },
    files.map((f) => ({ name: f.name, type: typeFromName(f.name), base64: f.bytes.toString('base64') })),
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.locator('.import-drop-overlay').waitFor(); // the overlay says where they will go
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** The staging dialog, once every item is checked ("Checked: …"). */
export async function reviewed(page: Page, lang: Lang): Promise<void> {
  const dialog = page.getByRole('dialog', { name: say(lang, 'importer.dialog.title') });
  await dialog.waitFor();
  const prefix = say(lang, 'importer.dialog.checked', { summary: '' }).split('.')[0]!.trim();
  await dialog.locator('#import-dialog-status', { hasText: prefix }).waitFor({ timeout: 30_000 });
}

export interface StagedRow {
  readonly source: string;
  readonly status: string;
  readonly badge: string | null;
  readonly detail: string | null;
}

/** Every item of the staging dialog as the earner reads it. */
export function stagedRows(page: Page): Promise<StagedRow[]> {
  return page.locator('.import-item').evaluateAll((items) =>
    items.map((li) => ({
      source: li.querySelector('.import-item-source')?.textContent ?? '',
      status: li.querySelector('.import-item-status')?.textContent ?? '',
      badge: li.querySelector('.import-item-name')?.textContent ?? null,
      detail: li.querySelector('.import-item-detail')?.textContent ?? null,
    })),
  );
}

export interface ListedBadge {
  readonly name: string;
  readonly issuer: string;
  readonly status: string;
  readonly mark: string;
  readonly href: string;
}

/** The list's rows as shown (all of them: the suites keep fewer rows than a screenful). */
export function listedBadges(page: Page): Promise<ListedBadge[]> {
  return page.locator('.badge-row').evaluateAll((rows) =>
    rows.map((a) => ({
      name: a.querySelector('.badge-row-name')?.textContent ?? '',
      issuer: a.querySelector('.badge-row-issuer')?.textContent ?? '',
      status: a.querySelector('.status-text')?.textContent ?? '',
      mark: a.querySelector('.status-mark')?.textContent ?? '',
      href: a.getAttribute('href') ?? '',
    })),
  );
}

export async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('.badge-row').length === n, count, { timeout: 15_000 });
}

export interface ShownCheck {
  readonly group: string;
  readonly title: string;
  readonly sentence: string;
}

/** A badge page's checks as sentences, under their group ("Failed (1)", "Passed (9)"…). */
export function shownChecks(page: Page): Promise<ShownCheck[]> {
  return page.locator('.check-group').evaluateAll((groups) =>
    groups.flatMap((group) =>
      [...group.querySelectorAll('li.check')].map((li) => ({
        group: group.querySelector('h3')?.textContent ?? '',
        title: li.querySelector('strong')?.textContent ?? '',
        sentence: li.querySelector('.check-sentence')?.textContent ?? '',
      })),
    ),
  );
}

/** A stored badge as the database holds it (read-only), for comparisons. */
export interface StoredBadge {
  readonly id: string;
  readonly sha256: string;
  readonly fileName: string | null;
  readonly latest: { readonly checkedAt: string; readonly verdict: string; readonly online: boolean; readonly checks: unknown } | null;
  readonly history: number;
}

/** Opens the app's IndexedDB read-only in the page and reads every badge, its latest report and its history's length. */
export function readStoredBadges(page: Page): Promise<StoredBadge[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('besace');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      const tx = db.transaction(['badges', 'reports'], 'readonly');
      const badges = (await all(tx.objectStore('badges').getAll())) as {
        id: string;
        original: { bytes: Uint8Array; fileName: string | null };
        latest: { checkedAt: string; verdict: string; online: boolean; checks: unknown } | null;
      }[];
      const reports = (await all(tx.objectStore('reports').getAll())) as { badgeId: string }[];
      const out = [];
      for (const b of badges) {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', b.original.bytes.slice()));
        out.push({
          id: b.id,
          sha256: [...digest].map((x) => x.toString(16).padStart(2, '0')).join(''),
          fileName: b.original.fileName,
          latest: b.latest ? { checkedAt: b.latest.checkedAt, verdict: b.latest.verdict, online: b.latest.online, checks: b.latest.checks } : null,
          history: reports.filter((r) => r.badgeId === b.id).length,
        });
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : 1));
    } finally {
      db.close();
    }
  });
}

/**
 * No console error, no uncaught error, no CSP violation; the only requests that left the app were
 * to issuers: answered from the corpus, or the few the corpus has no copy of.
 */
export async function expectNoProblems(tab: Tab, label = ''): Promise<void> {
  const { thirdPartyRequests, ...problems } = await tab.problems();
  expect(problems, label).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
  expect(tab.otherProblems, `${label}: workers and other tabs`).toEqual([]);
  expect(
    thirdPartyRequests.filter((url) => !UNSERVED_ISSUER_URLS.has(url)),
    `${label}: requests that left the app for something else than an issuer`,
  ).toEqual([]);
  for (const url of tab.issuerRequests) expect(tab.requests, label).toContain(url);
  // Every request of the context: the app's origin, or an issuer (served or blocked), or a blob:/data: URL.
  const stray = tab.requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return false;
    return parsed.origin !== tab.origin && !tab.issuerRequests.includes(url) && !UNSERVED_ISSUER_URLS.has(url);
  });
  expect(stray, `${label}: requests outside the app and its issuers`).toEqual([]);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: readonly string[];
}

/** axe-core on the page as it is, WCAG 2.0/2.1/2.2 A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] }) // every violating node, one example of the rest: much faster
    .analyze();
  expect(results.passes.length).toBeGreaterThan(0); // axe did run
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Nothing sticks out sideways (a phone must never scroll horizontally). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), label).toBeLessThanOrEqual(0);
}

/** A full-page screenshot in test-results/screenshots/backpack/, after images have decoded. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null)))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Phone (390×844) and desktop (1280×800) shots of the page as it is, after checking that nothing
 * sticks out sideways; `fullPage: false` shoots the viewport only (a fixed dialog).
 */
export async function shots(page: Page, name: string, fullPage = true): Promise<void> {
  for (const [width, height, device] of [
    [390, 844, 'phone'],
    [1280, 800, 'desktop'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(50); // the list measures itself on resize
    await expectNoSidewaysScroll(page, `${name} ${device}`);
    if (fullPage) await screenshot(page, `${name}-${device}`);
    else await page.screenshot({ path: join(SCREENSHOTS, `${name}-${device}.png`), animations: 'disabled' });
  }
}

/** The element that has the focus, described for assertions. */
export function focused(page: Page): Promise<{ tag: string; text: string; id: string; inDialog: boolean; row: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim(),
      id: el?.id ?? '',
      inDialog: el?.closest('dialog') !== null && el?.closest('dialog') !== undefined,
      row: el?.getAttribute('data-row') ?? null,
    };
  });
}
