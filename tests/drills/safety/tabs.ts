/**
 * Two tabs of the same backpack at once, each one dropping new badges a few at a time and, between
 * drops, opening the page of a badge that was there before and removing it, as fast as the pages
 * answer. At the end the database holds exactly what was there, less what the tabs removed, plus what
 * they added (no write lost, no removal undone, no report left of a removed badge), every record
 * whole, and both tabs' lists say so, the second one after a reload too.
 */
import type { Browser, Page } from 'playwright-core';
import type { DrillSize } from '../types';
import { makeBadges, type DrillBadge } from './badges';
import { appReady, byId, goInApp, halfWritten, importInPage, listedCount, openApp, putFiles, readDb, say, within, type Tally } from './harness';

/**
 * Remove a badge through its page: open it, press "Remove", back on the list. (The press is a
 * dispatched click: the tab at the back gets about one frame a second, as a background tab does, and
 * Playwright's click would wait frames for the button to be "stable".)
 */
async function removeOne(page: Page, badge: DrillBadge): Promise<void> {
  await goInApp(page, `/badge/${badge.id}`);
  await page.locator('main h1', { hasText: badge.name }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: say('detail.delete.button') }).dispatchEvent('click', undefined, { timeout: 10_000 });
  await page.waitForFunction(() => location.pathname === '/', undefined, { timeout: 10_000, polling: 50 });
}

/**
 * One tab's part: drop a batch of `adds` (window.__drillFiles from `from`), remove one of `removes`,
 * again, until both are done. Returns the time it took.
 */
async function work(page: Page, name: string, from: number, adds: number, per: number, removes: readonly DrillBadge[], tally: Tally): Promise<number> {
  const started = performance.now();
  for (let i = 0, r = 0; i < adds || r < removes.length; i += per, r++) {
    if (i < adds) {
      const outcome = await importInPage(page, from + i, Math.min(per, adds - i), `${name}${i}`, 30_000);
      if (outcome.kind !== 'stored') tally.crash(`tab ${name}, drop at ${i}: ${JSON.stringify(outcome)}`);
    }
    if (r < removes.length) await removeOne(page, removes[r]!);
  }
  return performance.now() - started;
}

/** Wait until the list says `count` badges (or give up after a while, and say what it says). */
async function waitForCount(page: Page, count: number): Promise<number | null> {
  const until = Date.now() + 10_000;
  let said = await listedCount(page);
  while (said !== count && Date.now() < until) {
    await page.waitForTimeout(100);
    said = await listedCount(page);
  }
  return said;
}

export async function twoTabs(size: DrillSize, origin: string, browser: Browser, tally: Tally): Promise<void> {
  // Badges there before; each tab adds `adds` (drops of `per`) and removes `removes` of those there before.
  const [before, adds, per, removes] = size === 'full' ? [60, 50, 5, 25] : [16, 10, 2, 4];
  const badges = await makeBadges(before + 2 * adds, 't');
  const there = badges.slice(0, before);
  const [goneA, goneB] = [there.slice(0, removes), there.slice(removes, 2 * removes)];
  const gone = [...goneA, ...goneB];
  tally.inputs = badges.length;
  const app = await openApp(browser, origin, { files: badges });
  const a = app.page;
  try {
    const b = await app.tab.context.newPage();
    await b.goto(`${origin}/`, { waitUntil: 'load' });
    await appReady(b);
    await putFiles(b, badges);

    // What is there before: added in A, listed in B.
    const first = await importInPage(a, 0, before, 'before', 30_000);
    if (first.kind !== 'stored') throw new Error(`the first import: ${JSON.stringify(first)}`);
    if ((await waitForCount(b, before)) !== before) throw new Error(`tab B does not list the ${before} badges`);

    // Both tabs at once, each adding and removing.
    const [msA, msB] = await within(
      'both tabs at once',
      180_000,
      Promise.all([work(a, 'A', before, adds, per, goneA, tally), work(b, 'B', before + adds, adds, per, goneB, tally)]),
    );

    // The end: there − removed + added, whole, and both lists say it.
    const expected = new Set(badges.filter((x) => !gone.includes(x)).map((x) => x.id));
    const db = await readDb(a);
    const stored = new Set(db.badges.map((x) => x.id));
    const missing = [...expected].filter((id) => !stored.has(id));
    const resurrected = gone.filter((x) => stored.has(x.id));
    tally.lost(missing.length, `writes lost: ${missing.length} badges that should be there are not`);
    tally.lost(resurrected.length, `removals lost: ${resurrected.length} removed badges are back`);
    const faults = halfWritten(db, byId(badges));
    tally.lost(faults.length, `half-written: ${faults.slice(0, 5).join(', ')}`);
    const orphans = db.reports.filter((r) => gone.some((x) => x.id === r.badgeId)).length;
    tally.lost(orphans, `reports of removed badges left behind: ${orphans}`);
    for (const [name, page] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const said = await waitForCount(page, expected.size);
      if (said !== expected.size) tally.lost(Math.abs((said ?? 0) - expected.size), `tab ${name}'s list says ${said}, ${expected.size} are stored`);
    }
    await b.reload({ waitUntil: 'load' });
    await appReady(b);
    const reloaded = await waitForCount(b, expected.size);
    if (reloaded !== expected.size) tally.lost(Math.abs((reloaded ?? 0) - expected.size), `tab B reloaded says ${reloaded}`);
    tally.note(
      `${before} there; each tab added ${adds} in drops of ${per} and removed ${removes}, interleaved, both at once (A ${(msA / 1000).toFixed(1)} s, B ${(msB / 1000).toFixed(1)} s): ${db.badges.length} stored, ${expected.size} expected`,
    );
  } finally {
    await app.close(tally);
  }
}
