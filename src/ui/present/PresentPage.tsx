/**
 * Interview mode: a collection (or one badge) on the whole screen, black on white, with a large QR
 * code of its share link for the interviewer to scan, and the badges' names, issuers and current
 * states in big type. Everything is local: no network is needed to show it.
 *
 * When the collection's link is too long for one QR code, each badge gets its own code, shown one
 * after the other. The screen is kept on where the browser allows it (and the page says when not).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { badgeLink, collectionLink, collectionRecords, QR_COMFORTABLE_VERSION } from '../../app/share';
import type { BackpackService, BadgeRecord } from '../../app/types';
import { useBackpackData, useLang } from '../context';
import { badgeName, issuerName } from '../library/search';
import { statusOfReport } from '../library/status';
import { StatusMark } from '../library/StatusMark';
import { QrCode, qrVersion } from '../qr/QrCode';
import { badgePath, Link, pathOf, shareBase, type PresentTarget } from '../router';
import { PageHeading } from '../shell/PageHeading';
import { NotFoundSection, useDocumentTitle } from '../shell/Shell';
import { useFullscreen, useWakeLock, type WakeState } from './screen';
import { LoadFailed } from './LoadFailed';
import './present.css';

/** What is presented, loaded once (and again after a change in the backpack). */
type Presented =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'collection' | 'badge';
      readonly title: string | null;
      readonly records: readonly BadgeRecord[];
      /** The link of everything presented, as one share. */
      readonly link: string;
      /** The sharer's name, when the collection discloses it. */
      readonly displayName: string | null;
      /** The moment the links are dated. */
      readonly now: Date;
    };

async function loadPresented(backpack: BackpackService, target: PresentTarget): Promise<Presented> {
  const now = new Date();
  if (target.kind === 'badge') {
    const record = await backpack.get(target.id);
    if (!record) return { kind: 'missing' };
    return { kind: 'badge', title: null, records: [record], link: badgeLink(record, shareBase(), now), displayName: null, now };
  }
  const collection = await backpack.getCollection(target.id);
  if (!collection) return { kind: 'missing' };
  const [all, settings] = await Promise.all([backpack.list(), backpack.settings()]);
  const records = collectionRecords(collection, all);
  const name = settings.displayName?.trim();
  return {
    kind: 'collection',
    title: collection.title,
    records,
    link: collectionLink(collection, records, settings, shareBase(), now),
    displayName: collection.share.displayName && name ? name : null,
    now,
  };
}

export function PresentPage({ target }: { target: PresentTarget }) {
  const { t } = useLang();
  const loaded = useBackpackData((backpack) => loadPresented(backpack, target), [target.kind, target.id]);
  const data = loaded.data;
  const heading = data?.kind === 'missing' ? t('present.notFound.title') : data ? (data.title ?? badgeName(data.records[0]!)) || t('library.unnamed') : null;
  useDocumentTitle(heading);
  const backHref = target.kind === 'badge' ? badgePath(target.id) : pathOf({ name: 'collection', id: target.id });

  if (data === undefined) {
    if (loaded.error) {
      return (
        <div class="present present-message">
          <LoadFailed retry={loaded.reload} />
        </div>
      );
    }
    return <p class="present loading">{t('shell.loading')}</p>;
  }
  if (data.kind === 'missing') {
    return (
      <div class="present present-message">
        <NotFoundSection title={t('present.notFound.title')} body={t(target.kind === 'badge' ? 'present.notFound.badge' : 'present.notFound.collection')} />
      </div>
    );
  }
  return <Presentation data={data} heading={heading!} backHref={backHref} />;
}

