/**
 * The printable CV annex of a collection: each badge with its issuer, dates, its verification state
 * as last checked (dated: a printed state is only as fresh as its check), and a QR code of its own
 * link so that a recruiter can check it again on a phone. Styled for print (annex.css), so the
 * browser's "Save as PDF" gives the file.
 *
 * The annex has its own language (French or English), chosen here without changing the app's: its
 * content is rendered inside a LangProvider of that language.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { badgeLink, collectionRecords } from '../../app/share';
import type { BadgeRecord, Collection, CollectionId } from '../../app/types';
import { LangProvider, useBackpack, useBackpackData, useLang } from '../context';
import { languages, type Lang } from '../messages';
import { badgeName, issuerName } from '../library/search';
import { expiredOn, statusOfReport } from '../library/status';
import { StatusMark } from '../library/StatusMark';
import { QrCode, qrVersion } from '../qr/QrCode';
import { Link, pathOf, shareBase } from '../router';
import { formatDate, parseDate } from '../shell/format';
import { PageHeading } from '../shell/PageHeading';
import { pluralCategory } from '../shell/plural';
import { NotFoundSection, useDocumentTitle } from '../shell/Shell';
import { useOnline } from '../shell/useOnline';
import { LoadFailed } from './LoadFailed';
import './annex.css';

interface AnnexData {
  readonly collection: Collection;
  readonly records: readonly BadgeRecord[];
  /** The earner's name, when the collection's share choices disclose it. */
  readonly displayName: string | null;
  /** When the annex was made (its date, and the date of the badges' links). */
  readonly now: Date;
}

export function AnnexPage({ id }: { id: CollectionId }) {
  const { t } = useLang();
  const loaded = useBackpackData(async (backpack): Promise<AnnexData | null> => {
    const collection = await backpack.getCollection(id);
    if (!collection) return null;
    const [all, settings] = await Promise.all([backpack.list(), backpack.settings()]);
    const name = settings.displayName?.trim();
    return { collection, records: collectionRecords(collection, all), displayName: collection.share.displayName && name ? name : null, now: new Date() };
  }, [id]);
  const data = loaded.data;
  useDocumentTitle(data ? t('annex.docTitle', { title: data.collection.title }) : data === null ? t('annex.notFound.title') : null);

  if (data === undefined) {
    return loaded.error ? <LoadFailed retry={loaded.reload} /> : <p class="loading">{t('shell.loading')}</p>;
  }
  if (data === null) return <NotFoundSection title={t('annex.notFound.title')} body={t('annex.notFound.body')} />;
  return <Annex data={data} />;
}

function Annex({ data }: { data: AnnexData }) {
  const { t, lang: appLang } = useLang();
  const [chosen, setChosen] = useState<Lang | null>(null);
  const annexLang = chosen ?? appLang;

  return (
    <div class="annex-page">
      <div class="annex-controls no-print" role="group" aria-label={t('annex.controls')}>
        <p class="back">
          <Link href={pathOf({ name: 'collection', id: data.collection.id })}>
            <span aria-hidden="true">← </span>
            {t('annex.back')}
          </Link>
        </p>
        <div class="annex-controls-row">
          <label class="annex-lang">
            <span>{t('annex.lang')}</span>
            <select value={annexLang} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value as Lang)}>
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="button button-primary" onClick={() => window.print()} disabled={data.records.length === 0}>
            {t('annex.print')}
          </button>
        </div>
        <p class="hint">{t('annex.printHint')}</p>
        <Freshness records={data.records} />
      </div>

      <LangProvider lang={annexLang} setLang={setChosen}>
        <AnnexSheet data={data} />
      </LangProvider>
    </div>
  );
}

