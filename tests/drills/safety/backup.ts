/**
 * Export → clear → restore: badges dropped (and an address added in the profile), a backup downloaded
 * through the profile (a real download), the site's data cleared in the browser (CDP
 * Storage.clearDataForOrigin, every storage type: what "clear site data" does), the app opened again
 * empty, the backup restored through the profile's file input. Then every badge record is what it
 * was (its original bytes by their SHA-256, the dropped file's), every report is what it was, a few
 * originals downloaded from their pages are the dropped files byte for byte, and a second backup holds
 * exactly what the first did.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { decodeBackup } from '../../../src/core/backup';
import type { DrillSize } from '../types';
import { makeBadges } from './badges';
import { byId, goInApp, halfWritten, importInPage, openApp, readDb, sameJson, say, within, type DbSnapshot, type Tally } from './harness';

const ADDRESS = 'drill@example.org';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Download a backup through the profile. */
async function exportBackup(page: Page, timeoutMs: number): Promise<{ bytes: Uint8Array; ms: number }> {
  await goInApp(page, '/profile');
  const started = performance.now();
  const downloaded = page.waitForEvent('download', { timeout: timeoutMs });
  await page.getByRole('button', { name: say('profile.backup.export') }).click();
  const download = await downloaded;
  await page.getByText(say('profile.backup.exported', { file: download.suggestedFilename() })).waitFor({ timeout: timeoutMs });
  return { bytes: new Uint8Array(await readFile(await download.path())), ms: performance.now() - started };
}

/** Reports per badge, in the order they were stored (keys aside: a restore numbers them anew). */
const reportsOf = (db: DbSnapshot): Map<string, unknown[]> => {
  const out = new Map<string, unknown[]>();
  for (const r of [...db.reports].sort((a, b) => a.key - b.key)) out.set(r.badgeId, [...(out.get(r.badgeId) ?? []), JSON.parse(r.json)]);
  return out;
};

export async function exportClearRestore(size: DrillSize, origin: string, browser: Browser, tally: Tally): Promise<void> {
  const total = size === 'full' ? 1000 : 100;
  const stepMs = size === 'full' ? 300_000 : 60_000;
  const badges = await makeBadges(total, 'b');
  const expected = byId(badges);
  tally.inputs = total;
  const app = await openApp(browser, origin, { files: badges });
  const { page } = app;
  try {
    let started = performance.now();
    const imported = await within(`the import of ${total}`, stepMs, importInPage(page, 0, total, 'all', stepMs - 5_000));
    if (imported.kind !== 'stored') throw new Error(`the import: ${JSON.stringify(imported)}`);
    const importMs = performance.now() - started;
    await goInApp(page, '/profile');
    await page.getByLabel(say('profile.identities.label')).fill(ADDRESS);
    await page.getByRole('button', { name: say('profile.identities.add') }).click();
    await page.getByRole('list', { name: say('profile.identities.listLabel') }).getByText(ADDRESS).waitFor();
    const before = await readDb(page);
    const faultsBefore = halfWritten(before, expected);
    if (before.badges.length !== total || faultsBefore.length > 0) throw new Error(`the import stored ${before.badges.length} of ${total} (${faultsBefore.slice(0, 3).join(', ')})`);

    // Export.
    const first = await within('the export', stepMs, exportBackup(page, stepMs));

    // Clear the site's data, as the browser's "clear site data" does, and open the app again: empty.
    await page.goto('about:blank');
    const cdp = await app.tab.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 2, name: say('library.empty.title') }).waitFor({ timeout: 20_000 });
    const cleared = await readDb(page);
    if (cleared.badges.length > 0) throw new Error(`clearing the site's data left ${cleared.badges.length} badges`);

    // Restore through the profile's file input.
    await goInApp(page, '/profile');
    started = performance.now();
    await page.getByLabel(say('profile.backup.restoreLabel')).setInputFiles({ name: 'besace-backup.zip', mimeType: 'application/zip', buffer: Buffer.from(first.bytes) });
    const summary = new Intl.ListFormat('en', { style: 'long', type: 'unit' }).format([
      say('profile.backup.added.other', { count: new Intl.NumberFormat('en').format(total) }),
      say('profile.backup.merged.other', { count: 0 }),
      say('profile.backup.identities.one', { count: 1 }),
    ]);
    await page.getByText(say('profile.backup.restored', { summary })).waitFor({ timeout: stepMs });
    const restoreMs = performance.now() - started;
    await page.getByRole('list', { name: say('profile.identities.listLabel') }).getByText(ADDRESS).waitFor();

    // Every record as it was; every report as it was.
    const after = await readDb(page);
    const now = new Map(after.badges.map((b) => [b.id, b.json]));
    const changed = before.badges.filter((b) => !sameJson(now.get(b.id), b.json));
    tally.lost(changed.length, `badges not restored as they were: ${changed.length} (${changed.slice(0, 3).map((b) => b.id.slice(0, 12)).join(', ')})`);
    tally.lost(Math.max(0, after.badges.length - before.badges.length), `badges that were not there before: ${after.badges.length - before.badges.length}`);
    const [reportsBefore, reportsAfter] = [reportsOf(before), reportsOf(after)];
    const reportsChanged = [...reportsBefore].filter(([id, list]) => !isDeepStrictEqual(reportsAfter.get(id), list));
    tally.lost(reportsChanged.reduce((n, [, list]) => n + list.length, 0), `reports not restored as they were, for ${reportsChanged.length} badges`);
    const faults = halfWritten(after, expected);
    tally.lost(faults.length, `half-written after the restore: ${faults.slice(0, 5).join(', ')}`);

    // A few originals, downloaded from their pages: the dropped files, byte for byte.
    const sample = [badges[0]!, badges[Math.floor(total / 2)]!, badges[total - 1]!];
    for (const badge of sample) {
      await goInApp(page, `/badge/${badge.id}`);
      await page.locator('main h1', { hasText: badge.name }).waitFor({ timeout: 10_000 });
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: say('detail.download.original', { ext: 'PNG' }) }).click();
      const download = await downloaded;
      const bytes = await readFile(await download.path());
      if (createHash('sha256').update(bytes).digest('hex') !== badge.id || download.suggestedFilename() !== badge.fileName) {
        tally.lost(1, `${badge.fileName} downloaded again is not the dropped file (${download.suggestedFilename()}, ${bytes.length} bytes)`);
      }
    }

    // A second backup holds exactly what the first did (but its date).
    const second = await within('the second export', stepMs, exportBackup(page, stepMs));
    const [a, b] = [decodeBackup(first.bytes), decodeBackup(second.bytes)];
    if (!a.ok || !b.ok) throw new Error('a backup did not decode');
    const { exportedAt: _a, ...firstData } = a.value;
    const { exportedAt: _b, ...secondData } = b.value;
    if (!isDeepStrictEqual(firstData, secondData)) tally.lost(1, 'the second backup differs from the first');
    if (firstData.badges.length !== total) tally.lost(Math.abs(total - firstData.badges.length), `the backup holds ${firstData.badges.length} badges`);
    tally.note(
      `${total} badges, ${before.reports.length} reports, 1 address: import ${seconds(importMs)}, export ${seconds(first.ms)} (${(first.bytes.length / 1e6).toFixed(2)} MB), restore ${seconds(restoreMs)}; ${sample.length} originals downloaded again`,
    );
  } finally {
    await app.close(tally);
  }
}
