/**
 * The page's side of the share target. The service worker (src/sw.ts) answered the share's POST:
 * it put the shared files (and a shared link or text) in a Cache Storage entry of their own and
 * sent the page to /?share-target=<key>. Here they are taken out (and deleted), and the URL cleaned:
 *
 *   const shared = await takeSharedImport();   // at start-up
 *   if (shared.status === 'received') stage(shared.inputs);
 *   if (shared.status === 'failed') say(t(lang, `pwa.share.${shared.reason}`));
 *
 * The hand-off format is the service worker's (keep both in step): cache 'besace-share-target',
 * entries /share-target/<key>/<index>, headers x-besace-kind ('file' | 'text') and x-besace-name
 * (percent-encoded file name).
 */
import type { ImportInput } from '../app/types';

export const SHARE_CACHE = 'besace-share-target';
export const SHARE_PARAM = 'share-target';
export const SHARE_ERROR_PARAM = 'share-target-error';
const SHARE_PATH = '/share-target';
/** The service worker's keys are crypto.randomUUID(): nothing else is looked up. */
const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type SharedImport =
  | { readonly status: 'none' } // not a share
  | { readonly status: 'received'; readonly inputs: ImportInput[] }
  /**
   * 'unreadable': the service worker could not read the share; 'empty': it held no file, link or
   * text; 'missing': nothing (left) under that key.
   */
  | { readonly status: 'failed'; readonly reason: 'unreadable' | 'empty' | 'missing' };

/** What this module needs of the page (the real ones, or fakes in tests). */
export interface ShareTargetDeps {
  readonly location: { readonly href: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  readonly caches: { open(name: string): Promise<Pick<Cache, 'keys' | 'match' | 'delete'>> } | undefined;
}

function pageDeps(): ShareTargetDeps {
  return { location: window.location, history: window.history, caches: typeof caches === 'undefined' ? undefined : caches };
}

function indexOf(url: string, prefix: string): number | null {
  const path = new URL(url).pathname;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

function decodeName(raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Remove the share parameters from the address bar, so a reload does not look for them again. */
function cleanUrl(deps: ShareTargetDeps, url: URL): void {
  url.searchParams.delete(SHARE_PARAM);
  url.searchParams.delete(SHARE_ERROR_PARAM);
  deps.history.replaceState(deps.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export async function takeSharedImport(deps: ShareTargetDeps = pageDeps()): Promise<SharedImport> {
  const url = new URL(deps.location.href);
  const key = url.searchParams.get(SHARE_PARAM);
  const error = url.searchParams.get(SHARE_ERROR_PARAM);
  if (key === null && error === null) return { status: 'none' };
  cleanUrl(deps, url);
  if (key === null) return { status: 'failed', reason: error === 'empty' ? 'empty' : 'unreadable' };
  if (!KEY_PATTERN.test(key) || !deps.caches) return { status: 'failed', reason: 'missing' };

  try {
    const cache = await deps.caches.open(SHARE_CACHE);
    const prefix = `${SHARE_PATH}/${key}/`;
    const entries = (await cache.keys())
      .map((request) => ({ request, index: indexOf(request.url, prefix) }))
      .filter((e): e is { request: Request; index: number } => e.index !== null)
      .sort((a, b) => a.index - b.index);
    const inputs: ImportInput[] = [];
    for (const { request } of entries) {
      const response = await cache.match(request);
      if (response) {
        if (response.headers.get('x-besace-kind') === 'text') {
          inputs.push({ kind: 'text', text: await response.text() });
        } else {
          inputs.push({ kind: 'file', name: decodeName(response.headers.get('x-besace-name')), bytes: new Uint8Array(await response.arrayBuffer()) });
        }
      }
      await cache.delete(request);
    }
    return inputs.length > 0 ? { status: 'received', inputs } : { status: 'failed', reason: 'missing' };
  } catch {
    return { status: 'failed', reason: 'missing' };
  }
}

/** The shared inputs, or none (for callers that report failures elsewhere). */
export async function takeSharedInputs(deps?: ShareTargetDeps): Promise<ImportInput[]> {
  const shared = await takeSharedImport(deps);
  return shared.status === 'received' ? shared.inputs : [];
}
