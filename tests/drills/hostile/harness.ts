/**
 * The browser side of the hostile drills: one tab (a fresh Chromium context on the production build)
 * that watches everything a hostile badge could do, and counts it.
 *
 * - Scripts: an init script, run in every frame before the page's own scripts, turns `window.__pwned`
 *   into a trap and replaces alert/confirm/prompt; any dialog that still opens, and any window a
 *   page opens, count too.
 * - Requests: every request of the context (pages, frames, workers) is recorded; one that leaves for
 *   another origin than the app's, not blob:/data:, and not to a host the badge's verification may
 *   ask (its issuer's), is unasked. tests/support/browser.ts's openPage aborts each request that
 *   leaves the app, so nothing reaches the network.
 * - CSP violations: the same init script listens for `securitypolicyviolation` in every frame (one
 *   violation, reported by both copies of the policy, counted once); openPage's console record when
 *   no event was seen; the workers' consoles.
 * - Crashes and hangs: uncaught errors, a renderer crash, a step over its time bound, a page that
 *   does not answer within 2 s once rendered, a watchdog that asks the page a trivial question four
 *   times a second and finds it frozen for 5 s, a navigation that does not work, and anything shown
 *   other than as inert text (a payload's element, link or handler in the page; a hostile string
 *   missing where its field is shown; a direction control that reorders the app's own words).
 *
 * Every finding is noted with the input it came from (`tab.input`).
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, type OpenedPage } from '../../support/browser';
import type { DropFile } from './badges';
import { ATTACKER_HOST } from './payloads';

/** What one drill row adds up. */
export interface Tally {
  inputs: number;
  scriptsExecuted: number;
  unaskedRequests: number;
  cspViolations: number;
  crashesAndHangs: number;
  /** Requests to the issuer's host (verification asking for its documents): allowed, counted for the notes. */
  askedRequests: number;
  /** Findings, each with its input. */
  readonly findings: string[];
  /** Figures worth printing, added up by what they count ("badge pages looked at" → 12). */
  readonly figures: Map<string, number>;
  /** Slow steps (over 5 s, under their bound), for the notes. */
  readonly slow: string[];
  /** The slowest step that showed a page (the main thread's work, when it is the page's own). */
  slowest: { readonly what: string; readonly ms: number };
}

export const count = (tally: Tally, what: string, n = 1): void => {
  tally.figures.set(what, (tally.figures.get(what) ?? 0) + n);
};

export const newTally = (): Tally => ({ inputs: 0, scriptsExecuted: 0, unaskedRequests: 0, cspViolations: 0, crashesAndHangs: 0, askedRequests: 0, findings: [], figures: new Map(), slow: [], slowest: { what: '', ms: 0 } });

/** Time bounds of the steps: over one, the step is a hang. */
export const BOUNDS = {
  load: 15_000,
  /** Checking a drop of up to 8 MB of badges, or a share link's badges. */
  staging: 60_000,
  accept: 30_000,
  /** Showing one page (a badge's, the list, the viewer's result) and looking at it. */
  page: 5_000,
  /** After a page has rendered, it answers within this. */
  answer: 2_000,
  /** At any time, the page never stops answering for longer than this (the watchdog). */
  frozen: 5_000,
  click: 5_000,
  close: 10_000,
} as const;

const REPORT = '__hostileDrillReport';

/** Runs in every frame before its own scripts (CSP does not apply to init scripts). */
function installSentinel(binding: string): void {
  const w = window as unknown as Record<string, unknown>;
  const report = (what: string) => {
    try {
      (w[binding] as ((what: string) => void) | undefined)?.(what);
    } catch {
      // The binding is there in every frame Playwright knows; nothing to do otherwise.
    }
  };
  let value: unknown;
  try {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => value,
      set: (v: unknown) => {
        value = v;
        report(`window.__pwned was set to ${String(v)} in ${location.href.slice(0, 80)}`);
      },
    });
  } catch {
    // Already defined in this realm.
  }
  document.addEventListener(
    'securitypolicyviolation',
    (event) => report(`csp:${event.effectiveDirective || event.violatedDirective} blocked ${event.blockedURI.slice(0, 80)} (${(event.sample || '').slice(0, 40)}) in ${location.href.slice(0, 60)}`),
    true,
  );
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    try {
      w[name] = (...args: unknown[]) => {
        report(`${name}(${args.map(String).join(', ').slice(0, 80)}) called in ${location.href.slice(0, 80)}`);
        return name === 'confirm' ? false : null;
      };
    } catch {
      // Not writable here.
    }
  }
}

