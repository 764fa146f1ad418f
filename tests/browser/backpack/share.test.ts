/**
 * Sharing without a server, in the production build in Chromium:
 *
 * - an earner drops real corpus files, builds a collection through the pages, and copies its link
 *   with the "Copy link" button (the real clipboard);
 * - the link opens in a fresh browser context (another profile, nothing stored): the fragment leaves
 *   the address bar, every badge is verified in that browser and shown with its state, nothing is
 *   written to that profile's IndexedDB until "Add them all to my backpack";
 * - the same link opens offline in a context where the app was installed (service worker): the
 *   signed badges still verify, the hosted one says it could not be checked;
 * - interview mode's QR code, read back from a screenshot with a QR decoder (jsqr), is the link;
 * - axe on the collection page, the viewer and interview mode; screenshots of each.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeShare } from '../../../src/core/share/link';
import { qrVersion as qrVersionOf } from '../../../src/ui/qr/qr';
import type { MessageKey } from '../../../src/ui/messages';
import {
  axeViolations,
  dropFiles,
  expectNoProblems,
  FILES,
  readStoredBadges,
  reviewed,
  say,
  screenshot,
  shots,
  serviceWorkerReady,
  startApp,
  waitForRows,
  type App,
} from './support';

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const s = (key: MessageKey, params?: Record<string, string | number>) => say('en', key, params);

/**
 * Hosted OB 2.0 (served from the corpus), OB 3.0 JSON-LD in SVG, OB 3.0 VC-JWT in PNG, and an OB 1.0
 * PNG that holds only its hosted URL (not served: it cannot be checked, honestly said).
 */
const SHARED = [FILES.ob2Valid, FILES.ob3JsonSvg, FILES.ob3JwtPng, FILES.ob1TextUrl] as const;

/** The viewer's badges once every one is checked: name and state as shown. */
async function viewerBadges(page: Page, count: number): Promise<{ name: string; status: string }[]> {
  await page.getByText(s('viewer.summary', { list: '' }).replace(/\.$/, '').trim()).first().waitFor({ timeout: 30_000 });
  const articles = page.locator('article.shared-badge');
  expect(await articles.count()).toBe(count);
  return articles.evaluateAll((list) =>
    list.map((a) => ({ name: a.querySelector('h2')?.textContent ?? '', status: a.querySelector('.status-text')?.textContent ?? '' })),
  );
}

