/** What ./run.ts and ./worker.ts share: the worker's input, its result, the slots of the shared buffer. */
export const TARGET_NAMES = ['extract', 'verify', 'share'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Longest time one input may take, per target, in ms. */
export const BOUND_MS: Readonly<Record<TargetName, number>> = { extract: 2000, verify: 5000, share: 2000 };

/** The flag for a seed in a replay command: `--seed=-5`, as parseArgs reads `--seed -5` as two options. */
export const seedFlag = (seed: number): string => (seed < 0 ? `--seed=${seed}` : `--seed ${seed}`);

export type FindingKind = 'crash' | 'untyped' | 'time' | 'memory' | 'unstable' | 'hang';

export interface WorkerData {
  readonly target: TargetName;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly shrink: boolean;
  readonly shared: SharedArrayBuffer;
  /** How the current input was made: a 4-byte length, then UTF-8 (see writeText/readText). */
  readonly current: SharedArrayBuffer;
}

export const CURRENT_BYTES = 8192;

/** Writes `text` (cut to fit) where the other thread can read it even while this one is stuck. */
export function writeText(buffer: SharedArrayBuffer, text: string): void {
  const bytes = new Uint8Array(buffer);
  const { written } = new TextEncoder().encodeInto(text, bytes.subarray(4));
  new DataView(buffer).setUint32(0, written);
}

export function readText(buffer: SharedArrayBuffer): string {
  const length = new DataView(buffer).getUint32(0);
  return new TextDecoder().decode(new Uint8Array(buffer).slice(4, 4 + length));
}

/** Slots of the shared Float64Array (times in ms since the epoch; `ready`: when the target was loaded, 0 before). */
export const SLOT = { started: 0, startedAt: 1, busy: 2, done: 3, maxMs: 4, peakHeap: 5, ready: 6 } as const;
export const SLOTS = 7;

export interface WorkerResult {
  readonly failed: boolean;
  readonly numRuns: number;
  readonly path?: string;
  readonly kind?: FindingKind;
  readonly counterexample?: string;
  readonly error?: string;
}