/**
 * A function of this file as a script for the page: its source, called with `arg`. Transpilers that
 * keep function names (tsx does) wrap inner functions in a `__name` helper the page does not have;
 * it is defined here as the identity.
 */
function pageScript(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

const sleep = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

/** A short, printable form of a hostile string (controls and overrides escaped). */
export const shortText = (text: string, max = 48): string => {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
};

/** An expectation about text on the page: an element's text is exactly, or contains, a string (or one of several). */
export interface TextCheck {
  readonly selector: string;
  readonly mode: 'exact' | 'contains';
  readonly text: string | readonly string[];
}

export interface AuditResult {
  /** Elements, handlers, links or sources from a payload. */
  readonly injected: readonly string[];
  /** Text checks that failed. */
  readonly missing: readonly string[];
  /** Direction controls whose effect reaches the app's own words after them. */
  readonly bidi: readonly string[];
}

/** In the page: what of a payload made it into the DOM as something other than text. */
function auditDom({ checks, hostile }: { checks: readonly TextCheck[]; hostile: readonly string[] }): AuditResult {
  const origin = location.origin;
  const injected: string[] = [];
  const describe = (el: Element) =>
    `<${el.tagName.toLowerCase()}${[...el.attributes]
      .slice(0, 3)
      .map((a) => ` ${a.name}="${a.value.slice(0, 50)}"`)
      .join('')}>`;
  const parse = (raw: string): URL | null => {
    try {
      return new URL(raw, location.href);
    } catch {
      return null;
    }
  };
  const sameOrigin = (raw: string) => parse(raw)?.origin === origin;
  const inertSource = (raw: string) => /^\s*(blob|data):/i.test(raw) || sameOrigin(raw);
  const SVG_NS = 'http://www.w3.org/2000/svg';

  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) injected.push(`${describe(el)}: event handler attribute ${name}`);
      else if (name === 'data-pwn') injected.push(`${describe(el)}: an element from a payload`);
      else if (name === 'srcdoc' || name === 'formaction') injected.push(`${describe(el)}: ${name}`);
      else if (name === 'style' && /url\s*\(|expression|behavior|@import/i.test(value)) injected.push(`${describe(el)}: style that loads something`);
      else if (name === 'href' || name === 'xlink:href') {
        if (tag === 'a' || tag === 'area') {
          const url = parse(value);
          if (!url || (url.origin !== origin && url.protocol !== 'https:')) injected.push(`${describe(el)}: a link to ${url?.protocol ?? 'an unparsable URL'}`);
          else if (url.origin !== origin && !/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) injected.push(`${describe(el)}: an outside link without rel=noopener`);
        } else if (el.namespaceURI === SVG_NS) {
          if (!value.startsWith('#')) injected.push(`${describe(el)}: an SVG reference to ${value.slice(0, 60)}`);
        } else if (!sameOrigin(value)) {
          injected.push(`${describe(el)}: ${name} to ${value.slice(0, 60)}`);
        }
      } else if (['src', 'poster', 'data', 'action', 'background', 'codebase', 'manifest'].includes(name)) {
        if (!inertSource(value)) injected.push(`${describe(el)}: ${name} ${value.slice(0, 60)}`);
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, portal, foreignObject, math, noscript, template, form[action]')) {
    if (el.tagName === 'NOSCRIPT' && el.parentElement === document.body) continue; // index.html's own
    injected.push(`${describe(el)}: in the page`);
  }
  for (const el of document.querySelectorAll('body style, body link, body meta, meta[http-equiv="refresh" i]')) injected.push(`${describe(el)}: in the page`);
  for (const el of document.querySelectorAll('script')) {
    if (!el.src || !sameOrigin(el.src)) injected.push(`${describe(el)}: a script that is not the app's`);
  }
  // The app draws its own SVGs (QR codes: a rect and a path). One with a badge's parts in it is a badge's, inline.
  for (const el of document.querySelectorAll('svg')) {
    const parts = [...el.querySelectorAll('*')].filter((x) => /^(script|foreignobject|style|image|use|feimage|a|set|animate|text|credential|assertion)$/i.test(x.localName));
    if (parts.length > 0) injected.push(`${describe(el)}: an SVG from a badge, inline (<${parts[0]!.localName}>)`);
  }

  const missing: string[] = [];
  for (const { selector, mode, text } of checks) {
    const found = [...document.querySelectorAll(selector)];
    if (found.length === 0) {
      missing.push(`${selector}: not on the page`);
      continue;
    }
    const texts = typeof text === 'string' ? [text] : text;
    const ok = found.some((el) => texts.some((one) => (mode === 'exact' ? el.textContent === one : (el.textContent ?? '').includes(one))));
    if (!ok) missing.push(`${selector}: ${mode === 'exact' ? 'is not exactly' : 'does not contain'} the hostile text (shows "${(found[0]!.textContent ?? '').slice(0, 60)}")`);
  }

  // A direction override, embedding or isolate left open lasts to the end of its bidi paragraph (the
  // block it is in) unless an inline element around the badge's text isolates it (<bdi>, dir=,
  // unicode-bidi: isolate/plaintext): then it reorders whatever follows in that block, the app's own
  // words included ("— Issued by …" read backwards). The paragraph's own text is scanned for openers
  // left open; the text after the hostile string that holds one (after the opener's text node when
  // no known hostile string holds it) is what it reorders.
  const bidi: string[] = [];
  const CONTROLS = /[\u202a-\u202e\u2066-\u2068]/;
  const isBlock = (el: Element) => !/^(inline|contents)$/.test(getComputedStyle(el).display);
  const isolatesInline = (el: Element) => el.tagName === 'BDI' || el.hasAttribute('dir') || /isolate|plaintext/.test(getComputedStyle(el).unicodeBidi);
  const paragraphs = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!CONTROLS.test(node.nodeValue ?? '')) continue;
    let boundary: Element | null = node.parentElement;
    while (boundary && !isBlock(boundary) && !isolatesInline(boundary)) boundary = boundary.parentElement;
    // Stopped at an inline isolate: contained. At a block (whose own unicode-bidi does not isolate its content from itself): look.
    if (boundary && isBlock(boundary)) paragraphs.add(boundary);
  }
  for (const block of paragraphs) {
    // The paragraph's own text: its text nodes not inside a nested block or an inline isolate.
    const segments: { node: Text; start: number }[] = [];
    let text = '';
    const inner = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = inner.nextNode() as Text | null; node; node = inner.nextNode() as Text | null) {
      let own = true;
      for (let up = node.parentElement; up && up !== block; up = up.parentElement) {
        if (isBlock(up) || isolatesInline(up)) {
          own = false;
          break;
        }
      }
      if (!own) continue;
      segments.push({ node, start: text.length });
      text += node.data;
    }
    const open: { at: number; isolate: boolean }[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x202a && c <= 0x202e && c !== 0x202c) open.push({ at: i, isolate: false });
      else if (c >= 0x2066 && c <= 0x2068) open.push({ at: i, isolate: true });
      else if (c === 0x202c) {
        const last = open.at(-1);
        if (last && !last.isolate) open.pop();
      } else if (c === 0x2069) {
        const k = open.map((o) => o.isolate).lastIndexOf(true);
        if (k >= 0) open.splice(k);
      }
    }
    const first = open[0];
    if (!first) continue;
    let end = -1;
    for (const h of hostile) {
      if (h === '') continue;
      for (let idx = text.indexOf(h); idx !== -1 && idx <= first.at; idx = text.indexOf(h, idx + 1)) {
        if (first.at < idx + h.length) end = Math.max(end, idx + h.length);
      }
    }
    if (end === -1) {
      const holder = segments.filter((seg) => seg.start <= first.at).at(-1)!;
      end = holder.start + holder.node.data.length;
    }
    const follows = text.slice(end).trim();
    if (follows !== '') bidi.push(`${describe(block)}: "${text.slice(Math.max(0, first.at - 10), first.at + 10)}" leaves a direction control open that reorders "${follows.slice(0, 40)}"`);
  }
  return { injected, missing, bidi };
}

