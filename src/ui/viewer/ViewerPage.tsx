/**
 * The viewer of a share link (`/view`). The link's fragment was moved out of the address bar into
 * this history entry at start-up (./capture); it is decoded strictly here: a damaged, cut-off or
 * hostile link gets a sentence saying what happened and what to do, never a crash or a script.
 * Then every badge is checked in this browser (staged: nothing is written), and shown with its
 * checks; the viewer may add some or all to their own backpack. A share past its "show until"
 * date says it has ended and shows no badge.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { decodeShare, MAX_BADGES, type Share, type ShareErrorCode } from '../../core/share/link';
import { useLang } from '../context';
import { listOf, plural } from '../import/plural';
import { Link, pathOf, shareBase, useLocation } from '../router';
import { formatDate } from '../shell/format';
import { PageHeading } from '../shell/PageHeading';
import { useDocumentTitle } from '../shell/Shell';
import { useOnline } from '../shell/useOnline';
import { sharedFragment } from './capture';
import { SharedBadge } from './SharedBadge';
import { alreadyStored, countStatuses } from './summary';
import { useAddToBackpack, useSharedCheck, type Placed } from './useSharedCheck';
import './viewer.css';
import { closeDirectionControls } from '../../core/model/text';

export function ViewerPage() {
  // Read the history entry again after every navigation: a link opened from inside the app
  // (openShare) adds an entry while this page is already showing.
  useLocation();
  const fragment = sharedFragment();
  return <SharedView key={fragment ?? ''} fragment={fragment} />;
}

function SharedView({ fragment }: { fragment: string | null }) {
  const decoded = useMemo(() => (fragment === null ? null : decodeShare(fragment)), [fragment]);
  if (decoded === null) return <NoLink />;
  if (!decoded.ok) return <LinkError code={decoded.error.code} />;
  return <ShareView share={decoded.value} fragment={fragment!} />;
}

function BackLink() {
  const { t } = useLang();
  return (
    <p class="back">
      <Link href={pathOf({ name: 'library' })}>
        <span aria-hidden="true">← </span>
        {t('viewer.back')}
      </Link>
    </p>
  );
}

/** A page with no badge to show: its title, and what to know. */
function Explanation({ title, children }: { title: string; children: ComponentChildren }) {
  useDocumentTitle(title);
  return (
    <section class="viewer">
      <BackLink />
      <PageHeading>{title}</PageHeading>
      {children}
    </section>
  );
}

/** Opened without a link: what this page is for. */
function NoLink() {
  const { t } = useLang();
  return (
    <Explanation title={t('viewer.title')}>
      <p>{t('viewer.empty.body')}</p>
    </Explanation>
  );
}

function LinkError({ code }: { code: ShareErrorCode }) {
  const { t } = useLang();
  return (
    <Explanation title={t('viewer.error.title')}>
      <div class="notice notice-error" role="alert">
        <p>{t(`viewer.error.${code}`, { max: MAX_BADGES })}</p>
      </div>
    </Explanation>
  );
}

