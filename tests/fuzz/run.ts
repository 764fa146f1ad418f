/**
 * `npm run fuzz -- [--runs N] [--seed S] [--target extract|verify|share|all] [--path P] [--shrink]`
 *
 * Drives fast-check through extraction, verification and share-link decoding (./targets.ts), each
 * target in a worker thread with a heap limit and a watchdog. Stops at the first finding — a crash,
 * an untyped error, an input over its time bound, a hang (the watchdog terminates the worker), the
 * heap over its bound — prints it with the command that replays it, and exits 1. Otherwise prints a
 * table and exits 0. N inputs per target (default 1,000); the seed is printed either way.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { BOUND_MS, CURRENT_BYTES, readText, seedFlag, SLOT, SLOTS, TARGET_NAMES, type FindingKind, type TargetName, type WorkerData, type WorkerResult } from './protocol';

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--target extract|verify|share|all] [--path P] [--shrink]';
/** The watchdog gives an input this long past its bound to report itself before it calls it a hang. */
const WATCHDOG_GRACE_MS = 2000;
/** The worker's heap: above the targets' own bound (512 MB of growth), so that they report first. */
const WORKER_HEAP_MB = 768;
const PROGRESS_EVERY_MS = 5000;

interface Options {
  readonly targets: readonly TargetName[];
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly shrink: boolean;
}

const parse = () =>
  parseArgs({
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      target: { type: 'string', default: 'all' },
      path: { type: 'string' },
      shrink: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });

function options(): Options {
  const fail = (message: string): never => {
    console.error(`${message}\n${USAGE}`);
    process.exit(2);
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const target = values.target ?? 'all';
  const targets = target === 'all' ? TARGET_NAMES : (TARGET_NAMES as readonly string[]).includes(target) ? [target as TargetName] : fail(`unknown target "${target}"`);
  if (values.path !== undefined && targets.length !== 1) fail('--path replays one input of one target: give --target too');
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) fail(`--path "${values.path}" is not a fast-check path (e.g. 4 or 4:1:2)`);
  // Replaying a path: that one input, unless --runs says to go on from there.
  const runs = values.runs !== undefined ? Number(values.runs) : values.path !== undefined ? 1 : 1000;
  if (!Number.isSafeInteger(runs) || runs < 1) fail(`--runs "${values.runs}" is not a positive whole number`);
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) fail(`--seed "${values.seed}" is not a whole number`);
  return { targets, runs, seed, shrink: values.shrink ?? false, ...(values.path !== undefined ? { path: values.path } : {}) };
}

interface Stats {
  readonly target: TargetName;
  readonly inputs: number;
  readonly seconds: number;
  readonly maxMs: number;
  readonly peakHeapMb: number;
}

