/**
 * Getting badges in. Plug into the shell (inside BackpackContext, LangProvider and ToastProvider):
 *
 *   <App backpack={backpack} Wrapper={ImportRoot} pages={{ import: ImportPanel, profile: ProfilePage }} />
 *
 * where ImportRoot is <ImportProvider> with <DropZone />, <PasteHandler /> and <PlatformInbox />
 * (launchQueue and share-target files). Any component can stage inputs: useImport().addFiles(files),
 * .addText(text) or .addInputs(inputs).
 */
export { ImportProvider, useImport, type ImportApi, type ImportNotice, type ImportState } from './ImportProvider';
export { ImportRoot } from './ImportRoot';
export { DropZone } from './DropZone';
export { PasteHandler } from './PasteHandler';
export { PlatformInbox } from './PlatformInbox';
export { ImportPanel, ACCEPT } from './ImportPanel';
export { readBytes, readFiles, textInputs } from './files';
