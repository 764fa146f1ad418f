/**
 * The small rules of the "Show and share" section, kept out of the components: a LinkedIn page id
 * typed by the earner, a month and year in words, and copying text to the clipboard.
 */
import type { Lang } from '../messages';

/** Past this length a link may be cut by LinkedIn (and by many other forms and chat apps). */
export const LONG_LINK_CHARS = 2000;

/** LinkedIn page ids are integers; 19 digits is already far more than any of them. */
const MAX_ORG_ID_DIGITS = 19;

export type OrganizationIdCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: 'linkedin.org.error.empty' | 'linkedin.org.error.digits' | 'linkedin.org.error.tooLong' };

/**
 * A LinkedIn page id as typed: digits only (spaces around are ignored). The address of the page
 * (…linkedin.com/company/12345678/…) is accepted too, for the number in it: that is where the
 * earner is told to find it.
 */
export function checkOrganizationId(text: string): OrganizationIdCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'linkedin.org.error.empty' };
  const fromAddress = /^(?:https?:\/\/)?(?:[\w-]+\.)?linkedin\.com\/company\/(\d+)(?:[/?#].*)?$/i.exec(trimmed);
  const digits = fromAddress ? fromAddress[1]! : trimmed;
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'linkedin.org.error.digits' };
  const value = digits.replace(/^0+(?=\d)/, '');
  if (value.length > MAX_ORG_ID_DIGITS) return { ok: false, error: 'linkedin.org.error.tooLong' };
  return { ok: true, value };
}

const monthYearFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * "March 2026" / "mars 2026", in UTC like the month and year of the LinkedIn link (so the words
 * and the link never disagree); null when there is no readable date.
 */
export function monthYear(lang: Lang, value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value.trim());
  if (Number.isNaN(date.getTime())) return null;
  let format = monthYearFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthYearFormats.set(lang, format);
  }
  return format.format(date);
}

/** Copies text with the asynchronous Clipboard API; false when there is none or it is refused. */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects the text of an element, so that the earner can copy it with Ctrl+C when copying failed. */
export function selectText(element: Element): void {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
    return;
  }
  const selection = window.getSelection();
  selection?.selectAllChildren(element);
}
