// @vitest-environment jsdom
/**
 * The profile page over the real backpack (fake-indexeddb, in-process verifier, clock 2026-01-01):
 * identities added, refused with a reason, removed; the language; storage persistence and usage;
 * export → restore round trip into a cleared backpack.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackpackService } from '../../../src/app/types';
import type { StorageManagerLike } from '../../../src/platform/persist';
import type { Lang } from '../../../src/ui/messages';
import { backupName, formatBytes } from '../../../src/ui/profile/bytes';
import { checkIdentity } from '../../../src/ui/profile/identity';
import { ProfilePage } from '../../../src/ui/profile/ProfilePage';
import { Contexts, corpus, makeBackpack } from '../import/harness';

const SLOW = { timeout: 20_000 };

/** A browser whose storage is not persisted yet and grants it when asked. */
function fakeStorage(): StorageManagerLike & { granted: boolean } {
  const storage = {
    granted: false,
    persisted: async () => storage.granted,
    persist: async () => {
      storage.granted = true;
      return true;
    },
    estimate: async () => ({ usage: 12_000_000, quota: 2_000_000_000 }),
  };
  return storage;
}

function renderProfile(backpack: BackpackService, { lang = 'en', storage = fakeStorage() }: { lang?: Lang; storage?: StorageManagerLike } = {}) {
  return render(
    <Contexts backpack={backpack} lang={lang}>
      <main>
        <ProfilePage storage={storage} />
      </main>
    </Contexts>,
  );
}

let backpack: Awaited<ReturnType<typeof makeBackpack>>;
beforeEach(async () => {
  backpack = await makeBackpack();
});
afterEach(() => {
  cleanup();
  backpack.close();
  vi.restoreAllMocks();
});

