/**
 * The viewer's two pieces of work, both through the backpack service:
 * - checking every badge of a share in this browser (stage: extract and verify, nothing written),
 *   against the address the sharer disclosed, with progress, cancelled when the page goes away;
 * - adding chosen badges to the viewer's own backpack, staged again against the viewer's own
 *   identities (so the stored report is about them), then accepted. Nothing is written before that.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AcceptResult, BadgeId, ImportInput, StagedItem } from '../../app/types';
import type { Share } from '../../core/share/link';
import { useBackpack } from '../context';
import { backpackErrorCode, STORAGE_MESSAGE } from '../import/errors';
import type { MessageKey } from '../messages';
import { sharedIdentities } from './summary';

/** The words for a failure, chosen once: a BackpackError's own sentence, else `fallback` (the detail goes to the console). */
function failureKey(error: unknown, fallback: MessageKey): MessageKey {
  const code = backpackErrorCode(error);
  if (code) return STORAGE_MESSAGE[code];
  console.error('Besace: unexpected error', error);
  return fallback;
}

export interface SharedCheck {
  /** The latest results, kept on screen while a new check runs. */
  readonly items: readonly StagedItem[] | null;
  /** While a check runs: how many badges are done. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** The latest results were made while the device was offline. */
  readonly ranOffline: boolean;
  /** Why the latest check failed, in words. */
  readonly error: MessageKey | null;
  readonly recheck: () => void;
}

/** The inputs of a share's badges, as staging takes them. */
export function shareInputs(share: Share): ImportInput[] {
  return share.badges.map((b): ImportInput => ({ kind: 'text', text: b.payload }));
}

const isOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine !== false;

export function useSharedCheck(share: Share): SharedCheck {
  const backpack = useBackpack();
  const inputs = useMemo(() => shareInputs(share), [share]);
  const identities = useMemo(() => sharedIdentities(share), [share]);
  const [run, setRun] = useState(0);
  const [state, setState] = useState<Omit<SharedCheck, 'recheck'>>({
    items: null,
    progress: { done: 0, total: inputs.length },
    ranOffline: false,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const offline = !isOnline();
    setState((s) => ({ ...s, progress: { done: 0, total: inputs.length }, error: null }));
    backpack
      .stage(inputs, {
        identities,
        signal,
        onProgress: (done, total) => {
          if (!signal.aborted) setState((s) => ({ ...s, progress: { done, total } }));
        },
      })
      .then(
        (items) => {
          if (!signal.aborted) setState({ items, progress: null, ranOffline: offline, error: null });
        },
        (error: unknown) => {
          if (!signal.aborted) setState((s) => ({ ...s, progress: null, error: failureKey(error, 'viewer.checkFailed') }));
        },
      );
    return () => controller.abort();
  }, [backpack, inputs, identities, run]);

  const recheck = useCallback(() => setRun((n) => n + 1), []);
  return { ...state, recheck };
}

/** Where a badge of the share is in the viewer's backpack once added: its id, and whether it was there already. */
export interface Placed {
  readonly id: BadgeId;
  readonly already: boolean;
}

export interface AddToBackpack {
  readonly placed: ReadonlyMap<number, Placed>;
  /** The indices being added right now. */
  readonly busy: ReadonlySet<number>;
  /** The outcome of the last "add", for the one-line report. */
  readonly result: { readonly added: number; readonly already: number } | null;
  /** Why the last "add" failed, in words. */
  readonly error: MessageKey | null;
  readonly add: (indices: readonly number[]) => Promise<void>;
}

export function useAddToBackpack(share: Share): AddToBackpack {
  const backpack = useBackpack();
  const inputs = useMemo(() => shareInputs(share), [share]);
  const [placed, setPlaced] = useState<ReadonlyMap<number, Placed>>(new Map());
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [result, setResult] = useState<AddToBackpack['result']>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const add = useCallback(
    async (indices: readonly number[]) => {
      if (indices.length === 0) return;
      setBusy((b) => new Set([...b, ...indices]));
      setError(null);
      try {
        // Without `identities`: the viewer's own are used, so the stored report speaks of them.
        const staged = await backpack.stage(indices.map((i) => inputs[i]!));
        const accepted: AcceptResult = await backpack.accept(staged.filter((s) => s.status !== 'not-a-badge'));
        const added = new Set(accepted.added);
        const now = new Map<number, Placed>();
        staged.forEach((s, k) => {
          if (s.status === 'not-a-badge') return;
          const isNew = added.has(s.record.id);
          now.set(indices[k]!, { id: isNew ? s.record.id : s.status === 'duplicate' ? s.existingId : s.record.id, already: !isNew });
        });
        if (!live.current) return;
        setPlaced((p) => new Map([...p, ...now]));
        const count = [...now.values()];
        setResult({ added: count.filter((p) => !p.already).length, already: count.filter((p) => p.already).length });
      } catch (e) {
        const key = failureKey(e, 'viewer.addFailed');
        if (live.current) setError(key);
      } finally {
        if (live.current) setBusy((b) => new Set([...b].filter((i) => !indices.includes(i))));
      }
    },
    [backpack, inputs],
  );

  return { placed, busy, result, error, add };
}
