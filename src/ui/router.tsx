/**
 * Routes by path, with the History API. The `#fragment` is never used for routing: it is kept for
 * share links, which carry their data there (never sent to a server).
 *
 *   /              the badge list (query: q, status, sort)
 *   /badge/:id     one badge
 *   /import        add badges
 *   /profile       the earner's identities and settings
 *   /collections   the earner's collections;  /collections/:id  one collection and its sharing
 *   /view          a share link being viewed (the link's fragment is moved into history.state, see ./viewer/capture)
 *   /present/collection/:id, /present/badge/:id   interview mode (full screen, a large QR code)
 *   /annex/:id     the printable CV annex of a collection
 *
 * Anything else is a "not found" page inside the app (the host serves index.html for every path).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BadgeId, CollectionId } from '../app/types';

export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'badge'; readonly id: BadgeId }
  | { readonly name: 'import' }
  | { readonly name: 'profile' }
  | { readonly name: 'collections' }
  | { readonly name: 'collection'; readonly id: CollectionId }
  | { readonly name: 'viewer' }
  | { readonly name: 'present'; readonly target: PresentTarget }
  | { readonly name: 'annex'; readonly id: CollectionId }
  | { readonly name: 'notFound' };

/** What interview mode shows: a collection, or one badge. */
export type PresentTarget = { readonly kind: 'collection'; readonly id: CollectionId } | { readonly kind: 'badge'; readonly id: BadgeId };

/** Where the app is served from ('/' unless built with another `base`), without the trailing slash. */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '');

/** Badge ids are SHA-256 hex digests; be lenient on the shape (the store answers "not found"). */
const BADGE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export function parseRoute(pathname: string): Route {
  let path = pathname;
  if (BASE && path.startsWith(BASE)) path = path.slice(BASE.length);
  path = path.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'library' };
  if (path === '/import') return { name: 'import' };
  if (path === '/profile') return { name: 'profile' };
  if (path === '/collections') return { name: 'collections' };
  if (path === '/view') return { name: 'viewer' };
  const m = /^\/(badge|collections|annex|present\/collection|present\/badge)\/([^/]+)$/.exec(path);
  if (!m) return { name: 'notFound' };
  let id: string;
  try {
    id = decodeURIComponent(m[2]!);
  } catch {
    return { name: 'notFound' };
  }
  if (!BADGE_ID.test(id)) return { name: 'notFound' };
  switch (m[1]) {
    case 'badge':
      return { name: 'badge', id: id as BadgeId };
    case 'collections':
      return { name: 'collection', id: id as CollectionId };
    case 'annex':
      return { name: 'annex', id: id as CollectionId };
    case 'present/collection':
      return { name: 'present', target: { kind: 'collection', id: id as CollectionId } };
    default:
      return { name: 'present', target: { kind: 'badge', id: id as BadgeId } };
  }
}

/** The path of a route (query strings are added by the caller with URLSearchParams). */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'library':
      return `${BASE}/`;
    case 'badge':
      return `${BASE}/badge/${encodeURIComponent(route.id)}`;
    case 'import':
      return `${BASE}/import`;
    case 'profile':
      return `${BASE}/profile`;
    case 'collections':
      return `${BASE}/collections`;
    case 'collection':
      return `${BASE}/collections/${encodeURIComponent(route.id)}`;
    case 'viewer':
      return `${BASE}/view`;
    case 'present':
      return `${BASE}/present/${route.target.kind}/${encodeURIComponent(route.target.id)}`;
    case 'annex':
      return `${BASE}/annex/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return `${BASE}/`;
  }
}

export const badgePath = (id: BadgeId): string => pathOf({ name: 'badge', id });

/** Where share links point: the app's root on this origin (the fragment is added by encodeShare). */
export function shareBase(): string {
  return new URL(`${BASE}/`, window.location.origin).href;
}

// ---------------------------------------------------------------------------------------------
// Location state, shared by every component through a tiny subscription.

type Listener = () => void;
const listeners = new Set<Listener>();
let focusPending = false;

function notify(): void {
  for (const listener of [...listeners]) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    focusPending = true;
    notify();
  });
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (filters typed in the list). */
  readonly replace?: boolean;
  /** Move focus to the new page's heading (default true when the path changes). */
  readonly focus?: boolean;
}

/** Go to a path inside the app. Same-origin paths only; the fragment of the current URL is dropped. */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) throw new Error('navigate() is for paths inside the app');
  const target = `${url.pathname}${url.search}`;
  const current = `${window.location.pathname}${window.location.search}`;
  if (target === current && !window.location.hash) return;
  const pathChanged = url.pathname !== window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  focusPending = options.focus ?? pathChanged;
  if (pathChanged) window.scrollTo?.(0, 0);
  notify();
}

/** Re-render on every navigation; returns the current location. */
export function useLocation(): { readonly pathname: string; readonly search: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { pathname: window.location.pathname, search: window.location.search };
}

export function useRoute(): Route {
  return parseRoute(useLocation().pathname);
}

/**
 * Whether the page just rendered came from a navigation (not the first load), in which case its
 * heading takes focus so that screen-reader and keyboard users land on the new content.
 * Consumed once: the first caller after a navigation gets true.
 */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export interface LinkProps {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly class?: string;
  readonly 'aria-current'?: 'page' | undefined;
  readonly 'aria-label'?: string;
  readonly 'aria-describedby'?: string;
  readonly tabIndex?: number;
  readonly 'data-row'?: number;
  readonly onClick?: (event: MouseEvent) => void;
}

/** A plain link for the app's own paths: a real href (open in a new tab works), no page reload. */
export function Link({ href, children, onClick, ...rest }: LinkProps) {
  const click = (event: MouseEvent) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={href} onClick={click}>
      {children}
    </a>
  );
}
