/**
 * Dates and numbers in the UI language, through Intl. Badge dates are untrusted strings: an
 * unreadable one is shown as written (it is text, never markup) rather than as "Invalid Date".
 */
import type { Lang } from '../messages';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A badge date as a Date; null when it cannot be read. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * A calendar date ("12 March 2026" / "12 mars 2026"). A date written without a time (2016-12-31)
 * is a calendar date, shown as such in every time zone (not shifted to the day before in America).
 */
export function formatDate(lang: Lang, value: string | null | undefined, style: 'long' | 'medium' = 'long'): string {
  if (!value) return '';
  const date = parseDate(value);
  if (!date) return value;
  const options: Intl.DateTimeFormatOptions = { dateStyle: style };
  if (DATE_ONLY.test(value.trim())) options.timeZone = 'UTC';
  return formatter(lang, options).format(date);
}

/** A moment, with its time ("12 March 2026 at 14:05"). */
export function formatDateTime(lang: Lang, value: string | null | undefined): string {
  if (!value) return '';
  const date = parseDate(value);
  if (!date) return value;
  return formatter(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}
