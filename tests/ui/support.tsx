/**
 * The real backpack for UI tests: createBackpack over a fresh fake-indexeddb, verifying in process
 * over the corpus's document map (MOCKS.tsv) — no network, a fixed clock — and helpers to put real
 * corpus files in it through the service (stage, then accept), as an earner's import would.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render } from '@testing-library/preact';
import { createBackpack, type Backpack } from '../../src/app/backpack';
import { createInProcessVerifier } from '../../src/app/inProcessVerifier';
import type { BadgeRecord, ImportInput } from '../../src/app/types';
import { encodeBackup } from '../../src/core/backup';
import type { BackupBadge } from '../../src/core/backup/format';
import type { DocumentEntry } from '../../src/core/net/net';
import { createNet } from '../../src/core/net/net';
import { loadDocumentMap } from '../../src/node/documents';
import { openBesaceDb } from '../../src/storage/db';
import { App } from '../../src/ui/App';
import type { Lang } from '../../src/ui/messages';

// A string, not `new URL(…)`: under jsdom, URL is jsdom's, which node:url does not take.
export const CORPUS = `${resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus')}/`;
/** The moment every verification in these tests happens. */
export const NOW = new Date('2026-03-12T10:30:00Z');

let documents: Promise<Map<string, DocumentEntry>> | undefined;
const documentMap = () => (documents ??= loadDocumentMap(`${CORPUS}MOCKS.tsv`));

let dbCounter = 0;

export interface TestBackpack {
  readonly backpack: Backpack;
  /** Stage files from the corpus and accept every one that is a badge (invalid ones included). */
  add(...files: string[]): Promise<BadgeRecord[]>;
  /** Stage inputs made here and accept them. */
  addInputs(inputs: readonly ImportInput[]): Promise<BadgeRecord[]>;
  /**
   * Many badges at once, fast: copies of a real stored record (each with its own bytes, so its own
   * id, and its own name and date), put in through the service's restore of a real backup file.
   */
  addCopies(template: BadgeRecord, count: number, name: (i: number) => string): Promise<void>;
}

export async function makeBackpack(options: { identities?: readonly string[] } = {}): Promise<TestBackpack> {
  const net = createNet({
    fetch: () => Promise.reject(new Error('no network in UI tests')),
    documents: await documentMap(),
    documentsOnly: true,
  });
  const factory = new IDBFactory();
  const backpack = createBackpack({
    db: () => openBesaceDb(`besace-ui-${++dbCounter}`, { indexedDB: factory }),
    verifier: createInProcessVerifier({ net, now: () => NOW }),
    now: () => NOW,
    online: () => true,
    channel: null,
  });
  for (const identity of options.identities ?? []) await backpack.addIdentity(identity);
  const addInputs = async (inputs: readonly ImportInput[]) => {
    const staged = await backpack.stage(inputs);
    const keep = staged.filter((item) => item.status !== 'not-a-badge');
    const result = await backpack.accept(keep);
    const ids = [...result.added, ...result.merged];
    return Promise.all(ids.map(async (id) => (await backpack.get(id))!));
  };
  const addCopies = async (template: BadgeRecord, count: number, name: (i: number) => string) => {
    const badges: BackupBadge[] = [];
    for (let i = 0; i < count; i++) {
      const text = `${new TextDecoder().decode(template.original.bytes)}\n${' '.repeat(i % 7)}${i}\n`;
      const bytes = new TextEncoder().encode(text);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const id = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString();
      badges.push({
        ...template,
        id,
        original: { ...template.original, bytes, fileName: `copy-${i}.json` },
        badge: template.badge ? { ...template.badge, name: name(i), issuedOn: day, id: `urn:uuid:copy-${i}` } : null,
        identityKey: null,
        latest: template.latest ? { ...template.latest, badgeId: id } : null,
      });
    }
    const backup = encodeBackup({
      exportedAt: NOW.toISOString(),
      badges,
      reports: badges.flatMap((b) => (b.latest ? [b.latest] : [])),
      identities: [],
      settings: { lang: null, displayName: null, reverifyAfterMs: 86_400_000, linkedInOrganizations: {} },
      collections: [],
    });
    await backpack.restore(backup);
  };
  return {
    backpack,
    addInputs,
    addCopies,
    add: async (...files: string[]) =>
      addInputs(
        await Promise.all(
          files.map(async (file): Promise<ImportInput> => ({ kind: 'file', name: basename(file), bytes: new Uint8Array(await readFile(`${CORPUS}${file}`)) })),
        ),
      ),
  };
}

/** A JSON file input (an OB 2.0 assertion or OB 3.0 credential written in the test). */
export const jsonInput = (name: string, doc: unknown): ImportInput => ({ kind: 'file', name, bytes: new TextEncoder().encode(JSON.stringify(doc)) });

/** Render the whole app at `path` (the History API is jsdom's). */
export function renderApp(backpack: Backpack, { lang = 'en', path = '/' }: { lang?: Lang; path?: string } = {}) {
  window.history.replaceState(null, '', path);
  return render(<App backpack={backpack} initialLang={lang} />);
}

// jsdom has no scrolling: the router's scroll to the top after a navigation is a no-op here.
if (typeof window !== 'undefined') window.scrollTo = () => undefined;

export function resetDom(): void {
  cleanup();
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = '';
}

/** An OB 3.0 credential written in a test (no proof: the service keeps it as an invalid badge). */
export function credential(fields: {
  name: string;
  issuer?: string;
  description?: string;
  narrative?: string;
  criteriaUrl?: string;
  tags?: string[];
  alignments?: { targetName: string; targetUrl?: string; targetFramework?: string }[];
  validFrom?: string;
  image?: string;
  id?: string;
}): unknown {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: fields.id ?? `urn:uuid:${fields.name.replace(/\W+/g, '-')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://issuer.example/profile', type: ['Profile'], name: fields.issuer ?? 'Test Issuer' },
    validFrom: fields.validFrom ?? '2024-05-01T00:00:00Z',
    name: fields.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: `https://issuer.example/achievements/${encodeURIComponent(fields.name)}`,
        type: ['Achievement'],
        name: fields.name,
        description: fields.description ?? 'A badge written for a test.',
        criteria: { narrative: fields.narrative ?? 'Do the thing.', ...(fields.criteriaUrl ? { id: fields.criteriaUrl } : {}) },
        ...(fields.tags ? { tag: fields.tags } : {}),
        ...(fields.alignments ? { alignment: fields.alignments.map((a) => ({ type: ['Alignment'], ...a, targetUrl: a.targetUrl ?? 'https://framework.example/x' })) } : {}),
        ...(fields.image ? { image: { id: fields.image, type: 'Image' } } : {}),
      },
    },
  };
}
