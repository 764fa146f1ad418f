/**
 * The production build (dist/, built once per run by tests/globalSetup.browser.ts) in Debian's
 * Chromium: the bilingual first page (the empty backpack), its Content-Security-Policy, no error, no
 * third-party request, no accessibility violation; then real corpus badges imported through the
 * file chooser, the list and a badge's page driven by keyboard, delete and Undo, and screenshots of
 * both in test-results/screenshots/ to look at.
 *
 * Verification runs for real in the app's worker; the issuers' documents it asks for are answered
 * from the corpus's MOCKS.tsv by the test (never the internet), anything else is blocked and reported.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSetup, launchBrowser, NO_PROBLEMS, openPage, type OpenedPage } from '../support/browser';
import { startStaticServer, type StaticServer } from '../support/staticServer';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const EN_TAGLINE = 'Your Open Badges, kept and verified on your device.';
const FR_TAGLINE = 'Vos Open Badges, conservés et vérifiés sur votre appareil.';

/** The policy, directive by directive, as the brief states it (the build must send exactly this). */
const EXPECTED_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' blob: data: https:",
  'font-src': "'self'",
  'connect-src': "'self' https: http://localhost:* http://127.0.0.1:*",
  'worker-src': "'self' blob:",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

function parsePolicy(policy: string): Record<string, string> {
  const directives: Record<string, string> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values.join(' ');
  }
  return directives;
}

let dist: string;
let server: StaticServer;
let browser: Browser;
const opened: OpenedPage[] = [];

async function open(options: Parameters<typeof openPage>[2] = {}): Promise<OpenedPage> {
  const tab = await openPage(browser, server.origin, options);
  opened.push(tab);
  return tab;
}

/** Open the app and wait for Preact to have rendered the page (the header, and the page's own title). */
async function openApp(options: Parameters<typeof openPage>[2] = {}, path = '/'): Promise<OpenedPage> {
  const tab = await open(options);
  await tab.page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
  await tab.page.getByRole('banner').getByRole('link', { name: /^Besace/ }).waitFor();
  await tab.page.locator('main h1').waitFor();
  return tab;
}

beforeAll(async () => {
  const setup = browserSetup();
  dist = setup.dist;
  [server, browser] = await Promise.all([startStaticServer({ root: dist }), launchBrowser(setup.chromiumPath)]);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await Promise.allSettled(opened.map((tab) => tab.close()));
  await browser?.close();
  await server?.close();
});

describe('the built index.html', () => {
  it('carries the Content-Security-Policy before any script or stylesheet, and nothing inline', async () => {
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)];
    expect(metas).toHaveLength(1);
    expect(parsePolicy(metas[0]![1]!)).toEqual(EXPECTED_POLICY);

    const policyAt = html.indexOf('Content-Security-Policy');
    const firstLoad = html.search(/<script|<link rel="(stylesheet|modulepreload)"/);
    expect(firstLoad).toBeGreaterThan(policyAt);

    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/\ssrc=/.test(m[1]!));
    expect(inlineScripts).toEqual([]);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handler either
  });
});

