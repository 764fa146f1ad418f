/**
 * A small windowed list: fixed row height, a scrolling box (`overflow: auto`), and only the rows in
 * view plus a few either side in the DOM, so a thousand badges scroll as smoothly as ten.
 *
 * Keyboard: one row is in the Tab order (a roving tabindex); ↑/↓ move between rows, Page Up/Down by a
 * screenful, Home/End to the ends; Enter opens (each row is a real link). The focused row is always
 * kept in the DOM, even when scrolled out of view with the mouse, so the focus is never lost.
 * Screen readers hear the list's true size and each row's position (aria-setsize / aria-posinset).
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface RowProps {
  /** 0 for the row in the Tab order, -1 for the others: put it on the row's focusable element. */
  readonly tabIndex: 0 | -1;
  /** Put it on the row's focusable element too (the list finds rows by it). */
  readonly 'data-row': number;
}

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly getKey: (item: T) => string;
  readonly renderRow: (item: T, index: number, props: RowProps) => JSX.Element;
  /** Row height in rem (the CSS gives rows the same height). */
  readonly rowHeightRem: number;
  /** Rows rendered beyond each edge of the view. */
  readonly overscan?: number;
  readonly label: string;
  readonly describedBy?: string;
  /** Where to start (the list comes back where the earner left it). */
  readonly initialScrollTop?: number;
  /** A row to focus once mounted (the badge the earner came back from). */
  readonly focusKey?: string | null;
  readonly onScroll?: (scrollTop: number) => void;
  /** The smallest height of the box, in rows, when the screen is short. */
  readonly minRows?: number;
}

function rootFontPx(): number {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, getKey, renderRow, rowHeightRem, overscan = 6, label, describedBy, minRows = 4 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [rowPx, setRowPx] = useState(() => rowHeightRem * 16);
  const [scrollTop, setScrollTop] = useState(props.initialScrollTop ?? 0);
  const [viewPx, setViewPx] = useState(0);
  const [boxPx, setBoxPx] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const count = items.length;

  // Sizes: the row height follows the root font size (the earner's text size); the box fills the
  // rest of the screen below its top edge.
  useLayoutEffect(() => {
    const measure = () => {
      const row = rowHeightRem * rootFontPx();
      setRowPx(row);
      const el = scroller.current;
      const top = el ? el.getBoundingClientRect().top + window.scrollY : 0;
      const screen = window.innerHeight || 800;
      const room = Math.max(screen - top - row * 0.25, minRows * row);
      setBoxPx(Math.floor(room));
      setViewPx(el && el.clientHeight > 0 ? el.clientHeight : Math.min(room, screen));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'function' && scroller.current ? new ResizeObserver(measure) : null;
    if (observer && scroller.current) observer.observe(scroller.current);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [rowHeightRem, minRows]);

  // Keep the roving index inside the list when it shrinks (a search narrowed it).
  useEffect(() => {
    if (active > count - 1) setActive(Math.max(0, count - 1));
  }, [count, active]);

  // Start where the earner left the list.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && props.initialScrollTop) el.scrollTop = props.initialScrollTop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const scrollIntoView = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = index * rowPx;
      const view = el.clientHeight > 0 ? el.clientHeight : viewPx;
      let next = el.scrollTop;
      if (top < next) next = top;
      else if (top + rowPx > next + view) next = top + rowPx - view;
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(next);
      }
    },
    [rowPx, viewPx],
  );

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      setActive(target);
      scrollIntoView(target);
      pendingFocus.current = target;
    },
    [count, scrollIntoView],
  );

  // A row asked for focus: once it is rendered, focus it.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  // The row to come back to.
  useEffect(() => {
    if (!props.focusKey) return;
    const index = items.findIndex((item) => getKey(item) === props.focusKey);
    if (index >= 0) focusRow(index);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusKey]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const at = Number(target.closest('[data-row]')?.getAttribute('data-row'));
    if (!Number.isInteger(at)) return;
    const page = Math.max(1, Math.floor((viewPx || rowPx) / rowPx) - 1);
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = at + 1;
        break;
      case 'ArrowUp':
        next = at - 1;
        break;
      case 'PageDown':
        next = at + page;
        break;
      case 'PageUp':
        next = at - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    focusRow(next);
  };

  const onFocusIn = (event: FocusEvent) => {
    const at = Number((event.target as HTMLElement).closest('[data-row]')?.getAttribute('data-row'));
    if (Number.isInteger(at) && at !== active) setActive(at);
  };

  const onScroll = () => {
    const top = scroller.current?.scrollTop ?? 0;
    setScrollTop(top);
    props.onScroll?.(top);
  };

  const view = viewPx > 0 ? viewPx : window.innerHeight || 800;
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + view) / rowPx) + overscan);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  // The focused row stays in the DOM even out of view.
  const roving = Math.min(active, count - 1);
  if (roving >= 0 && (roving < first || roving > last)) indexes.push(roving);

  const total = count * rowPx;
  const height = boxPx === null ? undefined : Math.min(total, boxPx);

  return (
    <div ref={scroller} class="vlist" style={height === undefined ? undefined : { height: `${height}px` }} onScroll={onScroll}>
      <ul
        ref={listRef}
        class="vlist-rows"
        role="list"
        aria-label={label}
        aria-describedby={describedBy}
        style={{ height: `${total}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        {indexes.map((index) => {
          const item = items[index]!;
          return (
            <li
              key={getKey(item)}
              class="vlist-row"
              aria-setsize={count}
              aria-posinset={index + 1}
              style={{ transform: `translateY(${index * rowPx}px)`, height: `${rowPx}px` }}
            >
              {renderRow(item, index, { tabIndex: index === roving ? 0 : -1, 'data-row': index })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
