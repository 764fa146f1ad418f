/**
 * The page's side of the verification worker (src/platform/workerVerifier.ts) against the worker's
 * side (src/worker/verifyHost.ts), joined by a fake Worker that delivers messages asynchronously
 * with structuredClone and its transfer list, as a real one does. The real worker file runs in
 * Chromium (tests/browser/pwa.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EarnerIdentity } from '../../src/app/types';
import { createNet } from '../../src/core/net/net';
import { verify, type PipelineReport, type VerifyInput } from '../../src/core/verify';
import type { VerifyContext } from '../../src/core/verify/types';
import { createWorkerVerifier, toIdentities, WORKER_VERIFIER_ERROR_CODES, WorkerVerifierError, type WorkerLike } from '../../src/platform/workerVerifier';
import { en } from '../../src/ui/messages/en';
import { fr } from '../../src/ui/messages/fr';
import { serveVerification, type VerifyHostDeps, type WorkerRequest, type WorkerResponse, type WorkerScope } from '../../src/worker/verifyHost';

const BADGE = new URL('../fixtures/corpus/1edtech-dcpv/ob30/simple-json.png', import.meta.url);
const offlineNet = createNet({
  fetch: async () => {
    throw new TypeError('offline');
  },
  isOnline: () => false,
});

type Listener = (event: { data: unknown }) => void;

/** A Worker whose other end is serveVerification (or nothing, or a broken script). */
class FakeWorker implements WorkerLike {
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  private readonly pageListeners = new Map<string, Listener[]>();
  private readonly hostListeners: Listener[] = [];

  constructor(host?: Omit<VerifyHostDeps, 'net'> & { net?: VerifyHostDeps['net'] }) {
    if (host) {
      const scope: WorkerScope = {
        postMessage: (message: WorkerResponse) => this.deliverToPage(message),
        addEventListener: (_type, listener) => this.hostListeners.push(listener),
      };
      serveVerification(scope, { net: offlineNet, ...host });
    }
  }

  postMessage(message: WorkerRequest, transfer: Transferable[]): void {
    if (this.terminated) return;
    const copy = structuredClone(message, { transfer });
    this.sent.push(copy);
    setTimeout(() => {
      if (!this.terminated) for (const l of this.hostListeners) l({ data: copy });
    }, 0);
  }

