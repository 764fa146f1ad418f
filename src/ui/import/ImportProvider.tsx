/**
 * The import flow, owned in one place so that every door — a drop anywhere on the window, a paste,
 * the file picker, the link field, files launched from the system (launchQueue) or shared to the
 * app (share target) — feeds the same staging: `useImport().addInputs(inputs)`.
 *
 *   inputs → backpack.stage (progress, cancellable) → the earner reviews every item in a modal
 *   → backpack.accept(new ones + invalid ones ticked "Keep anyway") → result announced.
 *
 * Inputs that arrive while others are being checked are queued and added to the same review.
 * A failed accept (QUOTA_EXCEEDED…) keeps the staged list, so nothing is lost and the earner can
 * retry after freeing space. Cancel stops the checking (AbortController) and saves nothing.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { AcceptResult, ImportInput, StagedItem } from '../../app/types';
import { useBackpack, useLang } from '../context';
import { restoreSummary } from '../profile/restoreSummary';
import { openShare } from '../viewer/capture';
import { describeFailure } from './errors';
import { useToast } from '../shell/toast';
import { readFiles, textInputs } from './files';
import { plural } from './plural';
import { StagingDialog } from './StagingDialog';
import './import.css';

export type ImportPhase = 'idle' | 'staging' | 'review' | 'accepting' | 'done';

/** Something to tell the earner about what was handed in (kept as data: words follow the language). */
export type ImportNotice =
  | { readonly kind: 'folders'; readonly count: number }
  | { readonly kind: 'unreadable'; readonly count: number }
  | { readonly kind: 'nothing' };

export interface ImportState {
  readonly phase: ImportPhase;
  /** Everything staged in this round, in the order handed in. */
  readonly items: readonly StagedItem[];
  /** Indices (in items) of invalid items the earner chose to keep anyway. */
  readonly kept: ReadonlySet<number>;
  /** While checking: how many inputs of this round are done, out of how many. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** The last failure, with where it happened. */
  readonly failure: { readonly during: 'stage' | 'accept'; readonly error: unknown } | null;
  readonly result: AcceptResult | null;
  readonly notices: readonly ImportNotice[];
}

export interface ImportApi {
  readonly state: ImportState;
  /** Stage inputs (files already read, or text). Opens the review dialog. */
  addInputs(inputs: readonly ImportInput[]): void;
  /** Read files (picker, drop, paste, launchQueue, share target) and stage them. */
  addFiles(files: Iterable<File>, extra?: { readonly folders?: number }): Promise<void>;
  /** Stage typed or pasted text (a link, several links one per line, JSON, a JWS or JWT). Returns how many inputs it made. */
  addText(text: string): number;
  /** Tell the earner something about what they handed in. */
  notify(notice: ImportNotice): void;
  /** Tick or untick "Keep anyway" on an invalid item. */
  setKept(index: number, keep: boolean): void;
  /** Store the new items (and the kept invalid ones). */
  accept(): Promise<void>;
  /** Stop checking and discard the staged list; nothing is saved. */
  cancel(): void;
  /** Close the dialog after a result. */
  close(): void;
  dismissNotices(): void;
}

const IDLE: ImportState = { phase: 'idle', items: [], kept: new Set(), progress: null, failure: null, result: null, notices: [] };

const ImportContext = createContext<ImportApi | null>(null);

export function useImport(): ImportApi {
  const api = useContext(ImportContext);
  if (!api) throw new Error('useImport() outside <ImportProvider>');
  return api;
}

/**
 * Whether an item goes in with "Add N badges": the new ones, a newer copy of a badge already here
 * (OB 3.0: the newer supersedes; it is stored beside the older one), and the invalid ones ticked.
 */
export const isChosen = (item: StagedItem, index: number, kept: ReadonlySet<number>): boolean =>
  item.status === 'new' || (item.status === 'duplicate' && item.newer === true) || (item.status === 'invalid' && kept.has(index));

