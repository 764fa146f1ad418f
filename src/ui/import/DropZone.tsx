/**
 * Window-wide drag and drop: while files (or a link) are dragged over the window, an overlay says
 * where they will go; dropped anywhere, they go to the import flow. Folders are left out with a
 * message. Drags that start inside the page (a link in the list) are not imports, and text dropped
 * into a text field lands in the field as usual.
 *
 * Render it once, inside <ImportProvider>: <DropZone />.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLang } from '../context';
import { collectTransfer, dragCarriesSomething, textInputs } from './files';
import { useImport } from './ImportProvider';

/** A drag that stops sending dragover (left the window without a dragleave, Esc pressed) hides the overlay. */
const WATCHDOG_MS = 1_000;

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled;
  if (target instanceof HTMLInputElement) {
    const textual = ['text', 'search', 'url', 'email', 'tel', 'password', 'number', ''];
    return textual.includes(target.type) && !target.readOnly && !target.disabled;
  }
  return target.closest('[contenteditable=""], [contenteditable="true"]') !== null;
}

export function DropZone() {
  const { t } = useLang();
  const api = useImport();
  const apiRef = useRef(api);
  apiRef.current = api;
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    let internal = false;
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const hide = () => {
      depth = 0;
      if (watchdog !== null) clearTimeout(watchdog);
      watchdog = null;
      setDragging(false);
    };
    const keepAlive = () => {
      if (watchdog !== null) clearTimeout(watchdog);
      watchdog = setTimeout(hide, WATCHDOG_MS);
    };
    const wanted = (event: DragEvent) => !internal && dragCarriesSomething(event.dataTransfer);

    const onDragStart = () => {
      internal = true;
    };
    const onDragEnd = () => {
      internal = false;
      hide();
    };
    const onDragEnter = (event: DragEvent) => {
      if (!wanted(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
      keepAlive();
    };
    const onDragOver = (event: DragEvent) => {
      if (!wanted(event)) return;
      // Without this the browser would open the dropped file itself, leaving Besace.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      keepAlive();
    };
    const onDragLeave = (event: DragEvent) => {
      if (!wanted(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0 || event.relatedTarget === null) hide();
    };
    const onDrop = (event: DragEvent) => {
      const wasInternal = internal;
      internal = false;
      hide();
      if (wasInternal || event.defaultPrevented) return;
      const { files, folders, text } = collectTransfer(event.dataTransfer);
      if (files.length === 0 && folders === 0 && isEditable(event.target)) return; // a link dropped into a field
      event.preventDefault();
      const { addFiles, addInputs, notify } = apiRef.current;
      if (files.length > 0) {
        void addFiles(files, { folders });
      } else if (folders > 0) {
        notify({ kind: 'folders', count: folders });
      } else if (text !== null && textInputs(text).length > 0) {
        addInputs(textInputs(text));
      } else {
        notify({ kind: 'nothing' });
      }
    };

    document.addEventListener('dragstart', onDragStart);
    document.addEventListener('dragend', onDragEnd);
    document.addEventListener('dragenter', onDragEnter);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    return () => {
      if (watchdog !== null) clearTimeout(watchdog);
      document.removeEventListener('dragstart', onDragStart);
      document.removeEventListener('dragend', onDragEnd);
      document.removeEventListener('dragenter', onDragEnter);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div class="import-drop-overlay">
      <div class="import-drop-box">
        <p class="import-drop-title">{t('importer.drop.overlay')}</p>
        <p>{t('importer.drop.overlayHint')}</p>
      </div>
    </div>
  );
}