describe('sharing a collection', () => {
  it('builds a collection from dropped files; its link opens verified in another profile and offline; its QR code reads back to the link', async () => {
    const tab = await app.open({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = tab;
    await serviceWorkerReady(page);

    // Import four badges by dropping their files.
    await dropFiles(page, SHARED);
    await reviewed(page, 'en');
    await page.getByRole('button', { name: s('importer.accept.other', { count: 4 }) }).click();
    await page.getByRole('link', { name: s('importer.seeBadges') }).click();
    await waitForRows(page, 4);

    // A collection, through the pages.
    await page.getByRole('navigation', { name: s('shell.nav.label') }).getByRole('link', { name: s('shell.nav.collections') }).click();
    await page.getByLabel(s('collections.create.label')).fill('Candidature « stage »');
    await page.getByRole('button', { name: s('collections.create.button') }).click();
    await page.getByRole('heading', { level: 1, name: 'Candidature « stage »' }).waitFor();
    const collectionPath = new URL(page.url()).pathname;
    const picker = page.locator('section', { has: page.getByRole('heading', { name: s('collections.add.title') }) });
    for (const box of await picker.getByRole('checkbox').all()) await box.check();
    await picker.getByRole('button', { name: s('collections.add.button.other', { count: 4 }) }).click();
    await page.getByText(s('collections.add.done.other', { count: 4 })).waitFor();
    await page.getByText(s('collections.add.none')).waitFor();
    expect(await axeViolations(page), 'collection page').toEqual([]);
    await shots(page, 'en-light-collection');

    // Copy the link with the button: the real clipboard holds it.
    await page.getByRole('button', { name: s('collections.share.copy') }).click();
    await page.getByText(s('collections.share.copied')).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await page.getByLabel(s('collections.share.link')).inputValue());
    expect(link.startsWith(`${tab.origin}/#v2.`)).toBe(true);
    const share = decodeShare(link);
    if (!share.ok) throw new Error(share.error.code);
    expect(share.value.badges.map((b) => b.kind).sort()).toEqual(['json', 'jwt', 'url', 'url']);
    expect(share.value.recipient).toBeUndefined();
    await expectNoProblems(tab, 'the earner’s tab');

    // Another profile: a fresh context, nothing stored, nothing installed.
    const other = await app.open({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await other.page.goto(link, { waitUntil: 'load' });
    await other.page.getByRole('heading', { level: 1, name: 'Candidature « stage »' }).waitFor();
    expect(new URL(other.page.url()).pathname).toBe('/view');
    expect(new URL(other.page.url()).hash).toBe(''); // the fragment left the address bar
    const seen = await viewerBadges(other.page, 4);
    expect(seen.map((b) => b.status).sort()).toEqual([s('library.status.valid'), s('library.status.warning'), s('library.status.warning'), s('library.status.unverified')].sort());
    expect(await readStoredBadges(other.page)).toEqual([]); // looked at, not kept
    expect(await axeViolations(other.page), 'viewer').toEqual([]);
    await shots(other.page, 'en-light-viewer');
    // A reload keeps the share (it lives in this history entry), and still nothing is stored.
    await other.page.reload({ waitUntil: 'load' });
    await viewerBadges(other.page, 4);
    await other.page.getByRole('button', { name: s('viewer.addAll') }).click();
    await other.page.getByText(s('viewer.result.added.other', { count: 4 }), { exact: false }).waitFor();
    expect(await readStoredBadges(other.page)).toHaveLength(4);
    await expectNoProblems(other, 'the viewer’s tab');

    // Offline, from an installed app: the service worker opens the viewer; signed badges verify.
    const installed = await app.open({ viewport: { width: 1280, height: 800 } });
    await serviceWorkerReady(installed.page);
    await installed.context.setOffline(true);
    await installed.page.goto(link, { waitUntil: 'load' });
    await installed.page.getByRole('heading', { level: 1, name: 'Candidature « stage »' }).waitFor();
    const offline = await viewerBadges(installed.page, 4);
    const unverified = offline.filter((b) => b.status === s('library.status.unverified'));
    expect(unverified).toHaveLength(2); // the hosted badges need their issuer
    expect(offline.filter((b) => b.status !== s('library.status.unverified')).every((b) => b.status === s('library.status.warning') || b.status === s('library.status.valid'))).toBe(true);
    await installed.page.getByText(s('viewer.offline').slice(0, 30)).waitFor();

    // Interview mode: the QR codes on screen, read back, carry the collection (one code, or one per
    // badge when the link is too long for one: then every page is read).
    await page.getByRole('link', { name: s('collections.share.present') }).click();
    const readQr = async () => {
      const qr = page.locator('main svg[role="img"]').first();
      await qr.waitFor();
      const png = PNG.sync.read(await qr.screenshot());
      const read = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(read?.data.startsWith(`${tab.origin}/#v2.`)).toBe(true);
      const shown = decodeShare(read!.data);
      if (!shown.ok) throw new Error(shown.error.code);
      return shown.value;
    };
    const first = await readQr();
    const total = share.value.badges.length;
    if (first.badges.length === total) {
      expect({ ...first, createdAt: share.value.createdAt }).toEqual(share.value);
    } else {
      expect(qrVersionOf(link)).toBeNull(); // one code per badge only when the whole link does not fit
      const carried = [...first.badges];
      for (let n = 2; n <= total; n++) {
        await page.getByRole('button', { name: s('present.next') }).click();
        await page.getByText(s('present.page', { n, total })).first().waitFor();
        carried.push(...(await readQr()).badges);
      }
      expect(carried).toEqual(share.value.badges);
    }
    expect(await axeViolations(page), 'interview mode').toEqual([]);
    await screenshot(page, 'en-light-interview');
    await expectNoProblems(tab, 'interview mode');

    // The CV annex: on screen, then as printed (the shell's header and the buttons are not printed).
    await page.goto(new URL(collectionPath.replace('/collections/', '/annex/'), tab.origin).href, { waitUntil: 'load' });
    await page.getByRole('button', { name: s('annex.print') }).waitFor();
    expect(await page.locator('main svg[role="img"]').count()).toBe(4); // one QR code per badge
    expect(await axeViolations(page), 'CV annex').toEqual([]);
    await screenshot(page, 'en-light-annex');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.masthead').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: s('annex.print') }).isVisible()).toBe(false);
    await screenshot(page, 'en-light-annex-print');
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);
});
