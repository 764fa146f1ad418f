/**
 * A database written by the app's first release of the schema (version 1,
 * tests/storage/fixtures/besace-db-v1.json: 3 badges, 5 reports, 1 address, settings in French) opens
 * in today's build, in Chromium's real IndexedDB:
 *
 * - the version 1 database is written on a same-origin page that is not the app, with the stores and
 *   indexes of the ladder's frozen first step (read from src/storage/db.ts's `upgrade`, run on
 *   fake-indexeddb), every record as the dump has it; then the app is loaded and climbs to today;
 * - in the app: the list holds the 3 badges by name, each badge's page opens with its history, the
 *   profile shows the address, the pages speak French (the stored setting);
 * - in the database: today's version and stores; every version 1 record as it was (a badge the app
 *   has re-checked since may carry its newer report: the older ones are all still there); the new
 *   collections store works (a collection created through the app is stored);
 * - a reload opens it again.
 */
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Browser } from 'playwright-core';
import { DB_VERSION, upgrade } from '../../../src/storage/db';
import { corpusMocks, UNSERVED_ISSUER_URLS } from '../../browser/backpack/support';
import type { DrillSize } from '../types';
import { appReady, BLANK_PATH, dumpDb, goInApp, openApp, routeBlankPage, say, type DbDump, type Tally } from './harness';

const FIXTURE = new URL('../../storage/fixtures/besace-db-v1.json', import.meta.url);

interface StoreSchema {
  readonly name: string;
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexes: readonly { readonly name: string; readonly keyPath: string | string[]; readonly unique: boolean; readonly multiEntry: boolean }[];
}

/**
 * The stores and indexes of a database at `version`, as the app's own ladder makes them: its frozen
 * steps (src/storage/db.ts `upgrade`) run against a recorder of createObjectStore and createIndex.
 */
function schemaAt(version: number): StoreSchema[] {
  const stores: { name: string; keyPath: string | string[] | null; autoIncrement: boolean; indexes: StoreSchema['indexes'][number][] }[] = [];
  const recorder = {
    createObjectStore(name: string, options: IDBObjectStoreParameters = {}) {
      const store = { name, keyPath: options.keyPath ?? null, autoIncrement: options.autoIncrement ?? false, indexes: [] as StoreSchema['indexes'][number][] };
      stores.push(store);
      return {
        createIndex(index: string, keyPath: string | string[], o: IDBIndexParameters = {}) {
          store.indexes.push({ name: index, keyPath, unique: o.unique ?? false, multiEntry: o.multiEntry ?? false });
        },
      };
    },
  };
  upgrade(recorder as never, 0, version, recorder as never);
  return stores;
}

type Rows = [IDBValidKey, unknown][];

interface BadgeRow {
  readonly id: string;
  readonly addedAt: string;
  readonly original: unknown;
  readonly extracted: unknown;
  readonly badge: { readonly name?: string } | null;
  readonly latest: { readonly checkedAt: string } | null;
}

/** Version 1's records that today's database lost or changed (a badge re-checked since may carry a newer report). */
function compareWithV1(v1: Record<string, Rows>, now: DbDump): { lost: string[]; rechecked: number } {
  const lost: string[] = [];
  let rechecked = 0;
  const reportsNow = now.stores['reports'] ?? [];
  const v1ReportKeys = new Set((v1['reports'] ?? []).map(([k]) => JSON.stringify(k)));
  for (const [store, rows] of Object.entries(v1)) {
    const here = new Map((now.stores[store] ?? []).map(([k, v]) => [JSON.stringify(k), v]));
    for (const [key, value] of rows) {
      const found = here.get(JSON.stringify(key));
      if (found === undefined) {
        lost.push(`${store} ${String(key).slice(0, 12)}: gone`);
        continue;
      }
      if (isDeepStrictEqual(found, value)) continue;
      if (store === 'badges') {
        const [was, is] = [value as BadgeRow, found as BadgeRow];
        const kept = (['id', 'addedAt', 'original', 'extracted'] as const).every((f) => isDeepStrictEqual(was[f], is[f]));
        const newer = reportsNow.some(
          ([k, r]) => !v1ReportKeys.has(JSON.stringify(k)) && isDeepStrictEqual(r, is.latest) && (!was.latest || is.latest!.checkedAt >= was.latest.checkedAt),
        );
        if (kept && newer) {
          rechecked++;
          continue;
        }
      }
      lost.push(`${store} ${String(key).slice(0, 12)}: changed`);
    }
  }
  return { lost, rechecked };
}

