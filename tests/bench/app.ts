/**
 * The backpack app end to end, in Debian's Chromium against the production build (printed, never
 * asserted):
 *
 * - the shell's JavaScript in gzip bytes (the first load: entry chunk and its static imports), with
 *   the 60 KB goal, and the other chunks for information;
 * - importing 1,000 baked badges the way an earner does it: a real drop (DataTransfer) on the page →
 *   checked in the verification worker → reviewed → "Add" → stored in IndexedDB → listed; as one drop
 *   of 1,000 and as 10 drops of 100. Next to it, in the same page, the core's own cost for the same
 *   badges: the shipped verification worker driven directly, one badge at a time, bytes in;
 * - searching the 1,000 badges: keydown in the search box to the next paint (double rAF), median of 20.
 *
 * The badges: 1,000 distinct OB 3.0 VC-JWT credentials (EdDSA, the issuer a did:key, so the signature
 * and the issuer's key check out with no network), each baked into a small PNG with the core's bake().
 * Nothing reaches the internet: the app is served on 127.0.0.1 and any other request is aborted and
 * counted (it must stay 0).
 *
 *   npm run bench     (section "The backpack app in Chromium")
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/verifyHost';
import { SECURITY_HEADERS } from '../../vite.config';
import { makeBadges as makeDrillBadges } from '../drills/safety/badges';
import { launchBrowser, openPage, type OpenedPage } from '../support/browser';
import { ensureChromium } from '../support/ensureChromium';
import { startStaticServer } from '../support/staticServer';
import { buildApp, kB, measureBundle, SHELL_BUDGET_GZIP } from './bundle';

const BADGES = 1_000;
const BATCHES = 10;
const KEYSTROKES = ['r', 'o', 'b', 'o', 't', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'c', 'l', 'i', 'm', 'b', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
/** Longest wait for one step of the UI (an import of 1,000 badges is one step). */
const STEP_TIMEOUT_MS = 600_000;

// ---------------------------------------------------------------------------------------------
// The badges: distinct baked VC-JWT PNGs (the data-safety drills' maker, tests/drills/safety/badges.ts)

interface BakedBadge {
  readonly name: string;
  readonly base64: string;
}

async function makeBadges(count: number): Promise<BakedBadge[]> {
  return (await makeDrillBadges(count, 'b')).map((b) => ({ name: b.fileName, base64: b.bytes.toString('base64') }));
}

// ---------------------------------------------------------------------------------------------
// In the page

declare global {
  interface Window {
    __benchFiles?: File[];
    __benchKeys?: KeyTimes[];
  }
}

/** Open the app, let the service worker take the page, the list show, and the lazy chunks warm up. */
async function openApp(tab: OpenedPage, origin: string): Promise<void> {
  // tsx (esbuild, keepNames) wraps the named functions of the page-side code below in __name(): give the page one.
  await tab.page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await tab.page.goto(`${origin}/`, { waitUntil: 'load' });
  await tab.page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await tab.page.getByRole('heading', { level: 1, name: 'My badges' }).waitFor();
  // Idle: warmLazyPages() and warmBackpack() run now, as they would for an earner.
  await tab.page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve, 500), { timeout: 2_000 })));
}

