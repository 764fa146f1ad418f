/** Reading command-line inputs: files, `-` for standard input. Node only. */
import { readFile } from 'node:fs/promises';

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export type ReadFailure = { code: 'NOT_FOUND' | 'IS_A_DIRECTORY' | 'UNREADABLE'; detail: string };

/** Reads a file (or stdin for `-`) without throwing. */
export async function readInput(path: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: ReadFailure }> {
  try {
    const bytes = path === '-' ? await readStdin() : new Uint8Array(await readFile(path));
    return { ok: true, bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: { code: 'NOT_FOUND', detail: path } };
    if (code === 'EISDIR') return { ok: false, error: { code: 'IS_A_DIRECTORY', detail: path } };
    return { ok: false, error: { code: 'UNREADABLE', detail: `${path}: ${code ?? 'error'}` } };
  }
}
