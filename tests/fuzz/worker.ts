/**
 * One fuzz target run in a worker thread (started by ./run.ts). Before and after each input it
 * writes to a shared buffer — inputs started, when the current one started, the longest time, the
 * peak heap — which the runner reads to print progress and to spot a hang even while this thread
 * is stuck in a synchronous loop (it then terminates the worker). The result goes back as a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { SLOT, writeText, type FindingKind, type WorkerData, type WorkerResult } from './protocol';
import { loadTarget, propertyOf } from './targets';

const MAX_PRINTED = 4000;
const clip = (s: string) => (s.length > MAX_PRINTED ? `${s.slice(0, MAX_PRINTED)}… (${s.length} chars)` : s);

async function main(data: WorkerData): Promise<WorkerResult> {
  const slots = new Float64Array(data.shared);
  const target = await loadTarget(data.target);
  slots[SLOT.ready] = Date.now();
  const property = propertyOf(target, {
    start(description) {
      writeText(data.current, description);
      slots[SLOT.startedAt] = Date.now();
      slots[SLOT.busy] = 1;
      slots[SLOT.started] = (slots[SLOT.started] ?? 0) + 1;
    },
    end(ms, heap) {
      slots[SLOT.busy] = 0;
      slots[SLOT.done] = (slots[SLOT.done] ?? 0) + 1;
      slots[SLOT.maxMs] = Math.max(slots[SLOT.maxMs] ?? 0, ms);
      slots[SLOT.peakHeap] = Math.max(slots[SLOT.peakHeap] ?? 0, heap);
    },
  });
  const details = await fc.check(property, {
    numRuns: data.runs,
    seed: data.seed,
    ...(data.path !== undefined ? { path: data.path } : {}),
    endOnFailure: !data.shrink,
  });
  if (!details.failed) return { failed: false, numRuns: details.numRuns };
  const error = details.errorInstance;
  // A Finding's own stack is the fuzzer's; what threw in the code under test is its cause.
  const finding = error instanceof Error && error.name === 'Finding' && 'kind' in error;
  const cause = error instanceof Error && error.cause instanceof Error ? `\nthrown: ${error.cause.stack ?? error.cause.message}` : '';
  return {
    failed: true,
    numRuns: details.numRuns,
    path: details.counterexamplePath ?? undefined,
    kind: finding ? (error.kind as FindingKind) : 'crash',
    counterexample: clip(details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)'),
    error: clip(finding ? `${error.message}${cause}` : error instanceof Error ? (error.stack ?? error.message) : String(error)),
  };
}

if (parentPort) {
  const port = parentPort;
  main(workerData as WorkerData).then(
    (result) => port.postMessage(result),
    (e: unknown) => port.postMessage({ failed: true, numRuns: 0, kind: 'crash', error: `the fuzzer itself failed: ${e instanceof Error ? e.stack : String(e)}` } satisfies WorkerResult),
  );
}
