// @vitest-environment jsdom
/**
 * The frame around the pages, over the real backpack: language (browser, saved choice, switch),
 * <html lang> and titles, navigation by path, the skip link, the offline notice, and the rescue
 * page that offers every badge for download when a screen breaks.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App';
import { BackpackContext, LangProvider } from '../../src/ui/context';
import { ErrorBoundary } from '../../src/ui/shell/ErrorBoundary';
import { StartupError } from '../../src/ui/shell/StartupError';
import { BackpackError } from '../../src/app/types';
import { makeBackpack, renderApp, resetDom } from './support';

afterEach(() => {
  resetDom();
  vi.restoreAllMocks();
});

describe('language', () => {
  it('follows the browser, keeps <html lang> in step, and saves the earner’s choice', async () => {
    const { backpack } = await makeBackpack();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CA', 'en']);
    render(<App backpack={backpack} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes badges' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    await waitFor(() => expect(document.title).toBe('Mes badges — Besace'));

    fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'My badges' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(document.title).toBe('My badges — Besace'));
    await waitFor(async () => expect((await backpack.settings()).lang).toBe('en'));
  });

  it('takes the saved choice over the browser’s language', async () => {
    const { backpack } = await makeBackpack();
    await backpack.updateSettings({ lang: 'fr' });
    renderApp(backpack, { lang: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes badges' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('navigation', () => {
  it('routes by path with the History API, marks the current page, and moves the focus to the new page’s title', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack);
    await screen.findByRole('heading', { level: 1, name: 'My badges' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My badges' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(nav).getByRole('link', { name: 'Profile' }));
    expect(window.location.pathname).toBe('/profile');
    // No profile page plugged in here: a short page says so.
    const title = await screen.findByRole('heading', { level: 1, name: 'Not available yet' });
    expect(within(nav).getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.activeElement).toBe(title));

    // Back (popstate) returns to the list.
    window.history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'My badges' })).toBeTruthy();
  });

  it('renders the pages other parts provide', async () => {
    const { backpack } = await makeBackpack();
    window.history.replaceState(null, '', '/import');
    render(<App backpack={backpack} initialLang="en" pages={{ import: () => <h1>Importer here</h1> }} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Importer here' })).toBeTruthy();
  });

  it('has a skip link to the content that leaves the #fragment alone', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack);
    const title = await screen.findByRole('heading', { level: 1, name: 'My badges' });
    fireEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(document.activeElement).toBe(title);
    expect(window.location.hash).toBe('');
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('says when a page does not exist', async () => {
    const { backpack } = await makeBackpack();
    renderApp(backpack, { path: '/nothing/here' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});

describe('offline', () => {
  it('says so while the device is offline, and stops when it is back', async () => {
    const { backpack } = await makeBackpack();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderApp(backpack);
    expect(await screen.findByText('Offline.')).toBeTruthy();
    online.mockReturnValue(true);
    fireEvent(window, new Event('online'));
    await waitFor(() => expect(screen.queryByText('Offline.')).toBeNull());
    online.mockReturnValue(false);
    fireEvent(window, new Event('offline'));
    expect(await screen.findByText(/Your badges are all here/)).toBeTruthy();
  });
});

describe('when a screen breaks', () => {
  function Broken(): never {
    throw new Error('a bug in a component');
  }

  it('offers to download every badge (the full backup) and to reload', async () => {
    const { backpack, add } = await makeBackpack();
    await add('1edtech-dcpv/ob30/simple-json.svg');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const exportAll = vi.spyOn(backpack, 'exportAll');
    const names: string[] = [];
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/backup';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(
      <BackpackContext.Provider value={backpack}>
        <LangProvider lang="en" setLang={() => undefined}>
          <ErrorBoundary top>
            <Broken />
          </ErrorBoundary>
        </LangProvider>
      </BackpackContext.Provider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText(/Your badges are still safe on this device/)).toBeTruthy();
    expect(screen.queryByText(/a bug in a component/)).toBeNull(); // never the raw error
    expect(screen.getByRole('button', { name: 'Reload Besace' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Download all my badges' }));
    expect(await screen.findByText(/Your badges were saved in the file “besace-backup-\d{4}-\d{2}-\d{2}\.zip”/)).toBeTruthy();
    expect(exportAll).toHaveBeenCalledTimes(1);
    expect(names).toEqual([expect.stringMatching(/^besace-backup-\d{4}-\d{2}-\d{2}\.zip$/)]);
    // The file is the backup the service wrote: it restores into another backpack.
    const other = await makeBackpack();
    const restored = await other.backpack.restore(new Uint8Array(await blobs[0]!.arrayBuffer()));
    expect(restored.added).toBe(1);
  });

  it('keeps the header when one page breaks', async () => {
    const { backpack } = await makeBackpack();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/import');
    render(<App backpack={backpack} initialLang="en" pages={{ import: Broken }} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    // Leaving the broken page works.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'My badges' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My badges' })).toBeTruthy();
  });

  it('explains, in words, why the backpack cannot open at all', async () => {
    render(<StartupError error={new BackpackError('DB_UNAVAILABLE')} lang="fr" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Besace ne peut pas ouvrir vos badges' })).toBeTruthy();
    expect(screen.getByText(/navigation privée/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('in the background', () => {
  it('re-verifies stale badges when asked to, and shows the new check', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { backpack, add } = await makeBackpack();
      const [record] = await add('1edtech-dcpv/ob30/simple-json.svg'); // checked at the tests' fixed, long-past date
      window.history.replaceState(null, '', '/');
      render(<App backpack={backpack} initialLang="en" autoReverify />);
      await vi.advanceTimersByTimeAsync(5_000);
      vi.useRealTimers();
      await waitFor(async () => expect(await backpack.history(record!.id)).toHaveLength(2));
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing of the kind unless asked', async () => {
    const { backpack, add } = await makeBackpack();
    const [record] = await add('1edtech-dcpv/ob30/simple-json.svg');
    const reverify = vi.spyOn(backpack, 'reverify');
    renderApp(backpack);
    await screen.findByRole('heading', { level: 1, name: 'My badges' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reverify).not.toHaveBeenCalled();
    expect(await backpack.history(record!.id)).toHaveLength(1);
  });
});

describe('titles', () => {
  it('names each page in the tab', async () => {
    const { backpack } = await makeBackpack();
    window.history.replaceState(null, '', '/import');
    render(<App backpack={backpack} initialLang="en" pages={{ import: () => <h1>Importer</h1> }} />);
    await screen.findByRole('heading', { level: 1, name: 'Importer' });
    await waitFor(() => expect(document.title).toBe('Add badges — Besace'));
  });
});
