/**
 * Dates as Open Badges write them, and the two date checks every version makes.
 *
 * OB 2.0 / OB 3.0: ISO 8601 date-time WITH a time-zone designator (`Z`, `±HH:MM`, `±HHMM`, `±HH`),
 * fractional seconds of any length (microseconds are common). validator-core's regex accepts
 * exactly those offsets (SPECS §2.8).
 * OB 1.x (legacy): Unix seconds (number or numeric string), `YYYY-MM-DD`, or a date-time without a
 * zone, all read as UTC, as validator-core's upgrade does (SPECS §2.9).
 *
 * Shared with the OB 3.0 path: keep the signatures.
 */
import { check, type Check } from './types';

export interface ParseDateOptions {
  /** OB 1.x: a number (or numeric string) of Unix seconds. */
  readonly allowUnix?: boolean;
  /** OB 1.x: `YYYY-MM-DD`, read as midnight UTC. */
  readonly allowDateOnly?: boolean;
  /** OB 1.x: a date-time without a zone, read as UTC. */
  readonly allowNaive?: boolean;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UNIX = /^-?\d{1,12}(?:\.\d+)?$/;

/** Parse a date as an Open Badge writes it; null when it is not one (never throws). */
export function parseDateTime(value: unknown, opts: ParseDateOptions = {}): Date | null {
  if (typeof value === 'number') {
    if (!opts.allowUnix || !Number.isFinite(value)) return null;
    return fromMillis(value * 1000);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 64) return null;

  const m = DATE_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
    const hasZone = z !== undefined || sign !== undefined;
    if (!hasZone && !opts.allowNaive) return null;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
    const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    let offsetMinutes = 0;
    if (sign !== undefined) {
      const offH = Number(oh);
      const offM = om === undefined ? 0 : Number(om);
      if (offH > 23 || offM > 59) return null;
      offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
    }
    const utc = utcMillis(year, month, day, hour, minute, second, millis);
    return fromMillis(utc - offsetMinutes * 60_000);
  }

  const d = DATE_ONLY.exec(text);
  if (d) {
    if (!opts.allowDateOnly) return null;
    const year = Number(d[1]);
    const month = Number(d[2]);
    const day = Number(d[3]);
    if (!validDay(year, month, day)) return null;
    return fromMillis(utcMillis(year, month, day, 0, 0, 0, 0));
  }

  if (opts.allowUnix && UNIX.test(text)) return fromMillis(Number(text) * 1000);
  return null;
}

/** Date.UTC without its two-digit-year quirk (year 0050 is not 1950). */
function utcMillis(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(utcMillis(year, month + 1, 0, 0, 0, 0, 0)).getUTCDate();
  return day <= daysInMonth;
}

function fromMillis(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

const LEGACY: ParseDateOptions = { allowUnix: true, allowDateOnly: true, allowNaive: true };

/**
 * The 'validFrom' and 'expiry' checks (validator-core's assertion_timestamp_checks, OB 3.0
 * ExpirationProbe/IssuanceProbe):
 * - validFrom: missing or unreadable → fail BAD_DATE; after `now` → fail NOT_YET_VALID {date}; else pass.
 * - expiry: absent → pass NOT_APPLICABLE; unreadable → fail BAD_DATE; before the issue date → fail
 *   EXPIRES_BEFORE_ISSUED; before `now` → fail EXPIRED {date}; else pass {date}.
 * `legacy` accepts OB 1.x forms (Unix seconds, date only, no zone → UTC).
 */
export function dateChecks(args: { issued: unknown; expires: unknown; now: Date; legacy?: boolean }): Check[] {
  const opts = args.legacy ? LEGACY : {};
  const now = args.now.getTime();
  const checks: Check[] = [];

  const issued = parseDateTime(args.issued, opts);
  if (args.issued === undefined || args.issued === null || args.issued === '') {
    checks.push(check('validFrom', 'fail', 'BAD_DATE', { reason: 'missing' }));
  } else if (!issued) {
    checks.push(check('validFrom', 'fail', 'BAD_DATE', { value: shortValue(args.issued) }));
  } else if (issued.getTime() > now) {
    checks.push(check('validFrom', 'fail', 'NOT_YET_VALID', { date: issued.toISOString() }));
  } else {
    checks.push(check('validFrom', 'pass', 'OK', { date: issued.toISOString() }));
  }

  if (args.expires === undefined || args.expires === null || args.expires === '') {
    checks.push(check('expiry', 'pass', 'NOT_APPLICABLE'));
    return checks;
  }
  const expires = parseDateTime(args.expires, opts);
  if (!expires) {
    checks.push(check('expiry', 'fail', 'BAD_DATE', { value: shortValue(args.expires) }));
  } else if (issued && expires.getTime() < issued.getTime()) {
    checks.push(
      check('expiry', 'fail', 'EXPIRES_BEFORE_ISSUED', { date: expires.toISOString(), issued: issued.toISOString() }),
    );
  } else if (expires.getTime() < now) {
    checks.push(check('expiry', 'fail', 'EXPIRED', { date: expires.toISOString() }));
  } else {
    checks.push(check('expiry', 'pass', 'OK', { date: expires.toISOString() }));
  }
  return checks;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
