/**
 * A share link's fragment, taken out of the address bar as soon as the page starts (before the
 * first render) and kept in this history entry's state: the address bar then shows `/view`, the
 * link's badges never sit in the visible URL (or in a screenshot of it), and a reload of the same
 * tab still finds them. Only the shape is checked here (the shell must stay light); the viewer page
 * decodes strictly. Also listens for a share link pasted into the address bar of an open tab.
 */
const SHARE_FRAGMENT = /^#v\d{1,4}\./;

/** The key of the share in history.state. */
export const SHARE_STATE_KEY = 'besaceShare';

/** If the current URL carries a share link, move it into history.state and the path to `/view`. True when it did. */
export function captureShareFragment(base: string = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '')): boolean {
  const { hash } = window.location;
  if (!SHARE_FRAGMENT.test(hash)) return false;
  window.history.replaceState({ [SHARE_STATE_KEY]: hash.slice(1) }, '', `${base}/view`);
  return true;
}

/** The share fragment this history entry holds, if any. */
export function sharedFragment(): string | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null) return null;
  const value = (state as Record<string, unknown>)[SHARE_STATE_KEY];
  return typeof value === 'string' ? value : null;
}

/** Put a share link in this history entry and go to `/view` (a link pasted into the importer, a file dropped). */
export function openShare(fragment: string, base: string = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '')): void {
  window.history.pushState({ [SHARE_STATE_KEY]: fragment.replace(/^#/, '') }, '', `${base}/view`);
  window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
}

/** Watch for a share link typed or pasted into the address bar of an open tab (only the fragment changes). */
export function watchShareFragments(): () => void {
  const listener = () => {
    if (captureShareFragment()) window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
