/**
 * One badge: what it is, who issued it, when, to whom, what it took, and what Besace could check
 * about it — each check in a plain sentence — with its dated history, and the earner's actions:
 * verify again, download the original file or its raw data, remove it (with Undo).
 *
 * Every string of the badge is untrusted: text nodes only; Markdown through src/ui/markdown; links
 * only through safeLinkHref, with rel="noopener noreferrer" and no referrer.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BadgeId, BadgeRecord, StoredReport, Undo } from '../../app/types';
import type { Badge } from '../../core/model/badge';
import { useBackpack, useBackpackData, useLang } from '../context';
import { describeExtractWarning, describeVerdict } from '../messages/describe';
import { BadgeImage } from '../library/BadgeImage';
import { badgeName } from '../library/search';
import { statusOfReport } from '../library/status';
import { StatusMark } from '../library/StatusMark';
import { Markdown } from '../markdown/Markdown';
import { Link, navigate, pathOf } from '../router';
import { downloadBytes } from '../shell/download';
import { formatDate, formatDateTime } from '../shell/format';
import { PageHeading } from '../shell/PageHeading';
import { NotFoundSection, useDocumentTitle } from '../shell/Shell';
import { useToast } from '../shell/toast';
import { SafeLink } from '../shell/SafeLink';
import { useOnline } from '../shell/useOnline';
import { AddToCollection } from '../collections/AddToCollection';
import { LinkedInSection } from '../linkedin/LinkedInSection';
import { Checks, RecipientLine } from './Checks';
import { VerdictWords } from './VerdictWords';
import { originalDownload, rawDownload } from './files';
import { NotLoaded } from '../shell/NotLoaded';

export function DetailPage({ id }: { id: BadgeId }) {
  const { t } = useLang();
  const loaded = useBackpackData(async (backpack) => {
    const [record, history] = await Promise.all([backpack.get(id), backpack.history(id)]);
    return { record, history };
  }, [id]);
  const record = loaded.data?.record;
  useDocumentTitle(record ? badgeName(record) || t('library.unnamed') : loaded.data ? t('detail.notFound.title') : null);

  if (loaded.data === undefined) return <NotLoaded loaded={loaded} message={t('detail.loadError')} />;
  if (!record) {
    return <NotFoundSection title={t('detail.notFound.title')} body={t('detail.notFound.body')} />;
  }
  return <BadgeDetail record={record} history={loaded.data.history} />;
}

function BadgeDetail({ record, history }: { record: BadgeRecord; history: readonly StoredReport[] }) {
  const { t, lang } = useLang();
  const badge = record.badge;
  const name = badgeName(record) || t('library.unnamed');
  const status = statusOfReport(record.latest);

  return (
    <article class="detail" aria-labelledby="detail-title">
      <p class="back">
        <Link href={pathOf({ name: 'library' })}>
          <span aria-hidden="true">← </span>
          {t('detail.back')}
        </Link>
      </p>

      <header class="detail-head">
        <BadgeImage record={record} size={144} class="detail-image" />
        <div class="detail-head-text">
          <PageHeading>
            <span id="detail-title">{name}</span>
          </PageHeading>
          {badge?.issuer.name && (
            <p class="detail-issuer">
              <span>{t('detail.issuedBy', { issuer: badge.issuer.name })}</span>
              {badge.issuedOn && (
                <>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={badge.issuedOn}>{formatDate(lang, badge.issuedOn)}</time>
                </>
              )}
            </p>
          )}
          <div class={`verdict verdict-${status}`}>
            <StatusMark status={status} class="verdict-mark" />
            <VerdictWords record={record} />
            <CheckedLine report={record.latest} />
          </div>
          <RecipientLine report={record.latest} />
        </div>
      </header>

      <Actions record={record} name={name} />

      {badge ? <BadgeContent badge={badge} /> : <p class="notice">{t('detail.unreadable')}</p>}

      {badge && <LinkedInSection record={record} />}

      <AddToCollection record={record} />

      <section aria-labelledby="detail-checks">
        <h2 id="detail-checks">{t('detail.checks.title')}</h2>
        {record.latest && !record.latest.online && <p>{t('detail.checked.offlineHint')}</p>}
        {record.latest ? <Checks report={record.latest} /> : <p>{t('detail.checks.none')}</p>}
      </section>

      {history.length > 0 && (
        <section aria-labelledby="detail-history">
          <h2 id="detail-history">{t('detail.history.title')}</h2>
          <ol class="history">
            {history.map((report) => (
              <li key={report.checkedAt}>
                <time dateTime={report.checkedAt}>{formatDateTime(lang, report.checkedAt)}</time>
                {' — '}
                <StatusMark status={statusOfReport(report)} />
                {' — '}
                <span class="muted">{report.online ? t('detail.history.online') : t('detail.history.offline')}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <TechnicalDetails record={record} />
    </article>
  );
}

/** "Checked on 12 March 2026, online" / "Last checked on …, offline". */
function CheckedLine({ report }: { report: StoredReport | null }) {
  const { t, lang } = useLang();
  if (!report) return null;
  const date = formatDateTime(lang, report.checkedAt);
  return <p class="checked-line">{report.online ? t('detail.checked.online', { date }) : t('detail.checked.offline', { date })}</p>;
}

