import type { Check, CheckId, Verdict } from './types';

/** Checks whose "could not check" leaves authenticity itself unknown. */
const AUTHENTICITY: ReadonlySet<CheckId> = new Set<CheckId>(['parse', 'fetch', 'signature']);

/**
 * One verdict from a list of checks, honestly:
 * - any failed check → `invalid` (forged, tampered, revoked, expired, not conformant);
 * - authenticity not established (the hosted copy or the signature could not be checked) → `unverified`;
 * - a warning, or a secondary check that could not be made (status offline…) → `warning`;
 * - otherwise → `valid`.
 * "Not checked because there was nothing to check" (no identities given) does not lower the verdict.
 */
export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.length === 0) return 'unverified';
  if (checks.some((c) => c.status === 'fail')) return 'invalid';
  if (checks.some((c) => c.status === 'unchecked' && AUTHENTICITY.has(c.id))) return 'unverified';
  if (!checks.some((c) => c.id === 'signature' || c.id === 'fetch')) return 'unverified';
  const benign = (c: Check) => c.status === 'unchecked' && (c.code === 'NO_IDENTITIES' || c.code === 'NOT_CHECKED');
  if (checks.some((c) => c.status === 'warn' || (c.status === 'unchecked' && !benign(c)))) return 'warning';
  return 'valid';
}
