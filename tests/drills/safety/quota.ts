/**
 * Storage full: Chromium's quota for the app's origin brought down to what it uses plus room for a
 * couple of batches (CDP Storage.overrideQuotaForOrigin), then badges dropped a batch at a time until
 * an "Add" fails. The earner must read what happened and what to do (storage.error.QUOTA_EXCEEDED, and
 * that the list is kept), nothing already stored may change, nothing of the failed batch may be half
 * there; then the quota is given back and "Add", pressed again in the same dialog, stores the batch,
 * and the rest goes in after it.
 */
import type { Browser, Page } from 'playwright-core';
import type { DrillSize } from '../types';
import { makeBadges, type DrillBadge } from './badges';
import { byId, changedSince, halfWritten, importInPage, listedCount, openApp, readDb, say, within, type Tally } from './harness';

interface Weights {
  /** What a batch adds to the database's usage. */
  readonly perBatch: number;
  /** What a batch's records weigh as JSON (about what its transaction asks the quota for). */
  readonly written: number;
}

const usage = (page: Page) =>
  page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as { usage?: number; usageDetails?: { indexedDB?: number } };
    return { all: estimate.usage ?? 0, db: estimate.usageDetails?.indexedDB ?? 0 };
  });

/** In a throwaway context: what one batch weighs. */
async function weigh(browser: Browser, origin: string, batch: readonly DrillBadge[], tally: Tally): Promise<Weights> {
  const app = await openApp(browser, origin, { files: batch });
  try {
    const open = await usage(app.page);
    const outcome = await importInPage(app.page, 0, batch.length, 'weigh', 30_000);
    if (outcome.kind !== 'stored') throw new Error(`weighing a batch: ${JSON.stringify(outcome)}`);
    const db = await readDb(app.page);
    const written = [...db.badges, ...db.reports].reduce((n, r) => n + r.json.length, 0) + batch.reduce((n, b) => n + b.bytes.length, 0);
    return { perBatch: Math.max((await usage(app.page)).db - open.db, 1), written };
  } finally {
    await app.close(tally);
  }
}

export async function storageFull(size: DrillSize, origin: string, browser: Browser, tally: Tally): Promise<void> {
  const total = size === 'full' ? 200 : 60;
  const per = 10;
  /** Batches that fit before one is refused (about). */
  const fits = size === 'full' ? 4 : 2;
  const badges = await makeBadges(total, 'q');
  const expected = byId(badges);
  tally.inputs = total;
  const weights = await weigh(browser, origin, badges.slice(0, per), tally);

  const app = await openApp(browser, origin, { files: badges });
  const { page } = app;
  try {
    // The quota comes down before the app's first write: Chromium's IndexedDB asks the quota manager
    // at its first write and then spends what it was told, for up to 30 s, without asking again
    // (BucketContext::kBucketSpaceCacheTimeLimit), so a quota lowered later is not seen at once.
    const rest = (await usage(page)).all;
    const room = weights.written + Math.round(weights.perBatch * (fits - 0.5));
    const cdp = await app.tab.context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: rest + room });

    // Batch after batch until one is refused.
    let stored = await readDb(page);
    let refusedAt = -1;
    let alert = '';
    for (let b = 0; b * per < total; b++) {
      const outcome = await within(`batch ${b}`, 60_000, importInPage(page, b * per, per, String(b), 50_000));
      if (outcome.kind === 'failed') {
        refusedAt = b;
        alert = outcome.alert;
        break;
      }
      if (outcome.kind !== 'stored') throw new Error(`batch ${b}: ${outcome.kind}`);
      stored = await readDb(page);
    }
    if (refusedAt < 0) throw new Error(`every batch was stored: the quota (${room} bytes over what the app used) was never reached`);
    tally.note(`quota: ${(room / 1000).toFixed(0)} kB for the database (a batch of ${per} adds ${(weights.perBatch / 1000).toFixed(0)} kB); batch ${refusedAt + 1} refused with ${stored.badges.length} stored`);

    // What the earner reads: what happened and what to do, and that the list is kept.
    for (const sentence of [say('storage.error.QUOTA_EXCEEDED'), say('importer.error.kept')]) {
      if (!alert.includes(sentence)) tally.crash(`the earner was not told "${sentence.slice(0, 60)}…"; the dialog said: "${alert}"`);
    }

    // Nothing stored was lost or changed, nothing of the refused batch is there.
    const full = await readDb(page);
    const changed = changedSince(stored, full);
    tally.lost(changed.badges.length + changed.reports.length, `changed by the refused batch: badges ${changed.badges.join(', ')} reports ${changed.reports.join(', ')}`);
    const extra = full.badges.length - stored.badges.length;
    tally.lost(Math.abs(extra), `the refused batch left ${extra} badges behind`);
    const faults = halfWritten(full, expected);
    tally.lost(faults.length, `half-written: ${faults.slice(0, 5).join(', ')}`);
    const listed = await listedCount(page);
    if ((listed ?? 0) !== stored.badges.length) tally.lost(Math.abs((listed ?? 0) - stored.badges.length), `the list says ${listed}, ${stored.badges.length} were stored`);

    // Space freed: "Add" again in the same dialog, then the rest.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin }); // back to the browser's own quota
    await cdp.detach();
    const resumed = await within('"Add" again', 60_000, importInPage(page, -1, 0, 'resume', 50_000));
    if (resumed.kind !== 'stored') tally.crash(`"Add" pressed again after space was freed: ${JSON.stringify(resumed)}`);
    for (let b = refusedAt + 1; b * per < total; b++) {
      const outcome = await within(`batch ${b}`, 60_000, importInPage(page, b * per, per, String(b), 50_000));
      if (outcome.kind !== 'stored') tally.crash(`batch ${b} after space was freed: ${JSON.stringify(outcome)}`);
    }
    const final = await readDb(page);
    const finalFaults = halfWritten(final, expected);
    tally.lost(finalFaults.length, `half-written at the end: ${finalFaults.slice(0, 5).join(', ')}`);
    const kept = changedSince(stored, final);
    tally.lost(kept.badges.length + kept.reports.length, `stored before the refusal, changed at the end: ${kept.badges.join(', ')}`);
    tally.lost(total - final.badges.length, `${final.badges.length} of ${total} stored at the end`);
    tally.note(`space freed: "Add" again and the rest, ${final.badges.length} stored`);
  } finally {
    await app.close(tally);
  }
}
