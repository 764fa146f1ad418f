// @vitest-environment jsdom
/**
 * Getting badges in, through the real backpack (fake-indexeddb, in-process verifier over the
 * corpus's offline documents, clock 2026-01-01): the file picker, a drop on the window, paste,
 * the link field; the review dialog's words; accept; a storage failure that loses nothing; the
 * dialog as a real modal.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackpackError, type BackpackService } from '../../../src/app/types';
import { DropZone } from '../../../src/ui/import/DropZone';
import { ImportPanel } from '../../../src/ui/import/ImportPanel';
import { ImportProvider } from '../../../src/ui/import/ImportProvider';
import { PasteHandler } from '../../../src/ui/import/PasteHandler';
import type { Lang } from '../../../src/ui/messages';
import { Contexts, corpus, corpusFile, makeBackpack } from './harness';

const OB3_PNG = '1edtech-dcpv/ob30/simple-json.png'; // "Teamwork" by Example Corp
const OB2_JWT = '1edtech-dcpv/ob20/simple.jwt'; // "Awesome Robotics Badge", a signed OB 2.0 assertion
const JPEG = 'mozilla-backpack/history-2012/sneaky-badge.png'; // a JPEG named .png
const UNBAKED = 'mozilla-bakery/unbaked.png'; // a PNG with no badge inside
const TAMPERED = '1edtech-dcpv/ob30/simple-err-proof-value.json'; // the signature does not match

const SLOW = { timeout: 20_000 };

function renderImport(backpack: BackpackService, lang: Lang = 'en') {
  return render(
    <Contexts backpack={backpack} lang={lang}>
      <ImportProvider>
        <DropZone />
        <PasteHandler />
        <main>
          <ImportPanel />
        </main>
      </ImportProvider>
    </Contexts>,
  );
}

const dialog = () => screen.getByRole('dialog', { name: 'Adding badges' });
const item = (fileName: string) => within(dialog()).getByText(fileName).closest('li') as HTMLElement;

/** Picks files with the picker; the dialog opens once their bytes are read. */
async function pick(files: File[]) {
  const input = screen.getByLabelText('Choose badge files') as HTMLInputElement;
  input.focus();
  fireEvent.change(input, { target: { files } });
  await screen.findByRole('dialog', { name: 'Adding badges' });
  return input;
}

/** Waits for the review: the live region sums up what was found. */
const reviewed = () => screen.findByText(/^Checked: /, {}, SLOW);

let backpack: Awaited<ReturnType<typeof makeBackpack>>;
beforeEach(async () => {
  backpack = await makeBackpack();
});
afterEach(() => {
  cleanup();
  backpack.close();
});