/** How fresh the states are, and a way to check every badge again before printing. */
function Freshness({ records }: { records: readonly BadgeRecord[] }) {
  const { t, lang } = useLang();
  const backpack = useBackpack();
  const online = useOnline();
  const [progress, setProgress] = useState<{ n: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<'done' | 'failed' | null>(null);
  if (records.length === 0) return null;

  const dates = records.flatMap((r) => (r.latest ? [r.latest.checkedAt] : [])).sort();
  const from = formatDate(lang, dates[0]);
  const to = formatDate(lang, dates.at(-1));

  const reverifyAll = async () => {
    setOutcome(null);
    let failures = 0;
    for (let i = 0; i < records.length; i++) {
      setProgress({ n: i + 1, total: records.length });
      try {
        await backpack.reverify(records[i]!.id);
      } catch {
        failures++;
      }
    }
    setProgress(null);
    setOutcome(failures ? 'failed' : 'done');
  };

  return (
    <div class="annex-freshness">
      {dates.length > 0 && <p>{from === to ? t('annex.checkedOn', { date: from }) : t('annex.checkedBetween', { from, to })}</p>}
      {dates.length < records.length && <p>{t('annex.neverChecked')}</p>}
      {online ? (
        <button type="button" class="button" onClick={reverifyAll} disabled={progress !== null} aria-busy={progress !== null}>
          {t('annex.reverify')}
        </button>
      ) : (
        <p>{t('annex.offline')}</p>
      )}
      <p class="action-status" role="status">
        {progress ? t('annex.reverifying', { n: progress.n, total: progress.total }) : outcome ? t(outcome === 'done' ? 'annex.reverified' : 'annex.reverifyFailed') : ''}
      </p>
    </div>
  );
}

/** The annex itself, in the annex's language (the LangProvider around it). */
function AnnexSheet({ data }: { data: AnnexData }) {
  const { t, lang } = useLang();
  const count = data.records.length;
  return (
    <article class="annex" lang={lang} aria-labelledby="annex-title">
      <header class="annex-head">
        <PageHeading>
          <span id="annex-title">{t('annex.title')}</span>
        </PageHeading>
        {data.displayName && <p class="annex-earner">{t('annex.earner', { name: data.displayName })}</p>}
        <p class="annex-date">
          {t('annex.printedOn', { date: formatDate(lang, data.now.toISOString()) })}{' '}
          {count > 0 && t(`annex.count.${pluralCategory(lang, count)}`, { count })}
        </p>
        {count > 0 && <p class="annex-intro">{t('annex.intro')}</p>}
      </header>
      {count === 0 ? (
        <p class="notice">{t('annex.empty')}</p>
      ) : (
        <ol class="annex-badges" aria-label={t('annex.badges.label')}>
          {data.records.map((record) => (
            <AnnexBadge key={record.id} record={record} now={data.now} />
          ))}
        </ol>
      )}
      <footer class="annex-footer">{t('annex.footer')}</footer>
    </article>
  );
}

/** Above this QR version, a code printed 3 cm wide has modules too small for some phones: it is printed 4 cm wide. */
const DENSE_VERSION = 15;

function AnnexBadge({ record, now }: { record: BadgeRecord; now: Date }) {
  const { t, lang } = useLang();
  const badge = record.badge;
  const name = badgeName(record) || t('library.unnamed');
  const issuer = issuerName(record);
  const issued = badge?.awardedOn ?? badge?.issuedOn ?? null;
  // The badge's end date, or the one its latest check found passed (a hosted badge's copy may lack it).
  const expires = badge?.expires ?? expiredOn(record);
  const expiresAt = parseDate(expires);
  const link = useMemo(() => badgeLink(record, shareBase(), now), [record, now]);
  const version = useMemo(() => qrVersion(link), [link]);
  const report = record.latest;
  const status = statusOfReport(report);

  return (
    <li class="annex-badge">
      <div class="annex-badge-text">
        <h2 class="annex-badge-name">{name}</h2>
        <dl class="annex-facts">
          <dt>{t('annex.issuer')}</dt>
          <dd>{issuer || t('library.unknownIssuer')}</dd>
          {issued && (
            <>
              <dt>{t('annex.issued')}</dt>
              <dd>
                <time dateTime={issued}>{formatDate(lang, issued)}</time>
              </dd>
            </>
          )}
          {expires && (
            <>
              <dt>{t(expiresAt && expiresAt.getTime() <= now.getTime() ? 'annex.expired' : 'annex.expires')}</dt>
              <dd>
                <time dateTime={expires}>{formatDate(lang, expires)}</time>
              </dd>
            </>
          )}
        </dl>
        <p class="annex-state">
          {report ? (
            <StateLine date={formatDate(lang, report.checkedAt)} offline={!report.online}>
              <StatusMark status={status} />
            </StateLine>
          ) : (
            <StatusMark status={status} />
          )}
        </p>
      </div>
      <figure class="annex-qr">
        {version === null ? (
          <p class="annex-qr-missing">{t('annex.qrTooLong')}</p>
        ) : (
          <>
            <QrCode text={link} label={t('annex.qr', { name })} class={version > DENSE_VERSION ? 'annex-qr-code annex-qr-dense' : 'annex-qr-code'} />
            <figcaption>{t('annex.scan')}</figcaption>
          </>
        )}
      </figure>
    </li>
  );
}

/** "Verification state on 12 March 2026: ✓ Valid", the status in its words and mark. */
function StateLine({ date, offline, children }: { date: string; offline: boolean; children: ComponentChildren }) {
  const { t } = useLang();
  const template = t(offline ? 'annex.stateOnOffline' : 'annex.stateOn', { date });
  const [before, after = ''] = template.split('{state}');
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
