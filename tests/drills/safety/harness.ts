/**
 * What the data-safety drills share: a row's tally (a drill never throws: a failure is a figure and a
 * note), time bounds, the app's words, watching a browser context (page errors, dead pages, dialogs,
 * CSP, requests that leave the app), importing files the way an earner drops them, and reading the
 * app's real IndexedDB in the page, with an audit of every record.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { t, type Lang, type MessageKey } from '../../../src/ui/messages';
import { serviceWorkerReady } from '../../browser/backpack/support';
import { loadAllMessages } from '../../support/allMessages';
import { openPage, type OpenedPage, type PageProblems } from '../../support/browser';
import type { DrillRow } from '../types';
import type { DrillBadge } from './badges';

loadAllMessages();

/** The app's words (in English unless asked: the drills run the app in en-US). */
export const say = (key: MessageKey, params?: Readonly<Record<string, string | number>>, lang: Lang = 'en'): string => t(lang, key, params);

// ---------------------------------------------------------------------------------------------
// A row

/** A step that went over its time bound: a hang. */
export class Hang extends Error {
  override readonly name = 'Hang';
}

/** `work`, or a Hang after `ms`. */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hang(`${what}: over ${Math.round(ms / 1000)} s`)), ms);
  });
  work.catch(() => undefined); // a late failure after the time-out is not "unhandled"
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One row being filled in. */
export class Tally {
  inputs = 0;
  scriptsExecuted = 0;
  unaskedRequests = 0;
  cspViolations = 0;
  recordsLost = 0;
  crashesAndHangs = 0;
  private readonly notes: string[] = [];
  private readonly started = performance.now();

  constructor(readonly drill: string) {}

  note(text: string): void {
    this.notes.push(text);
  }

  lost(count: number, why: string): void {
    if (count <= 0) return;
    this.recordsLost += count;
    this.note(`LOST ${count}: ${why}`);
  }

  crash(why: string): void {
    this.crashesAndHangs++;
    this.note(`CRASH/HANG: ${why}`);
  }

  /** What a context's watch saw, added to the row. */
  add(watch: Watch): void {
    this.scriptsExecuted += watch.dialogs.length;
    for (const d of watch.dialogs) this.note(`dialog opened: ${d}`);
    this.unaskedRequests += watch.unasked.length;
    if (watch.unasked.length > 0) this.note(`requests outside the app: ${[...new Set(watch.unasked)].slice(0, 5).join(', ')}`);
    this.cspViolations += watch.csp.length;
    if (watch.csp.length > 0) this.note(`CSP: ${watch.csp.slice(0, 3).join(' | ')}`);
    for (const e of watch.pageErrors) this.crash(`uncaught in the page: ${e.split('\n')[0]}`);
    for (const e of watch.crashed) this.crash(`page died: ${e}`);
    if (watch.consoleErrors.length > 0) this.note(`console errors (${watch.consoleErrors.length}): ${watch.consoleErrors.slice(0, 3).join(' | ')}`);
  }

  row(): DrillRow {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    return {
      drill: this.drill,
      inputs: this.inputs,
      scriptsExecuted: this.scriptsExecuted,
      unaskedRequests: this.unaskedRequests,
      cspViolations: this.cspViolations,
      recordsLost: this.recordsLost,
      crashesAndHangs: this.crashesAndHangs,
      notes: [...this.notes, `${seconds} s`].join('; '),
    };
  }
}

/** Run one drill: whatever it throws is one crash or hang of its row, never an exception. */
export async function drillRow(drill: string, work: (tally: Tally) => Promise<void>): Promise<DrillRow> {
  const tally = new Tally(drill);
  try {
    await work(tally);
  } catch (error) {
    tally.crash(error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error));
  }
  return tally.row();
}

// ---------------------------------------------------------------------------------------------
// Watching a context

export interface Watch {
  /** Dialogs a page opened (alert, confirm, prompt, beforeunload): a script ran that should not have. */
  readonly dialogs: string[];
  readonly pageErrors: string[];
  readonly crashed: string[];
  readonly csp: string[];
  readonly consoleErrors: string[];
  /** Requests that left the app for something else than an issuer document the badges name. */
  readonly unasked: string[];
}

