/**
 * The app's Verifier: src/core/verify run in a module Web Worker (src/worker/verify.worker.ts), so
 * that JSON-LD canonicalisation and signature checks never block the page, and jsonld and the
 * proof suites stay out of the page's first load. Only types are imported from the core here.
 *
 *   const verifier = createWorkerVerifier();
 *   const report = await verifier.verify({ bytes }, identities, { signal });
 *
 * A call always settles: with the pipeline's report, or with a WorkerVerifierError whose code says
 * why not (ABORTED, TIMEOUT, WORKER_FAILED, WORKER_UNAVAILABLE) — "could not check", never "invalid".
 * The caller's bytes are copied, and the copy is transferred (the caller keeps its own).
 */
import type { EarnerIdentity, Verifier } from '../app/types';
import type { Extracted } from '../core/baking/types';
import type { PipelineReport } from '../core/verify';
import type { Identities } from '../core/verify/types';
import type { WorkerFailureCode, WorkerRequest, WorkerResponse } from '../worker/verifyHost';

export type WorkerVerifierErrorCode =
  | 'ABORTED' // the caller's signal aborted
  | 'TIMEOUT' // no answer in time (the worker was told to stop)
  | 'WORKER_FAILED' // the worker crashed, failed to load, or answered something unreadable
  | 'WORKER_UNAVAILABLE'; // this browser cannot start the worker

export const WORKER_VERIFIER_ERROR_CODES: readonly WorkerVerifierErrorCode[] = ['ABORTED', 'TIMEOUT', 'WORKER_FAILED', 'WORKER_UNAVAILABLE'];

export class WorkerVerifierError extends Error {
  constructor(
    readonly code: WorkerVerifierErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'WorkerVerifierError';
  }
}

/** What the verifier needs of a Worker (the real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface WorkerVerifierOptions {
  /** Starts the worker (lazily, on the first verification). Defaults to the app's module worker. */
  readonly createWorker?: () => WorkerLike;
  /** Longest wait for one report. Default 60 s (the pipeline's own requests time out after 10 s each). */
  readonly timeoutMs?: number;
}

export interface VerifyCallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export type VerifierInput = { readonly bytes: Uint8Array } | { readonly extracted: Extracted };

export const DEFAULT_VERIFY_TIMEOUT_MS = 60_000;

export interface WorkerVerifier extends Verifier {
  verify(input: VerifierInput, identities: readonly EarnerIdentity[], options?: VerifyCallOptions): Promise<PipelineReport>;
  /** Stop the worker; pending calls fail with WORKER_FAILED. The next call starts a new one. */
  terminate(): void;
}

function appWorker(): WorkerLike {
  return new Worker(new URL('../worker/verify.worker.ts', import.meta.url), { type: 'module', name: 'besace-verify' });
}

/** The earner's identities as the pipeline wants them. */
export function toIdentities(identities: readonly EarnerIdentity[]): Identities {
  const pick = (kind: EarnerIdentity['kind']) => identities.filter((i) => i.kind === kind).map((i) => i.value);
  return { emails: pick('email'), urls: pick('url'), others: pick('other') };
}