export function ImportProvider({ children }: { children: ComponentChildren }) {
  const backpack = useBackpack();
  const langState = useLang();
  const toast = useToast();
  const [state, setRendered] = useState<ImportState>(IDLE);
  // The state is mirrored in a ref so that callbacks fired from events and promises read the latest.
  const current = useRef<ImportState>(IDLE);
  const update = useCallback((change: (s: ImportState) => ImportState) => {
    current.current = change(current.current);
    setRendered(current.current);
  }, []);

  const queue = useRef<ImportInput[]>([]);
  const round = useRef({ done: 0, total: 0 });
  const running = useRef(false);
  const controller = useRef<AbortController | null>(null);
  /** Bumped by cancel: a staging loop of an older generation stops touching the state. */
  const generation = useRef(0);
  /** The element that had the focus when the dialog opened; it gets it back on close. */
  const opener = useRef<HTMLElement | null>(null);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    const mine = generation.current;
    const alive = () => generation.current === mine;
    try {
      while (queue.current.length > 0) {
        const batch = queue.current.splice(0);
        const ac = new AbortController();
        controller.current = ac;
        const base = round.current.done;
        update((s) => ({ ...s, phase: 'staging', progress: { done: base, total: round.current.total } }));
        let staged: StagedItem[];
        try {
          staged = await backpack.stage(batch, {
            signal: ac.signal,
            onProgress: (done) => {
              if (alive() && !ac.signal.aborted) update((s) => ({ ...s, progress: { done: base + done, total: round.current.total } }));
            },
          });
        } catch (error) {
          if (!alive() || ac.signal.aborted) return;
          queue.current = [];
          update((s) => ({ ...s, phase: 'review', progress: null, failure: { during: 'stage', error } }));
          return;
        }
        if (!alive() || ac.signal.aborted) return;
        round.current.done = base + batch.length;
        update((s) => ({ ...s, items: [...s.items, ...staged] }));
      }
      update((s) => ({ ...s, phase: 'review', progress: null }));
    } finally {
      if (alive()) {
        running.current = false;
        controller.current = null;
      }
    }
  }, [backpack, update]);

  const offerRestore = useCallback(
    (bytes: Uint8Array) => {
      toast.show({
        message: langState.t('importer.backup.found'),
        durationMs: 30_000,
        focusAction: true,
        action: {
          label: langState.t('importer.backup.restore'),
          run: async () => {
            try {
              toast.show({ message: restoreSummary(langState, await backpack.restore(bytes)) });
            } catch (error) {
              toast.show({ message: describeFailure(langState, error, 'profile.backup.error.restore') });
            }
          },
        },
      });
    },
    [backpack, langState, toast],
  );

  const addInputs = useCallback(
    (given: readonly ImportInput[]) => {
      // A Besace share link (pasted, or a .besace-share.txt file dropped) opens in the viewer: its
      // badges are someone's collection to look at, not files to import unasked.
      const links = given.map(shareFragmentOf);
      const firstLink = links.find((l) => l !== null);
      if (firstLink) openShare(firstLink);
      // A Besace backup dropped with the badges: offered for restore (the profile page's restore), not staged as "not a badge".
      const backups = given.map((input, i) => (links[i] === null && input.kind === 'file' && isBesaceBackup(input.bytes) ? input : null));
      for (const backup of backups) if (backup) offerRestore(backup.bytes);
      const inputs = given.filter((_, i) => links[i] === null && backups[i] === null);
      if (inputs.length === 0) return;
      const s = current.current;
      if (s.phase === 'idle') {
        const active = document.activeElement;
        opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      if (s.phase === 'idle' || s.phase === 'done') {
        round.current = { done: 0, total: 0 };
        update(() => ({ ...IDLE, phase: 'staging' }));
      }
      round.current.total += inputs.length;
      queue.current.push(...inputs);
      if (current.current.phase === 'accepting') return; // picked up when the accept is over
      update((x) => ({ ...x, phase: 'staging', failure: x.failure?.during === 'stage' ? null : x.failure, progress: { done: round.current.done, total: round.current.total } }));
      void pump();
    },
    [pump, update, offerRestore],
  );

  const notify = useCallback(
    (notice: ImportNotice) => {
      if (current.current.phase === 'idle') {
        // No dialog open: the shell's toast says it (it survives navigation, and is announced).
        toast.show({ message: noticeText(langState, notice) });
        return;
      }
      update((s) => ({ ...s, notices: [...s.notices, notice] }));
    },
    [toast, langState, update],
  );

  const addFiles = useCallback(
    async (files: Iterable<File>, extra: { readonly folders?: number } = {}) => {
      const { inputs, unreadable } = await readFiles(files);
      addInputs(inputs);
      if (extra.folders) notify({ kind: 'folders', count: extra.folders });
      if (unreadable) notify({ kind: 'unreadable', count: unreadable });
    },
    [addInputs, notify],
  );

  const addText = useCallback(
    (text: string) => {
      const inputs = textInputs(text);
      addInputs(inputs);
      return inputs.length;
    },
    [addInputs],
  );

  const setKept = useCallback(
    (index: number, keep: boolean) =>
      update((s) => {
        const kept = new Set(s.kept);
        if (keep) kept.add(index);
        else kept.delete(index);
        return { ...s, kept };
      }),
    [update],
  );

  const accept = useCallback(async () => {
    const s = current.current;
    if (s.phase !== 'review') return;
    const chosen = s.items.filter((item, i) => isChosen(item, i, s.kept));
    if (chosen.length === 0) return;
    update((x) => ({ ...x, phase: 'accepting', failure: null }));
    let result: AcceptResult;
    try {
      result = await backpack.accept(chosen);
    } catch (error) {
      // Nothing is lost: the staged list stays, the earner can free space and press Add again.
      update((x) => ({ ...x, phase: 'review', failure: { during: 'accept', error } }));
      return;
    }
    round.current = { done: 0, total: 0 };
    update((x) => ({ ...x, phase: 'done', result, items: [], kept: new Set(), failure: null, notices: [] }));
    if (queue.current.length > 0) {
      round.current.total = queue.current.length;
      update((x) => ({ ...IDLE, phase: 'staging', notices: x.notices, progress: { done: 0, total: round.current.total } }));
      void pump();
    }
  }, [backpack, pump, update]);

  const restoreFocus = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    controller.current?.abort();
    controller.current = null;
    running.current = false;
    queue.current = [];
    round.current = { done: 0, total: 0 };
    update(() => IDLE);
  }, [update]);

  const cancel = useCallback(() => {
    const s = current.current;
    if (s.phase === 'accepting') return; // a write in progress is not interrupted
    // Said only when something could have been added: closing a review with nothing new is not a cancel.
    const dropped = s.phase === 'staging' || s.items.some((item, i) => isChosen(item, i, s.kept));
    reset();
    if (dropped) toast.show({ message: langState.t('importer.cancelled') });
  }, [reset, toast, langState]);

  const close = useCallback(() => {
    if (current.current.phase === 'accepting') return;
    reset();
  }, [reset]);

  const dismissNotices = useCallback(() => update((s) => ({ ...s, notices: [] })), [update]);

  const api = useMemo<ImportApi>(
    () => ({ state, addInputs, addFiles, addText, notify, setKept, accept, cancel, close, dismissNotices }),
    [state, addInputs, addFiles, addText, notify, setKept, accept, cancel, close, dismissNotices],
  );

  return (
    <ImportContext.Provider value={api}>
      {children}
      {state.phase !== 'idle' && <StagingDialog onClosed={restoreFocus} />}
    </ImportContext.Provider>
  );
}

