/**
 * Turning what the platform hands over (File objects from a picker, a drop, the clipboard, the
 * launch queue or the share target; pasted text) into ImportInputs. The bytes are read here; what
 * they are is decided later by sniffing, never from the file name or MIME type.
 */
import type { ImportInput } from '../../app/types';

/** Read a Blob's bytes with whatever this platform offers (Blob.arrayBuffer, Response, FileReader). */
export async function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  if (typeof FileReader === 'function') {
    return new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => {
        const result = reader.result;
        if (result instanceof ArrayBuffer) resolve(new Uint8Array(result));
        else reject(new Error('FileReader returned no ArrayBuffer'));
      };
      reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
      reader.readAsArrayBuffer(blob);
    });
  }
  return new Uint8Array(await new Response(blob).arrayBuffer());
}

export interface ReadFiles {
  readonly inputs: ImportInput[];
  /** Files that could not be read (a folder offered as a file, a cloud placeholder, a permission error). */
  readonly unreadable: number;
}

/** Read several files; one that fails does not stop the others. */
export async function readFiles(files: Iterable<File>): Promise<ReadFiles> {
  const list = [...files];
  const results = await Promise.allSettled(list.map((file) => readBytes(file)));
  const inputs: ImportInput[] = [];
  let unreadable = 0;
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') inputs.push({ kind: 'file', name: list[i]!.name || null, bytes: result.value });
    else unreadable += 1;
  });
  return { inputs, unreadable };
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/**
 * Pasted or typed text as inputs: several links one per line become one input each; anything else
 * (JSON, a JWS, a JWT, a single link) is one input. Empty text gives none.
 */
export function textInputs(text: string): ImportInput[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const lines = trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length > 1 && lines.every((line) => HTTP_URL.test(line))) {
    return lines.map((line) => ({ kind: 'text', text: line }));
  }
  return [{ kind: 'text', text: trimmed }];
}

/** What a drop or a paste carried, sorted out. */
export interface Collected {
  readonly files: File[];
  readonly folders: number;
  /** Text (a dragged link, pasted text) when no file came with it. */
  readonly text: string | null;
}

/** The parts of DataTransfer read here (a drop's or a paste's); jsdom and old browsers lack some. */
export interface TransferLike {
  readonly files?: ArrayLike<File> | null;
  readonly items?: ArrayLike<DataTransferItemLike> | null;
  readonly types?: ArrayLike<string> | readonly string[] | null;
  getData?(format: string): string;
}
interface DataTransferItemLike {
  readonly kind: string;
  getAsFile(): File | null;
  webkitGetAsEntry?(): { readonly isDirectory: boolean } | null;
}

/**
 * Files, folders and text from a DataTransfer. Folders are detected with webkitGetAsEntry where the
 * browser offers it (they are counted and left out, with a message); a folder the browser still
 * hands over as a File fails to read later and is counted as unreadable.
 */
export function collectTransfer(transfer: TransferLike | null | undefined): Collected {
  if (!transfer) return { files: [], folders: 0, text: null };
  const files: File[] = [];
  let folders = 0;
  const items = transfer.items ? Array.from(transfer.items) : [];
  const fileItems = items.filter((item) => item.kind === 'file');
  if (fileItems.length > 0) {
    for (const item of fileItems) {
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      if (entry?.isDirectory) {
        folders += 1;
        continue;
      }
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  } else if (transfer.files) {
    files.push(...Array.from(transfer.files));
  }
  let text: string | null = null;
  if (files.length === 0 && folders === 0 && typeof transfer.getData === 'function') {
    // A link dragged from a browser or an e-mail comes as text/uri-list (comments start with #).
    const uris = safeGetData(transfer, 'text/uri-list')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .join('\n');
    text = uris.trim() !== '' ? uris : safeGetData(transfer, 'text/plain') || safeGetData(transfer, 'text') || null;
  }
  return { files, folders, text };
}

function safeGetData(transfer: TransferLike, format: string): string {
  try {
    return transfer.getData?.(format) ?? '';
  } catch {
    return '';
  }
}

/** Whether a drag carries files (or a link): only then is the drop overlay shown. */
export function dragCarriesSomething(transfer: TransferLike | null | undefined): boolean {
  const types = transfer?.types ? Array.from(transfer.types) : [];
  return types.includes('Files') || types.includes('text/uri-list');
}