/** The badges as File objects in the page (as a drop would hand them over). */
async function putFiles(page: Page, badges: readonly BakedBadge[]): Promise<void> {
  await page.evaluate((list) => {
    window.__benchFiles = list.map(({ name, base64 }) => new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
  }, badges);
}

interface ImportTimes {
  /** Drop → the review shows every item checked, with its "Add" button. */
  readonly stageMs: number;
  /** "Add" pressed → stored ("See my badges"). */
  readonly acceptMs: number;
  /** Stored → the list says it holds them all (and that frame painted). */
  readonly listMs: number;
  readonly totalMs: number;
  readonly reviewRows: number;
}

/** Drop files [from, from + count) on the page, add them, and wait for the list to count `expected` badges. */
function dropAndAdd(page: Page, from: number, count: number, expected: number): Promise<ImportTimes> {
  return page.evaluate(
    async ({ from, count, expected, timeoutMs }) => {
      const waitFor = <T>(find: () => T | null | undefined | false, what: string): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          let observer: MutationObserver | undefined;
          let interval: ReturnType<typeof setInterval> | undefined;
          let timer: ReturnType<typeof setTimeout> | undefined;
          const check = (): void => {
            const found = find();
            if (!found) return;
            observer?.disconnect();
            clearInterval(interval);
            clearTimeout(timer);
            resolve(found);
          };
          observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          interval = setInterval(check, 20);
          timer = setTimeout(() => {
            observer?.disconnect();
            clearInterval(interval);
            reject(new Error(`timed out waiting for ${what}`));
          }, timeoutMs);
          check();
        });
      const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

      const files = window.__benchFiles!.slice(from, from + count);
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      const started = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
      const add = await waitFor(
        () => [...document.querySelectorAll<HTMLButtonElement>('.import-actions button.button-primary')].find((b) => b.getAttribute('aria-busy') !== 'true'),
        'the Add button',
      );
      const reviewed = performance.now();
      const reviewRows = document.querySelectorAll('.import-items > li').length;
      add.click();
      await waitFor(() => document.querySelector('.import-actions a.button-primary'), 'the end of the import');
      const stored = performance.now();
      const wanted = `${expected.toLocaleString('en')} badges`;
      await waitFor(() => document.querySelector('.result-count')?.textContent?.trim() === wanted, `the list to say "${wanted}"`);
      await painted();
      const listed = performance.now();
      // Close the dialog, as the earner would, and wait for it to go.
      [...document.querySelectorAll<HTMLButtonElement>('.import-actions button')].find((b) => !b.classList.contains('button-primary'))?.click();
      await waitFor(() => document.querySelector('.import-dialog') === null, 'the dialog to close');
      return { stageMs: reviewed - started, acceptMs: stored - reviewed, listMs: listed - stored, totalMs: listed - started, reviewRows };
    },
    { from, count, expected, timeoutMs: STEP_TIMEOUT_MS },
  );
}

interface CoreTimes {
  readonly coldMs: number;
  readonly warmMs: number;
  readonly verdicts: Record<string, number>;
}

/** The shipped verification worker, driven directly: each badge's bytes in, one at a time (as the app stages them), a fresh worker. */
function coreVerification(page: Page, workerUrl: string, count: number): Promise<CoreTimes> {
  return page.evaluate(
    async ({ workerUrl, count }) => {
      const files = window.__benchFiles!.slice(0, count);
      const bytes = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
      const worker = new Worker(workerUrl, { type: 'module' });
      const waiting = new Map<number, (r: WorkerResponse) => void>();
      worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => waiting.get(event.data.id)?.(event.data));
      let nextId = 1;
      const verifyOne = (badge: Uint8Array): Promise<WorkerResponse> =>
        new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          const copy = badge.slice();
          const request: WorkerRequest = { type: 'verify', id, input: { kind: 'bytes', bytes: copy }, identities: { emails: [], urls: [] } };
          worker.postMessage(request, [copy.buffer]);
        });
      const verdicts: Record<string, number> = {};
      const pass = async (tally: boolean): Promise<number> => {
        const started = performance.now();
        for (const badge of bytes) {
          const answer = await verifyOne(badge);
          if (tally) {
            const key = answer.type === 'report' ? answer.report.verdict : `failure:${answer.code}`;
            verdicts[key] = (verdicts[key] ?? 0) + 1;
          }
        }
        return performance.now() - started;
      };
      const coldMs = await pass(true); // a new worker, as the app's is at its first import
      const warmMs = await pass(false);
      worker.terminate();
      return { coldMs, warmMs, verdicts };
    },
    { workerUrl, count },
  );
}

interface KeyTimes {
  /** keydown → the input handled and the list re-rendered into the DOM (script + render). */
  readonly committed: number;
  /** keydown → the next frame's first callback (rendering may start). */
  readonly toFrame: number;
  /** keydown → the frame after: the one with the new results has been painted. */
  readonly toPaint: number;
}

