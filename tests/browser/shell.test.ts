/**
 * The production build (dist/, built once per run by tests/globalSetup.browser.ts) in Debian's
 * Chromium: the bilingual first page, its Content-Security-Policy, no error, no third-party request,
 * no accessibility violation, and screenshots in test-results/screenshots/ to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
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

/** Open the app and wait for Preact to have rendered the first page. */
async function openApp(options: Parameters<typeof openPage>[2] = {}, path = '/'): Promise<OpenedPage> {
  const tab = await open(options);
  await tab.page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
  await tab.page.getByRole('heading', { level: 1, name: 'Besace' }).waitFor();
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

  it('serves the app for a deep link (SPA fallback)', async () => {
    const tab = await openApp({ locale: 'en-US' }, '/badges/some-badge?from=link#fragment');
    expect(await tab.page.getByText(EN_TAGLINE).isVisible()).toBe(true);
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
