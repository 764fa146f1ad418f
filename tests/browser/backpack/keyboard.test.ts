/**
 * The backpack by keyboard alone, in the production build in Chromium (extending
 * tests/browser/shell.test.ts, which focuses rows and buttons directly): from the top of the page,
 * Tab reaches "Add badges", the file picker is opened with Space (the chooser is answered by the
 * test, as a person picks files), the staging dialog takes the focus, keeps it (Tab and Shift+Tab
 * cycle inside), gives it back to the picker on Escape; Add then "See my badges" by Enter; the list
 * is walked with the arrows, Home and End; Enter opens a badge; Tab reaches "Remove from my
 * backpack", Enter removes it, and the focus waits on Undo, which Enter takes back.
 */
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../src/ui/messages';
import { CORPUS, expectNoProblems, FILES, focused, readStoredBadges, reviewed, say, startApp, waitForRows, type App } from './support';

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const s = (key: MessageKey, params?: Record<string, string | number>) => say('en', key, params);

/** Press Tab until `matches` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, what: string, matches: (el: Awaited<ReturnType<typeof focused>>) => boolean, max = 12, key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (matches(await focused(page))) return presses;
  }
  throw new Error(`${key} never reached ${what} in ${max} presses (focus on ${JSON.stringify(await focused(page))})`);
}

/**
 * The file choosers the page opens, as they come. Listened to from the start: Playwright turns the
 * interception on without waiting for the browser's answer, so a `waitForEvent('filechooser')`
 * started just before the key press can miss a chooser opened at once (the race of
 * puppeteer/puppeteer#6040; it failed here one run in two).
 */
function watchFileChoosers(page: Page): () => Promise<FileChooser> {
  const arrived: FileChooser[] = [];
  const waiting: ((chooser: FileChooser) => void)[] = [];
  page.on('filechooser', (chooser) => {
    const next = waiting.shift();
    if (next) next(chooser);
    else arrived.push(chooser);
  });
  return () => {
    const ready = arrived.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise<FileChooser>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no file chooser opened within 10 s')), 10_000);
      waiting.push((chooser) => {
        clearTimeout(timer);
        resolve(chooser);
      });
    });
  };
}

/** Open the picker from the focused file input with Space, and pick the files. */
async function pickWithKeyboard(page: Page, nextChooser: () => Promise<FileChooser>, files: readonly string[]): Promise<void> {
  await page.keyboard.press('Space');
  await (await nextChooser()).setFiles(files.map((f) => `${CORPUS}${f}`));
}

const FILES_PICKED = [FILES.ob2Itxt, FILES.ob3JsonPng, FILES.ob1Itxt, FILES.jpeg, FILES.ob3JwtPng];

describe('by keyboard alone', () => {
  it('imports through the picker, with the dialog keeping and giving back the focus; walks the list; removes and undoes', async () => {
    const tab = await app.open({ viewport: { width: 1280, height: 800 } });
    const { page } = tab;
    const nextChooser = watchFileChoosers(page);

    // From the top of the page, Tab reaches the main navigation's "Add badges"; Enter opens it.
    await tabTo(page, 'the navigation’s Add badges', (el) => el.tag === 'A' && el.text === s('shell.nav.import'), 6);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: s('importer.panel.title') }).waitFor();
    expect((await focused(page)).tag).toBe('H1'); // a navigation lands on the new page's title
    await tabTo(page, 'the file picker', (el) => el.id === 'import-files', 1);

    // The dialog takes the focus and keeps it.
    await pickWithKeyboard(page, nextChooser, FILES_PICKED);
    await reviewed(page, 'en');
    const dialog = page.getByRole('dialog', { name: s('importer.dialog.title') });
    expect((await focused(page)).inDialog).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DIALOG');
    // Inside: "Keep anyway", "Add 3 badges", "Cancel"; Tab cycles through them and comes back.
    const forward: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      const el = await focused(page);
      expect(el.inDialog, `Tab ${i + 1} left the dialog: ${JSON.stringify(el)}`).toBe(true);
      forward.push(el.tag === 'INPUT' ? s('importer.keepAnyway') : el.text);
    }
    expect(forward).toEqual([
      s('importer.keepAnyway'),
      s('importer.accept.other', { count: 3 }),
      s('importer.cancel'),
      s('importer.keepAnyway'),
      s('importer.accept.other', { count: 3 }),
      s('importer.cancel'),
      s('importer.keepAnyway'),
    ]);
    await page.keyboard.press('Shift+Tab'); // from the first, back to the last
    expect((await focused(page)).text).toBe(s('importer.cancel'));
    // The page behind is inert: a click on it does not take the focus out.
    await page.mouse.click(5, 400);
    expect((await focused(page)).inDialog).toBe(true);

    // Escape cancels: nothing is added, the dialog goes, the focus is back on the picker.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).id).toBe('import-files');
    await page.getByRole('status').getByText(s('importer.cancelled')).waitFor();
    expect(await readStoredBadges(page)).toEqual([]);

    // Again, and this time: tick "Keep anyway" with Space, Tab to Add, Enter.
    await pickWithKeyboard(page, nextChooser, FILES_PICKED);
    await reviewed(page, 'en');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await dialog.getByRole('checkbox', { name: s('importer.keepAnyway') }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(s('importer.accept.other', { count: 4 }));
    await page.keyboard.press('Enter');
    await dialog.getByText(s('importer.done.added.other', { count: 4 })).waitFor();
    // The Add button is gone: the focus goes to the next step.
    expect((await focused(page)).text).toBe(s('importer.seeBadges'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitForRows(page, 4);
    expect(new URL(page.url()).pathname).toBe('/');

    // The list: Tab reaches the first row (one row in the Tab order), the arrows walk it.
    await tabTo(page, 'the first row', (el) => el.row !== null);
    expect((await focused(page)).row).toBe('0');
    const walk: (string | null)[] = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Home', 'End', 'ArrowUp']) {
      await page.keyboard.press(key);
      walk.push((await focused(page)).row);
    }
    expect(walk).toEqual(['1', '2', '3', '3', '0', '3', '2']);
    // Shift+Tab leaves the list in one step (a roving tabindex, not one stop per row).
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).row).toBeNull();
    await page.keyboard.press('Tab');
    expect((await focused(page)).row).toBe('2');

    // Enter opens the badge; its title has the focus.
    const name = (await page.evaluate(() => document.activeElement?.querySelector('.badge-row-name')?.textContent)) ?? '';
    const href = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(href);
    expect((await focused(page)).tag).toBe('H1');

    // Tab to "Remove from my backpack", Enter: back on the list, the focus on Undo.
    await tabTo(page, 'Remove from my backpack', (el) => el.text === s('detail.delete.button'));
    await page.keyboard.press('Enter');
    await page.getByText(s('detail.delete.done', { name })).waitFor();
    await waitForRows(page, 3);
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await focused(page)).text).toBe(s('detail.delete.undo'));
    expect((await readStoredBadges(page)).map((b) => `/badge/${b.id}`)).not.toContain(href);

    // Enter on Undo: the badge is back, and its page is open again.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(href);
    expect((await readStoredBadges(page)).map((b) => `/badge/${b.id}`)).toContain(href);
    await expectNoProblems(tab, 'keyboard');
  }, 60_000);
});
