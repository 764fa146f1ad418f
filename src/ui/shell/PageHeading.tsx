import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { takeFocusRequest } from '../router';

/**
 * A page's <h1>. After a navigation inside the app (not on first load) it takes focus, so keyboard
 * and screen-reader users start reading the new page from its title. `focusOnMount` overrides that
 * (the list focuses the badge the earner came back from instead).
 */
export function PageHeading({ children, class: className, focusOnMount }: { children: ComponentChildren; class?: string; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const focus = focusOnMount ?? takeFocusRequest();
    if (focus) ref.current?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class={className ? `page-title ${className}` : 'page-title'}>
      {children}
    </h1>
  );
}

/** Focus the current page's heading (after its content went away, say). */
export function focusPageHeading(): void {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  target?.focus({ preventScroll: true });
}