/** True once `until` has passed (and as it passes, while the page stays open). */
function useEnded(until: string | undefined): boolean {
  const end = until === undefined ? Number.NaN : Date.parse(until);
  const [ended, setEnded] = useState(() => !Number.isNaN(end) && end <= Date.now());
  useEffect(() => {
    if (Number.isNaN(end) || ended) return undefined;
    const wait = end - Date.now();
    if (wait > 2 ** 31 - 1) return undefined; // beyond what a timer holds (about 24 days)
    const timer = setTimeout(() => setEnded(true), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [end, ended]);
  return ended;
}

function ShareView({ share, fragment }: { share: Share; fragment: string }) {
  const { t, lang } = useLang();
  const ended = useEnded(share.until);
  // The link's words are the sharer's, untrusted: direction controls they leave open are closed.
  const title = closeDirectionControls(share.title?.trim() || t('viewer.title'));
  useDocumentTitle(title);
  const date = formatDate(lang, share.createdAt);
  const name = share.displayName?.trim() ? closeDirectionControls(share.displayName.trim()) : undefined;
  return (
    <div class="viewer">
      <BackLink />
      <header class="viewer-head">
        <PageHeading>{title}</PageHeading>
        <p class="viewer-meta">
          <span>{name ? t('viewer.sharedBy', { name, date }) : t('viewer.sharedOn', { date })}</span>
          {share.until && !ended && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{t('viewer.sharedUntil', { date: formatDate(lang, share.until) })}</span>
            </>
          )}
        </p>
      </header>
      {ended ? (
        <p class="notice">{t('viewer.ended', { date: formatDate(lang, share.until) })}</p>
      ) : (
        <>
          <SharedBadges share={share} />
          <CommandLine fragment={fragment} />
        </>
      )}
    </div>
  );
}

function SharedBadges({ share }: { share: Share }) {
  const langState = useLang();
  const { t, lang } = langState;
  const online = useOnline();
  const check = useSharedCheck(share);
  const adding = useAddToBackpack(share);
  const items = check.items;

  const placeOf = (index: number): Placed | null => {
    const added = adding.placed.get(index);
    if (added) return added;
    const stored = items ? alreadyStored(items, index) : null;
    return stored ? { id: stored, already: true } : null;
  };
  const addable = items ? items.flatMap((item, i) => (item.status !== 'not-a-badge' && !placeOf(i) ? [i] : [])) : [];

  let status = '';
  if (check.progress) {
    const { done, total } = check.progress;
    status = t('viewer.progress', { n: Math.min(done + 1, total), total });
  } else if (items) {
    const parts = countStatuses(items).map(({ status: s, count }) => plural(langState, `viewer.summary.${s}`, count));
    status = t('viewer.summary', { list: listOf(lang, parts) });
  }

  const result = adding.result;
  const resultText = result
    ? t('viewer.result', {
        list: listOf(lang, [
          ...(result.added > 0 || result.already === 0 ? [plural(langState, 'viewer.result.added', result.added)] : []),
          ...(result.already > 0 ? [plural(langState, 'viewer.result.already', result.already)] : []),
        ]),
      })
    : '';

  return (
    <>
      <p class="viewer-intro">{t('viewer.intro')}</p>
      <p role="status" class="viewer-status">
        {status}
      </p>

      {check.ranOffline && !check.progress && (
        <div class="notice">
          {online ? (
            <>
              <p>{t('viewer.backOnline')}</p>
              <button type="button" class="button button-primary" onClick={check.recheck}>
                {t('viewer.checkAgain')}
              </button>
            </>
          ) : (
            <p>{t('viewer.offline')}</p>
          )}
        </div>
      )}

      {check.error !== null && !check.progress && (
        <div class="notice notice-error" role="alert">
          <p>{t(check.error)}</p>
          <button type="button" class="button" onClick={check.recheck}>
            {t('viewer.checkAgain')}
          </button>
        </div>
      )}

      {items && addable.length > 1 && (
        <p class="viewer-add-all">
          <button type="button" class="button button-primary" onClick={() => void adding.add(addable)} disabled={adding.busy.size > 0}>
            {t('viewer.addAll')}
          </button>
        </p>
      )}
      <p role="status" class="viewer-added">
        {resultText}
      </p>
      <div role="alert">{adding.error !== null && <p class="notice notice-error">{t(adding.error)}</p>}</div>

      {items && (
        <ol class="viewer-badges">
          {items.map((item, i) => (
            <li key={i}>
              <SharedBadge
                item={item}
                index={i}
                recipient={share.recipient}
                hideEvidence={share.hideEvidence === true}
                placed={placeOf(i)}
                busy={adding.busy.has(i)}
                onAdd={() => void adding.add([i])}
              />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The other way to check the same link: Besace's command line, the command ready to copy. */
function CommandLine({ fragment }: { fragment: string }) {
  const { t } = useLang();
  // A share link holds only URL-safe characters: single quotes keep it one shell word.
  const command = `npm run cli -- open '${shareBase()}#${fragment}'`;
  return (
    <details class="viewer-cli">
      <summary>{t('viewer.cli.title')}</summary>
      <label class="viewer-cli-command">
        <span>{t('viewer.cli.text')}</span>
        <textarea readOnly rows={3} spellcheck={false} value={command} onFocus={(e) => e.currentTarget.select()} />
      </label>
    </details>
  );
}