interface Pending {
  readonly resolve: (report: PipelineReport) => void;
  readonly reject: (error: WorkerVerifierError) => void;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function parseResponse(data: unknown): WorkerResponse | undefined {
  if (!isObject(data) || !Number.isSafeInteger(data['id'])) return undefined;
  const id = data['id'] as number;
  if (data['type'] === 'report' && isObject(data['report']) && typeof data['report']['verdict'] === 'string') {
    return { type: 'report', id, report: data['report'] as unknown as PipelineReport };
  }
  if (data['type'] === 'failure' && typeof data['code'] === 'string') {
    return { type: 'failure', id, code: data['code'] as WorkerFailureCode, detail: String(data['detail'] ?? '') };
  }
  return undefined;
}

export function createWorkerVerifier(options: WorkerVerifierOptions = {}): WorkerVerifier {
  const createWorker = options.createWorker ?? appWorker;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Messages heard from the current worker: a call that times out with none heard since it was sent found the worker stuck. */
  let heard = 0;

  const failAll = (code: WorkerVerifierErrorCode, detail: string): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new WorkerVerifierError(code, detail));
  };

  const stop = (code: WorkerVerifierErrorCode, detail: string): void => {
    const current = worker;
    worker = undefined;
    current?.terminate();
    failAll(code, detail);
  };

  const start = (): WorkerLike => {
    if (worker) return worker;
    let w: WorkerLike;
    try {
      w = createWorker();
    } catch (error) {
      throw new WorkerVerifierError('WORKER_UNAVAILABLE', error instanceof Error ? error.message : String(error));
    }
    worker = w;
    w.addEventListener('message', (event) => {
      if (worker !== w) return;
      heard += 1;
      const response = parseResponse(event.data);
      if (!response) return; // not ours: nothing waits on it
      const p = pending.get(response.id);
      if (!p) return; // aborted or timed out already
      pending.delete(response.id);
      if (response.type === 'report') p.resolve(response.report);
      else p.reject(new WorkerVerifierError('WORKER_FAILED', `${response.code}: ${response.detail}`));
    });
    // A script that failed to load (offline before the first visit finished), or an uncaught error.
    w.addEventListener('error', (event) => {
      if (worker !== w) return;
      const message = isObject(event) && typeof event['message'] === 'string' ? event['message'] : 'the worker failed';
      stop('WORKER_FAILED', message);
    });
    w.addEventListener('messageerror', () => {
      if (worker === w) stop('WORKER_FAILED', 'a message could not be read');
    });
    return w;
  };

  const verify: WorkerVerifier['verify'] = (input, identities, call = {}) =>
    new Promise<PipelineReport>((resolve, reject) => {
      const { signal } = call;
      if (signal?.aborted) {
        reject(new WorkerVerifierError('ABORTED'));
        return;
      }
      let w: WorkerLike;
      try {
        w = start();
      } catch (error) {
        reject(error instanceof WorkerVerifierError ? error : new WorkerVerifierError('WORKER_UNAVAILABLE', String(error)));
        return;
      }
      const id = nextId++;
      const timeoutMs = call.timeoutMs ?? defaultTimeout;
      const heardAtSend = heard;

      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const giveUp = (code: 'ABORTED' | 'TIMEOUT'): void => {
        if (!pending.delete(id)) return;
        cleanup();
        if (worker === w) w.postMessage({ type: 'abort', id }, []);
        reject(new WorkerVerifierError(code));
      };
      const onAbort = (): void => giveUp('ABORTED');
      const timer = setTimeout(() => {
        const stuck = heard === heardAtSend;
        giveUp('TIMEOUT');
        // Silent for the whole wait while it had work: busy in a loop (the network has its own, shorter, time limits).
        if (stuck && worker === w) stop('TIMEOUT', 'the worker stopped answering');
      }, timeoutMs);

      pending.set(id, {
        resolve: (report) => {
          cleanup();
          resolve(report);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });

      try {
        if ('bytes' in input) {
          const bytes = input.bytes.slice(); // the caller keeps its bytes; the copy moves to the worker
          w.postMessage({ type: 'verify', id, input: { kind: 'bytes', bytes }, identities: toIdentities(identities) }, [bytes.buffer]);
        } else {
          w.postMessage({ type: 'verify', id, input: { kind: 'extracted', extracted: input.extracted }, identities: toIdentities(identities) }, []);
        }
      } catch (error) {
        // A DataCloneError, or a worker that is gone.
        pending.delete(id);
        cleanup();
        reject(new WorkerVerifierError('WORKER_FAILED', error instanceof Error ? error.message : String(error)));
      }
    });

  return {
    verify,
    terminate: () => stop('WORKER_FAILED', 'terminated'),
  };
}