describe('the file picker', () => {
  it('is visible, labelled, takes several files and says what it accepts', () => {
    renderImport(backpack);
    const input = screen.getByLabelText('Choose badge files') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.png,.svg,.json,.jws,.jwt,image/png,image/svg+xml,application/json');
    expect(screen.getByText(/Ctrl\+V \(⌘V on a Mac\)/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Which file is the badge?' })).toBeTruthy();
  });

  it('stages every file with its state in plain words, and adds exactly the new ones', async () => {
    renderImport(backpack);
    await pick([corpusFile(OB3_PNG, 'image/png'), corpusFile(OB2_JWT), corpusFile(JPEG, 'image/png'), corpusFile(UNBAKED, 'image/png'), corpusFile(TAMPERED)]);

    expect(dialog()).toBeTruthy();
    const summary = await reviewed();
    expect(summary.textContent).toBe('Checked: 2 new, 2 not badges, 1 not valid.');

    const ob3 = item('simple-json.png');
    expect(within(ob3).getByText('New')).toBeTruthy();
    expect(within(ob3).getByText('Teamwork')).toBeTruthy();
    expect(ob3.textContent).toContain('Issued by Example Corp');

    const ob2 = item('simple.jwt');
    expect(within(ob2).getByText('New')).toBeTruthy();
    expect(within(ob2).getByText('Awesome Robotics Badge')).toBeTruthy();
    expect(ob2.textContent).toContain('Check: Valid.');

    const jpeg = item('sneaky-badge.png');
    expect(within(jpeg).getByText('Not a badge')).toBeTruthy();
    expect(jpeg.textContent).toContain('it is a JPEG file (a photo or a screenshot, for example)');

    const unbaked = item('unbaked.png');
    expect(within(unbaked).getByText('Not a badge')).toBeTruthy();
    expect(unbaked.textContent).toContain('iOS Photos');
    expect(unbaked.textContent).toContain('Download the badge again from the issuer’s e-mail or site.');

    const tampered = item('simple-err-proof-value.json');
    expect(within(tampered).getByText('Not valid')).toBeTruthy();
    expect(tampered.textContent).toContain('The signature does not match: the badge was changed after it was issued.');
    const keep = within(tampered).getByRole('checkbox', { name: 'Keep anyway' }) as HTMLInputElement;
    expect(keep.checked).toBe(false);

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add 2 badges' }));
    const done = await screen.findByText('2 badges added to your backpack.', {}, SLOW);
    expect(done.getAttribute('role')).toBe('status');
    const see = within(dialog()).getByRole('link', { name: 'See my badges' });
    expect(document.activeElement).toBe(see);
    expect(see.getAttribute('href')).toBe('/');

    const stored = await backpack.list();
    expect(stored.map((r) => r.badge?.name).sort()).toEqual(['Awesome Robotics Badge', 'Teamwork']);
    expect(stored.map((r) => r.original.fileName).sort()).toEqual(['simple-json.png', 'simple.jwt']);

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 60_000);

  it('adds an invalid badge only when the earner ticks “Keep anyway”', async () => {
    renderImport(backpack);
    await pick([corpusFile(OB3_PNG), corpusFile(TAMPERED)]);
    await reviewed();
    expect(within(dialog()).getByRole('button', { name: 'Add 1 badge' })).toBeTruthy();
    fireEvent.click(within(item('simple-err-proof-value.json')).getByRole('checkbox', { name: 'Keep anyway' }));
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add 2 badges' }));
    await screen.findByText('2 badges added to your backpack.', {}, SLOW);
    expect((await backpack.list()).map((r) => r.original.fileName).sort()).toEqual(['simple-err-proof-value.json', 'simple-json.png']);
  }, 60_000);

  it('says a badge is already there (same file), and offers nothing to add', async () => {
    const [staged] = await backpack.stage([{ kind: 'file', name: 'simple-json.png', bytes: corpus(OB3_PNG) }]);
    await backpack.accept([staged!]);
    renderImport(backpack);
    await pick([corpusFile(OB3_PNG)]);
    await reviewed();
    expect(within(item('simple-json.png')).getByText('Already in your backpack (same file)')).toBeTruthy();
    expect(within(dialog()).getByText('There is nothing new to add. Close this window, or add other files.')).toBeTruthy();
    expect(within(dialog()).queryByRole('button', { name: /^Add/ })).toBeNull();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await backpack.list()).toHaveLength(1);
  }, 60_000);

  it('speaks French', async () => {
    renderImport(backpack, 'fr');
    const input = screen.getByLabelText('Choisir des fichiers de badges');
    fireEvent.change(input, { target: { files: [corpusFile(OB3_PNG), corpusFile(JPEG)] } });
    const summary = await screen.findByText(/^Vérifié : /, {}, SLOW);
    expect(summary.textContent).toBe('Vérifié : 1 nouveau et 1 n’est pas un badge.');
    const modal = screen.getByRole('dialog', { name: 'Ajout de badges' });
    expect(within(modal).getByText('Nouveau')).toBeTruthy();
    expect(within(modal).getByText('Pas un badge')).toBeTruthy();
    expect(modal.textContent).toContain('c’est un fichier JPEG');
    expect(within(modal).getByRole('button', { name: 'Ajouter 1 badge' })).toBeTruthy();
  }, 60_000);
});

describe('a newer copy of a badge already here', () => {
  it('is offered for adding, beside the one the earner has (OB 3.0: the newer supersedes)', async () => {
    const [staged] = await backpack.stage([{ kind: 'file', name: 'simple-json.png', bytes: corpus(OB3_PNG) }]);
    if (staged?.status !== 'new') throw new Error('expected a new badge');
    // The service's classification, as it reports a reissued credential (a signed reissue is not in the corpus).
    const reissued = new Proxy(backpack, {
      get(target, key, receiver) {
        if (key === 'stage') {
          return async () => [{ status: 'duplicate', input: staged.input, record: staged.record, existingId: staged.record.id, reason: 'same-credential', newer: true }];
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    renderImport(reissued);
    await pick([corpusFile(OB3_PNG)]);
    await reviewed();
    expect(within(item('simple-json.png')).getByText('Newer copy of a badge you have')).toBeTruthy();
    expect(item('simple-json.png').textContent).toContain('It will be added beside the one you have');
    expect(within(dialog()).getByRole('button', { name: 'Add 1 badge' })).toBeTruthy();
  });
});

describe('a drop anywhere on the window', () => {
  it('shows an overlay while dragging, and feeds the same flow', async () => {
    renderImport(backpack);
    const files = [corpusFile(OB2_JWT), corpusFile(UNBAKED)];
    const dataTransfer = { types: ['Files'], files, items: files.map((f) => ({ kind: 'file', getAsFile: () => f })), dropEffect: 'none' };
    fireEvent.dragEnter(document.body, { dataTransfer });
    expect(screen.getByText('Drop your badges here')).toBeTruthy();
    fireEvent.dragOver(document.body, { dataTransfer });
    const drop = fireEvent.drop(document.body, { dataTransfer });
    expect(drop).toBe(false); // default prevented: the browser does not open the file itself
    expect(screen.queryByText('Drop your badges here')).toBeNull();

    const summary = await reviewed();
    expect(summary.textContent).toBe('Checked: 1 new, 1 not a badge.');
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add 1 badge' }));
    await screen.findByText('1 badge added to your backpack.', {}, SLOW);
    expect((await backpack.list()).map((r) => r.badge?.name)).toEqual(['Awesome Robotics Badge']);
  }, 60_000);

  it('leaves folders out with a message that says what to do', async () => {
    renderImport(backpack);
    const file = corpusFile(UNBAKED);
    const items = [
      { kind: 'file', getAsFile: () => new File([], 'badges'), webkitGetAsEntry: () => ({ isDirectory: true }) },
      { kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => ({ isDirectory: false }) },
    ];
    fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], items, files: [file] } });
    await reviewed();
    expect(within(dialog()).getByText(/A folder was left out: .* Open it and drop the badge files themselves\./)).toBeTruthy();
    expect(within(dialog()).getAllByRole('listitem').filter((li) => li.closest('.import-items'))).toHaveLength(1);
  }, 60_000);

  it('a folder alone: nothing to stage, the message comes as a notification', async () => {
    renderImport(backpack);
    const items = [{ kind: 'file', getAsFile: () => null, webkitGetAsEntry: () => ({ isDirectory: true }) }];
    fireEvent.drop(document.body, { dataTransfer: { types: ['Files'], items, files: [] } });
    expect(await screen.findByText(/A folder was left out/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('paste and the link field', () => {
  it('Ctrl/Cmd+V of a badge link anywhere stages it', async () => {
    renderImport(backpack);
    const clipboardData = { types: ['text/plain'], items: [], files: [], getData: (t: string) => (t === 'text/plain' ? 'https://example.org/beths-robotics-badge.json' : '') };
    fireEvent.paste(document.body, { clipboardData });
    await reviewed();
    const row = item('Pasted link: https://example.org/beths-robotics-badge.json');
    expect(within(row).getByText('New')).toBeTruthy();
    expect(within(row).getByText('Awesome Robotics Badge')).toBeTruthy();
  }, 60_000);

  it('a pasted file (an image copied from a mail) is imported, even from a text field', async () => {
    renderImport(backpack);
    const file = corpusFile(OB3_PNG, 'image/png');
    const textarea = screen.getByLabelText('Or paste a badge link, JSON, JWS or JWT');
    fireEvent.paste(textarea, { clipboardData: { types: ['Files'], items: [{ kind: 'file', getAsFile: () => file }], files: [file], getData: () => '' } });
    await reviewed();
    expect(within(item('simple-json.png')).getByText('Teamwork')).toBeTruthy();
  }, 60_000);

  it('text pasted into a text field stays in the field', () => {
    renderImport(backpack);
    const textarea = screen.getByLabelText('Or paste a badge link, JSON, JWS or JWT');
    const clipboardData = { types: ['text/plain'], items: [], files: [], getData: () => 'https://example.org/beths-robotics-badge.json' };
    expect(fireEvent.paste(textarea, { clipboardData })).toBe(true); // not prevented: the browser inserts it
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('badge JSON typed into the field and added with the button', async () => {
    renderImport(backpack);
    const json = new TextDecoder().decode(corpus('1edtech-dcpv/ob20/basic-assertion.json'));
    const textarea = screen.getByLabelText('Or paste a badge link, JSON, JWS or JWT');
    fireEvent.input(textarea, { target: { value: json } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await reviewed();
    const row = within(dialog()).getByText(/^Pasted text: \{/).closest('li') as HTMLElement;
    expect(within(row).getByText('New')).toBeTruthy();
    expect(within(row).getByText('Awesome Robotics Badge')).toBeTruthy();
    expect((textarea as HTMLTextAreaElement).value).toBe('');
  }, 60_000);

  it('an empty field says what to do', () => {
    renderImport(backpack);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toBe('The box is empty: paste a badge link or badge data into it, then press Add.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('when storage fails', () => {
  it('QUOTA_EXCEEDED: the storage message is shown, the staged list stays, and a retry works', async () => {
    let failures = 1;
    // Fault injection of the storage: the real service, whose accept fails once as a full disk would.
    const faulty = new Proxy(backpack, {
      get(target, key, receiver) {
        if (key === 'accept') {
          return (items: Parameters<BackpackService['accept']>[0]) =>
            failures-- > 0 ? Promise.reject(new BackpackError('QUOTA_EXCEEDED')) : target.accept(items);
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    renderImport(faulty);
    await pick([corpusFile(OB3_PNG), corpusFile(JPEG)]);
    await reviewed();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add 1 badge' }));

    const alert = await within(dialog()).findByRole('alert');
    expect(alert.textContent).toContain('This device has no more room for Besace');
    expect(alert.textContent).toContain('Nothing was lost: the list is still here');
    expect(within(item('simple-json.png')).getByText('New')).toBeTruthy();
    expect(within(item('sneaky-badge.png')).getByText('Not a badge')).toBeTruthy();
    expect(await backpack.list()).toHaveLength(0);

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add 1 badge' }));
    await screen.findByText('1 badge added to your backpack.', {}, SLOW);
    expect(within(dialog()).queryByRole('alert')).toBeNull();
    expect(await backpack.list()).toHaveLength(1);
  }, 60_000);
});

describe('the dialog is a real modal', () => {
  it('takes the focus, traps Tab, cancels on Escape and gives the focus back', async () => {
    renderImport(backpack);
    const input = await pick([corpusFile(OB3_PNG), corpusFile(TAMPERED)]);
    const modal = dialog();
    expect(modal.getAttribute('aria-modal')).toBe('true');
    expect(modal.contains(document.activeElement)).toBe(true);
    await reviewed();

    const keep = within(modal).getByRole('checkbox', { name: 'Keep anyway' });
    const add = within(modal).getByRole('button', { name: 'Add 1 badge' });
    const cancel = within(modal).getByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(keep); // from the last control back to the first
    fireEvent.keyDown(keep, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
    add.focus();
    fireEvent.keyDown(add, { key: 'Tab' });
    expect(document.activeElement).toBe(add); // in the middle: the browser moves on by itself

    // Focus that wanders out is brought back.
    input.focus();
    expect(modal.contains(document.activeElement)).toBe(true);

    fireEvent.keyDown(cancel, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(input);
    expect(await screen.findByText('Import cancelled. Nothing was added.')).toBeTruthy();
    expect(await backpack.list()).toHaveLength(0);
  }, 60_000);

  it('shows the progress and can be cancelled while checking (the work is aborted)', async () => {
    let signal: AbortSignal | undefined;
    // The real service, whose stage hangs after the first file (a slow verification).
    const slow = new Proxy(backpack, {
      get(target, key, receiver) {
        if (key === 'stage') {
          return (_inputs: unknown, options: Parameters<BackpackService['stage']>[1] = {}) => {
            signal = options.signal;
            options.onProgress?.(1, 3);
            return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason)));
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    renderImport(slow);
    await pick([corpusFile(OB3_PNG), corpusFile(OB2_JWT), corpusFile(JPEG)]);
    expect(await screen.findByText('Checking 2 of 3…')).toBeTruthy();
    expect(within(dialog()).getByRole('progressbar')).toBeTruthy();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(signal?.aborted).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('Import cancelled. Nothing was added.')).toBeTruthy();
  });
});
