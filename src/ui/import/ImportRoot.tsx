import type { ComponentChildren } from 'preact';
import { DropZone } from './DropZone';
import { ImportProvider } from './ImportProvider';
import { PasteHandler } from './PasteHandler';
import { PlatformInbox } from './PlatformInbox';

/**
 * Every door into the import flow, around the app: window-wide drop, paste anywhere, files opened
 * with the installed app and shared to it. For App's `Wrapper` prop.
 */
export function ImportRoot({ children }: { children: ComponentChildren }) {
  return (
    <ImportProvider>
      <DropZone />
      <PasteHandler />
      <PlatformInbox />
      {children}
    </ImportProvider>
  );
}