export async function earlierSchema(_size: DrillSize, origin: string, browser: Browser, tally: Tally): Promise<void> {
  const json = await readFile(FIXTURE, 'utf8');
  const v1 = JSON.parse(json) as { name: string; version: number; stores: Record<string, Rows> };
  const schema = schemaAt(v1.version);
  const badges = v1.stores['badges']!.map(([, v]) => v as BadgeRow);
  tally.inputs = badges.length;
  const fr = (key: Parameters<typeof say>[0], params?: Parameters<typeof say>[1]) => say(key, params, 'fr');

  const mocks = await corpusMocks();
  const allowed = new Set([...mocks.keys(), ...UNSERVED_ISSUER_URLS]);
  let issuerAnswers = 0;
  const app = await openApp(browser, origin, { load: false });
  const { page, tab } = app;
  try {
    await routeBlankPage(tab.context, origin);
    // The issuers the badges name, answered from the corpus (the app re-checks stale badges when it opens).
    await tab.context.route(
      (url) => mocks.has(url.href),
      async (route) => {
        const entry = mocks.get(route.request().url())!;
        issuerAnswers++;
        await route.fulfill({ status: 200, body: Buffer.from(entry.body), headers: { 'content-type': entry.contentType, 'access-control-allow-origin': '*' } });
      },
    );

    // Version 1, written as the first release left it, before the app ever runs here.
    await page.goto(`${origin}${BLANK_PATH}`);
    await page.evaluate(
      async ({ json, schema }) => {
        const dump = JSON.parse(json, (_k, v: unknown) =>
          typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $bytes?: unknown }).$bytes === 'string'
            ? Uint8Array.from(atob((v as { $bytes: string }).$bytes), (c) => c.charCodeAt(0))
            : v,
        ) as { name: string; version: number; stores: Record<string, [IDBValidKey, unknown][]> };
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dump.name, dump.version);
          request.onupgradeneeded = () => {
            for (const s of schema) {
              const store = request.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
              for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
            }
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(Object.keys(dump.stores), 'readwrite');
        for (const [name, rows] of Object.entries(dump.stores)) {
          const store = tx.objectStore(name);
          for (const [key, value] of rows) {
            if (store.keyPath === null) store.put(value, key);
            else store.put(value);
          }
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error);
        });
        db.close();
      },
      { json, schema },
    );
    const written = await dumpDb(page);
    if (written.version !== v1.version || !isDeepStrictEqual(written.stores, v1.stores)) throw new Error('the version 1 database was not written as the fixture says');

    // Today's app on it.
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await appReady(page);
    await page.waitForFunction((n) => document.querySelectorAll('.badge-row').length === n, badges.length, { timeout: 15_000 });
    const listed = (await page.locator('.badge-row-name').allTextContents()).sort();
    const names = badges.map((b) => b.badge?.name ?? '').sort();
    if (!isDeepStrictEqual(listed, names)) tally.lost(names.filter((n) => !listed.includes(n)).length || 1, `the list shows ${JSON.stringify(listed)}, version 1 held ${JSON.stringify(names)}`);
    if (!(await page.getByRole('heading', { level: 1, name: fr('library.title') }).isVisible().catch(() => false))) {
      tally.lost(1, 'the stored language (French) is not the page’s');
    }
    // Each badge's page, with its history.
    const history = new Map<string, number>();
    for (const [, r] of v1.stores['reports']!) {
      const id = (r as { badgeId: string }).badgeId;
      history.set(id, (history.get(id) ?? 0) + 1);
    }
    for (const b of badges) {
      await goInApp(page, `/badge/${b.id}`);
      await page.locator('main h1', { hasText: b.badge?.name ?? '' }).waitFor({ timeout: 10_000 });
      await page.locator('.history li').first().waitFor({ timeout: 10_000 });
      const shown = await page.locator('.history li').count();
      if (shown < history.get(b.id)!) tally.lost(history.get(b.id)! - shown, `${b.id.slice(0, 12)}'s page shows ${shown} checks, version 1 held ${history.get(b.id)}`);
    }
    // The profile: the address.
    const identities = v1.stores['identities']!.map(([k]) => String(k));
    await goInApp(page, '/profile');
    const list = page.getByRole('list', { name: fr('profile.identities.listLabel') });
    for (const value of identities) await list.getByText(value).waitFor({ timeout: 10_000 }).catch(() => tally.lost(1, `the profile does not show ${value}`));

    // The database: today's version, every version 1 record.
    const now = await dumpDb(page);
    if (now.version !== DB_VERSION) tally.crash(`the database is at version ${now.version}, not ${DB_VERSION}`);
    const { lost, rechecked } = compareWithV1(v1.stores, now);
    tally.lost(lost.length, `version 1 records lost or changed: ${lost.join(', ')}`);
    const stores = Object.keys(now.stores).sort();
    tally.note(`version ${v1.version} → ${now.version}, stores ${stores.join(', ')}; ${Object.values(v1.stores).reduce((n, r) => n + r.length, 0)} version 1 records kept${rechecked ? ` (${rechecked} re-checked meanwhile)` : ''}`);

    // The collections store, new in version 2, works: a collection made through the app is stored.
    await goInApp(page, '/collections');
    await page.getByLabel(fr('collections.create.label')).fill('Drill');
    await page.getByRole('button', { name: fr('collections.create.button') }).click();
    await page.locator('main h1', { hasText: 'Drill' }).waitFor({ timeout: 10_000 }); // the new collection's page
    const collections = (await dumpDb(page)).stores['collections'] ?? [];
    if (!collections.some(([, c]) => (c as { title?: string }).title === 'Drill')) tally.lost(1, 'the collection made in the app is not in the database');

    // The app re-checks stale badges a few seconds after it starts (src/ui/shell/background.ts):
    // every badge gets a new report, and every version 1 record must still be there.
    const v1Reports = v1.stores['reports']!.length;
    const reportCount = () => dumpDb(page).then((d) => d.stores['reports']?.length ?? 0);
    const until = Date.now() + 20_000;
    let recheckDone = false;
    while (!(recheckDone = (await reportCount()) >= v1Reports + badges.length) && Date.now() < until) await page.waitForTimeout(250);
    if (!recheckDone) tally.note('the app did not re-check the stale badges within 20 s');

    // Opened again.
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await appReady(page);
    await page.waitForFunction((n) => document.querySelectorAll('.badge-row').length === n, badges.length, { timeout: 15_000 });
    const again = await dumpDb(page);
    const later = compareWithV1(v1.stores, again);
    tally.lost(later.lost.length, `opened again: ${later.lost.join(', ')}`);
    tally.note(
      `opened again after the app re-checked the stale badges (${issuerAnswers} issuer documents answered from the corpus): ${later.rechecked} badges carry a newer report, all ${v1Reports} version 1 reports kept, ${again.stores['reports']?.length ?? 0} in all`,
    );
  } finally {
    await app.close(tally, allowed);
  }
}