export interface HostileTab {
  readonly page: Page;
  readonly origin: string;
  /** The input being tried, for the notes. */
  input: string;
  /** Go to a path of the app and wait for it to render. */
  gotoApp(path: string): Promise<boolean>;
  /** Go to a full URL (a share link) and wait for the shell. */
  gotoUrl(url: string): Promise<boolean>;
  /** Run a step within its time bound: over it, a hang (and undefined). An exception is noted as a crash. */
  step<T>(what: string, ms: number, run: () => Promise<T>): Promise<T | undefined>;
  /** The page answers within 2 s. */
  responsive(): Promise<boolean>;
  /** The app's own navigation still works (a click on "My badges"). */
  navigationWorks(): Promise<boolean>;
  /**
   * Look at the page: injected elements, missing texts, leaking direction controls (each a finding).
   * `hostile`: the hostile strings shown on it (to tell their own text from the app's words around them).
   */
  audit(checks: readonly TextCheck[], hostile?: readonly string[]): Promise<void>;
  /** Let pending image loads and timers run. */
  settle(): Promise<void>;
  /** Whether the page died (crashed or closed) or is stuck (a step hung): nothing more can be tried in it. */
  readonly dead: boolean;
  close(): Promise<void>;
}

/**
 * A fresh tab on the app, recording into `tally`. `askedHosts`: hosts the badge's verification may
 * ask for (its issuer's documents).
 */
