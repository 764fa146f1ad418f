/**
 * The backpack keeps working offline, and its data survives a round trip through a backup, in the
 * production build in Chromium:
 *
 * - badges dropped online, then the network cut and the page reloaded: the service worker opens the
 *   app, every badge is listed as before, a badge's page shows its last report with its date, and
 *   "Verify again" offline never computes a fresh "valid": the new report says what could not be
 *   checked because the device is offline, and the page says so;
 * - export through the profile (a real download), the site's data cleared the way the profile tells
 *   the earner to (the browser's "clear site data"), restore through the profile's file input: the
 *   same badges, byte for byte (each original downloaded again and hashed), the same reports, the
 *   same history, the same address, and a second export that holds exactly what the first did.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBackup } from '../../../src/core/backup';
import type { Lang, MessageKey } from '../../../src/ui/messages';
import {
  axeViolations,
  corpusFile,
  DROP,
  dropFiles,
  expectNoProblems,
  FILES,
  listedBadges,
  readStoredBadges,
  reviewed,
  say,
  shots,
  serviceWorkerReady,
  sha256,
  shownChecks,
  startApp,
  waitForRows,
  type App,
  type Tab,
} from './support';

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** Drop files, keep the invalid ones, add them all, and land on the list. */
async function importAll(page: Page, lang: Lang, files: readonly string[], added: number): Promise<void> {
  const s = (key: MessageKey, params?: Record<string, string | number>) => say(lang, key, params);
  await dropFiles(page, files);
  await reviewed(page, lang);
  for (const keep of await page.getByRole('checkbox', { name: s('importer.keepAnyway') }).all()) await keep.check();
  await page.getByRole('button', { name: s(added === 1 ? 'importer.accept.one' : 'importer.accept.other', { count: added }) }).click();
  await page.getByRole('link', { name: s('importer.seeBadges') }).click();
  await waitForRows(page, added);
}

/** A stored date as the page writes it ("29 November 2026 at 17:21"). */
const shownDateTime = (page: Page, iso: string, lang: Lang) =>
  page.evaluate(
    ([value, l]) => new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value)),
    [iso, lang] as const,
  );

/** The words of a message before its parameter (marked §). */
const leadOf = (message: string): string => message.split('§')[0]!.trim();

const idOf = async (path: string) => sha256((await corpusFile(path)).bytes);

