/**
 * A real modal: a <dialog> opened with showModal() where the browser has it (top layer, the page
 * behind is inert), and in every case: focus moves into it, Tab and Shift+Tab stay inside, Escape
 * calls `onEscape`, a focus that escapes is brought back, and on close the focus goes back where
 * it was (`onClosed`).
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hidden && !el.closest('[hidden],[inert]'));
}

export function Modal({
  labelledBy,
  describedBy,
  class: className,
  onEscape,
  onClosed,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  class?: string;
  onEscape: () => void;
  onClosed: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const escape = useRef(onEscape);
  escape.current = onEscape;
  const closed = useRef(onClosed);
  closed.current = onClosed;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    if (typeof dialog.showModal === 'function') {
      try {
        dialog.showModal();
      } catch {
        dialog.setAttribute('open', '');
      }
    } else {
      dialog.setAttribute('open', '');
    }
    dialog.focus();
    // Focus that lands outside (a click on the page where the browser has no inert, a script) comes back.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (target && !dialog.contains(target)) dialog.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      closed.current();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const dialog = ref.current;
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      escape.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (!first || !last) {
      event.preventDefault();
      dialog.focus();
      return;
    }
    if (event.shiftKey) {
      if (active === first || active === dialog || !dialog.contains(active)) {
        event.preventDefault();
        last.focus();
      }
    } else if (active === last || active === dialog || !dialog.contains(active)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      class={className}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // The browser's own Escape (showModal): handled like ours, the dialog is closed by the state.
        event.preventDefault();
        escape.current();
      }}
    >
      {children}
    </dialog>
  );
}