/** Type each key in the search box and time it, from keydown to paint. */
async function searchKeystrokes(page: Page): Promise<KeyTimes[]> {
  const search = page.getByRole('searchbox', { name: 'Search my badges' });
  await search.click();
  await page.evaluate(() => {
    window.__benchKeys = [];
    const box = document.getElementById('library-search')!;
    let started = NaN;
    let committed = NaN;
    box.addEventListener(
      'keydown',
      () => {
        started = performance.now();
        committed = NaN;
        requestAnimationFrame(() => {
          const frame = performance.now();
          requestAnimationFrame(() => window.__benchKeys!.push({ committed: committed - started, toFrame: frame - started, toPaint: performance.now() - started }));
        });
      },
      true,
    );
    // Registered after the app's own handler, on the way back up: the microtasks queued here run after
    // the re-render the app's handler queued (Preact renders in a microtask), so this is "results in the DOM".
    document.addEventListener('input', (event) => {
      if (event.target !== box) return;
      void Promise.resolve()
        .then(() => undefined)
        .then(() => {
          committed = performance.now();
        });
    });
  });
  for (const [i, key] of KEYSTROKES.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (window.__benchKeys?.length ?? 0) >= n, i + 1);
  }
  return page.evaluate(() => window.__benchKeys!);
}

// ---------------------------------------------------------------------------------------------
// Printing

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const max = (values: readonly number[]): number => Math.max(...values);

// ---------------------------------------------------------------------------------------------

