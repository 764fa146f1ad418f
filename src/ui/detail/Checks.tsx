/**
 * A report's checks, each as a plain sentence under its title, grouped by outcome: what failed,
 * what needs attention, what could not be checked, what passed. Problems first.
 */
import type { StoredReport } from '../../app/types';
import type { CheckStatus } from '../../core/verify/types';
import { inCheckOrder } from '../../core/verify/types';
import { useLang } from '../context';
import { checkTitle, describeCheck } from '../messages/describe';
import { Link, pathOf } from '../router';

const GROUPS: readonly { readonly status: CheckStatus; readonly mark: string }[] = [
  { status: 'fail', mark: '✗' },
  { status: 'warn', mark: '!' },
  { status: 'unchecked', mark: '?' },
  { status: 'pass', mark: '✓' },
];

/**
 * `idPrefix` keeps the group headings' ids unique when several reports share a page (the share
 * viewer); there each group is a plain group, not a page landmark (every badge has a "Passed" group).
 */
export function Checks({ report, idPrefix = 'checks' }: { report: StoredReport; idPrefix?: string }) {
  const Group = idPrefix === 'checks' ? 'section' : 'div';
  const { t, lang } = useLang();
  const ordered = inCheckOrder(report.checks);
  return (
    <div class="checks">
      {GROUPS.map(({ status, mark }) => {
        const checks = ordered.filter((c) => c.status === status);
        if (checks.length === 0) return null;
        return (
          <Group key={status} class={`check-group check-group-${status}`} role={Group === 'div' ? 'group' : undefined} aria-labelledby={`${idPrefix}-${status}`}>
            <h3 id={`${idPrefix}-${status}`}>{t(`detail.checks.group.${status}`, { count: checks.length })}</h3>
            <ul>
              {checks.map((c, i) => (
                <li key={`${c.id}-${i}`} class={`check check-${status}`}>
                  <span class="check-mark" aria-hidden="true">
                    {mark}
                  </span>
                  <span>
                    <strong>{checkTitle(lang, c.id)}</strong>
                    {t('detail.checks.separator')}
                    <span class="check-sentence">{describeCheck(lang, c)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </Group>
        );
      })}
    </div>
  );
}

/**
 * "Issued to your address a@b.example ✓", or what to do when it is not (add an address to the
 * profile). Nothing when the report says nothing about the recipient.
 */
export function RecipientLine({ report }: { report: StoredReport | null }) {
  const { t, lang } = useLang();
  const c = report?.checks.find((x) => x.id === 'recipient');
  if (!c) return null;
  if (c.code === 'RECIPIENT_MATCH') {
    const identity = c.params?.['identity'];
    return (
      <p class="recipient recipient-match">
        {typeof identity === 'string' ? t('detail.recipient.match', { identity }) : t('check.code.RECIPIENT_MATCH')}
        <span aria-hidden="true"> ✓</span>
      </p>
    );
  }
  if (c.code === 'RECIPIENT_NO_MATCH' || c.code === 'NO_IDENTITIES') {
    return (
      <p class="recipient recipient-unknown">
        {describeCheck(lang, c)}{' '}
        <Link href={pathOf({ name: 'profile' })}>{t('detail.recipient.addAddress')}</Link>
      </p>
    );
  }
  return null;
}