/**
 * Watch every page of `context` (those open now and those to come) and their workers. `skip`: a page
 * whose errors and console someone else records already (openPage's own page); its dialogs and
 * death are still counted here.
 */
export function watchContext(context: BrowserContext, options: { skip?: Page } = {}): Watch {
  const watch: Watch = { dialogs: [], pageErrors: [], crashed: [], csp: [], consoleErrors: [], unasked: [] };
  const onConsole = (where: string) => (message: { type(): string; text(): string }) => {
    const text = message.text();
    if (/content security policy/i.test(text)) watch.csp.push(`${where}: ${text}`);
    else if (message.type() === 'error') watch.consoleErrors.push(`${where}: ${text}`);
  };
  const onPage = (page: Page): void => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('crash', () => watch.crashed.push(page.url()));
    page.on('worker', (worker) => worker.on('console', onConsole(`worker ${worker.url()}`)));
    if (page === options.skip) return;
    page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? error.message));
    page.on('console', onConsole(page.url()));
  };
  for (const page of context.pages()) onPage(page);
  context.on('page', onPage);
  return watch;
}

/** `watch` with what openPage recorded of its own page (tests/support/browser.ts), less the requests the badges name. */
export function withProblems(watch: Watch, problems: PageProblems, allowed: ReadonlySet<string> = new Set()): Watch {
  return {
    ...watch,
    pageErrors: [...watch.pageErrors, ...problems.pageErrors],
    csp: [...watch.csp, ...problems.cspViolations.map((v) => (typeof v === 'string' ? v : `${v.directive} ${v.blockedURI}`))],
    consoleErrors: [...watch.consoleErrors, ...problems.consoleErrors],
    unasked: [...watch.unasked, ...problems.thirdPartyRequests.filter((url) => !allowed.has(url))],
  };
}

/**
 * Every request of the context that leaves `origin` is aborted and recorded in `watch.unasked`
 * (unless `allowed`), for a context openPage did not make (a persistent profile).
 */
export async function blockOtherOrigins(context: BrowserContext, origin: string, watch: Watch, allowed: ReadonlySet<string> = new Set()): Promise<void> {
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      const url = route.request().url();
      if (!allowed.has(url)) watch.unasked.push(url);
      await route.abort('blockedbyclient');
    },
  );
}

/** A same-origin page that is not the app (no script, so no database open): where storage is set up before the app starts. */
export const BLANK_PATH = '/__drill-blank';

export async function routeBlankPage(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}${BLANK_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>drill</title>' }),
  );
}

/** tsx (esbuild, keepNames) wraps named functions of page-side code in __name(): give every page one. */
export const NAME_SHIM = { content: 'globalThis.__name = (fn) => fn;' };

// ---------------------------------------------------------------------------------------------
// In the app

declare global {
  interface Window {
    __drillFiles?: File[];
  }
}

/** The list page has rendered (its count or its empty state). */
export async function appReady(page: Page, ms = 20_000): Promise<void> {
  await page.locator('.result-count, .empty h2').first().waitFor({ timeout: ms });
}

