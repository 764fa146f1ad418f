/**
 * The real backpack for UI tests: createBackpack over fake-indexeddb (a fresh database per call)
 * and the in-process verifier over the corpus's offline document map, clock 2026-01-01. Nothing
 * here touches the network.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { createBackpack, type Backpack } from '../../../src/app/backpack';
import { createInProcessVerifier } from '../../../src/app/inProcessVerifier';
import type { BackpackService } from '../../../src/app/types';
import { createNet } from '../../../src/core/net';
import type { DocumentEntry } from '../../../src/core/net';
import { loadDocumentMap } from '../../../src/node/documents';
import { openBesaceDb } from '../../../src/storage/db';
import { BackpackContext, LangProvider } from '../../../src/ui/context';
import type { Lang } from '../../../src/ui/messages';
import { ToastProvider } from '../../../src/ui/shell/toast';

export const NOW = new Date('2026-01-01T00:00:00Z');
const CORPUS = resolve(__dirname, '../../fixtures/corpus');

let documents: Promise<Map<string, DocumentEntry>> | undefined;
let counter = 0;

export async function makeBackpack(): Promise<Backpack> {
  documents ??= loadDocumentMap(resolve(CORPUS, 'MOCKS.tsv'));
  const net = createNet({ documents: await documents, documentsOnly: true, fetch: () => Promise.reject(new Error('offline')) });
  const now = () => NOW;
  const name = `besace-ui-test-${process.pid}-${++counter}`;
  return createBackpack({ db: () => openBesaceDb(name), verifier: createInProcessVerifier({ net, now }), now, channel: null });
}

/** A corpus file's bytes. */
export const corpus = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(CORPUS, path)));

/** A File as a picker, a drop or the clipboard hands it over. */
export function corpusFile(path: string, type = ''): File {
  const bytes = corpus(path);
  return new File([bytes.slice().buffer as ArrayBuffer], path.split('/').pop()!, { type });
}

/** The app's contexts, as App provides them: the backpack, the language (switchable), the toast. */
export function Contexts({ backpack, lang: initial = 'en', children }: { backpack: BackpackService; lang?: Lang; children: ComponentChildren }) {
  const [lang, setLang] = useState<Lang>(initial);
  return (
    <BackpackContext.Provider value={backpack}>
      <LangProvider lang={lang} setLang={setLang}>
        <ToastProvider>{children}</ToastProvider>
      </LangProvider>
    </BackpackContext.Provider>
  );
}
