/** createNet, branch by branch, over a fake FetchLike (no sockets). */
import { describe, expect, it } from 'vitest';
import { createNet, type FetchInitLike, type FetchLike, type NetOptions, type ResponseLike } from '../../../src/core/net/net';
import type { FetchResult } from '../../../src/core/net/types';

const enc = new TextEncoder();
const dec = new TextDecoder();

interface FakeReply {
  status?: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  url?: string;
}

/** A ResponseLike whose body is a stream of the given chunks. */
function reply({ status = 200, body = '', headers = {}, url = '' }: FakeReply): ResponseLike {
  const bytes = typeof body === 'string' ? enc.encode(body) : body;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    url,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    body: new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    }),
  };
}

/** A fake fetch that records its calls and answers with `answer`. */
function fake(answer: (url: string, init: FetchInitLike) => Promise<ResponseLike> | ResponseLike) {
  const calls: { url: string; init: FetchInitLike }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return answer(url, init);
  };
  return { fetch, calls };
}

const json = (body: unknown, headers: Record<string, string> = {}): ResponseLike =>
  reply({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

const text = (r: FetchResult): string => (r.ok ? dec.decode(r.body) : `FAIL ${r.code}`);

const net = (fetch: FetchLike, opts: Partial<NetOptions> = {}) => createNet({ fetch, ...opts });

describe('createNet: success', () => {
  it('answers a 2xx with body, media type, final URL, and passes accept/signal/redirect', async () => {
    const f = fake(() => ({
      ...reply({ body: '{"a":1}', headers: { 'Content-Type': 'Application/LD+JSON; charset=utf-8' } }),
      url: 'https://example.org/final',
    }));
    const r = await net(f.fetch).fetch('https://example.org/start#frag', { accept: 'application/ld+json' });
    expect(r).toMatchObject({
      ok: true,
      url: 'https://example.org/start#frag',
      finalUrl: 'https://example.org/final',
      status: 200,
      contentType: 'application/ld+json',
      cached: false,
    });
    expect(text(r)).toBe('{"a":1}');
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]?.url).toBe('https://example.org/start'); // the fragment is never sent
    expect(f.calls[0]?.init.headers).toEqual({ accept: 'application/ld+json' });
    expect(f.calls[0]?.init.redirect).toBe('follow');
    expect(f.calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a buffered body (arrayBuffer) when there is no stream', async () => {
    const f = fake(() => ({
      status: 200,
      url: '',
      headers: { get: () => null },
      arrayBuffer: async () => enc.encode('buffered').buffer as ArrayBuffer,
    }));
    const r = await net(f.fetch).fetch('https://example.org/b');
    expect(text(r)).toBe('buffered');
    expect(r).toMatchObject({ finalUrl: 'https://example.org/b', contentType: '' });
  });
});

describe('createNet: URL policy', () => {
  it.each(['not a url', '/relative', 'ftp://example.org/x', 'file:///etc/passwd', 'data:application/json,{}', 'javascript:alert(1)'])(
    'refuses %s as BAD_URL without fetching',
    async (url) => {
      const f = fake(() => json({}));
      expect(await net(f.fetch).fetch(url)).toMatchObject({ ok: false, code: 'BAD_URL', url });
      expect(f.calls).toHaveLength(0);
    },
  );

  it('refuses http: by default, allows it per request with allowHttp', async () => {
    const f = fake(() => json({}));
    const n = net(f.fetch);
    expect(await n.fetch('http://example.org/a.json')).toMatchObject({ ok: false, code: 'INSECURE_URL' });
    expect(f.calls).toHaveLength(0);
    expect(await n.fetch('http://example.org/a.json', { allowHttp: true })).toMatchObject({ ok: true });
  });

  it.each(['http://127.0.0.1:8080/x', 'http://127.9.8.7/x', 'http://localhost:3000/x', 'http://LOCALHOST/x', 'http://api.localhost/x', 'http://[::1]:5000/x'])(
    'accepts loopback %s like https (potentially trustworthy origin)',
    async (url) => {
      expect(await net(fake(() => json({})).fetch).fetch(url)).toMatchObject({ ok: true });
    },
  );

  it.each(['http://127.0.0.1.example.org/x', 'http://128.0.0.1/x', 'http://[::2]/x', 'http://localhost.example.org/x'])(
    'does not mistake %s for loopback',
    async (url) => {
      expect(await net(fake(() => json({})).fetch).fetch(url)).toMatchObject({ ok: false, code: 'INSECURE_URL' });
    },
  );
});

describe('createNet: HTTP errors', () => {
  it('reports a 410 with its small JSON body readable', async () => {
    const f = fake(() => reply({ status: 410, body: '{"revoked":true,"revocationReason":"Cheated"}' }));
    const r = await net(f.fetch).fetch('https://example.org/revoked');
    expect(r).toMatchObject({ ok: false, code: 'HTTP_ERROR', status: 410 });
    expect(r.ok ? null : JSON.parse(dec.decode(r.body))).toEqual({ revoked: true, revocationReason: 'Cheated' });
  });

  it('reports 500 and 404 with their status', async () => {
    for (const status of [500, 404, 304]) {
      const r = await net(fake(() => reply({ status, body: 'no' })).fetch).fetch('https://example.org/x');
      expect(r).toMatchObject({ ok: false, code: 'HTTP_ERROR', status });
    }
  });

  it('drops an error body over 64 KB but keeps the status', async () => {
    const r = await net(fake(() => reply({ status: 500, body: new Uint8Array(65 * 1024) })).fetch).fetch('https://example.org/x');
    expect(r).toEqual({ ok: false, url: 'https://example.org/x', code: 'HTTP_ERROR', status: 500 });
  });

  it('never caches a failure', async () => {
    const f = fake(() => reply({ status: 503 }));
    const n = net(f.fetch);
    await n.fetch('https://example.org/x');
    await n.fetch('https://example.org/x');
    expect(f.calls).toHaveLength(2);
  });
});

describe('createNet: cache', () => {
  it('answers a second fetch from the cache until the TTL passes (injected clock)', async () => {
    let t = 1_000;
    const f = fake(() => json({ n: f.calls.length }));
    const n = net(f.fetch, { now: () => t, cacheTtlMs: 60_000 });
    const first = await n.fetch('https://example.org/a');
    const second = await n.fetch('https://example.org/a#other-fragment');
    expect(first).toMatchObject({ ok: true, cached: false });
    expect(second).toMatchObject({ ok: true, cached: true, url: 'https://example.org/a#other-fragment' });
    expect(text(second)).toBe(text(first));
    t += 59_999;
    expect(await n.fetch('https://example.org/a')).toMatchObject({ cached: true });
    t += 1;
    expect(await n.fetch('https://example.org/a')).toMatchObject({ cached: false });
    expect(f.calls).toHaveLength(2);
  });

  it('keys on the accept header too, and is off with cacheTtlMs 0', async () => {
    const f = fake(() => json({}));
    const n = net(f.fetch);
    await n.fetch('https://example.org/a', { accept: 'application/json' });
    await n.fetch('https://example.org/a', { accept: 'application/ld+json' });
    expect(f.calls).toHaveLength(2);

    const g = fake(() => json({}));
    const off = net(g.fetch, { cacheTtlMs: 0 });
    await off.fetch('https://example.org/a');
    expect(await off.fetch('https://example.org/a')).toMatchObject({ cached: false });
    expect(g.calls).toHaveLength(2);
  });

  it('hands out copies: altering a cached body does not alter the cache', async () => {
    const n = net(fake(() => reply({ body: 'abc' })).fetch);
    const first = await n.fetch('https://example.org/a');
    if (first.ok) first.body[0] = 0x7a;
    expect(text(await n.fetch('https://example.org/a'))).toBe('abc');
  });

  it('evicts the least recently used entry past cacheMaxEntries', async () => {
    const f = fake((url) => reply({ body: url }));
    const n = net(f.fetch, { cacheMaxEntries: 2 });
    await n.fetch('https://example.org/a');
    await n.fetch('https://example.org/b');
    await n.fetch('https://example.org/a'); // a is now the most recent
    await n.fetch('https://example.org/c'); // evicts b
    expect(await n.fetch('https://example.org/a')).toMatchObject({ cached: true });
    expect(await n.fetch('https://example.org/b')).toMatchObject({ cached: false });
  });

  it('evicts past cacheMaxBytes and never caches a body larger than the bound', async () => {
    const f = fake((url) => reply({ body: new Uint8Array(url.endsWith('big') ? 200 : 60) }));
    const n = net(f.fetch, { cacheMaxBytes: 100 });
    await n.fetch('https://example.org/a');
    await n.fetch('https://example.org/b'); // 120 bytes > 100: a goes
    expect(await n.fetch('https://example.org/b')).toMatchObject({ cached: true });
    expect(await n.fetch('https://example.org/a')).toMatchObject({ cached: false });
    await n.fetch('https://example.org/big');
    expect(await n.fetch('https://example.org/big')).toMatchObject({ cached: false });
  });
});

describe('createNet: size cap', () => {
  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    let pulled = false;
    const f = fake(() => ({
      status: 200,
      url: '',
      headers: { get: (n: string) => (n === 'content-length' ? '6000000' : null) },
      body: new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 }), // pulls only when read
    }));
    expect(await net(f.fetch).fetch('https://example.org/x')).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(pulled).toBe(false);
  });

  it('stops mid-stream once past the cap, cancelling an endless body', async () => {
    let chunks = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        chunks++;
        c.enqueue(new Uint8Array(64 * 1024));
      },
      cancel: () => void (cancelled = true),
    });
    const f = fake(() => ({ status: 200, url: '', headers: { get: () => null }, body: endless }));
    const r = await net(f.fetch, { maxBytes: 1024 * 1024 }).fetch('https://example.org/x');
    expect(r).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(chunks).toBeLessThan(20); // 17 chunks pass 1 MB; nothing near "endless"
    expect(cancelled).toBe(true);
    expect(f.calls[0]?.init.signal.aborted).toBe(true); // the connection is let go
  });

  it('accepts a body of exactly the cap, refuses one byte more (buffered too)', async () => {
    const at = (n: number) => net(fake(() => reply({ body: new Uint8Array(n) })).fetch, { maxBytes: 100 });
    expect(await at(100).fetch('https://example.org/x')).toMatchObject({ ok: true });
    expect(await at(101).fetch('https://example.org/x')).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    const buffered = fake(() => ({ status: 200, url: '', headers: { get: () => null }, arrayBuffer: async () => new ArrayBuffer(101) }));
    expect(await net(buffered.fetch, { maxBytes: 100 }).fetch('https://example.org/x')).toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('createNet: timeout and abort', () => {
  it('times out a fetch that never answers, even one that ignores its signal', async () => {
    const f = fake(() => new Promise<ResponseLike>(() => undefined));
    const r = await net(f.fetch, { timeoutMs: 20 }).fetch('https://example.org/slow');
    expect(r).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(f.calls[0]?.init.signal.aborted).toBe(true);
  });

  it('times out a body that stalls mid-stream', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('{"par'));
      },
    });
    const f = fake(() => ({ status: 200, url: '', headers: { get: () => null }, body: stalled }));
    expect(await net(f.fetch, { timeoutMs: 20 }).fetch('https://example.org/x')).toMatchObject({ code: 'TIMEOUT' });
  });

  it('answers ABORTED, without fetching, when the caller has already aborted', async () => {
    const f = fake(() => json({}));
    const r = await net(f.fetch).fetch('https://example.org/x', { signal: AbortSignal.abort() });
    expect(r).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(f.calls).toHaveLength(0);
  });

  it('answers ABORTED when the caller aborts mid-request, and passes the abort on', async () => {
    const f = fake(
      (_url, init) =>
        new Promise<ResponseLike>((_, reject) =>
          init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const caller = new AbortController();
    const pending = net(f.fetch, { timeoutMs: 5_000 }).fetch('https://example.org/x', { signal: caller.signal });
    setTimeout(() => caller.abort(), 10);
    expect(await pending).toMatchObject({ ok: false, code: 'ABORTED' });
    expect(f.calls[0]?.init.signal.aborted).toBe(true);
  });
});

