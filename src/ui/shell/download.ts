/**
 * Hand bytes to the browser as a file download, exactly as given (no re-encoding), under a file
 * name that is safe on every system. No network: a blob: URL, revoked once the click is done.
 */

/** A file name without folders, control or reserved characters; `fallback` when nothing is left. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 150);
  return cleaned || fallback;
}

export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  // A copy into a fresh ArrayBuffer: the Blob must not see a view over a larger shared buffer.
  const blob = new Blob([bytes.slice()], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Long enough for the browser to start reading it.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