function Actions({ record, name }: { record: BadgeRecord; name: string }) {
  const { t, lang } = useLang();
  const backpack = useBackpack();
  const toast = useToast();
  const online = useOnline();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'verifying' } | { kind: 'verified'; report: StoredReport } | { kind: 'error'; key: 'detail.verify.failed' | 'detail.delete.failed' } | { kind: 'deleting' }>({ kind: 'idle' });

  const verify = async () => {
    setState({ kind: 'verifying' });
    try {
      const report = await backpack.reverify(record.id);
      setState({ kind: 'verified', report });
    } catch (error) {
      console.error('Besace: verification failed', error);
      setState({ kind: 'error', key: 'detail.verify.failed' });
    }
  };

  const remove = async () => {
    setState({ kind: 'deleting' });
    let undo: Undo;
    try {
      undo = await backpack.remove(record.id);
    } catch (error) {
      console.error('Besace: removal failed', error);
      setState({ kind: 'error', key: 'detail.delete.failed' });
      return;
    }
    navigate(pathOf({ name: 'library' }), { focus: false });
    toast.show({
      message: t('detail.delete.done', { name }),
      focusAction: true,
      action: {
        label: t('detail.delete.undo'),
        run: async () => {
          try {
            await undo.undo();
            navigate(pathOf({ name: 'badge', id: record.id }));
          } catch (error) {
            console.error('Besace: undo failed', error);
            toast.show({ message: t('detail.delete.undoFailed') });
          }
        },
      },
    });
  };

  const original = originalDownload(record);
  const raw = rawDownload(record);
  const busy = state.kind === 'verifying' || state.kind === 'deleting';
  return (
    <div class="detail-actions">
      <div class="actions">
        <button type="button" class="button button-primary" onClick={verify} disabled={busy} aria-busy={state.kind === 'verifying'} aria-describedby={online ? undefined : 'verify-offline'}>
          {state.kind === 'verifying' ? t('detail.verify.running') : t('detail.verify.again')}
        </button>
        <button type="button" class="button" onClick={() => downloadBytes(original.bytes, original.fileName, original.type)}>
          {t('detail.download.original', { ext: original.ext })}
        </button>
        {raw && (
          <button type="button" class="button" onClick={() => downloadBytes(raw.bytes, raw.fileName, raw.type)}>
            {t('detail.download.raw', { format: raw.label })}
          </button>
        )}
        <button type="button" class="button button-danger" onClick={remove} disabled={busy}>
          {t('detail.delete.button')}
        </button>
      </div>
      {!online && (
        <p id="verify-offline" class="hint">
          {t('detail.verify.offline')}
        </p>
      )}
      <p role="status" class="action-status">
        {state.kind === 'verified' && t('detail.verify.done', { verdict: describeVerdict(lang, state.report.verdict) })}
      </p>
      <div role="alert">{state.kind === 'error' && <p class="notice notice-error">{t(state.key)}</p>}</div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function BadgeContent({ badge }: { badge: Badge }) {
  const { t, lang } = useLang();
  const criteriaLink = badge.criteria?.url ?? null;
  const hasCriteria = Boolean(badge.criteria?.narrative?.trim()) || criteriaLink !== null;
  const issuer = badge.issuer;
  return (
    <>
      {badge.description?.trim() && (
        <Section id="detail-description" title={t('detail.description')}>
          <Markdown source={badge.description} headingLevel={3} />
        </Section>
      )}

      {hasCriteria && (
        <Section id="detail-criteria" title={t('detail.criteria')}>
          {badge.criteria?.narrative?.trim() && <Markdown source={badge.criteria.narrative} headingLevel={3} />}
          {criteriaLink && (
            <p>
              <SafeLink href={criteriaLink} fallback={<span class="muted">{t('detail.criteria.unsafe', { url: criteriaLink })}</span>}>
                {t('detail.criteria.link')}
              </SafeLink>
            </p>
          )}
        </Section>
      )}

      {badge.narrative?.trim() && (
        <Section id="detail-narrative" title={t('detail.narrative')}>
          <Markdown source={badge.narrative} headingLevel={3} />
        </Section>
      )}

      {badge.evidence.length > 0 && (
        <Section id="detail-evidence" title={t('detail.evidence')}>
          <ul class="evidence">
            {badge.evidence.map((e, i) => (
              <li key={i}>
                <h3>{e.name?.trim() || t('detail.evidence.item', { n: i + 1 })}</h3>
                {e.description?.trim() && <Markdown source={e.description} headingLevel={4} />}
                {e.narrative?.trim() && <Markdown source={e.narrative} headingLevel={4} />}
                {e.id && (
                  <p>
                    <SafeLink href={e.id} fallback={null}>
                      {t('detail.evidence.open')}
                    </SafeLink>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {(badge.alignments.length > 0 || badge.tags.length > 0 || badge.achievementType) && (
        <Section id="detail-skills" title={t('detail.skills')}>
          {badge.alignments.length > 0 && (
            <ul class="alignments">
              {badge.alignments.map((a, i) => (
                <li key={i}>
                  <SafeLink href={a.targetUrl} fallback={<strong>{a.targetName}</strong>}>
                    <strong>{a.targetName}</strong>
                  </SafeLink>
                  {(a.targetFramework || a.targetCode) && (
                    <span class="muted">
                      {' — '}
                      {[a.targetFramework, a.targetCode].filter(Boolean).join(' · ')}
                    </span>
                  )}
                  {a.targetDescription?.trim() && <p class="alignment-description">{a.targetDescription}</p>}
                </li>
              ))}
            </ul>
          )}
          {badge.tags.length > 0 && (
            <>
              <h3>{t('detail.tags')}</h3>
              <ul class="tags">
                {badge.tags.map((tag, i) => (
                  <li key={i}>{tag}</li>
                ))}
              </ul>
            </>
          )}
          {badge.achievementType && <p>{t('detail.achievementType', { type: badge.achievementType })}</p>}
        </Section>
      )}

      <Section id="detail-issuer" title={t('detail.issuer')}>
        <dl class="facts">
          <dt>{t('detail.issuer.name')}</dt>
          <dd>{issuer.name?.trim() || t('library.unknownIssuer')}</dd>
          {issuer.url && (
            <>
              <dt>{t('detail.issuer.site')}</dt>
              <dd>
                <SafeLink href={issuer.url} fallback={<span>{issuer.url}</span>} showHost>
                  {null}
                </SafeLink>
              </dd>
            </>
          )}
          {issuer.email && (
            <>
              <dt>{t('detail.issuer.email')}</dt>
              <dd>{issuer.email}</dd>
            </>
          )}
          {badge.endorsementCount > 0 && (
            <>
              <dt>{t('detail.endorsements')}</dt>
              <dd>{t('detail.endorsements.count', { count: badge.endorsementCount })}</dd>
            </>
          )}
        </dl>
      </Section>

      <Section id="detail-dates" title={t('detail.dates')}>
        <dl class="facts">
          {badge.issuedOn && (
            <>
              <dt>{t('detail.dates.issued')}</dt>
              <dd>
                <time dateTime={badge.issuedOn}>{formatDate(lang, badge.issuedOn)}</time>
              </dd>
            </>
          )}
          {badge.awardedOn && badge.awardedOn !== badge.issuedOn && (
            <>
              <dt>{t('detail.dates.awarded')}</dt>
              <dd>
                <time dateTime={badge.awardedOn}>{formatDate(lang, badge.awardedOn)}</time>
              </dd>
            </>
          )}
          <dt>{t('detail.dates.expires')}</dt>
          <dd>{badge.expires ? <ExpiryText expires={badge.expires} /> : t('detail.dates.never')}</dd>
        </dl>
      </Section>
    </>
  );
}

function ExpiryText({ expires }: { expires: string }) {
  const { t, lang } = useLang();
  const date = new Date(expires);
  const text = formatDate(lang, expires);
  if (!Number.isNaN(date.getTime()) && date.getTime() < Date.now()) {
    return <time dateTime={expires}>{t('detail.expiredOn', { date: text })}</time>;
  }
  return <time dateTime={expires}>{text}</time>;
}

function TechnicalDetails({ record }: { record: BadgeRecord }) {
  const { t, lang } = useLang();
  const badge = record.badge;
  const x = record.extracted;
  return (
    <section aria-labelledby="detail-technical">
      <h2 id="detail-technical">{t('detail.technical')}</h2>
      <dl class="facts">
        {badge && (
          <>
            <dt>{t('detail.technical.version')}</dt>
            <dd>{t('detail.technical.ob', { version: badge.obVersion })}</dd>
            <dt>{t('detail.technical.proof')}</dt>
            <dd>{t(`detail.proof.${badge.proof}`)}</dd>
          </>
        )}
        <dt>{t('detail.technical.container')}</dt>
        <dd>{t(`detail.container.${x.container}`)}</dd>
        {record.original.fileName && (
          <>
            <dt>{t('detail.technical.fileName')}</dt>
            <dd class="breakable">{record.original.fileName}</dd>
          </>
        )}
        <dt>{t('detail.technical.added')}</dt>
        <dd>
          <time dateTime={record.addedAt}>{formatDateTime(lang, record.addedAt)}</time>
        </dd>
        {badge?.id && (
          <>
            <dt>{t('detail.technical.id')}</dt>
            <dd class="breakable">{badge.id}</dd>
          </>
        )}
      </dl>
      {x.warnings.length > 0 && (
        <>
          <h3>{t('detail.technical.warnings')}</h3>
          <ul>
            {x.warnings.map((w, i) => (
              <li key={i}>{describeExtractWarning(lang, w)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
