/** "Up" and "Down" for one item of an ordered list (collections, a collection's badges). */
import { useLang } from '../context';

export interface MoveButtonsProps {
  /** Ids are `${idPrefix}-up` / `${idPrefix}-down`, so that the focus can follow the moved item. */
  readonly idPrefix: string;
  readonly upLabel: string;
  readonly downLabel: string;
  readonly first: boolean;
  readonly last: boolean;
  readonly onMove: (direction: -1 | 1) => void;
  /** Show the words beside the arrows (the collections list has room; a collection's badges do not). */
  readonly words?: boolean;
}

export function MoveButtons({ idPrefix, upLabel, downLabel, first, last, onMove, words = false }: MoveButtonsProps) {
  const { t } = useLang();
  return (
    <>
      <button type="button" class="button button-small" id={`${idPrefix}-up`} aria-label={upLabel} disabled={first} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span>
        {words && ` ${t('collections.moveUp')}`}
      </button>
      <button type="button" class="button button-small" id={`${idPrefix}-down`} aria-label={downLabel} disabled={last} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span>
        {words && ` ${t('collections.moveDown')}`}
      </button>
    </>
  );
}