describe('offline', () => {
  it('opens offline with every badge, shows each last report with its date, and never computes a fresh “valid” offline', async () => {
    const tab: Tab = await app.open({ viewport: { width: 1280, height: 800 } });
    const { page } = tab;
    const lang = 'en';
    const s = (key: MessageKey, params?: Record<string, string | number>) => say(lang, key, params);
    await serviceWorkerReady(page);
    const files = [FILES.ob2Itxt, FILES.ob3JsonPng, FILES.ob1TextUrl];
    await importAll(page, lang, files, 3);
    const listedOnline = await listedBadges(page);
    const stored = await readStoredBadges(page);
    expect(stored.every((b) => b.latest?.online === true)).toBe(true);

    // The network goes away; the app reloads from the service worker's precache.
    const served = app.server.requests.length;
    const issuerAsked = tab.issuerRequests.length;
    const blocked = (await tab.problems()).thirdPartyRequests.length;
    await tab.context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await page.locator('main h1').waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByText(s('shell.offline.body')).waitFor();
    expect(await page.getByRole('status').filter({ hasText: s('shell.offline.title') }).count()).toBe(1);
    await waitForRows(page, 3);
    expect(await listedBadges(page)).toEqual(listedOnline);
    await shots(page, 'en-light-offline-list');

    // A badge's page: the last report, dated, and checked online.
    const ob2Id = await idOf(FILES.ob2Itxt);
    const ob2 = stored.find((b) => b.id === ob2Id)!;
    await page.locator(`.badge-row[href="/badge/${ob2Id}"]`).click();
    await page.locator('#detail-checks').waitFor();
    expect(await page.locator('.checked-line').textContent()).toBe(s('detail.checked.online', { date: await shownDateTime(page, ob2.latest!.checkedAt, lang) }));
    expect(await page.locator('.verdict .status-text').textContent()).toBe(s('library.status.warning'));
    expect(await page.locator('#verify-offline').textContent()).toBe(s('detail.verify.offline'));

    // Verify again, offline: the hosted badge cannot be confirmed by its issuer, and says why.
    await page.getByRole('button', { name: s('detail.verify.again') }).click();
    await page.locator('.action-status').filter({ hasText: s('detail.verify.done', { verdict: s('verdict.unverified') }) }).waitFor({ timeout: 20_000 });
    await page.locator('.checked-line').filter({ hasText: leadOf(s('detail.checked.offline', { date: '§' })) }).waitFor();
    const after = (await readStoredBadges(page)).find((b) => b.id === ob2Id)!;
    expect(after.latest).toMatchObject({ verdict: 'unverified', online: false });
    expect(after.history).toBe(2);
    expect(await page.locator('.checked-line').textContent()).toBe(s('detail.checked.offline', { date: await shownDateTime(page, after.latest!.checkedAt, lang) }));
    expect(await page.locator('.verdict .status-text').textContent()).toBe(s('library.status.unverified'));
    expect(await page.getByText(s('detail.checked.offlineHint')).isVisible()).toBe(true);
    const offlineChecks = await shownChecks(page);
    expect(offlineChecks).toContainEqual({
      group: s('detail.checks.group.unchecked', { count: offlineChecks.filter((c) => c.group.startsWith(s('detail.checks.group.unchecked', { count: 0 }).split('(')[0]!)).length }),
      title: s('check.id.fetch'),
      sentence: s('check.code.OFFLINE'),
    });
    // The history keeps both: the online check, then the offline one.
    const history = await page.locator('.history li').allTextContents();
    expect(history).toHaveLength(2);
    expect(history.filter((line) => line.endsWith(s('detail.history.offline')))).toHaveLength(1);
    expect(history.filter((line) => line.endsWith(s('detail.history.online')))).toHaveLength(1);
    expect(await axeViolations(page), 'offline detail').toEqual([]);
    await shots(page, 'en-light-offline-detail');

    // A signed OB 3.0 badge: its signature still checks out offline, but its issuer's key cannot be
    // confirmed, so the fresh report is never "valid".
    await page.getByRole('link', { name: s('detail.back') }).first().click();
    await waitForRows(page, 3);
    const ob3Id = await idOf(FILES.ob3JsonPng);
    await page.locator(`.badge-row[href="/badge/${ob3Id}"]`).click();
    await page.locator('#detail-checks').waitFor();
    await page.getByRole('button', { name: s('detail.verify.again') }).click();
    await page.locator('.action-status').filter({ hasText: leadOf(s('detail.verify.done', { verdict: '§' })) }).waitFor({ timeout: 20_000 });
    await page.locator('.checked-line').filter({ hasText: leadOf(s('detail.checked.offline', { date: '§' })) }).waitFor();
    const ob3 = (await readStoredBadges(page)).find((b) => b.id === ob3Id)!;
    expect(ob3.latest?.online).toBe(false);
    expect(ob3.latest?.verdict).not.toBe('valid');
    expect(ob3.latest?.verdict).not.toBe('invalid'); // offline is "could not check", never "failed"
    const ob3Checks = await shownChecks(page);
    expect(ob3Checks.filter((c) => c.title === s('check.id.signature')).map((c) => c.sentence)).toEqual([s('check.ok.signature')]);
    expect(ob3Checks.filter((c) => c.title === s('check.id.issuerKey')).map((c) => c.sentence)).toEqual([s('check.code.OFFLINE')]);
    expect(await page.locator('.checked-line').textContent()).toBe(s('detail.checked.offline', { date: await shownDateTime(page, ob3.latest!.checkedAt, lang) }));

    // Offline, nothing reached the app's server, and no issuer was asked.
    expect(app.server.requests.slice(served)).toEqual([]);
    expect(tab.issuerRequests.length).toBe(issuerAsked);
    expect((await tab.problems()).thirdPartyRequests.length).toBe(blocked);
    await expectNoProblems(tab, 'offline');
  }, 60_000);
});