describe('the first page in Chromium', () => {
  it('speaks English to an en-US browser, with no error, no CSP violation and no third-party request', async () => {
    const tab = await openApp({ locale: 'en-US' });
    const { page } = tab;
    await expect(page.title()).resolves.toContain('Besace');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText(EN_TAGLINE).isVisible()).toBe(true);
    expect(await page.getByLabel('Language').inputValue()).toBe('en');

    expect(await tab.problems()).toEqual(NO_PROBLEMS);
    expect(tab.requests.length).toBeGreaterThan(0);
    for (const url of tab.requests) expect(new URL(url).origin).toBe(server.origin);
    // The page loaded its script and stylesheet (so the policy let them through).
    expect(tab.requests.some((url) => url.endsWith('.js'))).toBe(true);
    expect(tab.requests.some((url) => url.endsWith('.css'))).toBe(true);
  });

  it('speaks French to a fr-FR browser', async () => {
    const tab = await openApp({ locale: 'fr-FR' });
    expect(await tab.page.getByText(FR_TAGLINE).isVisible()).toBe(true);
    expect(await tab.page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await tab.page.getByLabel('Langue').inputValue()).toBe('fr');
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
  });

  it('switches language from the select, and back', async () => {
    const tab = await openApp({ locale: 'en-US' });
    const { page } = tab;
    await page.getByLabel('Language').selectOption('fr');
    await page.getByText(FR_TAGLINE).waitFor();
    expect(await page.getByText(EN_TAGLINE).count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByText(EN_TAGLINE).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
  });

  it('serves the app for a deep link (SPA fallback), routes by path and leaves the #fragment alone', async () => {
    const tab = await openApp({ locale: 'en-US' }, '/badges/some-badge?from=link#fragment');
    await tab.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await tab.page.evaluate(() => window.location.hash)).toBe('#fragment');
    await tab.page.goto(new URL(`/badge/${'0'.repeat(64)}`, server.origin).href);
    await tab.page.getByRole('heading', { level: 1, name: 'Badge not found' }).waitFor();
    // Back to the list through the app's own link: no reload, the History API.
    await tab.page.getByRole('link', { name: 'Go to my badges' }).click();
    await tab.page.getByText(EN_TAGLINE).waitFor();
    expect(new URL(tab.page.url()).pathname).toBe('/');
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
  });

  it('has a skip link, a main landmark and the current page marked in the navigation', async () => {
    const tab = await openApp({ locale: 'en-US' });
    const { page } = tab;
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(await page.evaluate(() => window.location.hash)).toBe(''); // the fragment stays for share links
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My badges' }).getAttribute('aria-current')).toBe('page');
    expect(await tab.problems()).toEqual(NO_PROBLEMS);
  });

  it('has no accessibility violation (axe, WCAG 2.2 AA and best practices), English light and French dark', async () => {
    for (const [locale, colorScheme] of [['en-US', 'light'], ['fr-FR', 'dark']] as const) {
      const tab = await openApp({ locale, colorScheme });
      const results = await new AxeBuilder({ page: tab.page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const violations = results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
      expect(violations, `${locale} ${colorScheme}`).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(0); // axe did run
      await tab.close();
    }
  });

  it('takes screenshots on a phone (390×844) and a desktop (1280×800)', async () => {
    const shots = [
      { name: 'phone-en', locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      { name: 'phone-fr-dark', locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, colorScheme: 'dark' as const },
      { name: 'desktop-fr', locale: 'fr-FR', viewport: { width: 1280, height: 800 } },
      { name: 'desktop-en-dark', locale: 'en-US', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
    ];
    for (const { name, ...options } of shots) {
      const tab = await openApp(options);
      // Nothing may stick out sideways on a phone.
      const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await tab.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      expect(await tab.problems()).toEqual(NO_PROBLEMS);
      await tab.close();
    }
  });
});

// ------------------------------------------------------------------------------------------------
// The backpack with real badges: import through the file chooser, the list, a badge's page.

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const BADGES = [
  '1edtech-dcpv/ob20/simple-badge.png',
  '1edtech-dcpv/ob30/simple-json.svg',
  '1edtech-dcpv/ob30/simple-jwt.png',
  '1edtech-dcpv/ob20/basic-assertion-expired.json',
  '1edtech-dcpv/ob20/simple-revoked.jwt',
];

let mocks: Promise<Map<string, string>> | undefined;
/** MOCKS.tsv: url → file (the first row of a URL wins). */
function corpusMocks(): Promise<Map<string, string>> {
  return (mocks ??= readFile(join(CORPUS, 'MOCKS.tsv'), 'utf8').then((text) => {
    const map = new Map<string, string>();
    for (const line of text.split('\n').slice(1)) {
      const [url, file] = line.split('\t');
      if (url && file && !map.has(url)) map.set(url, file);
    }
    return map;
  }));
}

/** The issuers' documents answered from the corpus (CORS allowed, as a well-behaved issuer does); the rest stays blocked. */
async function serveIssuers(tab: OpenedPage): Promise<void> {
  const map = await corpusMocks();
  await tab.context.route(
    (url) => map.has(url.href),
    async (route) => {
      const file = map.get(route.request().url())!;
      const type = extname(file) === '.png' ? 'image/png' : extname(file) === '.svg' ? 'image/svg+xml' : 'application/json';
      await route.fulfill({ status: 200, body: await readFile(join(CORPUS, file)), headers: { 'content-type': type, 'access-control-allow-origin': '*' } });
    },
  );
}

/** Pick the files in the importer, keep the invalid ones too, add them, and go to the list. */
async function importBadges(page: Page, files: readonly string[], lang: 'en' | 'fr' = 'en'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: lang === 'en' ? 'Add badges' : 'Ajouter des badges' }).click();
  await page.locator('input[type=file]').setInputFiles(files.map((f) => join(CORPUS, f)));
  const add = page.getByRole('button', { name: lang === 'en' ? /^Add \d+ badges?$/ : /^Ajouter \d+ badges?$/ });
  await add.waitFor({ timeout: 20_000 });
  for (const keep of await page.getByRole('checkbox', { name: lang === 'en' ? 'Keep anyway' : 'Garder quand même' }).all()) await keep.check();
  await page.getByRole('button', { name: lang === 'en' ? `Add ${files.length} badges` : `Ajouter ${files.length} badges` }).click();
  await page.getByText(lang === 'en' ? `${files.length} badges added to your backpack.` : `${files.length} badges ajoutés à votre besace.`).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('link', { name: lang === 'en' ? 'My badges' : 'Mes badges' }).click();
  await page.locator('.badge-row').nth(files.length - 1).waitFor();
}

/**
 * What a badge page may ask of the network: the issuers' documents the corpus has no copy of (the
 * test blocks them, and the report says "could not check"). Nothing else, and no error of any kind.
 */
const UNMOCKED_ISSUER_DOCUMENTS = new Set(['https://example.com/issuers/876543', 'https://1edtech.edu/.well-known/jwks.json']);
async function expectNoProblemsButIssuers(tab: OpenedPage, label = ''): Promise<void> {
  const { thirdPartyRequests, ...problems } = await tab.problems();
  expect(problems, label).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
  expect(thirdPartyRequests.filter((url) => !UNMOCKED_ISSUER_DOCUMENTS.has(url)), label).toEqual([]);
}

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

describe('the backpack with real badges', () => {
  it('imports badges through the file chooser, lists them, and opens one, by keyboard alone', async () => {
    const tab = await openApp({ locale: 'en-US' });
    await serveIssuers(tab);
    const { page } = tab;
    await importBadges(page, BADGES);
    const list = page.getByRole('list', { name: 'My badges' });
    expect(await list.getByRole('listitem').count()).toBe(BADGES.length);
    expect(await list.getByText('Expired').count()).toBe(1);
    expect(await list.getByText('Revoked by the issuer').count()).toBe(1);
    expect(await page.getByText(`${BADGES.length} badges`).isVisible()).toBe(true);

    // Accent- and case-insensitive search, kept in the address.
    await page.getByLabel('Search my badges').fill('TEAMWORK');
    await page.waitForFunction(() => document.querySelectorAll('.badge-row').length === 2);
    expect(new URL(page.url()).search).toBe('?q=TEAMWORK');
    await page.getByLabel('Search my badges').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('.badge-row').length === n, BADGES.length);

    // Keyboard: Tab into the list, arrows between rows, Enter opens.
    await list.getByRole('link').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('1');
    const name = (await page.evaluate(() => document.activeElement?.querySelector('.badge-row-name')?.textContent)) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/badge\/[0-9a-f]{64}$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('heading', { level: 2, name: 'Verification', exact: true }).waitFor();

    // Back returns to the list, on the row the earner had opened.
    await page.goBack();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-row') === '1');

    // No image from a badge is ever an SVG inlined in the page.
    expect(await page.locator('main svg').count()).toBe(0);
    await expectNoProblemsButIssuers(tab);
  });

  it('removes a badge and brings it back with Undo, by keyboard', async () => {
    const tab = await openApp({ locale: 'en-US' });
    await serveIssuers(tab);
    const { page } = tab;
    await importBadges(page, BADGES.slice(0, 2));
    await page.locator('.badge-row').first().click();
    const title = (await page.locator('main h1').textContent()) ?? '';
    await page.getByRole('button', { name: 'Remove from my backpack' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`“${title}” was removed from your backpack.`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.waitForFunction(() => document.querySelectorAll('.badge-row').length === 1);
    // The focus is on Undo: one key brings the badge back.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: 'My badges' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('.badge-row').length === 2);
    await expectNoProblemsButIssuers(tab);
  });

  it('has no accessibility violation on the list and a badge’s page, English light and French dark, and takes screenshots', async () => {
    const shots = [
      { name: 'phone-en', lang: 'en', locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      { name: 'desktop-fr-dark', lang: 'fr', locale: 'fr-FR', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
      { name: 'phone-fr-dark', lang: 'fr', locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, colorScheme: 'dark' as const },
      { name: 'desktop-en', lang: 'en', locale: 'en-US', viewport: { width: 1280, height: 800 } },
    ] as const;
    for (const { name, lang, ...options } of shots) {
      const tab = await openApp(options);
      await serveIssuers(tab);
      const { page } = tab;
      await importBadges(page, BADGES, lang);
      await page.waitForTimeout(200); // images decoded
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `list-${name}.png`) });
      if (name === 'phone-en' || name === 'desktop-fr-dark') expect(await axeViolations(page), `list ${name}`).toEqual([]);

      // The revoked badge's page: the fullest set of checks.
      await page.locator('.badge-row', { hasText: lang === 'en' ? 'Revoked by the issuer' : 'Révoqué par l’émetteur' }).click();
      await page.locator('#detail-checks').waitFor();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `detail-${name}.png`), fullPage: true });
      if (name === 'phone-en' || name === 'desktop-fr-dark') expect(await axeViolations(page), `detail ${name}`).toEqual([]);
      await expectNoProblemsButIssuers(tab, name);
      await tab.close();
    }
  }, 120_000);
});

