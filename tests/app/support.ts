/**
 * Shared set-up of the backpack and storage tests: a fresh fake IndexedDB per test, the corpus'
 * offline document map (every other fetch refused), a clock that starts on 2026-01-01 and can be
 * moved, and the in-process verifier.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackpack, type Backpack, type BackpackOptions } from '../../src/app/backpack';
import { createInProcessVerifier } from '../../src/app/inProcessVerifier';
import type { ImportInput, Verifier } from '../../src/app/types';
import { createNet } from '../../src/core/net/net';
import type { Net } from '../../src/core/net/types';
import { loadDocumentMap } from '../../src/node/documents';
import { openBesaceDb, type BesaceDb, type OpenOptions } from '../../src/storage/db';

export const corpusDir = join(import.meta.dirname, '../fixtures/corpus');
export const START = new Date('2026-01-01T00:00:00Z');
export const DAY = 86_400_000;

export function corpus(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(corpusDir, path)));
}

export function file(path: string): ImportInput {
  return { kind: 'file', name: path.split('/').pop() ?? null, bytes: corpus(path) };
}

/** A clock the test moves: `clock.now()` for the code, `clock.set()` / `clock.advance()` for the test. */
export function makeClock(start: Date = START) {
  let t = start.getTime();
  return {
    now: (): Date => new Date(t),
    set: (d: Date): void => {
      t = d.getTime();
    },
    advance: (ms: number): void => {
      t += ms;
    },
  };
}
export type Clock = ReturnType<typeof makeClock>;

let net: Net | undefined;
export async function corpusNet(): Promise<Net> {
  net ??= createNet({
    documents: await loadDocumentMap(join(corpusDir, 'MOCKS.tsv')),
    documentsOnly: true,
    fetch: () => Promise.reject(new Error('tests never use the network')),
  });
  return net;
}

export async function corpusVerifier(clock: Clock): Promise<Verifier> {
  return createInProcessVerifier({ net: await corpusNet(), now: clock.now });
}

/** A database of its own (a fresh IDBFactory: nothing shared with other tests). */
export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export function openFresh(options: OpenOptions = {}): Promise<BesaceDb> {
  return openBesaceDb('besace', { indexedDB: freshFactory(), ...options });
}

export interface Setup {
  readonly backpack: Backpack;
  readonly db: BesaceDb;
  readonly clock: Clock;
  readonly factory: IDBFactory;
  online: boolean;
}

/** A backpack over a fresh database, with the corpus verifier and the moving clock. No channel unless given. */
export async function setup(overrides: Partial<BackpackOptions> & { factory?: IDBFactory; clock?: Clock } = {}): Promise<Setup> {
  const factory = overrides.factory ?? freshFactory();
  const clock = overrides.clock ?? makeClock();
  const db = await openBesaceDb('besace', { indexedDB: factory });
  const state = { online: true };
  const backpack = createBackpack({
    db,
    verifier: await corpusVerifier(clock),
    now: clock.now,
    online: () => state.online,
    channel: null,
    ...overrides,
  });
  return {
    backpack,
    db,
    clock,
    factory,
    get online() {
      return state.online;
    },
    set online(v: boolean) {
      state.online = v;
    },
  };
}
