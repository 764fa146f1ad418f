/**
 * Ctrl/Cmd+V anywhere in Besace: files on the clipboard (a badge image copied from a mail or the
 * file manager) are imported; so is text (a badge link, JSON, a JWS or JWT) — except when the focus
 * is in a text field, where the text goes into the field as usual.
 *
 * Render it once, inside <ImportProvider>: <PasteHandler />.
 */
import { useEffect, useRef } from 'preact/hooks';
import { isEditable } from './DropZone';
import { collectTransfer, textInputs } from './files';
import { useImport } from './ImportProvider';

export function PasteHandler() {
  const api = useImport();
  const apiRef = useRef(api);
  apiRef.current = api;

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented) return;
      const { files, text } = collectTransfer(event.clipboardData);
      if (files.length > 0) {
        event.preventDefault();
        void apiRef.current.addFiles(files);
        return;
      }
      if (isEditable(event.target)) return;
      const inputs = text === null ? [] : textInputs(text);
      if (inputs.length === 0) return;
      event.preventDefault();
      apiRef.current.addInputs(inputs);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  return null;
}
