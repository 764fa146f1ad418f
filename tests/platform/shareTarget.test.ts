/**
 * The page's side of the share target (src/platform/shareTarget.ts) over a fake Cache Storage
 * holding what src/sw.ts stores (the service worker itself runs in tests/browser/pwa.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { SHARE_CACHE, takeSharedImport, takeSharedInputs, type ShareTargetDeps } from '../../src/platform/shareTarget';

const KEY = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const ORIGIN = 'https://besace.example';

class FakeCache {
  readonly entries = new Map<string, Response>();
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const url = typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
    return this.entries.get(url)?.clone();
  }
  async delete(request: RequestInfo | URL): Promise<boolean> {
    const url = typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
    return this.entries.delete(url);
  }
}

/** As the service worker stores a share. */
function store(cache: FakeCache, key: string, index: number, item: { kind: 'file' | 'text'; body: BodyInit; name?: string; type?: string }): void {
  const headers = new Headers({ 'content-type': item.type ?? 'application/octet-stream', 'x-besace-kind': item.kind, 'x-besace-stored-at': '0' });
  if (item.name !== undefined) headers.set('x-besace-name', encodeURIComponent(item.name));
  cache.entries.set(`${ORIGIN}/share-target/${key}/${index}`, new Response(item.body, { headers }));
}

function page(href: string, cache = new FakeCache()) {
  const replaced: string[] = [];
  const opened: string[] = [];
  const deps: ShareTargetDeps = {
    location: { href },
    history: { state: { from: 'app' }, replaceState: (_state, _unused, url) => replaced.push(url) },
    caches: {
      open: async (name) => {
        opened.push(name);
        return cache;
      },
    },
  };
  return { deps, replaced, opened, cache };
}

describe('takeSharedImport', () => {
  it('is nothing when the page was not opened by a share (and leaves the URL alone)', async () => {
    const { deps, replaced, opened } = page(`${ORIGIN}/badges/1?x=1`);
    expect(await takeSharedImport(deps)).toEqual({ status: 'none' });
    expect(replaced).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('takes the shared files and text out in order, deletes them, and cleans the URL', async () => {
    const cache = new FakeCache();
    store(cache, KEY, 1, { kind: 'text', body: 'https://issuer.example/assertions/1', type: 'text/plain;charset=utf-8' });
    store(cache, KEY, 0, { kind: 'file', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), name: 'mon badge é.png', type: 'image/png' });
    store(cache, KEY, 10, { kind: 'file', body: '{"a":1}', name: 'b.json' });
    store(cache, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 0, { kind: 'file', body: 'another share', name: 'other.json' });
    const { deps, replaced, opened } = page(`${ORIGIN}/?share-target=${KEY}&lang=fr#top`, cache);

    expect(await takeSharedImport(deps)).toEqual({
      status: 'received',
      inputs: [
        { kind: 'file', name: 'mon badge é.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
        { kind: 'text', text: 'https://issuer.example/assertions/1' },
        { kind: 'file', name: 'b.json', bytes: new TextEncoder().encode('{"a":1}') },
      ],
    });
    expect(opened).toEqual([SHARE_CACHE]);
    expect(replaced).toEqual(['/?lang=fr#top']);
    // Only that share's entries are gone.
    expect([...cache.entries.keys()]).toEqual([`${ORIGIN}/share-target/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/0`]);
  });

  it('reads a share a second time as missing (a reload, another tab)', async () => {
    const cache = new FakeCache();
    store(cache, KEY, 0, { kind: 'file', body: 'x', name: 'a.json' });
    expect((await takeSharedImport(page(`${ORIGIN}/?share-target=${KEY}`, cache).deps)).status).toBe('received');
    expect(await takeSharedImport(page(`${ORIGIN}/?share-target=${KEY}`, cache).deps)).toEqual({ status: 'failed', reason: 'missing' });
  });

  it('never looks up a key that is not the service worker’s', async () => {
    const { deps, opened, replaced } = page(`${ORIGIN}/?share-target=..%2F..%2Fsecret`);
    expect(await takeSharedImport(deps)).toEqual({ status: 'failed', reason: 'missing' });
    expect(opened).toEqual([]);
    expect(replaced).toEqual(['/']);
  });

  it('reports a share the service worker could not read', async () => {
    const { deps, replaced } = page(`${ORIGIN}/?share-target-error=unreadable`);
    expect(await takeSharedImport(deps)).toEqual({ status: 'failed', reason: 'unreadable' });
    expect(replaced).toEqual(['/']);
    expect(await takeSharedImport(page(`${ORIGIN}/?share-target-error=empty`).deps)).toEqual({ status: 'failed', reason: 'empty' });
  });

  it('survives a name that is not valid percent-encoding, and a browser without Cache Storage', async () => {
    const cache = new FakeCache();
    cache.entries.set(
      `${ORIGIN}/share-target/${KEY}/0`,
      new Response('x', { headers: { 'x-besace-kind': 'file', 'x-besace-name': '%E0%A4%A' } }),
    );
    expect(await takeSharedInputs(page(`${ORIGIN}/?share-target=${KEY}`, cache).deps)).toEqual([{ kind: 'file', name: null, bytes: new TextEncoder().encode('x') }]);
    const { deps } = page(`${ORIGIN}/?share-target=${KEY}`);
    expect(await takeSharedImport({ ...deps, caches: undefined })).toEqual({ status: 'failed', reason: 'missing' });
  });
});
