/**
 * "My badges": every badge in the backpack, searchable, filterable by status, sorted by date or
 * issuer, in a windowed list. The search, filter and sort live in the address (?q=…&status=…&sort=…)
 * so Back from a badge returns to the same view, on the same row.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BadgeRecord } from '../../app/types';
import { useBackpackData, useLang } from '../context';
import { badgePath, Link, navigate, pathOf, takeFocusRequest, useLocation } from '../router';
import { formatDate, formatNumber } from '../shell/format';
import { focusPageHeading, PageHeading } from '../shell/PageHeading';
import { pluralCategory } from '../shell/plural';
import { useDocumentTitle } from '../shell/Shell';
import { BadgeImage } from './BadgeImage';
import { applyQuery, indexRecord, readQuery, SORT_KEYS, writeQuery, type Indexed, type ListQuery } from './search';
import { STATUS_KINDS, type StatusKind } from './status';
import { StatusMark } from './StatusMark';
import { VirtualList, type RowProps } from './VirtualList';
import { NotLoaded } from '../shell/NotLoaded';

/** Row height in rem: keep in step with .badge-row in style.css. */
export const ROW_HEIGHT_REM = 5.75;

/** Where the earner was in the list, for when they come back to it (this tab's memory only). */
const memory: { scrollTop: number; lastOpened: string | null; search: string } = { scrollTop: 0, lastOpened: null, search: '' };