export async function benchApp(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'besace-bench-'));
  try {
    // --- The shell's size ------------------------------------------------------------------
    const buildStarted = performance.now();
    const build = await buildApp(outDir);
    const buildMs = performance.now() - buildStarted;
    const bundle = measureBundle(build);
    console.log(`Production build (vite build API, ${ms(buildMs)}). gzip: node:zlib, default level; 1 kB = 1000 bytes.\n`);
    const sizeRows: string[][] = [['what', 'file', 'bytes', 'gzip']];
    for (const f of bundle.firstLoad) sizeRows.push([f.fileName === bundle.entry ? 'first load: entry' : 'first load: static import', f.fileName, kB(f.bytes), kB(f.gzip)]);
    sizeRows.push(['= shell JS (first load)', '', kB(bundle.firstLoadBytes), kB(bundle.firstLoadGzip)]);
    for (const f of bundle.css) sizeRows.push(['first load: CSS (info)', f.fileName, kB(f.bytes), kB(f.gzip)]);
    for (const f of [...bundle.lazy].sort((a, b) => b.gzip - a.gzip)) sizeRows.push(['lazy chunk (info)', f.fileName, kB(f.bytes), kB(f.gzip)]);
    if (bundle.worker) sizeRows.push(['verification worker (info)', bundle.worker.fileName, kB(bundle.worker.bytes), kB(bundle.worker.gzip)]);
    table(sizeRows);
    const within = bundle.firstLoadGzip <= SHELL_BUDGET_GZIP;
    console.log(
      `\nShell JS: ${kB(bundle.firstLoadGzip)} gzip — goal ≤ ${kB(SHELL_BUDGET_GZIP)}: ${within ? 'met' : 'NOT met'} (${kB(Math.abs(SHELL_BUDGET_GZIP - bundle.firstLoadGzip))} ${within ? 'to spare' : 'over'}).` +
        ` Proof-library code in the first load: ${bundle.proofLibrariesInFirstLoad.length + bundle.proofModulesInFirstLoad.length === 0 ? 'none' : [...bundle.proofLibrariesInFirstLoad, ...bundle.proofModulesInFirstLoad].join(', ')}.`,
    );

    // --- The badges ------------------------------------------------------------------------
    const madeStarted = performance.now();
    const badges = await makeBadges(BADGES);
    const avgSize = badges.reduce((n, b) => n + Buffer.from(b.base64, 'base64').length, 0) / badges.length;
    console.log(
      `\n${BADGES.toLocaleString('en')} distinct badges: OB 3.0 VC-JWT (EdDSA, did:key issuer), baked into a 48×48 PNG, ${avgSize.toFixed(0)} bytes each on average; made in ${ms(performance.now() - madeStarted)}.`,
    );

    // --- The app in Chromium ---------------------------------------------------------------
    const server = await startStaticServer({ root: outDir, headers: SECURITY_HEADERS });
    const browser = await launchBrowser(await ensureChromium());
    const workerUrl = `/${bundle.worker?.fileName ?? ''}`;
    const problems: string[] = [];
    let thirdParty = 0;
    try {
      const scenarios: { label: string; batches: number; times: ImportTimes[]; core: CoreTimes; version: string }[] = [];
      let keys: KeyTimes[] = [];
      for (const batches of [1, BATCHES]) {
        const tab = await openPage(browser, server.origin, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
        try {
          await openApp(tab, server.origin);
          await putFiles(tab.page, badges);
          const per = BADGES / batches;
          const times: ImportTimes[] = [];
          for (let b = 0; b < batches; b++) times.push(await dropAndAdd(tab.page, b * per, per, (b + 1) * per));
          const core = await coreVerification(tab.page, workerUrl, BADGES);
          scenarios.push({
            label: batches === 1 ? `1 drop of ${BADGES.toLocaleString('en')}` : `${batches} drops of ${per}`,
            batches,
            times,
            core,
            version: await browser.version(),
          });
          if (batches === BATCHES) keys = await searchKeystrokes(tab.page);
          const found = await tab.problems();
          thirdParty += found.thirdPartyRequests.length;
          problems.push(...found.consoleErrors, ...found.pageErrors, ...found.cspViolations.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
        } finally {
          await tab.close();
        }
      }

      console.log(`\nImporting ${BADGES.toLocaleString('en')} baked badges end to end (Chromium ${scenarios[0]?.version ?? '?'}, headless; real drop events with a DataTransfer):\n`);
      const importRows: string[][] = [['scenario', 'drop → reviewed', '“Add” → stored', 'stored → listed', 'total', 'per badge', 'core verify / badge', 'app adds / badge', 'adds ÷ core']];
      for (const s of scenarios) {
        const sum = (pick: (t: ImportTimes) => number) => s.times.reduce((n, t) => n + pick(t), 0);
        const perBadge = sum((t) => t.totalMs) / BADGES;
        const corePer = s.core.coldMs / BADGES;
        importRows.push([
          s.label,
          ms(sum((t) => t.stageMs)),
          ms(sum((t) => t.acceptMs)),
          ms(sum((t) => t.listMs)),
          ms(sum((t) => t.totalMs)),
          ms(perBadge),
          ms(corePer),
          ms(perBadge - corePer),
          `${((perBadge - corePer) / corePer).toFixed(1)}×`,
        ]);
      }
      table(importRows);
      console.log('(Goal: the app adds no more than the verification itself costs, i.e. “adds ÷ core” ≤ 1×. The earner’s own time on the review is not counted: “Add” is pressed as soon as it shows.)');
      console.log('');
      const coreRows: string[][] = [['core verification, same page (shipped worker, bytes in, one at a time)', 'per badge', 'verdicts']];
      for (const s of scenarios) {
        coreRows.push([`after “${s.label}”: fresh worker (as at an import)`, ms(s.core.coldMs / BADGES), Object.entries(s.core.verdicts).map(([k, n]) => `${n} ${k}`).join(', ')]);
        coreRows.push([`after “${s.label}”: same worker, second pass`, ms(s.core.warmMs / BADGES), '']);
      }
      table(coreRows);
      const batched = scenarios.find((s) => s.batches === BATCHES);
      if (batched) {
        const first = batched.times[0]!;
        const last = batched.times[batched.times.length - 1]!;
        console.log(
          `\n${BATCHES} drops of ${BADGES / BATCHES}: the first took ${ms(first.totalMs)} (${ms(first.totalMs / (BADGES / BATCHES))} per badge), the last ${ms(last.totalMs)} (${ms(last.totalMs / (BADGES / BATCHES))} per badge, with ${(BADGES - BADGES / BATCHES).toLocaleString('en')} badges already stored).`,
        );
      }
      const single = scenarios.find((s) => s.batches === 1);
      if (single) console.log(`One drop of ${BADGES.toLocaleString('en')}: the review dialog listed ${single.times[0]!.reviewRows.toLocaleString('en')} rows.`);

      console.log(`\nSearch over ${BADGES.toLocaleString('en')} stored badges, keystroke to paint (${keys.length} keystrokes typed into the search box: “robot”, erased, “climb”, erased):\n`);
      table([
        ['measure', 'median', 'max'],
        ['keydown → results in the DOM (script + render)', ms(median(keys.map((k) => k.committed))), ms(max(keys.map((k) => k.committed)))],
        ['keydown → next frame begins', ms(median(keys.map((k) => k.toFrame))), ms(max(keys.map((k) => k.toFrame)))],
        ['keydown → that frame painted (double rAF)', ms(median(keys.map((k) => k.toPaint))), ms(max(keys.map((k) => k.toPaint)))],
      ]);
    } finally {
      await browser.close();
      await server.close();
    }
    console.log(`\nRequests to anything but 127.0.0.1 (aborted): ${thirdParty}. Console errors, page errors, CSP violations: ${problems.length === 0 ? 'none' : problems.join(' | ')}.`);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