interface Failure {
  readonly target: TargetName;
  readonly kind: FindingKind;
  readonly path: string | null;
  readonly counterexample?: string;
  readonly error: string;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The worker's eval'd entry: tsx's loader first (a worker does not inherit it), then ./worker.ts. */
function workerSource(): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/** The fast-check path of the n-th input (1-based) this run started. */
function pathOf(n: number, o: Options): string | null {
  if (o.path === undefined) return n <= o.runs ? String(n - 1) : null;
  if (/^\d+$/.test(o.path)) return n <= o.runs ? String(Number(o.path) + n - 1) : null;
  return n === 1 ? o.path : null;
}

function runTarget(target: TargetName, o: Options): Promise<{ stats: Stats; failure: Failure | null }> {
  const shared = new SharedArrayBuffer(SLOTS * Float64Array.BYTES_PER_ELEMENT);
  const slots = new Float64Array(shared);
  const current = new SharedArrayBuffer(CURRENT_BYTES);
  const data: WorkerData = { target, runs: o.runs, seed: o.seed, shrink: o.shrink, shared, current, ...(o.path !== undefined ? { path: o.path } : {}) };
  const worker = new Worker(workerSource(), { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const stats = (): Stats => ({
    target,
    inputs: slots[SLOT.done] ?? 0,
    seconds: slots[SLOT.ready] ? (Date.now() - (slots[SLOT.ready] ?? 0)) / 1000 : 0,
    maxMs: slots[SLOT.maxMs] ?? 0,
    peakHeapMb: mb(slots[SLOT.peakHeap] ?? 0),
  });
  const line = (s: Stats) =>
    `${target}: ${s.inputs <= o.runs ? `${s.inputs}/${o.runs} inputs` : `${o.runs} inputs + ${s.inputs - o.runs} shrinking`}, ${s.seconds.toFixed(1)} s, ${Math.round(s.inputs / Math.max(s.seconds, 0.001))}/s, max ${Math.round(s.maxMs)} ms per input, peak heap ${s.peakHeapMb} MB`;
  const inputNow = (): string => {
    const n = slots[SLOT.started] ?? 0;
    return pathOf(n, o) ?? `(input ${n}, while shrinking a failure)`;
  };

  return new Promise<{ stats: Stats; failure: Failure | null }>((resolve) => {
    let settled = false;
    let lastProgress = performance.now();
    const finish = (failure: Failure | null) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      clearInterval(wait);
      const s = stats();
      if (!failure) console.log(`  ${line(s)}`);
      void worker.terminate();
      resolve({ stats: s, failure });
    };
    const wait = setInterval(() => {
      if (!slots[SLOT.ready]) return;
      clearInterval(wait);
      console.log(`${target}: ${o.runs} input${o.runs === 1 ? '' : 's'}, bound ${seconds(BOUND_MS[target])} s per input`);
    }, 10);
    const timer = setInterval(() => {
      const startedAt = slots[SLOT.startedAt] ?? 0;
      const running = slots[SLOT.busy] === 1 ? Date.now() - startedAt : 0;
      if (running > BOUND_MS[target] + WATCHDOG_GRACE_MS) {
        finish({
          target,
          kind: 'hang',
          path: pathOf(slots[SLOT.started] ?? 0, o),
          counterexample: readText(current),
          error: `input ${inputNow()} ran for ${seconds(running)} s (bound ${seconds(BOUND_MS[target])} s) without returning: the worker was terminated`,
        });
        return;
      }
      if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        console.log(`  … ${line(stats())}`);
      }
    }, 100);
    worker.on('message', (result: WorkerResult) => {
      if (!result.failed) {
        finish(null);
        return;
      }
      finish({
        target,
        kind: result.kind ?? 'crash',
        path: result.path ?? null,
        error: result.error ?? '',
        ...(result.counterexample !== undefined ? { counterexample: result.counterexample } : {}),
      });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({
        target,
        kind: memory ? 'memory' : 'crash',
        path: pathOf(slots[SLOT.started] ?? 0, o),
        counterexample: readText(current),
        error: memory
          ? `the worker ran out of its ${WORKER_HEAP_MB} MB heap during input ${inputNow()} (this input, or memory kept by earlier ones)`
          : `the worker failed during input ${inputNow()}: ${e.stack ?? e.message}`,
      });
    });
    worker.on('exit', (code) => {
      if (!settled) {
        finish({ target, kind: 'crash', path: pathOf(slots[SLOT.started] ?? 0, o), counterexample: readText(current), error: `the worker exited (code ${code}) during input ${inputNow()}` });
      }
    });
  });
}

function report(f: Failure, o: Options): void {
  const replay = `npm run fuzz -- --target ${f.target} ${seedFlag(o.seed)} ${f.path !== null ? `--path "${f.path}"` : `--runs ${o.runs}`}`;
  console.log(`\nFINDING in ${f.target} (${f.kind})`);
  console.log(`  seed ${o.seed}, path ${f.path === null ? '(unknown: the whole run replays it)' : `"${f.path}"`}`);
  if (f.counterexample) console.log(`  input: ${f.counterexample}`);
  console.log(`  ${f.error.split('\n').join('\n  ')}`);
  console.log(`\nReplay: ${replay}`);
  if (!o.shrink && f.kind !== 'hang' && f.kind !== 'memory') console.log(`Shrink to a smaller input: ${replay} --shrink`);
}

function table(all: readonly Stats[]): string {
  const rows = [
    ['target', 'inputs', 'time', 'inputs/s', 'max per input', 'peak heap'],
    ...all.map((s) => [s.target, s.inputs.toLocaleString('en'), `${s.seconds.toFixed(1)} s`, String(Math.round(s.inputs / Math.max(s.seconds, 0.001))), `${Math.round(s.maxMs)} ms`, `${s.peakHeapMb} MB`]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

const o = options();
console.log(`Fuzzing ${o.targets.join(', ')} — seed ${o.seed}${o.path !== undefined ? `, path "${o.path}"` : ''}${o.shrink ? ', shrinking failures' : ''}`);
const done: Stats[] = [];
for (const target of o.targets) {
  const { stats, failure } = await runTarget(target, o);
  if (failure) {
    report(failure, o);
    process.exit(1);
  }
  done.push(stats);
}
console.log(`\nNo finding. Seed ${o.seed}.\n\n${table(done)}`);
process.exit(0);