/** The badges as File objects in the page, as a drop hands them over (window.__drillFiles). */
export async function putFiles(page: Page, badges: readonly DrillBadge[]): Promise<void> {
  const CHUNK = 250;
  await page.evaluate(() => {
    window.__drillFiles = [];
  });
  for (let i = 0; i < badges.length; i += CHUNK) {
    const list = badges.slice(i, i + CHUNK).map((b) => ({ name: b.fileName, base64: b.bytes.toString('base64') }));
    await page.evaluate((files) => {
      for (const { name, base64 } of files) window.__drillFiles!.push(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/png' }));
    }, list);
  }
}

/** Console lines the in-page import writes, for a watcher that acts on them (the kill). */
export const MARK = { accepting: 'besace-drill:accepting', stored: 'besace-drill:stored' } as const;

export type ImportOutcome =
  | { readonly kind: 'stored'; readonly status: string }
  | { readonly kind: 'nothing-new' }
  | { readonly kind: 'failed'; readonly alert: string };

/**
 * In the page: drop files [from, from + count) of window.__drillFiles on the app (dragenter, dragover,
 * drop with a DataTransfer, as a file manager does), wait for the review, press "Add", and wait for
 * the result: stored (the dialog is then closed, as the earner would), nothing new to add (closed),
 * or a failure shown in the dialog's alert (left open: "Add" can be pressed again). With from = -1,
 * no drop: "Add" is pressed again in the dialog that is open. `tag` goes into the console marks.
 */
export function importInPage(page: Page, from: number, count: number, tag: string, timeoutMs: number): Promise<ImportOutcome> {
  return page.evaluate(
    async ({ from, count, tag, timeoutMs, mark }) => {
      const waitFor = <T>(find: () => T | null | undefined | false, what: string): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          const started = performance.now();
          const check = (): void => {
            const found = find();
            if (found) {
              clearInterval(interval);
              resolve(found);
            } else if (performance.now() - started > timeoutMs) {
              clearInterval(interval);
              reject(new Error(`timed out waiting for ${what}`));
            }
          };
          const interval = setInterval(check, 10);
          check();
        });
      const addButton = () =>
        [...document.querySelectorAll<HTMLButtonElement>('.import-dialog .import-actions button.button-primary')].find((b) => b.getAttribute('aria-busy') !== 'true');
      if (from >= 0) {
        const transfer = new DataTransfer();
        for (const file of window.__drillFiles!.slice(from, from + count)) transfer.items.add(file);
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
      }
      const ready = await waitFor(() => addButton() ?? document.querySelector('.import-dialog .import-nothing'), 'the review');
      const close = async () => {
        [...document.querySelectorAll<HTMLButtonElement>('.import-dialog .import-actions button')].find((b) => !b.classList.contains('button-primary'))?.click();
        await waitFor(() => document.querySelector('.import-dialog') === null, 'the dialog to close');
      };
      if (!(ready instanceof HTMLButtonElement)) {
        await close();
        return { kind: 'nothing-new' as const };
      }
      // An alert already there is the last failure's: the end is "See my badges", or a new alert with "Add" back.
      for (const old of document.querySelectorAll('.import-dialog .import-error')) old.setAttribute('data-drill-seen', '');
      ready.click();
      console.log(`${mark.accepting} ${tag}`);
      const end = await waitFor(
        () => document.querySelector('.import-dialog .import-actions a.button-primary') ?? (addButton() && document.querySelector('.import-dialog .import-error:not([data-drill-seen])')),
        'the end of the import',
      );
      if (end instanceof HTMLAnchorElement) {
        console.log(`${mark.stored} ${tag}`);
        const status = document.querySelector('#import-dialog-status')?.textContent ?? '';
        await close();
        return { kind: 'stored' as const, status };
      }
      return { kind: 'failed' as const, alert: [...(end as Element).querySelectorAll('p')].map((p) => p.textContent ?? '').join(' ') };
    },
    { from, count, tag, timeoutMs, mark: MARK },
  );
}

/** The app open in a fresh context (openPage: its own storage, other origins blocked), watched. */
export interface AppTab {
  readonly tab: OpenedPage;
  readonly page: Page;
  readonly watch: Watch;
  /** What the context saw goes into the row (less the requests `allowed`), and the context is closed. */
  close(tally: Tally, allowed?: ReadonlySet<string>): Promise<void>;
}

/**
 * openPage in English, every page of the context watched; then, unless `load` is false, the app
 * loaded, its list shown, its service worker in control, and `files` put in the page.
 */
