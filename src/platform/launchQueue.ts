/**
 * Files opened with the installed app (the manifest's file_handlers: .png, .svg, .json, .jws,
 * .jwt): the browser hands them to `window.launchQueue` (Chromium; elsewhere there is none).
 *
 *   onLaunchedFiles((inputs, unreadable) => stage(inputs));
 *
 * The names come along for display only; what a file is, is decided by sniffing its bytes later.
 */
import type { ImportInput } from '../app/types';

/** The File Handling API's shapes (not in TypeScript's DOM library yet). */
export interface FileHandleLike {
  readonly kind?: string;
  readonly name: string;
  getFile(): Promise<Blob & { readonly name?: string }>;
}

export interface LaunchParamsLike {
  readonly files: readonly FileHandleLike[];
  readonly targetURL?: string;
}

export interface LaunchQueueLike {
  setConsumer(consumer: (params: LaunchParamsLike) => void): void;
}

export type LaunchedFilesCallback = (inputs: ImportInput[], unreadable: number) => void;

function pageLaunchQueue(): LaunchQueueLike | undefined {
  if (typeof window === 'undefined') return undefined;
  const queue = (window as Window & { readonly launchQueue?: unknown }).launchQueue;
  return typeof queue === 'object' && queue !== null && typeof (queue as { setConsumer?: unknown }).setConsumer === 'function'
    ? (queue as LaunchQueueLike)
    : undefined;
}

/** Read the launched files. A file that cannot be read (gone, no permission) is counted, not thrown. */
export async function readLaunchedFiles(params: LaunchParamsLike): Promise<{ inputs: ImportInput[]; unreadable: number }> {
  const inputs: ImportInput[] = [];
  let unreadable = 0;
  for (const handle of params.files) {
    if (handle.kind !== undefined && handle.kind !== 'file') continue; // a directory: not ours to open
    try {
      const file = await handle.getFile();
      inputs.push({ kind: 'file', name: file.name || handle.name || null, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      unreadable += 1;
    }
  }
  return { inputs, unreadable };
}

/**
 * Calls back with the files of each launch (the one that opened the app, and later ones when the
 * app is already open). Returns false when the browser has no launch queue.
 */
export function onLaunchedFiles(callback: LaunchedFilesCallback, queue: LaunchQueueLike | undefined = pageLaunchQueue()): boolean {
  if (!queue) return false;
  queue.setConsumer((params) => {
    if (!params.files || params.files.length === 0) return; // a plain launch, no file
    void readLaunchedFiles(params).then(({ inputs, unreadable }) => callback(inputs, unreadable));
  });
  return true;
}