describe('backup', () => {
  it('exports, clears the site’s data, restores: the same badges byte for byte, the same reports and history', async () => {
    const tab = await app.open({ viewport: { width: 1280, height: 800 } });
    const { page } = tab;
    const lang = 'en';
    const s = (key: MessageKey, params?: Record<string, string | number>) => say(lang, key, params);
    const nav = (key: MessageKey) => page.getByRole('navigation', { name: s('shell.nav.label') }).getByRole('link', { name: s(key) });

    await importAll(page, lang, DROP, 5);
    // An address in the profile: it travels in the backup too.
    await nav('shell.nav.profile').click();
    await page.getByLabel(s('profile.identities.label')).fill('nobody@example.org');
    await page.getByRole('button', { name: s('profile.identities.add') }).click();
    await page.getByRole('list', { name: s('profile.identities.listLabel') }).getByText('nobody@example.org').waitFor();
    await nav('shell.nav.library').click();
    await waitForRows(page, 5);
    const listedBefore = await listedBadges(page);
    const before = await readStoredBadges(page);
    expect(before).toHaveLength(5);

    // Export: a real download of the backup file.
    await nav('shell.nav.profile').click();
    const exportBackup = async (): Promise<{ bytes: Uint8Array; name: string }> => {
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: s('profile.backup.export') }).click();
      const download: Download = await downloaded;
      const name = download.suggestedFilename();
      await page.getByText(s('profile.backup.exported', { file: name })).waitFor();
      return { bytes: new Uint8Array(await readFile(await download.path())), name };
    };
    const first = await exportBackup();
    expect(first.name).toMatch(/^besace-backup-\d{4}-\d{2}-\d{2}\.zip$/);

    // Clear: the tab is closed, the site's data is cleared in the browser (what the profile tells
    // the earner to do), and Besace is opened again: an empty backpack.
    await page.goto('about:blank');
    const cdp = await tab.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: app.origin, storageTypes: 'indexeddb' });
    await cdp.detach();
    await page.goto(`${app.origin}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 2, name: s('library.empty.title') }).waitFor();
    expect(await readStoredBadges(page)).toEqual([]);

    // Restore through the profile's file input.
    await nav('shell.nav.profile').click();
    await page.getByLabel(s('profile.backup.restoreLabel')).setInputFiles({ name: first.name, mimeType: 'application/zip', buffer: Buffer.from(first.bytes) });
    const summary = new Intl.ListFormat('en', { style: 'long', type: 'unit' }).format([
      s('profile.backup.added.other', { count: 5 }),
      s('profile.backup.merged.other', { count: 0 }),
      s('profile.backup.identities.one', { count: 1 }),
    ]);
    await page.getByText(s('profile.backup.restored', { summary })).waitFor();
    await page.getByRole('list', { name: s('profile.identities.listLabel') }).getByText('nobody@example.org').waitFor();

    // The same badges, the same latest reports, the same history.
    expect(await readStoredBadges(page)).toEqual(before);
    await nav('shell.nav.library').click();
    await waitForRows(page, 5);
    expect(await listedBadges(page)).toEqual(listedBefore);

    // Each original, downloaded again from its page, is the corpus file byte for byte.
    const kept = [FILES.ob1TextUrl, FILES.ob2Itxt, FILES.ob1Itxt, FILES.ob3JwtPng, FILES.ob3JsonPng];
    for (const path of kept) {
      const file = await corpusFile(path);
      const id = sha256(file.bytes);
      await page.locator(`.badge-row[href="/badge/${id}"]`).click();
      await page.locator('#detail-checks').waitFor();
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: s('detail.download.original', { ext: 'PNG' }) }).click();
      const download = await downloaded;
      expect(download.suggestedFilename(), path).toBe(file.name);
      expect(sha256(await readFile(await download.path())), path).toBe(id);
      await page.getByRole('link', { name: s('detail.back') }).first().click();
      await waitForRows(page, 5);
    }

    // A second export holds exactly what the first did (but its date).
    await nav('shell.nav.profile').click();
    const second = await exportBackup();
    const a = decodeBackup(first.bytes);
    const b = decodeBackup(second.bytes);
    if (!a.ok || !b.ok) throw new Error(`a backup did not decode: ${JSON.stringify([a, b].filter((r) => !r.ok))}`);
    const { exportedAt: _a, ...firstData } = a.value;
    const { exportedAt: _b, ...secondData } = b.value;
    expect(secondData).toEqual(firstData);
    expect(firstData.badges).toHaveLength(5);
    expect(firstData.reports).toHaveLength(5);
    await expectNoProblems(tab, 'backup');
  }, 60_000);
});

describe('regressions found by these tests', () => {
  it('“Verify again” offline keeps the badge’s name and issuer (a check that established nothing replaces nothing)', async () => {
    const tab = await app.open();
    const { page } = tab;
    const s = (key: MessageKey, params?: Record<string, string | number>) => say('en', key, params);
    await serviceWorkerReady(page);
    await importAll(page, 'en', [FILES.ob2Itxt], 1);
    const id = await idOf(FILES.ob2Itxt);
    await tab.context.setOffline(true);
    await page.goto(`${app.origin}/badge/${id}`); // a fresh page (and verification worker), offline
    await page.getByRole('heading', { level: 1, name: 'Awesome Robotics Badge' }).waitFor();
    await page.getByRole('button', { name: s('detail.verify.again') }).click();
    await page.locator('.checked-line').filter({ hasText: leadOf(s('detail.checked.offline', { date: '§' })) }).waitFor({ timeout: 20_000 });
    // What the earner should still see: the badge as the last online check read it.
    expect(await page.locator('main h1').textContent()).toBe('Awesome Robotics Badge');
    expect(await page.locator('.detail-issuer').textContent()).toContain(s('detail.issuedBy', { issuer: 'An Example Badge Issuer' }));
  }, 30_000);

  it('“Verify again” offline, within 5 minutes of an online check, never computes a fresh “valid” from a cached answer', async () => {
    const tab = await app.open();
    const { page } = tab;
    const s = (key: MessageKey, params?: Record<string, string | number>) => say('en', key, params);
    await importAll(page, 'en', [FILES.ob2Valid], 1);
    const id = await idOf(FILES.ob2Valid);
    await page.locator(`.badge-row[href="/badge/${id}"]`).click();
    await page.locator('#detail-checks').waitFor();
    await tab.context.setOffline(true);
    await page.getByRole('button', { name: s('detail.verify.again') }).click();
    await page.locator('.checked-line').filter({ hasText: leadOf(s('detail.checked.offline', { date: '§' })) }).waitFor({ timeout: 20_000 });
    // Today: "Verified again: Valid.", "The issuer’s server confirms this badge.", stored { verdict: 'valid', online: false }.
    const latest = (await readStoredBadges(page)).find((b) => b.id === id)!.latest!;
    expect(latest.online).toBe(false);
    expect(latest.verdict).not.toBe('valid');
    expect((await shownChecks(page)).map((c) => c.sentence)).toContain(s('check.code.OFFLINE'));
  }, 30_000);

  it('a badge with no image of its own is shown without asking the issuer’s server for its picture', async () => {
    const tab = await app.open();
    const { page } = tab;
    await importAll(page, 'en', [FILES.ob2Valid], 1);
    await page.reload();
    await waitForRows(page, 1);
    await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => null))));
    // Only verification may reach an issuer; showing the backpack must not tell the issuer it was opened.
    expect(tab.leftTheApp.filter((request) => request.type !== 'fetch')).toEqual([]);
  }, 30_000);
});