/** A notice in words. */
/** A ZIP whose first entry is a Besace backup's manifest (src/core/backup/format.ts: the manifest comes first). */
export function isBesaceBackup(bytes: Uint8Array): boolean {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  return new TextDecoder().decode(bytes.subarray(30, 30 + nameLength)) === 'besace-backup.json';
}

const SHARE_LINK = /^\S*#(v\d{1,4}\.[A-Za-z0-9_-]+)$/;
const MAX_SHARE_FILE = 64 * 1024 + 2048;

/** The share fragment of an input that is a Besace share link (text, or a small text file holding one), else null. */
export function shareFragmentOf(input: ImportInput): string | null {
  let text: string;
  if (input.kind === 'text') text = input.text;
  else {
    if (input.bytes.length > MAX_SHARE_FILE || input.bytes[0] === 0x89 || input.bytes[0] === 0x3c) return null; // PNG, SVG/XML
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      return null;
    }
  }
  return SHARE_LINK.exec(text.trim())?.[1] ?? null;
}

export function noticeText(langState: Pick<ReturnType<typeof useLang>, 'lang' | 't'>, notice: ImportNotice): string {
  switch (notice.kind) {
    case 'folders':
      return plural(langState, 'importer.drop.folders', notice.count);
    case 'unreadable':
      return plural(langState, 'importer.drop.unreadable', notice.count);
    case 'nothing':
      return langState.t('importer.drop.nothing');
  }
}
