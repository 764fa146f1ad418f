/// <reference lib="webworker" />
/**
 * Besace's service worker (built by vite-plugin-pwa, injectManifest; production builds only).
 *
 * - Precaches every file of the build (the shell, the verification worker, jsonld, the proof suites
 *   and each bundled JSON-LD context), so the app opens and verifies offline after the first visit.
 * - Any navigation inside the app gets the precached index.html (the app routes on the client).
 * - Nothing else is cached: issuer documents, keys and status lists go to the network every time,
 *   and a request to another origin is never answered nor stored by this worker.
 * - A new version waits until the page asks for it ({type: 'SKIP_WAITING'}, after the earner chose
 *   "Reload"): updates are offered, never forced.
 * - The manifest's share_target POSTs the shared files to /share-target: they are put in a Cache
 *   Storage entry of their own, and the page is sent to /?share-target=<key>, where
 *   src/platform/shareTarget.ts takes them out.
 *
 * The hand-off format is shared with src/platform/shareTarget.ts (keep both in step):
 *   cache SHARE_CACHE, one entry per shared item, keyed /share-target/<key>/<index>;
 *   header x-besace-kind: 'file' | 'text'; x-besace-name: the percent-encoded file name (files);
 *   x-besace-stored-at: Date.now() when stored (stale hand-offs are pruned).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { readonly __WB_MANIFEST: Array<{ url: string; revision: string | null } | string> };

const SHARE_CACHE = 'besace-share-target';
const SHARE_PATH = '/share-target';
/** Hand-offs the page never came for (a closed tab, a crash) are dropped after this long. */
const SHARE_TTL_MS = 60 * 60 * 1000;
/** A share is a handful of badge files: more than this is not a badge share. */
const SHARE_MAX_ITEMS = 100;

// The share target first: a POST navigation that Workbox's GET routes would never answer.
self.addEventListener('fetch', (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (event.request.method === 'POST' && url.origin === self.location.origin && url.pathname === SHARE_PATH) {
    event.respondWith(receiveShare(event.request));
  }
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// App routes (/, /badges/…, /?share-target=…) get the app; files (a last path segment with a dot,
// as the static host decides too) and the share target's own path do not. Workbox tests these
// patterns against path + query.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/share-target(?:[/?]|$)/, /^[^?]*\/[^/?]*\.[^/?]*(?:\?.*)?$/],
  }),
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

// The first install takes the open tab at once (so it works offline without a reload). Later
// versions only get here after the page asked for SKIP_WAITING.
clientsClaim();

async function receiveShare(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const items: Array<{ kind: 'file' | 'text'; body: Blob | string; name: string | null; type: string }> = [];
    for (const value of form.getAll('badges')) {
      if (typeof value !== 'string') items.push({ kind: 'file', body: value, name: value.name || null, type: value.type });
    }
    // A shared link or pasted text (a hosted assertion URL, a compact JWS): the title is not a badge.
    const texts = new Set<string>();
    for (const field of ['url', 'text']) {
      const value = form.get(field);
      if (typeof value === 'string' && value.trim() !== '') texts.add(value.trim());
    }
    for (const text of texts) items.push({ kind: 'text', body: text, name: null, type: 'text/plain;charset=utf-8' });
    if (items.length === 0) return redirectHome('share-target-error', 'empty'); // a title alone is not a badge

    const key = crypto.randomUUID();
    const cache = await caches.open(SHARE_CACHE);
    const storedAt = String(Date.now());

    await Promise.all(
      items.slice(0, SHARE_MAX_ITEMS).map((item, index) => {
        const headers = new Headers({
          'content-type': item.type || 'application/octet-stream',
          'x-besace-kind': item.kind,
          'x-besace-stored-at': storedAt,
        });
        if (item.name !== null) headers.set('x-besace-name', encodeURIComponent(item.name));
        return cache.put(new URL(`${SHARE_PATH}/${key}/${index}`, self.location.origin).href, new Response(item.body, { headers }));
      }),
    );
    await pruneStaleShares(cache, key);
    return redirectHome('share-target', key);
  } catch {
    // Unreadable form or no storage: the page says the share did not come through.
    return redirectHome('share-target-error', 'unreadable');
  }
}

/** 303: the browser follows with a GET of the app, whatever the share's POST carried. */
function redirectHome(param: string, value: string): Response {
  const target = new URL('/', self.location.origin);
  target.searchParams.set(param, value);
  return Response.redirect(target.href, 303);
}

async function pruneStaleShares(cache: Cache, keep: string): Promise<void> {
  const now = Date.now();
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith(`${SHARE_PATH}/${keep}/`)) continue;
    const response = await cache.match(request);
    const storedAt = Number(response?.headers.get('x-besace-stored-at'));
    if (!response || !Number.isFinite(storedAt) || now - storedAt > SHARE_TTL_MS) await cache.delete(request);
  }
}