export function LibraryPage() {
  const { t, lang } = useLang();
  const loaded = useBackpackData((backpack) => backpack.list(), []);
  const { search } = useLocation();
  const query = readQuery(search, STATUS_KINDS);
  // Coming back (Back, or a link to the list): focus the badge the earner had opened, else the title.
  const [focusRequested] = useState(takeFocusRequest);
  const comingBack = focusRequested && memory.search === search ? memory.lastOpened : null;
  useDocumentTitle(t('shell.nav.library'));

  const indexed = useMemo(() => (loaded.data ?? []).map(indexRecord), [loaded.data]);
  const shown = useMemo(() => applyQuery(indexed, query, lang), [indexed, query.q, query.status, query.sort, lang]);
  const counts = useMemo(() => {
    const c = new Map<StatusKind, number>();
    for (const item of indexed) c.set(item.status, (c.get(item.status) ?? 0) + 1);
    return c;
  }, [indexed]);

  const setQuery = (patch: Partial<ListQuery>) => {
    memory.scrollTop = 0;
    navigate(`${pathOf({ name: 'library' })}${writeQuery({ ...query, ...patch })}`, { replace: true, focus: false });
  };

  const total = indexed.length;
  const comingBackShown = comingBack !== null && shown.some((item) => item.record.id === comingBack);
  useEffect(() => {
    // The badge the earner came back from is gone (deleted, filtered out): the title takes focus.
    if (comingBack !== null && loaded.data !== undefined && !comingBackShown) focusPageHeading();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data === undefined]);
  const filtering = query.q.trim() !== '' || query.status !== 'all';

  let body;
  if (loaded.data === undefined) {
    body = <NotLoaded loaded={loaded} message={t('library.loadError')} />;
  } else if (total === 0) {
    body = <EmptyBackpack />;
  } else {
    body = (
      <>
        <div class="toolbar" role="search">
          <div class="field field-search">
            <label for="library-search">{t('library.search.label')}</label>
            <input
              id="library-search"
              type="search"
              value={query.q}
              autoComplete="off"
              spellcheck={false}
              aria-describedby="library-search-hint"
              onInput={(e) => setQuery({ q: (e.currentTarget as HTMLInputElement).value })}
            />
            <p id="library-search-hint" class="hint">
              {t('library.search.hint')}
            </p>
          </div>
          <div class="field">
            <label for="library-status">{t('library.filter.label')}</label>
            <select id="library-status" value={query.status} onChange={(e) => setQuery({ status: (e.currentTarget as HTMLSelectElement).value as ListQuery['status'] })}>
              <option value="all">{t('library.filter.all', { count: formatNumber(lang, total) })}</option>
              {STATUS_KINDS.filter((s) => (counts.get(s) ?? 0) > 0 || s === query.status).map((s) => (
                <option key={s} value={s}>
                  {t('library.filter.option', { status: t(`library.status.${s}`), count: formatNumber(lang, counts.get(s) ?? 0) })}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="library-sort">{t('library.sort.label')}</label>
            <select id="library-sort" value={query.sort} onChange={(e) => setQuery({ sort: (e.currentTarget as HTMLSelectElement).value as ListQuery['sort'] })}>
              {SORT_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`library.sort.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="result-count" role="status">
          {filtering
            ? t('library.shown', { shown: formatNumber(lang, shown.length), total: formatNumber(lang, total) })
            : t(`library.count.${pluralCategory(lang, total)}`, { count: formatNumber(lang, total) })}
        </p>
        {shown.length === 0 ? (
          <div class="notice">
            <p>{query.q.trim() ? t('library.noMatch.query', { query: query.q.trim() }) : t('library.noMatch.filter')}</p>
            <button type="button" class="button" onClick={() => setQuery({ q: '', status: 'all' })}>
              {t('library.clear')}
            </button>
          </div>
        ) : (
          <>
            <p id="library-keys" class="visually-hidden">
              {t('library.keys')}
            </p>
            <BadgeRows items={shown} focusKey={comingBackShown ? comingBack : null} search={search} />
          </>
        )}
      </>
    );
  }

  return (
    <section class="library" aria-labelledby="library-title">
      <div class="page-head">
        <PageHeading focusOnMount={focusRequested && comingBack === null}>
          <span id="library-title">{t('library.title')}</span>
        </PageHeading>
        {total > 0 && (
          <Link href={pathOf({ name: 'import' })} class="button button-primary">
            <span aria-hidden="true">+ </span>
            {t('shell.nav.import')}
          </Link>
        )}
      </div>
      {body}
    </section>
  );
}

function BadgeRows({ items, focusKey, search }: { items: readonly Indexed[]; focusKey: string | null; search: string }) {
  const { t } = useLang();
  const initialScrollTop = useRef(memory.scrollTop).current;
  return (
    <VirtualList
      items={items}
      getKey={(item) => item.record.id}
      rowHeightRem={ROW_HEIGHT_REM}
      label={t('library.listLabel')}
      describedBy="library-keys"
      initialScrollTop={initialScrollTop}
      focusKey={focusKey}
      onScroll={(top) => {
        memory.scrollTop = top;
      }}
      renderRow={(item, _index, rowProps) => (
        <BadgeRow
          item={item}
          rowProps={rowProps}
          onOpen={() => {
            memory.lastOpened = item.record.id;
            memory.search = search;
          }}
        />
      )}
    />
  );
}

function BadgeRow({ item, rowProps, onOpen }: { item: Indexed; rowProps: RowProps; onOpen: () => void }) {
  const { t, lang } = useLang();
  const record: BadgeRecord = item.record;
  const date = record.badge?.issuedOn ?? null;
  return (
    <Link href={badgePath(record.id)} class="badge-row" onClick={onOpen} {...rowProps}>
      <BadgeImage record={record} size={56} />
      <span class="badge-row-text">
        <span class="badge-row-name">{item.name || t('library.unnamed')}</span>
        <span class="badge-row-meta">
          <span class="badge-row-issuer">{item.issuer || t('library.unknownIssuer')}</span>
          {date && (
            <time class="badge-row-date" dateTime={date}>
              {formatDate(lang, date, 'medium')}
            </time>
          )}
        </span>
        <StatusMark status={item.status} class="badge-row-status" />
      </span>
      <span class="badge-row-chevron" aria-hidden="true">
        ›
      </span>
    </Link>
  );
}

function EmptyBackpack() {
  const { t } = useLang();
  return (
    <div class="empty">
      <p class="tagline">{t('app.tagline')}</p>
      <p>{t('app.intro')}</p>
      <h2>{t('library.empty.title')}</h2>
      <ol class="steps">
        <li>{t('library.empty.step1')}</li>
        <li>{t('library.empty.step2')}</li>
        <li>{t('library.empty.step3')}</li>
      </ol>
      <p class="tip">{t('library.empty.iphone')}</p>
      <p>
        <Link href={pathOf({ name: 'import' })} class="button button-primary button-large">
          {t('library.empty.cta')}
        </Link>
      </p>
      <p class="privacy">{t('app.privacy')}</p>
      <p class="muted">{t('app.versions')}</p>
    </div>
  );
}