export async function openApp(browser: Browser, origin: string, options: { load?: boolean; files?: readonly DrillBadge[] } = {}): Promise<AppTab> {
  const tab = await openPage(browser, origin, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const watch = watchContext(tab.context, { skip: tab.page });
  const app: AppTab = {
    tab,
    page: tab.page,
    watch,
    close: async (tally, allowed) => {
      tally.add(withProblems(watch, await tab.problems(), allowed));
      await tab.close();
    },
  };
  try {
    await tab.context.addInitScript(NAME_SHIM);
    if (options.load === false) return app;
    await tab.page.goto(`${origin}/`, { waitUntil: 'load' });
    await appReady(tab.page);
    await serviceWorkerReady(tab.page);
    if (options.files) await putFiles(tab.page, options.files);
    return app;
  } catch (error) {
    await tab.close();
    throw error;
  }
}

/** Go to a path inside the app without a reload (as its own links do). */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** What the list says it holds ("12 badges"), as a number; null before it says. */
export async function listedCount(page: Page): Promise<number | null> {
  const text = await page.locator('.result-count').first().textContent({ timeout: 10_000 }).catch(() => null);
  if (text === null) return null;
  const digits = text.replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
}

// ---------------------------------------------------------------------------------------------
// The database, as the page's IndexedDB holds it

export interface StoredRecord {
  readonly id: string;
  /** SHA-256 of original.bytes. */
  readonly sha256: string;
  readonly byteLength: number;
  readonly fileName: string | null;
  readonly mediaType: string;
  readonly payloadLength: number;
  readonly name: string | null;
  readonly latest: { readonly badgeId: string; readonly checkedAt: string; readonly verdict: string } | null;
  /** The whole record as JSON, its bytes as their SHA-256: for deep comparisons. */
  readonly json: string;
}

export interface StoredReportRow {
  readonly key: number;
  readonly badgeId: string;
  /** The whole report as JSON. */
  readonly json: string;
}

export interface DbSnapshot {
  readonly version: number;
  readonly stores: readonly string[];
  readonly badges: readonly StoredRecord[];
  readonly reports: readonly StoredReportRow[];
}

type Rows = [IDBValidKey, unknown][];

/** Every store of the app's database, as a fixture dump has it (tests/storage/dbFixture.ts): bytes as {$bytes: base64}. */
export interface DbDump {
  /** 0: there is no database. */
  readonly version: number;
  readonly stores: Record<string, Rows>;
}

/** In the page: open the app's database as it is (never creating it), read every store, close it. */
export function dumpDb(page: Page): Promise<DbDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open('besace');
      request.onupgradeneeded = () => request.transaction!.abort(); // no database: do not make one
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
    });
    if (!db) return { version: 0, stores: {} };
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction(names, 'readonly');
      const stores: Record<string, [IDBValidKey, unknown][]> = {};
      for (const name of names) {
        const [keys, values] = await Promise.all([done(tx.objectStore(name).getAllKeys()), done(tx.objectStore(name).getAll())]);
        stores[name] = keys.map((k, i) => [k, values[i]]);
      }
      const text = JSON.stringify({ version: db.version, stores }, (_k, v: unknown) =>
        v instanceof Uint8Array ? { $bytes: btoa(Array.from(v, (b) => String.fromCharCode(b)).join('')) } : v,
      );
      return JSON.parse(text) as { version: number; stores: Record<string, [IDBValidKey, unknown][]> };
    } finally {
      db.close();
    }
  });
}

interface DumpedBadge {
  readonly id: string;
  readonly original?: { readonly bytes?: { readonly $bytes?: string }; readonly fileName?: string | null; readonly mediaType?: string };
  readonly extracted?: { readonly payload?: unknown };
  readonly badge?: { readonly name?: string } | null;
  readonly latest?: { readonly badgeId: string; readonly checkedAt: string; readonly verdict: string } | null;
}

