/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download). One browser per test file, a fresh context per test:
 *
 *   const browser = await launchBrowser();                       // beforeAll
 *   const tab = await openPage(browser, server.origin, { locale: 'fr-FR' });
 *   await tab.page.goto(server.origin);
 *   …
 *   expect(await tab.problems()).toEqual(NO_PROBLEMS);          // console/page errors, CSP, third parties
 *   await tab.close();
 *   await browser.close();                                      // afterAll
 *
 * Every request of the context (pages and workers) is recorded; one to another origin than the app's
 * is recorded and aborted, so a test never reaches the network and a third-party request is a failure
 * rather than a time-out.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_PATH } from './ensureChromium';

/** The flags this machine needs: no sandbox as root, and none of Chromium's own calls to Google's hosts. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/**
 * What tests/globalSetup.browser.ts prepared: the production build and the browser. Throws its error
 * (say, the command that installs Chromium, or the build's failure) when it could not.
 */
export function browserSetup(): { dist: string; chromiumPath: string } {
  const error = inject('browserSetupError');
  if (error) throw new Error(error);
  const dist = inject('besaceDist');
  const chromiumPath = inject('chromiumPath');
  if (!dist || !chromiumPath) {
    throw new Error('The browser tests need tests/globalSetup.browser.ts in the vitest config (test.globalSetup)');
  }
  return { dist, chromiumPath };
}

export function launchBrowser(executablePath: string = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
  readonly lineNumber: number;
  readonly sample: string;
}

export interface PageProblems {
  /** console.error and Chromium's own error messages (failed loads…). */
  readonly consoleErrors: readonly string[];
  /** Uncaught exceptions and unhandled rejections. */
  readonly pageErrors: readonly string[];
  /** `securitypolicyviolation` events, and console messages that mention the Content Security Policy. */
  readonly cspViolations: readonly (CspViolation | string)[];
  /** Requests to any origin but the app's (each one was aborted). */
  readonly thirdPartyRequests: readonly string[];
}

export const NO_PROBLEMS: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], thirdPartyRequests: [] };

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL requested by the context so far, in order (pages and workers). */
  readonly requests: readonly string[];
  /** What went wrong so far; waits for the page to report what it has queued. */
  problems(): Promise<PageProblems>;
  close(): Promise<void>;
}

const REPORT_CSP = '__besaceReportCspViolation';

/** Runs in every page and frame before its own scripts: CSP is not applied to init scripts. */
function watchCspViolations(binding: string): void {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
      report?.({
        directive: event.effectiveDirective || event.violatedDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        sample: event.sample,
      });
    },
    true,
  );
}

/**
 * A fresh context (its own storage, service workers, permissions) and one page in it, served from
 * `appOrigin`. Options are Playwright's: `locale`, `viewport`, `colorScheme`, `isMobile`…
 */
export async function openPage(browser: Browser, appOrigin: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const origin = new URL(appOrigin).origin;
  const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(10_000);

  const requests: string[] = [];
  const thirdPartyRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: (CspViolation | string)[] = [];

  context.on('request', (request) => requests.push(request.url()));
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      thirdPartyRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  await context.exposeBinding(REPORT_CSP, (_source, violation: CspViolation) => {
    cspViolations.push(violation);
  });
  await context.addInitScript(watchCspViolations, REPORT_CSP);

  const page = await context.newPage();
  page.on('console', (message) => {
    const text = message.text();
    const where = message.location().url;
    if (/content security policy/i.test(text)) cspViolations.push(`console: ${text}`);
    else if (message.type() === 'error') consoleErrors.push(where ? `${text} (${where})` : text);
  });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? `${error.name}: ${error.message}`));

  return {
    context,
    page,
    requests,
    problems: async () => {
      // A round trip through the page delivers the bindings and console messages it has queued.
      if (!page.isClosed()) await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0))).catch(() => undefined);
      return {
        consoleErrors: [...consoleErrors],
        pageErrors: [...pageErrors],
        cspViolations: [...cspViolations],
        thirdPartyRequests: [...thirdPartyRequests],
      };
    },
    close: () => context.close(),
  };
}
