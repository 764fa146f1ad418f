/**
 * One badge's standing, as the list and the detail show it: the verdict of its latest report, with
 * "revoked", "suspended" and "expired" named as such (they are all `invalid` verdicts, but an expired
 * badge is still authentic and must never read like a forgery).
 */
import type { BadgeRecord, StoredReport } from '../../app/types';
import type { Check } from '../../core/verify/types';

export type StatusKind = 'valid' | 'warning' | 'invalid' | 'expired' | 'revoked' | 'suspended' | 'unverified' | 'unchecked';

/** The order of the status filter and of status groups. */
export const STATUS_KINDS: readonly StatusKind[] = ['valid', 'warning', 'expired', 'revoked', 'suspended', 'invalid', 'unverified', 'unchecked'];

/** The mark beside the words (never alone: the words carry the meaning, the mark helps scanning). */
export const STATUS_MARK: Readonly<Record<StatusKind, string>> = {
  valid: '✓',
  warning: '!',
  invalid: '✗',
  expired: '✗',
  revoked: '✗',
  suspended: '✗',
  unverified: '?',
  unchecked: '?',
};

const failed = (checks: readonly Check[], id: Check['id'], code: Check['code']): boolean =>
  checks.some((c) => c.id === id && c.code === code && c.status === 'fail');

export function statusOfReport(report: StoredReport | null): StatusKind {
  if (!report) return 'unchecked';
  const { checks, verdict } = report;
  if (verdict === 'invalid') {
    if (failed(checks, 'status', 'REVOKED')) return 'revoked';
    if (failed(checks, 'status', 'SUSPENDED')) return 'suspended';
    // Expired and nothing else wrong: authentic, no longer current.
    const others = checks.filter((c) => c.status === 'fail' && !(c.id === 'expiry' && c.code === 'EXPIRED'));
    if (failed(checks, 'expiry', 'EXPIRED') && others.length === 0) return 'expired';
    return 'invalid';
  }
  return verdict;
}

export const statusOf = (record: BadgeRecord): StatusKind => statusOfReport(record.latest);

/** The badge's expiry date when its latest report says it has expired (for "expired on …"). */
export function expiredOn(record: BadgeRecord): string | null {
  const check = record.latest?.checks.find((c) => c.id === 'expiry' && c.code === 'EXPIRED');
  const date = check?.params?.['date'];
  if (typeof date === 'string') return date;
  return check ? (record.badge?.expires ?? null) : null;
}