const identityField = () => screen.getByLabelText('E-mail address, web address or other identifier') as HTMLInputElement;
function addIdentity(value: string) {
  fireEvent.input(identityField(), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
}

describe('identities', () => {
  it('says they never leave the device, adds and removes them, and the backpack follows', async () => {
    renderProfile(backpack);
    expect(screen.getByRole('heading', { level: 1, name: 'Your profile' })).toBeTruthy();
    expect(screen.getByText(/This list never leaves this device\./)).toBeTruthy();
    expect(await screen.findByText('No address yet. Start with the e-mail address your badges were sent to.')).toBeTruthy();

    addIdentity('  alex@example.org ');
    expect(await screen.findByText('alex@example.org added. Your badges are compared with it the next time they are checked.')).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Your addresses' });
    expect(within(list).getByText('alex@example.org')).toBeTruthy();
    expect(within(list).getByText('(E-mail)')).toBeTruthy();
    expect(identityField().value).toBe('');

    addIdentity('https://example.org/alex');
    await screen.findByText('(Web address)');
    addIdentity('+33 6 12 34 56 78');
    await screen.findByText('+33612345678');
    expect((await backpack.identities()).map((i) => [i.value, i.kind]).sort()).toEqual([
      ['+33612345678', 'other'],
      ['alex@example.org', 'email'],
      ['https://example.org/alex', 'url'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove alex@example.org' }));
    expect(await screen.findByText('alex@example.org removed.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove alex@example.org' })).toBeNull());
    expect(document.activeElement).toBe(identityField());
    expect((await backpack.identities()).map((i) => i.value).sort()).toEqual(['+33612345678', 'https://example.org/alex']);
  });

  it('refuses what is not an address, saying what to fix, and adds nothing', async () => {
    renderProfile(backpack);
    await screen.findByText(/No address yet/);
    const cases: [string, string][] = [
      ['', 'The box is empty: type an e-mail address or a web address, then press “Add address”.'],
      ['alex@', 'This e-mail address looks incomplete. Check it: it should look like name@example.org.'],
      ['example.org/alex', 'Write the web address in full, starting with https:// (for example https://example.org/alex), then press “Add address”.'],
      ['https://', 'This web address cannot be read. Check it: it should look like https://example.org/you.'],
      ['ftp://example.org/alex', 'Only web addresses starting with https:// or http:// can be added. Copy the address from your browser’s address bar.'],
      ['Alex Martin', 'An identifier cannot contain spaces. Remove them, then press “Add address”.'],
    ];
    for (const [value, message] of cases) {
      addIdentity(value);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent, value).toBe(message);
      expect(identityField().getAttribute('aria-invalid')).toBe('true');
    }
    expect(await backpack.identities()).toEqual([]);

    await backpack.addIdentity('alex@example.org');
    await screen.findByText('alex@example.org');
    addIdentity('Alex@Example.org');
    expect((await screen.findByRole('alert')).textContent).toBe('Alex@Example.org is already in your list.');
  });

  it('accepts identifiers other than e-mails and web addresses', () => {
    expect(checkIdentity('did:web:example.org')).toEqual({ ok: true, value: 'did:web:example.org' });
    expect(checkIdentity('mailto:alex@example.org')).toEqual({ ok: true, value: 'alex@example.org' });
    expect(checkIdentity('alex-2024')).toEqual({ ok: true, value: 'alex-2024' });
  });
});

describe('display name and language', () => {
  it('saves the display name, with the note about sharing', async () => {
    renderProfile(backpack);
    expect(screen.getByText(/Only shown if you choose to share it later/)).toBeTruthy();
    const field = screen.getByLabelText('Display name') as HTMLInputElement;
    fireEvent.input(field, { target: { value: ' Alex Martin ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Name saved.')).toBeTruthy();
    expect((await backpack.settings()).displayName).toBe('Alex Martin');
    await waitFor(() => expect(field.value).toBe('Alex Martin'));
  });

  it('switches the language at once and saves the choice; “same as the browser” saves none', async () => {
    renderProfile(backpack);
    const browser = await screen.findByRole('radio', { name: 'Same as the browser (English)' });
    await waitFor(() => expect((browser as HTMLInputElement).checked).toBe(true));

    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Votre profil' })).toBeTruthy();
    await waitFor(async () => expect((await backpack.settings()).lang).toBe('fr'));
    expect((screen.getByRole('radio', { name: 'Français' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: 'Celle du navigateur (English)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeTruthy();
    await waitFor(async () => expect((await backpack.settings()).lang).toBe(null));
  });
});

describe('storage', () => {
  it('says whether storage is persistent, asks for it, and shows usage in human units', async () => {
    const storage = fakeStorage();
    renderProfile(backpack, { storage });
    expect(await screen.findByText(/^Not kept permanently: if this device runs short of space/)).toBeTruthy();
    expect(screen.getByText('12 MB used of 2 GB available to Besace.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep my badges' }));
    expect(await screen.findByText('Done: the browser will keep your badges.')).toBeTruthy();
    expect(await screen.findByText(/^Kept permanently/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask the browser to keep my badges' })).toBeNull();
  });

  it('a browser without the StorageManager API', async () => {
    renderProfile(backpack, { storage: {} });
    expect(await screen.findByText(/^This browser does not say whether it keeps your badges permanently/)).toBeTruthy();
    expect(screen.getByText('This browser does not say how much space Besace uses.')).toBeTruthy();
  });

  it('sizes in the language', () => {
    expect(formatBytes('en', 12_000_000)).toBe('12 MB');
    expect(formatBytes('fr', 2_500_000_000)).toBe('2,5\u202fGo');
    expect(formatBytes('en', 512)).toBe('512 bytes');
    expect(backupName(new Date(2026, 0, 5))).toBe('besace-backup-2026-01-05.zip');
  });

  it('explains how to remove Besace and its data', () => {
    renderProfile(backpack);
    expect(screen.getByRole('heading', { name: 'Removing Besace and its data' })).toBeTruthy();
    expect(screen.getByText(/clear its data/)).toBeTruthy();
  });
});

describe('backup', () => {
  it('export → restore into a cleared backpack, through the page, shows the counts', async () => {
    const staged = await backpack.stage([
      { kind: 'file', name: 'simple-json.png', bytes: corpus('1edtech-dcpv/ob30/simple-json.png') },
      { kind: 'file', name: 'simple.jwt', bytes: corpus('1edtech-dcpv/ob20/simple.jwt') },
    ]);
    await backpack.accept(staged);
    await backpack.addIdentity('alex@example.org');

    let saved: Blob | null = null;
    const clicked: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved = blob;
      return 'blob:besace-test';
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    renderProfile(backpack);
    fireEvent.click(screen.getByRole('button', { name: 'Download a backup' }));
    const file = backupName(new Date());
    expect(await screen.findByText(`Backup downloaded as ${file}. Keep it somewhere safe, for example on another device.`, {}, SLOW)).toBeTruthy();
    expect(clicked).toEqual([file]);
    expect(file).toMatch(/^besace-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const bytes = new Uint8Array(await saved!.arrayBuffer());

    // Clear the backpack.
    for (const record of await backpack.list()) await backpack.remove(record.id);
    for (const identity of await backpack.identities()) await backpack.removeIdentity(identity.value);
    expect(await backpack.list()).toEqual([]);

    const input = screen.getByLabelText('Restore from a backup file');
    fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer as ArrayBuffer], file, { type: 'application/zip' })] } });
    expect(await screen.findByText('Backup restored: 2 badges added, 0 merged, 1 address added.', {}, SLOW)).toBeTruthy();
    expect((await backpack.list()).map((r) => r.badge?.name).sort()).toEqual(['Awesome Robotics Badge', 'Teamwork']);
    expect((await backpack.identities()).map((i) => i.value)).toEqual(['alex@example.org']);

    // The same backup again: nothing new.
    fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer as ArrayBuffer], file)] } });
    expect(await screen.findByText(/^Backup restored: 0 badges added, 2 merged\.$|^Backup read: everything in it was already here/, {}, SLOW)).toBeTruthy();
  }, 60_000);

  it('a file that is not a backup: the storage message, nothing changed', async () => {
    renderProfile(backpack);
    const input = screen.getByLabelText('Restore from a backup file');
    fireEvent.change(input, { target: { files: [new File([corpus('mozilla-bakery/unbaked.png').slice().buffer as ArrayBuffer], 'unbaked.png')] } });
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('This file is not a Besace backup, or it is damaged');
    expect(await backpack.list()).toEqual([]);
  });
});
