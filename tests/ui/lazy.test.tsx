// @vitest-environment jsdom
/**
 * Pages loaded on first use (src/ui/lazy.tsx): a short "Loading…" status until the chunk is there,
 * then the page; once loaded (or warmed), rendered at once; a chunk that cannot load reaches the
 * error boundary (the rescue download), and is tried again next time.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LangProvider } from '../../src/ui/context';
import { lazyComponent } from '../../src/ui/lazy';
import { ErrorBoundary } from '../../src/ui/shell/ErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const inLang = (children: ComponentChildren) => (
  <LangProvider lang="en" setLang={() => undefined}>
    {children}
  </LangProvider>
);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const Page = ({ name }: { name: string }) => <h1>Hello {name}</h1>;

describe('a lazily loaded page', () => {
  it('says it is loading, then shows the page with its props; loads its chunk once', async () => {
    const chunk = deferred<typeof Page>();
    const load = vi.fn(() => chunk.promise);
    const Lazy = lazyComponent(load);
    render(inLang(<Lazy name="Alex" />));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByRole('heading')).toBeNull(); // nothing to take the focus before the page is there
    chunk.resolve(Page);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello Alex' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();

    cleanup();
    render(inLang(<Lazy name="Sam" />)); // loaded: rendered at once, no loading state
    expect(screen.getByRole('heading', { level: 1, name: 'Hello Sam' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders at once after preload() (the warm-up at idle)', async () => {
    const Lazy = lazyComponent(() => Promise.resolve(Page));
    await Lazy.preload();
    render(inLang(<Lazy name="Kim" />));
    expect(screen.getByRole('heading', { level: 1, name: 'Hello Kim' })).toBeTruthy();
  });

  it('reaches the error boundary when its chunk cannot load, and tries again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi.fn<() => Promise<typeof Page>>().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue(Page);
    const Lazy = lazyComponent(load);
    render(
      inLang(
        <ErrorBoundary>
          <Lazy name="Alex" />
        </ErrorBoundary>,
      ),
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Something went wrong' })).toBeTruthy();

    cleanup();
    render(inLang(<Lazy name="Alex" />));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello Alex' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
