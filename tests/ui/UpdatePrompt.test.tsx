// @vitest-environment jsdom
/** "Update available — Reload / Later" (src/ui/UpdatePrompt.tsx) with a fake update source. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LangProvider } from '../../src/ui/context';
import type { Lang } from '../../src/ui/messages';
import { UpdatePrompt, type UpdateSource } from '../../src/ui/UpdatePrompt';

function fakeUpdates() {
  const listeners = new Set<() => void>();
  const source: UpdateSource = {
    onUpdateAvailable: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    applyUpdate: vi.fn(),
  };
  return { source, announce: () => listeners.forEach((l) => l()), listeners };
}

function show(updates: UpdateSource, lang: Lang = 'en') {
  return render(
    <LangProvider lang={lang} setLang={() => undefined}>
      <UpdatePrompt updates={updates} />
    </LangProvider>,
  );
}

afterEach(cleanup);

describe('UpdatePrompt', () => {
  it('keeps an empty status region until an update is waiting, then offers Reload and Later', async () => {
    const { source, announce } = fakeUpdates();
    show(source);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();

    announce();
    await screen.findByText('Update available');
    expect(region.textContent).toContain('A new version of Besace is ready.');
    const reload = screen.getByRole('button', { name: 'Reload' });
    expect(screen.getByRole('button', { name: 'Later' })).toBeTruthy();
    expect(reload.getAttribute('type')).toBe('button');
    expect(source.applyUpdate).not.toHaveBeenCalled(); // never on its own
  });

  it('Reload applies the update once', async () => {
    const { source, announce } = fakeUpdates();
    show(source);
    announce();
    const reload = await screen.findByRole('button', { name: 'Reload' });
    reload.focus();
    fireEvent.click(reload);
    expect(source.applyUpdate).toHaveBeenCalledTimes(1);
    const busy = await screen.findByRole('button', { name: 'Reloading…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy); // the focus stays put
    fireEvent.click(busy);
    expect(source.applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('Later hides it for this visit, even if the update is announced again', async () => {
    const { source, announce } = fakeUpdates();
    show(source);
    announce();
    fireEvent.click(await screen.findByRole('button', { name: 'Later' }));
    expect(screen.queryByText('Update available')).toBeNull();
    announce();
    expect(screen.queryByText('Update available')).toBeNull();
    expect(screen.getByRole('status')).toBeTruthy(); // the region stays for the next announcement
    expect(source.applyUpdate).not.toHaveBeenCalled();
  });

  it('speaks French', async () => {
    const { source, announce } = fakeUpdates();
    show(source, 'fr');
    announce();
    await screen.findByText('Mise à jour disponible');
    expect(screen.getByRole('button', { name: 'Recharger' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Plus tard' })).toBeTruthy();
  });

  it('unsubscribes when it goes away', async () => {
    const { source, listeners } = fakeUpdates();
    const { unmount } = show(source);
    expect(listeners.size).toBe(1);
    unmount();
    await vi.waitFor(() => expect(listeners.size).toBe(0)); // Preact 11 runs unmount cleanups after the render
  });
});
