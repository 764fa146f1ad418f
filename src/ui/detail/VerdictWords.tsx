/** What a badge's status means, in one sentence: expired on which date, revoked for which reason… (badge page and share viewer). */
import type { BadgeRecord } from '../../app/types';
import { useLang } from '../context';
import { expiredOn, statusOfReport } from '../library/status';
import { formatDate } from '../shell/format';

export function VerdictWords({ record }: { record: BadgeRecord }) {
  const { t, lang } = useLang();
  const status = statusOfReport(record.latest);
  let words = t(`detail.verdict.${status}`);
  if (status === 'expired') {
    const date = expiredOn(record);
    words = `${date ? `${t('detail.expiredOn', { date: formatDate(lang, date) })}. ` : ''}${t('detail.expiredNote')}`;
  } else if (status === 'revoked' || status === 'suspended') {
    const reason = record.latest?.checks.find((c) => c.id === 'status' && c.status === 'fail')?.params?.['reason'];
    if (typeof reason === 'string' && reason.trim()) words += ` ${t('detail.verdict.reason', { reason: reason.trim() })}`;
  }
  return <p class="verdict-words">{words}</p>;
}
