/**
 * One short message at a time at the bottom of the screen, optionally with one action (Undo).
 * It lives in the shell, so it survives the navigation that usually follows (delete → list).
 *
 * - Announced politely (a live region that exists before anything is put in it).
 * - Leaves by itself after `durationMs` (10 s by default), but never while the pointer is over it
 *   or the keyboard is in it (WCAG 2.2.1: the earner gets the time they need).
 * - Escape or the ✕ button closes it; if the focus was in it, the focus goes to the page's heading.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLang } from '../context';
import { focusPageHeading } from './PageHeading';

export interface ToastInput {
  readonly message: string;
  readonly action?: { readonly label: string; readonly run: () => void | Promise<void> };
  /** Default 10 000 ms. */
  readonly durationMs?: number;
  /** Put the keyboard focus on the action (after a delete, so Undo is one key away). */
  readonly focusAction?: boolean;
}

interface ToastApi {
  show(toast: ToastInput): void;
  dismiss(): void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined, dismiss: () => undefined });
export const useToast = (): ToastApi => useContext(ToastContext);

interface Shown extends ToastInput {
  readonly key: number;
}

export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toast, setToast] = useState<Shown | null>(null);
  const counter = useRef(0);
  const show = useCallback((t: ToastInput) => setToast({ ...t, key: ++counter.current }), []);
  const dismiss = useCallback(() => setToast(null), []);
  /** Close this toast only: an action that showed another toast (its outcome) keeps that one. */
  const dismissKey = useCallback((key: number) => setToast((current) => (current?.key === key ? null : current)), []);
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastView toast={toast} onClose={dismiss} onDone={dismissKey} />
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onClose, onDone }: { toast: Shown | null; onClose: () => void; onDone: (key: number) => void }) {
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const held = useRef({ hover: false, focus: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const close = useCallback(() => {
    const hadFocus = box.current?.contains(document.activeElement) ?? false;
    onClose();
    if (hadFocus) setTimeout(focusPageHeading, 0);
  }, [onClose]);

  const stopTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const startTimer = useCallback(
    (ms: number) => {
      stopTimer();
      if (held.current.hover || held.current.focus) return;
      timer.current = setTimeout(close, ms);
    },
    [close],
  );

  useEffect(() => {
    setBusy(false);
    held.current = { hover: false, focus: false };
    if (!toast) return stopTimer;
    if (toast.focusAction && toast.action) actionRef.current?.focus();
    startTimer(toast.durationMs ?? 10_000);
    return stopTimer;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toast?.key]);

  const hold = (what: 'hover' | 'focus', on: boolean) => {
    held.current = { ...held.current, [what]: on };
    if (on) stopTimer();
    else if (toast) startTimer(5_000);
  };

  const runAction = async () => {
    if (!toast?.action || busy) return;
    const { key } = toast;
    setBusy(true);
    try {
      await toast.action.run();
    } finally {
      setBusy(false);
      onDone(key);
    }
  };

  return (
    <div class="toast-region" role="region" aria-label={t('shell.toast.region')}>
      <div role="status" aria-live="polite" aria-atomic="true" class="toast-live">
        {toast && (
          <div
            key={toast.key}
            ref={box}
            class="toast"
            onMouseEnter={() => hold('hover', true)}
            onMouseLeave={() => hold('hover', false)}
            onFocusIn={() => hold('focus', true)}
            onFocusOut={(e) => {
              if (!box.current?.contains(e.relatedTarget as Node | null)) hold('focus', false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }}
          >
            <p class="toast-message">{toast.message}</p>
            {toast.action && (
              <button ref={actionRef} type="button" class="button button-small" onClick={runAction} disabled={busy} aria-busy={busy}>
                {toast.action.label}
              </button>
            )}
            <button type="button" class="icon-button" onClick={close} aria-label={t('shell.toast.dismiss')} title={t('shell.toast.dismiss')}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
