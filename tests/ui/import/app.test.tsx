// @vitest-environment jsdom
/**
 * The importer and the profile plugged into the real App as main.tsx does it (Wrapper={ImportRoot},
 * pages={{ import: ImportPanel, profile: ProfilePage }}), over the real backpack.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { App } from '../../../src/ui/App';
import { ImportPanel, ImportRoot } from '../../../src/ui/import';
import { ProfilePage } from '../../../src/ui/profile/ProfilePage';
import { corpusFile, makeBackpack } from './harness';

const SLOW = { timeout: 20_000 };
window.scrollTo = () => undefined;

let backpack: Awaited<ReturnType<typeof makeBackpack>>;
beforeEach(async () => {
  backpack = await makeBackpack();
});
afterEach(() => {
  cleanup();
  backpack.close();
  window.history.replaceState(null, '', '/');
});

function renderApp(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App backpack={backpack} initialLang="en" Wrapper={ImportRoot} pages={{ import: ImportPanel, profile: ProfilePage }} />);
}

it('/import: pick a badge, add it, and “See my badges” shows it in the list', async () => {
  renderApp('/import');
  const input = await screen.findByLabelText('Choose badge files');
  fireEvent.change(input, { target: { files: [corpusFile('1edtech-dcpv/ob30/simple-json.png')] } });
  const dialog = await screen.findByRole('dialog', { name: 'Adding badges' });
  await within(dialog).findByText(/^Checked: /, {}, SLOW);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 badge' }));
  await within(dialog).findByText('1 badge added to your backpack.', {}, SLOW);
  fireEvent.click(within(dialog).getByRole('link', { name: 'See my badges' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(window.location.pathname).toBe('/');
  expect(await screen.findByText('Teamwork', {}, SLOW)).toBeTruthy();
}, 60_000);

it('a drop on any page opens the same review', async () => {
  renderApp('/');
  const file = corpusFile('mozilla-bakery/unbaked.png');
  fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files: [file], items: [{ kind: 'file', getAsFile: () => file }] } });
  const dialog = await screen.findByRole('dialog', { name: 'Adding badges' });
  expect(await within(dialog).findByText('Not a badge', {}, SLOW)).toBeTruthy();
}, 60_000);

it('a Besace backup dropped on the page is offered for restore, not called “not a badge”', async () => {
  renderApp('/');
  const bytes = readFileSync(resolve(import.meta.dirname, '../../fixtures/ours/backup/besace-backup-v2.zip'));
  const file = new File([bytes], 'besace-backup-2026-03-12.zip', { type: 'application/zip' });
  fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], files: [file], items: [{ kind: 'file', getAsFile: () => file }] } });
  expect(await screen.findByText(/^This file is a Besace backup, not a badge/, {}, SLOW)).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull(); // nothing staged
  fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
  expect(await screen.findByText(/^Backup restored: 2 badges added, 0 merged, 2 addresses added, 2 collections added\.$/, {}, SLOW)).toBeTruthy();
  expect(await backpack.list()).toHaveLength(2);
  expect(await backpack.collections()).toHaveLength(2);
}, 60_000);

it('/profile renders inside the shell', async () => {
  renderApp('/profile');
  expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Download a backup' })).toBeTruthy();
});