describe('createNet: offline document map', () => {
  const documents = new Map([
    ['https://example.org/doc.json', { body: enc.encode('{"doc":true}'), contentType: 'application/json' }],
    ['https://example.org/doc.json#again', { body: enc.encode('second spelling'), contentType: 'text/plain' }],
    ['https://w3id.org/openbadges/v2', { body: enc.encode('{"@context":{}}'), contentType: 'application/ld+json; charset=utf-8' }],
  ]);

  it('answers mapped URLs without the network, ignoring fragments; the first spelling wins', async () => {
    const f = fake(() => json({}));
    const n = net(f.fetch, { documents });
    const r = await n.fetch('https://example.org/doc.json#key-1');
    expect(r).toMatchObject({ ok: true, status: 200, contentType: 'application/json', finalUrl: 'https://example.org/doc.json', cached: false });
    expect(text(r)).toBe('{"doc":true}');
    expect(await n.fetch('https://w3id.org/openbadges/v2')).toMatchObject({ contentType: 'application/ld+json' });
    expect(f.calls).toHaveLength(0);
    // other URLs still go to the network
    expect(await n.fetch('https://example.org/other')).toMatchObject({ ok: true });
    expect(f.calls).toHaveLength(1);
  });

  it('with documentsOnly, fails every other URL with NOT_IN_DOCUMENT_MAP and never fetches', async () => {
    const f = fake(() => json({}));
    const n = net(f.fetch, { documents, documentsOnly: true });
    expect(await n.fetch('https://example.org/doc.json')).toMatchObject({ ok: true });
    expect(await n.fetch('https://example.org/other')).toMatchObject({ ok: false, code: 'NOT_IN_DOCUMENT_MAP' });
    expect(f.calls).toHaveLength(0);
  });

  it('still applies the URL policy to mapped URLs', async () => {
    const n = net(fake(() => json({})).fetch, {
      documents: new Map([['http://example.org/h.json', { body: enc.encode('{}'), contentType: 'application/json' }]]),
    });
    expect(await n.fetch('http://example.org/h.json')).toMatchObject({ code: 'INSECURE_URL' });
    expect(await n.fetch('http://example.org/h.json', { allowHttp: true })).toMatchObject({ ok: true });
  });

  it('hands out copies of mapped bodies', async () => {
    const n = net(fake(() => json({})).fetch, { documents });
    const r = await n.fetch('https://example.org/doc.json');
    if (r.ok) r.body.fill(0);
    expect(text(await n.fetch('https://example.org/doc.json'))).toBe('{"doc":true}');
  });
});

