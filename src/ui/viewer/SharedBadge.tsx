/**
 * One badge of a share link as its viewer sees it: picture, name, issuer, date, the verdict in the
 * badge page's words, whom it was issued to (against the address the sharer disclosed, if any), its
 * description, its evidence unless the sharer asked not to show it, and every check (collapsed when
 * the badge is valid). Every string of the badge is untrusted: text nodes, Markdown through
 * src/ui/markdown, links through SafeLink only.
 */
import type { StagedItem, StoredReport } from '../../app/types';
import type { Badge } from '../../core/model/badge';
import { useLang } from '../context';
import { Checks } from '../detail/Checks';
import { VerdictWords } from '../detail/VerdictWords';
import { BadgeImage } from '../library/BadgeImage';
import { badgeName } from '../library/search';
import { statusOfReport } from '../library/status';
import { StatusMark } from '../library/StatusMark';
import { Markdown } from '../markdown/Markdown';
import { checkTitle, describeCheck, describeExtractError } from '../messages/describe';
import { Link, badgePath } from '../router';
import { formatDate } from '../shell/format';
import { SafeLink } from '../shell/SafeLink';
import type { Placed } from './useSharedCheck';

export interface SharedBadgeProps {
  readonly item: StagedItem;
  /** Its place in the link (0-based): ids and "badge 3 could not be read". */
  readonly index: number;
  /** The address the sharer disclosed, if any. */
  readonly recipient: string | undefined;
  readonly hideEvidence: boolean;
  /** Where it is in the viewer's backpack, when it is there. */
  readonly placed: Placed | null;
  readonly busy: boolean;
  readonly onAdd: () => void;
}

export function SharedBadge(props: SharedBadgeProps) {
  const { t, lang } = useLang();
  const { item, index } = props;
  const headingId = `shared-${index}`;
  if (item.status === 'not-a-badge') {
    return (
      <article class="shared-badge" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('viewer.unreadable', { n: index + 1 })}</h2>
        <p>{describeExtractError(lang, item.error)}</p>
      </article>
    );
  }
  const { record } = item;
  const badge = record.badge;
  const report = record.latest;
  const status = statusOfReport(report);
  return (
    <article class="shared-badge" aria-labelledby={headingId}>
      <div class="shared-badge-head">
        <BadgeImage record={record} size={96} class="shared-badge-image" />
        <div class="shared-badge-title">
          <h2 id={headingId}>{badgeName(record) || t('library.unnamed')}</h2>
          <p class="shared-badge-issuer">{t('detail.issuedBy', { issuer: badge?.issuer.name?.trim() || t('library.unknownIssuer') })}</p>
          {badge?.issuedOn && (
            <p class="shared-badge-date">
              <time dateTime={badge.issuedOn}>{t('viewer.issuedOn', { date: formatDate(lang, badge.issuedOn) })}</time>
            </p>
          )}
        </div>
      </div>

      <div class={`verdict verdict-${status}`}>
        <StatusMark status={status} class="verdict-mark" />
        <VerdictWords record={record} />
      </div>
      <SharedRecipient report={report} recipient={props.recipient} />

      {badge && <SharedContent badge={badge} hideEvidence={props.hideEvidence} headingId={headingId} />}

      {report && (
        <details class="shared-badge-checks" open={status !== 'valid'}>
          <summary>{t('viewer.checks')}</summary>
          {/* Whom it was issued to is said above, for the sharer's address: the check's own sentences speak to the owner. */}
          <Checks report={{ ...report, checks: report.checks.filter((c) => c.id !== 'recipient') }} idPrefix={`shared-${index}-checks`} />
        </details>
      )}

      <AddAction {...props} headingId={headingId} />
    </article>
  );
}

/** Whom the badge was issued to, as far as the sharer's disclosed address tells. */
function SharedRecipient({ report, recipient }: { report: StoredReport | null; recipient: string | undefined }) {
  const { t, lang } = useLang();
  const c = report?.checks.find((x) => x.id === 'recipient');
  if (!c) return null;
  const identity = typeof c.params?.['identity'] === 'string' ? c.params['identity'] : recipient;
  if (c.code === 'RECIPIENT_MATCH' && identity) {
    return (
      <p class="recipient recipient-match">
        {t('viewer.recipient.match', { identity })}
        <span aria-hidden="true"> ✓</span>
      </p>
    );
  }
  let words: string;
  if (c.code === 'RECIPIENT_NO_MATCH' && recipient) words = t('viewer.recipient.noMatch', { identity: recipient });
  else if (c.code === 'NO_IDENTITIES') words = t('viewer.recipient.undisclosed');
  else if (c.code === 'NOT_CHECKED') words = t('viewer.recipient.none');
  else words = `${checkTitle(lang, c.id)}${t('detail.checks.separator')}${describeCheck(lang, c)}`;
  return <p class="recipient">{words}</p>;
}

function SharedContent({ badge, hideEvidence, headingId }: { badge: Badge; hideEvidence: boolean; headingId: string }) {
  const { t } = useLang();
  return (
    <>
      {badge.description?.trim() && (
        <div role="group" aria-labelledby={`${headingId}-about`}>
          <h3 id={`${headingId}-about`}>{t('detail.description')}</h3>
          <Markdown source={badge.description} headingLevel={4} />
        </div>
      )}
      {badge.evidence.length > 0 && (
        <div role="group" aria-labelledby={`${headingId}-evidence`}>
          <h3 id={`${headingId}-evidence`}>{t('detail.evidence')}</h3>
          {hideEvidence ? (
            <p class="muted">{t('viewer.evidence.hidden')}</p>
          ) : (
            <ul class="evidence">
              {badge.evidence.map((e, i) => {
                const name = e.name?.trim() || t('detail.evidence.item', { n: i + 1 });
                return (
                  <li key={i}>
                    <SafeLink href={e.id} fallback={<span>{name}</span>}>
                      {name}
                    </SafeLink>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function AddAction({ placed, busy, onAdd, headingId }: SharedBadgeProps & { headingId: string }) {
  const { t } = useLang();
  if (placed) {
    return (
      <p class="shared-badge-placed">
        <span>{placed.already ? t('viewer.already') : t('viewer.added')}</span>{' '}
        <Link href={badgePath(placed.id)} aria-describedby={headingId}>
          {t('viewer.open')}
        </Link>
      </p>
    );
  }
  return (
    <p class="shared-badge-add">
      <button type="button" class="button" onClick={onAdd} disabled={busy} aria-busy={busy} aria-describedby={headingId}>
        {busy ? t('viewer.adding') : t('viewer.add')}
      </button>
    </p>
  );
}