/** The app's badges and reports as the page's IndexedDB holds them. */
export async function readDb(page: Page): Promise<DbSnapshot> {
  const dump = await dumpDb(page);
  const badges = (dump.stores['badges'] ?? []).map(([, value]): StoredRecord => {
    const r = value as DumpedBadge;
    const bytes = typeof r.original?.bytes?.$bytes === 'string' ? Buffer.from(r.original.bytes.$bytes, 'base64') : null;
    const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : '';
    return {
      id: r.id,
      sha256,
      byteLength: bytes?.length ?? 0,
      fileName: r.original?.fileName ?? null,
      mediaType: r.original?.mediaType ?? '',
      payloadLength: typeof r.extracted?.payload === 'string' ? r.extracted.payload.length : 0,
      name: r.badge?.name ?? null,
      latest: r.latest ? { badgeId: r.latest.badgeId, checkedAt: r.latest.checkedAt, verdict: r.latest.verdict } : null,
      json: JSON.stringify({ ...r, original: { ...r.original, bytes: sha256 } }),
    };
  });
  const reports = (dump.stores['reports'] ?? []).map(([key, value]) => ({ key: key as number, badgeId: (value as { badgeId: string }).badgeId, json: JSON.stringify(value) }));
  return { version: dump.version, stores: Object.keys(dump.stores), badges, reports };
}

/**
 * Every record that is not whole: a badge whose bytes are not its id or not one of `expected`'s, with
 * no name, no latest report, a latest report that is not in its history, or no history; a report of
 * no badge. One line per fault.
 */
export function halfWritten(db: DbSnapshot, expected: ReadonlyMap<string, DrillBadge>): string[] {
  const faults: string[] = [];
  const historyOf = new Map<string, StoredReportRow[]>();
  for (const r of db.reports) historyOf.set(r.badgeId, [...(historyOf.get(r.badgeId) ?? []), r]);
  const ids = new Set(db.badges.map((b) => b.id));
  for (const b of db.badges) {
    const short = b.id.slice(0, 12);
    const want = expected.get(b.id);
    if (b.sha256 !== b.id) faults.push(`${short}: its bytes hash to ${b.sha256.slice(0, 12)}`);
    if (!want) faults.push(`${short}: not a badge that was dropped`);
    else {
      if (b.byteLength !== want.bytes.length) faults.push(`${short}: ${b.byteLength} bytes, ${want.bytes.length} dropped`);
      if (b.fileName !== want.fileName) faults.push(`${short}: file name ${b.fileName}`);
      if (b.name !== want.name) faults.push(`${short}: name ${b.name}`);
    }
    if (b.mediaType !== 'image/png') faults.push(`${short}: media type ${b.mediaType}`);
    if (b.payloadLength === 0) faults.push(`${short}: no payload`);
    const history = historyOf.get(b.id) ?? [];
    if (!b.latest) faults.push(`${short}: no latest report`);
    else if (b.latest.badgeId !== b.id) faults.push(`${short}: latest report is ${b.latest.badgeId.slice(0, 12)}'s`);
    else if (b.latest.verdict !== 'valid') faults.push(`${short}: verdict ${b.latest.verdict}`);
    if (history.length === 0) faults.push(`${short}: no history`);
    else if (b.latest && !history.some((r) => (JSON.parse(r.json) as { checkedAt: string }).checkedAt === b.latest!.checkedAt)) faults.push(`${short}: latest report not in its history`);
  }
  for (const r of db.reports) if (!ids.has(r.badgeId)) faults.push(`report ${r.key}: of no badge (${r.badgeId.slice(0, 12)})`);
  return faults;
}

/** Two records as JSON hold the same data (whatever the order of their keys). */
export const sameJson = (a: string | undefined, b: string | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && isDeepStrictEqual(JSON.parse(a), JSON.parse(b)));

/** Records of `before` that `after` lost or changed, and reports likewise (compared whole, by key). */
export function changedSince(before: DbSnapshot, after: DbSnapshot): { badges: string[]; reports: string[] } {
  const now = new Map(after.badges.map((b) => [b.id, b.json]));
  const reportsNow = new Map(after.reports.map((r) => [r.key, r.json]));
  return {
    badges: before.badges.filter((b) => !sameJson(now.get(b.id), b.json)).map((b) => b.id.slice(0, 12)),
    reports: before.reports.filter((r) => !sameJson(reportsNow.get(r.key), r.json)).map((r) => String(r.key)),
  };
}

export const byId = (badges: readonly DrillBadge[]): Map<string, DrillBadge> => new Map(badges.map((b) => [b.id, b]));