export async function openHostileTab(browser: Browser, origin: string, tally: Tally, askedHosts: ReadonlySet<string>): Promise<HostileTab> {
  const opened: OpenedPage = await openPage(browser, origin, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const { context, page } = opened;
  let input = '(start-up)';
  let dead = false;
  /** A step hung: the page's main thread is busy, every later step would hang too. */
  let stuck = false;
  const finding = (column: 'scriptsExecuted' | 'unaskedRequests' | 'cspViolations' | 'crashesAndHangs', what: string) => {
    tally[column] += 1;
    tally.findings.push(`${input}: ${what}`);
  };

  let cspSeen = 0;
  let lastCsp = { what: '', at: 0 };
  await context.exposeBinding(REPORT, (_source, what: string) => {
    if (what.startsWith('csp:')) {
      // The page has the policy twice (the server's header and index.html's <meta>): each reports the
      // same violation. One violation, counted once.
      const now = performance.now();
      const repeated = what === lastCsp.what && now - lastCsp.at < 200;
      lastCsp = { what, at: now };
      if (repeated) return;
      cspSeen += 1;
      finding('cspViolations', what.slice(4));
    } else {
      finding('scriptsExecuted', what);
    }
  });
  await context.addInitScript({ content: pageScript(installSentinel, REPORT) });
  context.on('dialog', (dialog) => {
    finding('scriptsExecuted', `a ${dialog.type()} dialog opened ("${dialog.message().slice(0, 60)}")`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('page', (other) => {
    if (other === page) return;
    finding('scriptsExecuted', `a window opened (${other.url().slice(0, 80)})`);
    void other.close().catch(() => undefined);
  });
  context.on('request', (request) => {
    const raw = request.url();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      finding('unaskedRequests', `a request to an unparsable URL ${raw.slice(0, 80)}`);
      return;
    }
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.origin === origin) return;
    if (askedHosts.has(url.hostname)) {
      tally.askedRequests += 1;
      return;
    }
    const whose = url.hostname === ATTACKER_HOST || url.hostname.endsWith(`.${ATTACKER_HOST}`) ? 'the attacker' : 'an unexpected origin';
    finding('unaskedRequests', `${request.resourceType()} request to ${whose}: ${raw.slice(0, 100)}`);
  });
  const watchWorker = (worker: { url(): string; on(event: 'console', listener: (m: { type(): string; text(): string }) => void): unknown }) =>
    worker.on('console', (message) => {
      if (/content security policy/i.test(message.text())) finding('cspViolations', `worker ${worker.url().slice(-40)}: ${message.text().slice(0, 120)}`);
    });
  page.on('worker', watchWorker);
  page.on('crash', () => {
    dead = true;
    finding('crashesAndHangs', 'the page crashed');
  });
  page.on('close', () => {
    dead = true;
  });

  // openPage records the console's CSP messages and uncaught errors; count what is new since the
  // last look. A violation is reported twice (the event, which the sentinel counts, and the console):
  // the console's count only when no event was seen (a frame the sentinel could not reach).
  let seenConsoleCsp = 0;
  let seenErrors = 0;
  const collect = async () => {
    if (stuck || dead) return;
    const problems = await opened.problems();
    const consoleCsp = problems.cspViolations.filter((v): v is string => typeof v === 'string');
    if (cspSeen === 0) for (const v of consoleCsp.slice(seenConsoleCsp)) finding('cspViolations', v.slice(0, 160));
    seenConsoleCsp = consoleCsp.length;
    for (const e of problems.pageErrors.slice(seenErrors)) {
      // openPage's own init script, when this runs under a transpiler that keeps function names (tsx):
      // the harness's failure, not the app's.
      if (/^ReferenceError: __name is not defined/.test(e) && /watchCspViolations|__besaceReportCspViolation|<anonymous>/.test(e)) continue;
      finding('crashesAndHangs', `uncaught error: ${e.split('\n')[0]!.slice(0, 160)}`);
    }
    seenErrors = problems.pageErrors.length;
  };

  const step = async <T,>(what: string, ms: number, run: () => Promise<T>): Promise<T | undefined> => {
    if (dead || stuck) return undefined;
    const started = performance.now();
    const work = run().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const outcome = await Promise.race([work, sleep(ms)]);
    if (outcome === 'timeout') {
      // One freeze is one hang: when the watchdog is already on it, it reports it.
      if (!freezing && !stuck) finding('crashesAndHangs', `${what}: no result within ${(ms / 1000).toFixed(0)} s (a hang)`);
      stuck = true;
      return undefined;
    }
    if ('error' in outcome) {
      finding('crashesAndHangs', `${what} failed: ${String((outcome.error as Error)?.message ?? outcome.error).split('\n')[0]!.slice(0, 200)}`);
      return undefined;
    }
    const took = performance.now() - started;
    if (took > tally.slowest.ms && ms <= BOUNDS.page) tally.slowest = { what: `${what} (${input})`, ms: took };
    if (took > 5_000) tally.slow.push(`${input}: ${what} took ${(took / 1000).toFixed(1)} s`);
    return outcome.value;
  };

  // The watchdog: the page is asked a trivial question four times a second, whatever the drill is
  // doing; a page that does not answer for BOUNDS.frozen has frozen (its main thread is stuck in a
  // script or a layout), once per episode, however long it lasts.
  let watching = true;
  let freezing = false;
  let closed = false;
  const watchdog = (async () => {
    while (watching && !dead) {
      const asked = performance.now();
      const answered = page.evaluate(() => 1).then(
        () => true,
        () => false,
      );
      const first = await Promise.race([answered, sleep(BOUNDS.frozen)]);
      if (first === 'timeout' && watching && !dead) {
        const what = input;
        const reported = stuck; // a step that timed out has reported this freeze already
        freezing = true;
        const back = await answered; // however long it takes (false: the page went away)
        freezing = false;
        if (!reported) {
          const seconds = ((performance.now() - asked) / 1000).toFixed(1);
          tally.crashesAndHangs += 1;
          tally.findings.push(`${what}: the page stopped answering for ${back ? '' : 'at least '}${seconds} s${back ? '' : ' (closed before it answered)'}`);
        }
      }
      await sleep(250);
    }
  })();

  const rendered = async () => {
    await page.locator('header .brand').waitFor({ timeout: BOUNDS.load });
    await page.locator('main h1').first().waitFor({ timeout: BOUNDS.load });
  };

  const tab: HostileTab = {
    page,
    origin,
    get input() {
      return input;
    },
    set input(value: string) {
      input = value;
    },
    get dead() {
      return dead || stuck;
    },
    gotoApp: async (path) =>
      (await step(`opening ${path}`, BOUNDS.load, async () => {
        await page.goto(new URL(path, origin).href, { waitUntil: 'load', timeout: BOUNDS.load });
        await rendered();
        return true;
      })) === true,
    gotoUrl: async (url) =>
      (await step('opening the link', BOUNDS.load, async () => {
        await page.goto(url, { waitUntil: 'load', timeout: BOUNDS.load });
        await rendered();
        return true;
      })) === true,
    step,
    responsive: async () => {
      if (dead || stuck) return false;
      const answer = await Promise.race([page.evaluate(() => 1).catch(() => 0), sleep(BOUNDS.answer)]);
      if (answer !== 1) {
        stuck = true;
        finding('crashesAndHangs', `the page did not answer within ${BOUNDS.answer / 1000} s`);
        return false;
      }
      return true;
    },
    navigationWorks: async () =>
      (await step('clicking “My badges” in the navigation', BOUNDS.click, async () => {
        await page.locator('nav.mainnav a[href="/"]').click({ timeout: BOUNDS.click });
        await page.waitForFunction(() => location.pathname === '/' && document.querySelector('main h1') !== null, undefined, { timeout: BOUNDS.click });
        return true;
      })) === true,
    audit: async (checks, hostile = []) => {
      const result = await step('looking at the page', BOUNDS.page, () => page.evaluate(pageScript(auditDom, { checks, hostile })) as Promise<AuditResult>);
      await collect().catch(() => undefined);
      if (!result) return;
      for (const what of result.injected) finding('crashesAndHangs', `not inert: ${what}`);
      for (const what of result.missing) finding('crashesAndHangs', `not shown as text: ${what}`);
      for (const what of result.bidi) finding('crashesAndHangs', `not inert: ${what}`);
    },
    settle: async () => {
      if (dead || stuck) return;
      await step('letting images and timers run', BOUNDS.page, async () => {
        await page.evaluate(() => Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null)))));
        await page.waitForTimeout(150);
      });
      await collect().catch(() => undefined);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      watching = false;
      if (!dead && !stuck) {
        await Promise.race([collect().catch(() => undefined), sleep(BOUNDS.close)]);
        const pwned = await Promise.race([page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined), sleep(BOUNDS.close).then(() => undefined)]);
        if (pwned !== undefined) finding('scriptsExecuted', `window.__pwned is ${String(pwned)} at the end`);
      }
      // A renderer stuck in layout still lets its context be closed (the browser ends the process).
      await Promise.race([opened.close().catch(() => undefined), sleep(BOUNDS.close)]);
      await Promise.race([watchdog, sleep(BOUNDS.close)]);
    },
  };
  return tab;
}

/**
 * Drop files on the page as a file manager does: a DataTransfer built in the page, then dragenter,
 * dragover and drop on the body (the app listens on the document); as tests/browser/backpack/support.ts
 * does with corpus files.
 */
export async function dropFiles(page: Page, files: readonly DropFile[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const { name, type, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], name, { type }));
      }
      return transfer;
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: Buffer.from(f.bytes).toString('base64') })),
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.locator('.import-drop-overlay').waitFor({ timeout: BOUNDS.click });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** In-app navigation to a path (the router listens to popstate), then wait for `selector`. */
export async function navigateInApp(page: Page, path: string, selector: string, timeout: number): Promise<true> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
  await page.locator(selector).first().waitFor({ timeout });
  return true;
}
