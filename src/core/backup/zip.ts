/**
 * What fflate's unzipSync does not check: the CRC-32 that the ZIP's central directory records for an
 * entry. The decoder checks the manifest's (each badge file is checked by its SHA-256 instead), so a
 * damaged manifest that still inflates to valid JSON is refused rather than restored with wrong data.
 * Reads only the classic (non-ZIP64) structures, which is what encodeBackup writes.
 */

import { crc32 } from '../crc32';

export { crc32 };

const u16 = (b: Uint8Array, at: number): number => {
  if (at < 0 || at + 2 > b.length) throw new RangeError('outside the file');
  return (b[at] as number) | ((b[at + 1] as number) << 8);
};
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The CRC-32 recorded in the central directory for each entry name (Latin-1 / ASCII names). Throws on a malformed directory. */
export function centralDirectoryCrcs(zip: Uint8Array): Map<string, number> {
  // The end-of-central-directory record: the last 22 bytes, or earlier when there is a comment.
  let end = zip.length - 22;
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  while (end >= stop && u32(zip, end) !== 0x06054b50) end--;
  if (end < stop) throw new RangeError('no end of central directory');
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  const crcs = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    if (u32(zip, at) !== 0x02014b50) throw new RangeError('bad central directory entry');
    const crc = u32(zip, at + 16);
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const commentLength = u16(zip, at + 32);
    if (at + 46 + nameLength > zip.length) throw new RangeError('outside the file');
    let name = '';
    for (let j = 0; j < nameLength; j++) name += String.fromCharCode(zip[at + 46 + j] as number);
    crcs.set(name, crc);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return crcs;
}