describe('the policy is enforced (and the harness sees it)', () => {
  it('blocks an injected inline script and a plain-http fetch, and reports both', async () => {
    const tab = await openApp({ locale: 'en-US' });
    const ran = await tab.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inline = "ran";';
      document.head.append(script);
      return document.documentElement.dataset.inline ?? 'blocked';
    });
    expect(ran).toBe('blocked');
    const fetched = await tab.page.evaluate(() =>
      fetch('http://issuer.example/assertion.json').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');

    const { cspViolations, thirdPartyRequests } = await tab.problems();
    const directives = cspViolations.map((v) => (typeof v === 'string' ? v : v.directive));
    expect(directives).toContain('script-src-elem');
    expect(directives).toContain('connect-src');
    // CSP stopped the fetch before it left the page: Chromium never asked the network.
    expect(thirdPartyRequests).toEqual([]);
  });

  it('sees console errors, uncaught errors and third-party requests', async () => {
    const tab = await openApp({ locale: 'en-US' });
    await tab.page.evaluate(() => {
      console.error('something broke');
      setTimeout(() => {
        throw new Error('uncaught in a timer');
      }, 0);
      const img = document.createElement('img');
      img.alt = '';
      img.src = 'https://tracker.example/pixel.png'; // allowed by img-src https:, stopped by the harness
      document.body.append(img);
    });
    await tab.page.waitForTimeout(100);
    const problems = await tab.problems();
    expect(problems.consoleErrors.some((e) => e.includes('something broke'))).toBe(true);
    expect(problems.pageErrors.some((e) => e.includes('uncaught in a timer'))).toBe(true);
    expect(problems.thirdPartyRequests).toEqual(['https://tracker.example/pixel.png']);
    expect(problems.cspViolations).toEqual([]);
  });
});