describe('createNet: offline and failure classification', () => {
  it('answers OFFLINE without trying, even for what the cache holds (no fresh "valid" offline); the map still answers', async () => {
    let online = true;
    const f = fake(() => json({}));
    const n = net(f.fetch, {
      isOnline: () => online,
      documents: new Map([['https://example.org/doc', { body: enc.encode('d'), contentType: 'text/plain' }]]),
    });
    await n.fetch('https://example.org/seen');
    online = false;
    expect(await n.fetch('https://example.org/new')).toMatchObject({ ok: false, code: 'OFFLINE' });
    expect(await n.fetch('https://example.org/seen')).toMatchObject({ ok: false, code: 'OFFLINE' });
    expect(await n.fetch('https://example.org/doc')).toMatchObject({ ok: true });
    expect(f.calls).toHaveLength(1);
    online = true;
    expect(await n.fetch('https://example.org/seen')).toMatchObject({ ok: true, cached: true });
  });

  it('asks classifyError about a rejected fetch; NETWORK without a hook or when the hook fails', async () => {
    const boom = fake(() => Promise.reject(new TypeError('Failed to fetch')));
    const seen: unknown[] = [];
    const classified = net(boom.fetch, {
      classifyError: async (error, url) => {
        seen.push(error, url);
        return 'CORS_BLOCKED';
      },
    });
    expect(await classified.fetch('https://example.org/x')).toMatchObject({ ok: false, code: 'CORS_BLOCKED' });
    expect(seen[0]).toBeInstanceOf(TypeError);
    expect(seen[1]).toBe('https://example.org/x');
    expect(await net(boom.fetch).fetch('https://example.org/x')).toMatchObject({ code: 'NETWORK' });
    const broken = net(boom.fetch, { classifyError: () => Promise.reject(new Error('bug')) });
    expect(await broken.fetch('https://example.org/x')).toMatchObject({ code: 'NETWORK' });
  });

  it('never throws, even over a broken FetchLike', async () => {
    const throwsSync: FetchLike = () => {
      throw new Error('sync');
    };
    expect(await net(throwsSync).fetch('https://example.org/x')).toMatchObject({ ok: false, code: 'NETWORK' });
    const badHeaders = fake(() => ({
      status: 200,
      url: '',
      headers: {
        get: (): string | null => {
          throw new Error('headers');
        },
      },
    }));
    expect(await net(badHeaders.fetch).fetch('https://example.org/x')).toMatchObject({ ok: false, code: 'NETWORK' });
  });
});

describe('requests in flight', () => {
  it('shares one request between callers asking for the same URL at the same time', async () => {
    const f = fake(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return json({ a: 1 });
    });
    const n = net(f.fetch);
    const [a, b] = await Promise.all([n.fetch('https://example.org/did.json'), n.fetch('https://example.org/did.json#key-1')]);
    expect(f.calls).toHaveLength(1);
    expect(b.ok && b.url).toBe('https://example.org/did.json#key-1');
    if (a.ok) a.body[0] = 0; // callers get their own copies
    expect(text(b)).toBe('{"a":1}');
  });

  it('gives a caller with its own abort signal its own request', async () => {
    const f = fake(async () => json({ a: 1 }));
    const n = net(f.fetch);
    await Promise.all([n.fetch('https://example.org/x'), n.fetch('https://example.org/x', { signal: new AbortController().signal })]);
    expect(f.calls).toHaveLength(2);
  });
});
