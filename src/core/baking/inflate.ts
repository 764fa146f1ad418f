/**
 * Bounded zlib inflation for compressed badge chunks (compressed iTXt, zTXt).
 *
 * The compressed bytes are fed to fflate's streaming `Unzlib` in small slices and the output is
 * counted as it comes, so a deflate bomb is stopped at about `maxOut` plus what one slice can
 * produce (at most ~1032× a slice) instead of being inflated whole. fflate skips the zlib Adler-32
 * trailer, so it is checked here.
 */
import { Unzlib } from 'fflate';
import { err, ok, type Result } from '../result';
import { concatBytes } from './text';

export type InflateFailure = { code: 'TOO_LARGE'; limit: number } | { code: 'INFLATE_FAILED'; reason: 'zlib' | 'checksum' };

/** Compressed bytes pushed per step: at most ~1 MB of output per step beyond the cap. */
const SLICE = 1024;

export function inflateZlibCapped(data: Uint8Array, maxOut: number): Result<Uint8Array, InflateFailure> {
  if (data.length < 6) return err({ code: 'INFLATE_FAILED', reason: 'zlib' }); // header + trailer alone take 6 bytes
  const parts: Uint8Array[] = [];
  let total = 0;
  let adlerA = 1;
  let adlerB = 0;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > maxOut) return;
    parts.push(chunk);
    // Adler-32 of the output, reduced modulo 65521 every 5552 bytes (zlib's NMAX) to keep the sums small.
    for (let i = 0; i < chunk.length; i += 5552) {
      const end = Math.min(i + 5552, chunk.length);
      for (let j = i; j < end; j++) {
        adlerA += chunk[j] ?? 0;
        adlerB += adlerA;
      }
      adlerA %= 65521;
      adlerB %= 65521;
    }
  });
  try {
    for (let at = 0; at < data.length && total <= maxOut; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      stream.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return err({ code: 'INFLATE_FAILED', reason: 'zlib' });
  }
  if (total > maxOut) return err({ code: 'TOO_LARGE', limit: maxOut });
  const n = data.length;
  const expected = (((data[n - 4] ?? 0) << 24) | ((data[n - 3] ?? 0) << 16) | ((data[n - 2] ?? 0) << 8) | (data[n - 1] ?? 0)) >>> 0;
  if ((((adlerB << 16) | adlerA) >>> 0) !== expected) return err({ code: 'INFLATE_FAILED', reason: 'checksum' });
  return ok(concatBytes(parts));
}