  addEventListener(type: string, listener: Listener): void {
    this.pageListeners.set(type, [...(this.pageListeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  deliverToPage(data: unknown): void {
    const copy = structuredClone(data);
    setTimeout(() => {
      if (!this.terminated) for (const l of this.pageListeners.get('message') ?? []) l({ data: copy });
    }, 0);
  }

  fail(message: string): void {
    for (const l of this.pageListeners.get('error') ?? []) l({ data: undefined, message } as unknown as { data: unknown });
  }
}

/** A verify that waits until released, and sees its signal. */
function controlledVerify() {
  const calls: { input: VerifyInput; ctx: VerifyContext; release: (r: PipelineReport) => void }[] = [];
  const fn = (input: VerifyInput, ctx: VerifyContext) =>
    new Promise<PipelineReport>((resolve) => {
      calls.push({ input, ctx, release: resolve });
    });
  return { fn, calls };
}

const someReport = (verdict: PipelineReport['verdict'] = 'valid'): PipelineReport => ({
  verdict,
  checks: [],
  badge: null,
  checkedAt: '2026-01-01T00:00:00.000Z',
  extraction: null,
  extractError: null,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => {
  vi.useRealTimers();
});

describe('createWorkerVerifier', () => {
  it('verifies a corpus badge through the worker protocol: the same report as in process', async () => {
    const bytes = new Uint8Array(await readFile(BADGE));
    const worker = new FakeWorker({ verify });
    const verifier = createWorkerVerifier({ createWorker: () => worker });
    const identities: EarnerIdentity[] = [{ value: 'someone@example.org', kind: 'email', addedAt: '2026-01-01T00:00:00Z' }];

    const report = await verifier.verify({ bytes }, identities);
    const direct = await verify({ kind: 'bytes', bytes }, { net: offlineNet, now: () => new Date(), identities: toIdentities(identities) });
    expect(report.verdict).toBe(direct.verdict);
    expect(report.checks).toEqual(direct.checks);
    expect(report.badge).toEqual(direct.badge);
    // The caller keeps its bytes: a copy was transferred.
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(worker.sent[0]).toMatchObject({ type: 'verify', id: 1, identities: { emails: ['someone@example.org'], urls: [], others: [] } });
  });

  it('answers each call by its id, whatever the order the worker finishes in', async () => {
    const { fn, calls } = controlledVerify();
    const verifier = createWorkerVerifier({ createWorker: () => new FakeWorker({ verify: fn }) });
    const first = verifier.verify({ bytes: new Uint8Array([1]) }, []);
    const second = verifier.verify({ bytes: new Uint8Array([2]) }, []);
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.release(someReport('invalid'));
    calls[0]!.release(someReport('valid'));
    expect((await first).verdict).toBe('valid');
    expect((await second).verdict).toBe('invalid');
  });

  it('maps identities by kind', () => {
    expect(
      toIdentities([
        { value: 'a@example.org', kind: 'email', addedAt: '' },
        { value: 'https://me.example', kind: 'url', addedAt: '' },
        { value: 'did:example:1', kind: 'other', addedAt: '' },
      ]),
    ).toEqual({ emails: ['a@example.org'], urls: ['https://me.example'], others: ['did:example:1'] });
  });

  it('aborts: rejects with ABORTED at once and aborts the pipeline’s signal in the worker', async () => {
    const { fn, calls } = controlledVerify();
    const worker = new FakeWorker({ verify: fn });
    const verifier = createWorkerVerifier({ createWorker: () => worker });
    const controller = new AbortController();
    const pending = verifier.verify({ bytes: new Uint8Array([1]) }, [], { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'WorkerVerifierError', code: 'ABORTED' });
    await tick();
    expect(worker.sent.map((m) => m.type)).toEqual(['verify', 'abort']);
    expect(calls[0]!.ctx.signal?.aborted).toBe(true);
    calls[0]!.release(someReport()); // a late report is ignored
    await tick();
  });

  it('rejects an already aborted call without starting anything', async () => {
    const create = vi.fn(() => new FakeWorker());
    const verifier = createWorkerVerifier({ createWorker: create });
    await expect(verifier.verify({ bytes: new Uint8Array([1]) }, [], { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(create).not.toHaveBeenCalled();
  });

  it('times out with TIMEOUT, telling the worker to stop, and still serves later calls', async () => {
    const { fn, calls } = controlledVerify();
    const worker = new FakeWorker({ verify: fn });
    const verifier = createWorkerVerifier({ createWorker: () => worker, timeoutMs: 80 });
    const slow = verifier.verify({ bytes: new Uint8Array([1]) }, []);
    const quick = verifier.verify({ bytes: new Uint8Array([2]) }, [], { timeoutMs: 5_000 });
    await tick();
    calls[1]!.release(someReport('unverified')); // the worker is alive and answering
    expect((await quick).verdict).toBe('unverified');
    await expect(slow).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(worker.terminated).toBe(false);
    expect(worker.sent.map((m) => `${m.type}:${m.id}`)).toEqual(['verify:1', 'verify:2', 'abort:1']);
  });

  it('replaces a worker that stopped answering altogether: every waiting call fails, the next one gets a new worker', async () => {
    const workers: FakeWorker[] = [];
    const verifier = createWorkerVerifier({
      createWorker: () => {
        const w = new FakeWorker(); // nothing on the other end: a worker stuck in a loop
        workers.push(w);
        return w;
      },
      timeoutMs: 30,
    });
    const a = verifier.verify({ bytes: new Uint8Array([1]) }, []);
    const b = verifier.verify({ bytes: new Uint8Array([2]) }, [], { timeoutMs: 10_000 });
    await expect(a).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(b).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(workers[0]!.terminated).toBe(true);
    const c = verifier.verify({ bytes: new Uint8Array([3]) }, [], { timeoutMs: 20 });
    expect(workers).toHaveLength(2);
    await expect(c).rejects.toBeInstanceOf(WorkerVerifierError);
  });

  it('fails every waiting call with WORKER_FAILED when the worker crashes or cannot load', async () => {
    const worker = new FakeWorker();
    const verifier = createWorkerVerifier({ createWorker: () => worker });
    const a = verifier.verify({ bytes: new Uint8Array([1]) }, []);
    const b = verifier.verify({ bytes: new Uint8Array([2]) }, []);
    worker.fail('Failed to fetch a dynamically imported module');
    await expect(a).rejects.toMatchObject({ code: 'WORKER_FAILED', detail: 'Failed to fetch a dynamically imported module' });
    await expect(b).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    expect(worker.terminated).toBe(true);
  });

  it('turns an exception in the worker into WORKER_FAILED, not silence', async () => {
    const verifier = createWorkerVerifier({
      createWorker: () =>
        new FakeWorker({
          verify: async () => {
            throw new RangeError('boom');
          },
        }),
    });
    await expect(verifier.verify({ bytes: new Uint8Array([1]) }, [])).rejects.toMatchObject({ code: 'WORKER_FAILED', detail: 'INTERNAL: RangeError: boom' });
  });

  it('says WORKER_UNAVAILABLE when no worker can be started', async () => {
    const verifier = createWorkerVerifier({
      createWorker: () => {
        throw new ReferenceError('Worker is not defined');
      },
    });
    await expect(verifier.verify({ bytes: new Uint8Array([1]) }, [])).rejects.toMatchObject({ code: 'WORKER_UNAVAILABLE' });
  });

  it('terminate() fails pending calls and the next call starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const { fn } = controlledVerify();
    const verifier = createWorkerVerifier({
      createWorker: () => {
        const w = new FakeWorker({ verify: fn });
        workers.push(w);
        return w;
      },
    });
    const pending = verifier.verify({ bytes: new Uint8Array([1]) }, []);
    verifier.terminate();
    await expect(pending).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    void verifier.verify({ bytes: new Uint8Array([1]) }, [], { timeoutMs: 10 }).catch(() => undefined);
    expect(workers).toHaveLength(2);
  });
});

it('every failure code has words in both languages (pwa.verifier.<code>)', () => {
  for (const code of WORKER_VERIFIER_ERROR_CODES) {
    expect(Object.keys(en), code).toContain(`pwa.verifier.${code}`);
    expect(Object.keys(fr), code).toContain(`pwa.verifier.${code}`);
  }
});

describe('serveVerification (the worker side)', () => {
  function host(deps: Omit<VerifyHostDeps, 'net'>) {
    const answers: WorkerResponse[] = [];
    const listeners: Listener[] = [];
    const scope: WorkerScope = { postMessage: (m) => answers.push(m), addEventListener: (_t, l) => listeners.push(l) };
    const served = serveVerification(scope, { net: offlineNet, ...deps });
    return { answers, send: (data: unknown) => listeners.forEach((l) => l({ data })), served };
  }

  it('answers a broken request with a typed failure when it has an id, and ignores it otherwise', async () => {
    const { answers, send } = host({ verify });
    send({ type: 'verify', id: 3, input: { kind: 'bytes', bytes: 'not bytes' }, identities: { emails: [], urls: [] } });
    send({ type: 'verify', id: 4, input: { kind: 'bytes', bytes: new Uint8Array() }, identities: { emails: 'x' } });
    send({ type: 'hello' });
    send('nonsense');
    await tick();
    expect(answers).toEqual([
      { type: 'failure', id: 3, code: 'BAD_REQUEST', detail: 'not a verify or abort request' },
      { type: 'failure', id: 4, code: 'BAD_REQUEST', detail: 'not a verify or abort request' },
    ]);
  });

  it('reports on bytes and on an extracted payload', async () => {
    const { answers, send, served } = host({ verify });
    const bytes = new Uint8Array(await readFile(BADGE));
    send({ type: 'verify', id: 1, input: { kind: 'bytes', bytes }, identities: { emails: [], urls: [] } });
    expect(served.inFlight()).toBe(1);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    const first = answers[0] as Extract<WorkerResponse, { type: 'report' }>;
    expect(first.type).toBe('report');
    expect(first.report.checks.find((c) => c.id === 'signature')?.status).toBe('pass');

    const { extract } = await import('../../src/core/baking');
    const extracted = extract(bytes);
    if (!extracted.ok) throw new Error('the fixture must extract');
    send({ type: 'verify', id: 2, input: { kind: 'extracted', extracted: extracted.value }, identities: { emails: [], urls: [] } });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect((answers[1] as Extract<WorkerResponse, { type: 'report' }>).report.checks).toEqual(first.report.checks);
    expect(served.inFlight()).toBe(0);
  });
});