function Presentation({ data, heading, backHref }: { data: Exclude<Presented, { kind: 'missing' }>; heading: string; backHref: string }) {
  const { t } = useLang();
  const { records } = data;
  const wake = useWakeLock();
  const fullscreen = useFullscreen();
  const fits = useMemo(() => qrVersion(data.link), [data.link]);
  const [chosePerBadge, setChosePerBadge] = useState(false);
  const perBadge = data.kind === 'collection' && records.length > 0 && (fits === null || chosePerBadge);
  const [page, setPage] = useState(0);
  const current = Math.min(page, Math.max(0, records.length - 1));
  const shown = perBadge ? records[current] : undefined;
  const pageLink = useMemo(() => (shown ? badgeLink(shown, shareBase(), data.now) : null), [shown, data.now]);
  const link = pageLink ?? data.link;
  const version = useMemo(() => qrVersion(link), [link]);

  // The arrow keys page through the badges (a clicker or a keyboard, without looking for the buttons).
  useEffect(() => {
    if (!perBadge) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement) return;
      const step = event.key === 'ArrowRight' || event.key === 'PageDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'PageUp' ? -1 : 0;
      if (!step) return;
      event.preventDefault(); // a presentation clicker's PageDown turns the page, it does not scroll it
      setPage((p) => Math.min(Math.max(Math.min(p, records.length - 1) + step, 0), records.length - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [perBadge, records.length]);

  const qrLabel = shown || data.kind === 'badge' ? t('present.qr.badge', { name: badgeName(shown ?? records[0]!) || t('library.unnamed') }) : t('present.qr.collection');

  return (
    <div class="present">
      <div class="present-bar">
        <Link href={backHref} class="button">
          <span aria-hidden="true">← </span>
          {t('present.exit')}
        </Link>
        {fullscreen.supported && (
          <button type="button" class="button" onClick={fullscreen.toggle}>
            {t(fullscreen.active ? 'present.fullscreen.leave' : 'present.fullscreen.enter')}
          </button>
        )}
        {fullscreen.active && <span class="present-hint">{t('present.fullscreen.hint')}</span>}
        {fullscreen.failed && (
          <span class="present-hint" role="status">
            {t('present.fullscreen.failed')}
          </span>
        )}
      </div>

      <div class={perBadge ? 'present-stage present-stage-paged' : 'present-stage'}>
        <div class="present-head">
          <PageHeading class="present-title">{heading}</PageHeading>
          {data.displayName && <p class="present-name">{t('present.sharedBy', { name: data.displayName })}</p>}
          {records.length === 0 && <p class="present-note">{t('present.empty')}</p>}
        </div>

        {records.length > 0 && (
          <div class="present-qr-column">
            <figure class="present-qr">
              {version === null ? (
                <p class="present-too-long" role="note">
                  {t('present.badgeTooLong')}
                </p>
              ) : (
                <QrCode text={link} label={qrLabel} class="present-qr-code" />
              )}
              <figcaption>{t(data.kind === 'badge' || shown ? 'present.scanOne' : 'present.scan')}</figcaption>
            </figure>
            {perBadge && (
              <div class="present-pager">
                <button type="button" class="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  <span aria-hidden="true">← </span>
                  {t('present.previous')}
                </button>
                <p class="present-page" aria-live="polite">
                  {t('present.page', { n: current + 1, total: records.length })}
                </p>
                <button type="button" class="button" disabled={current === records.length - 1} onClick={() => setPage(current + 1)}>
                  {t('present.next')}
                  <span aria-hidden="true"> →</span>
                </button>
              </div>
            )}
          </div>
        )}

        <div class="present-body">
          {data.kind === 'collection' && fits === null && records.length > 0 && <p class="present-note">{t('present.tooLong')}</p>}
          {data.kind === 'collection' && fits !== null && records.length > 1 && (
            <div class="present-choice">
              {!chosePerBadge && fits > QR_COMFORTABLE_VERSION && <p class="present-note">{t('present.dense')}</p>}
              <button type="button" class="button" onClick={() => setChosePerBadge((v) => !v)}>
                {t(chosePerBadge ? 'present.allInOne' : 'present.perBadge')}
              </button>
            </div>
          )}
          {data.kind === 'collection' && records.length > 0 && (
            <ul class="present-badges" aria-label={t('present.badges.label')}>
              {records.map((record, i) => (
                <BadgeLine key={record.id} record={record} current={perBadge && i === current} />
              ))}
            </ul>
          )}
          {data.kind === 'badge' && <BadgeFacts record={records[0]!} />}
        </div>
      </div>

      <WakeNote state={wake} />
    </div>
  );
}

function BadgeLine({ record, current }: { record: BadgeRecord; current: boolean }) {
  const { t } = useLang();
  const issuer = issuerName(record);
  return (
    <li class={current ? 'present-badge present-badge-current' : 'present-badge'} aria-current={current ? 'step' : undefined}>
      <span class="present-badge-name">
        {badgeName(record) || t('library.unnamed')}
        {current && <span class="visually-hidden"> {t('present.current')}</span>}
      </span>
      <span class="present-badge-issuer">{issuer ? t('present.issuer', { issuer }) : t('library.unknownIssuer')}</span>
      <StatusMark status={statusOfReport(record.latest)} class="present-badge-status" />
    </li>
  );
}

function BadgeFacts({ record }: { record: BadgeRecord }) {
  const { t } = useLang();
  const issuer = issuerName(record);
  return (
    <div class="present-facts">
      <p class="present-badge-issuer">{issuer ? t('present.issuer', { issuer }) : t('library.unknownIssuer')}</p>
      <StatusMark status={statusOfReport(record.latest)} class="present-badge-status" />
    </div>
  );
}

function WakeNote({ state }: { state: WakeState }) {
  const { t } = useLang();
  if (state === 'pending') return <p class="present-wake" role="status" />;
  return (
    <p class={state === 'on' ? 'present-wake' : 'present-wake present-wake-warn'} role="status">
      {t(`present.wake.${state}`)}
    </p>
  );
}
