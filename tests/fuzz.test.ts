/**
 * Fuzzing in `npm test`: a few thousand inputs through the targets of `npm run fuzz`
 * (tests/fuzz/targets.ts), in-process, each within its time bound: verification (mutated corpus
 * badges, generated credentials) and share-link decoding in full, and extraction of generated
 * PNG/SVG/JSON files — mutated corpus files already go through extraction (and baking) in
 * tests/core/baking/fuzz.test.ts, 3,200 inputs. A failure prints the `npm run fuzz` command that
 * replays it (the verification and share inputs are the same arbitraries).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { seedFlag } from './fuzz/protocol';
import { extractTarget, generatedFiles, propertyOf, shareTarget, verifyTarget, type Target } from './fuzz/targets';

async function fuzz<T>(target: Target<T>, numRuns: number, replayable: boolean): Promise<void> {
  const details = await fc.check(propertyOf(target), { numRuns, endOnFailure: true });
  if (!details.failed) return;
  const replay = replayable ? `\nReplay: npm run fuzz -- --target ${target.name} ${seedFlag(details.seed)} --path "${details.counterexamplePath}"` : '';
  throw new Error(`${fc.defaultReportMessage(details)}${replay}`, { cause: details.errorInstance });
}

describe('fuzz (the long runs: npm run fuzz)', () => {
  it('verification: 1,500 inputs resolve to reports of listed codes, none INTERNAL_ERROR, each within 5 s', async () => {
    await fuzz(await verifyTarget(), 1500, true);
  }, 120_000);

  it('share links: 1,500 inputs decode to a share that re-encodes to itself, or to a listed code', async () => {
    await fuzz(shareTarget(), 1500, true);
  }, 120_000);

  it('extraction of generated files: 800 PNG chunk lists, SVG trees and JSON files give a listed code', async () => {
    await fuzz({ ...extractTarget(), arbitrary: generatedFiles() }, 800, false);
  }, 60_000);
});
