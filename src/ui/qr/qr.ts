/**
 * QR codes of share links, computed by the `qrcode` library (pure JS: it gives the modules, we draw
 * them). No DOM here: the component in ./QrCode.tsx turns a matrix into an <svg>.
 *
 * A text that does not fit a QR code (more than version 40 holds at the level) has no matrix: the
 * callers say so in words rather than show a broken code.
 */
import QRCode from 'qrcode';

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** The modules of a QR code: `size` × `size`, row by row, 1 = dark. */
export interface QrMatrix {
  readonly version: number;
  readonly size: number;
  readonly modules: Uint8Array;
}

/** Light modules around the code, as the standard asks (readers need them to find the code). */
export const QUIET_ZONE = 4;

// Computing a large code takes a few milliseconds (eight masks are scored): the last few are kept,
// so that asking for the version and then drawing the same code computes it once.
const CACHE_SIZE = 16;
const cache = new Map<string, QrMatrix | null>();

/** The QR code of `text` at error correction `level`, or null when it does not fit one. */
export function qrMatrix(text: string, level: QrLevel = 'M'): QrMatrix | null {
  const key = `${level}|${text}`;
  if (cache.has(key)) {
    const hit = cache.get(key)!;
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit;
  }
  let matrix: QrMatrix | null = null;
  if (text !== '') {
    try {
      const code = QRCode.create(text, { errorCorrectionLevel: level });
      matrix = { version: code.version, size: code.modules.size, modules: Uint8Array.from(code.modules.data) };
    } catch {
      matrix = null; // "The amount of data is too big to be stored in a QR Code"
    }
  }
  cache.set(key, matrix);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return matrix;
}

/** The QR version (1–40) `text` needs at `level`, or null when it does not fit. */
export function qrVersion(text: string, level: QrLevel = 'M'): number | null {
  return qrMatrix(text, level)?.version ?? null;
}

/**
 * An SVG path drawing the dark modules, in units of one module, offset by the quiet zone: each run
 * of dark modules on a row is one rectangle (`M x y h n v 1 h -n z`).
 */
export function qrPath(matrix: QrMatrix, quiet: number = QUIET_ZONE): string {
  const { size, modules } = matrix;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col]) col++;
      const run = col - start;
      parts.push(`M${start + quiet} ${row + quiet}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}
