/**
 * A fuzz input together with how it was made. fast-check prints a counterexample with its
 * `toString` method: the report names the seed file and the mutation, not 500 KB of bytes.
 */
import fc from 'fast-check';

export interface Case<T> {
  /** How the input was made, e.g. "bit flips [12:3, 40:0] of corpus/mozilla-bakery/baked.svg". */
  readonly how: string;
  readonly input: T;
}

const PREVIEW_CHARS = 160;

/** A short, printable look at an input. */
export function preview(input: unknown): string {
  if (input instanceof Uint8Array) {
    const head = Buffer.from(input.subarray(0, PREVIEW_CHARS)).toString('latin1');
    return `${input.length} bytes ${JSON.stringify(head)}${input.length > PREVIEW_CHARS ? '…' : ''}`;
  }
  if (typeof input === 'string') {
    return `${input.length} chars ${JSON.stringify(input.slice(0, PREVIEW_CHARS))}${input.length > PREVIEW_CHARS ? '…' : ''}`;
  }
  const text = fc.stringify(input);
  return text.length > PREVIEW_CHARS * 2 ? `${text.slice(0, PREVIEW_CHARS * 2)}…` : text;
}

/** How the input was made, and a look at it: what a report prints. */
export const describeCase = (c: Case<unknown>): string => `${c.how} → ${preview(c.input)}`;

export function caseOf<T>(how: string, input: T): Case<T> {
  const c: Case<T> = { how, input };
  return Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });
}

/** The same input, made another way: for mapping a Case's input (a share link's fragment from its link…). */
export const mapCase = <T, U>(c: Case<T>, how: string, f: (input: T) => U): Case<U> => caseOf(`${how} ${c.how}`, f(c.input));

/** A seed file from the fixtures: its path (relative to tests/fixtures) and its bytes. */
export interface Seed {
  readonly path: string;
  readonly bytes: Uint8Array;
}
