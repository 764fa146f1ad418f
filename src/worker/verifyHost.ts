/**
 * The verification worker's side of the protocol (the worker file, ./verify.worker.ts, only plugs
 * this into its global scope; src/platform/workerVerifier.ts is the page's side).
 *
 *   page → worker  { type: 'verify', id, input, identities }   input.bytes travels transferred
 *                  { type: 'abort', id }                        the page gave up (signal or timeout)
 *   worker → page  { type: 'report', id, report }               the pipeline's report (plain data)
 *                  { type: 'failure', id, code, detail }        a request it could not run
 *
 * Every request with an id gets exactly one answer, even after an abort (the pipeline returns its
 * report, with whatever it could not check marked so); the page ignores answers it stopped waiting for.
 * The pipeline never throws; a bug here still comes back as a failure, never as silence.
 */
import type { Extracted } from '../core/baking/types';
import type { Net } from '../core/net/types';
import type { PipelineReport, VerifyInput } from '../core/verify';
import type { Identities, VerifyContext } from '../core/verify/types';

export type WorkerVerifyInput =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'extracted'; readonly extracted: Extracted };

export interface VerifyRequest {
  readonly type: 'verify';
  readonly id: number;
  readonly input: WorkerVerifyInput;
  readonly identities: Identities;
}

export interface AbortRequest {
  readonly type: 'abort';
  readonly id: number;
}

export type WorkerRequest = VerifyRequest | AbortRequest;

export type WorkerFailureCode =
  | 'BAD_REQUEST' // the message is not a request of this protocol
  | 'INTERNAL'; // the worker failed while verifying (a bug: the pipeline itself never throws)

export type WorkerResponse =
  | { readonly type: 'report'; readonly id: number; readonly report: PipelineReport }
  | { readonly type: 'failure'; readonly id: number; readonly code: WorkerFailureCode; readonly detail: string };

/** What the host needs from its global scope (a DedicatedWorkerGlobalScope, or a fake in tests). */
export interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface VerifyHostDeps {
  readonly verify: (input: VerifyInput, ctx: VerifyContext) => Promise<PipelineReport>;
  /** One Net for the worker's life: its short-lived cache serves a batch of badges from one issuer. */
  readonly net: Net;
  readonly now?: () => Date;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function parseIdentities(v: unknown): Identities | undefined {
  if (!isObject(v) || !isStringArray(v['emails']) || !isStringArray(v['urls'])) return undefined;
  const others = v['others'];
  if (others !== undefined && !isStringArray(others)) return undefined;
  return { emails: v['emails'], urls: v['urls'], ...(others ? { others } : {}) };
}

function parseInput(v: unknown): WorkerVerifyInput | undefined {
  if (!isObject(v)) return undefined;
  if (v['kind'] === 'bytes' && v['bytes'] instanceof Uint8Array) return { kind: 'bytes', bytes: v['bytes'] };
  // An extracted payload comes from our own store: its shape is the core's; the pipeline checks the rest.
  if (v['kind'] === 'extracted' && isObject(v['extracted']) && typeof v['extracted']['payload'] === 'string') {
    return { kind: 'extracted', extracted: v['extracted'] as unknown as Extracted };
  }
  return undefined;
}

/** Narrow a message to a request; `id` alone when it is broken but answerable. */
export function parseRequest(data: unknown): WorkerRequest | { readonly broken: true; readonly id: number | null } {
  const id = isObject(data) && Number.isSafeInteger(data['id']) ? (data['id'] as number) : null;
  if (!isObject(data) || id === null) return { broken: true, id };
  if (data['type'] === 'abort') return { type: 'abort', id };
  if (data['type'] === 'verify') {
    const input = parseInput(data['input']);
    const identities = parseIdentities(data['identities']);
    if (input && identities) return { type: 'verify', id, input, identities };
  }
  return { broken: true, id };
}

/** Answer requests arriving on `scope`. Returns the in-flight count, for tests. */
export function serveVerification(scope: WorkerScope, deps: VerifyHostDeps): { readonly inFlight: () => number } {
  const running = new Map<number, AbortController>();
  const now = deps.now ?? (() => new Date());

  const run = async (request: VerifyRequest): Promise<void> => {
    const controller = new AbortController();
    running.set(request.id, controller);
    try {
      const report = await deps.verify(request.input, {
        net: deps.net,
        now,
        identities: request.identities,
        signal: controller.signal,
      });
      scope.postMessage({ type: 'report', id: request.id, report });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      scope.postMessage({ type: 'failure', id: request.id, code: 'INTERNAL', detail });
    } finally {
      running.delete(request.id);
    }
  };

  scope.addEventListener('message', (event) => {
    const request = parseRequest(event.data);
    if ('broken' in request) {
      if (request.id !== null) scope.postMessage({ type: 'failure', id: request.id, code: 'BAD_REQUEST', detail: 'not a verify or abort request' });
      return;
    }
    if (request.type === 'abort') {
      running.get(request.id)?.abort();
      return;
    }
    void run(request);
  });

  return { inFlight: () => running.size };
}
