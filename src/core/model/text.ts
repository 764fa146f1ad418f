/**
 * Untrusted text made safe to show next to other text: direction controls a badge leaves open
 * (an RLO before "gnp.exe" shows "exe.png", and reorders whatever the page prints after it) are
 * closed at the end of the string, so that each string's effect stops where the string stops.
 * Legitimate right-to-left text (Arabic, Hebrew) needs no explicit control and is unchanged.
 */
const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE RLE LRO RLO
const PDF = '\u202C';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const PDI = '\u2069';
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function closeDirectionControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  // The scopes still open at the end, innermost last (an isolate's end also closes what it contains).
  const open: string[] = [];
  for (const ch of text) {
    if (EMBEDDING_OPENERS.has(ch) || ISOLATE_OPENERS.has(ch)) open.push(ch);
    else if (ch === PDF) {
      if (open.length > 0 && EMBEDDING_OPENERS.has(open[open.length - 1]!)) open.pop();
    } else if (ch === PDI) {
      let at = open.length - 1;
      while (at >= 0 && !ISOLATE_OPENERS.has(open[at]!)) at--;
      if (at !== -1) open.length = at;
    }
  }
  let closing = '';
  for (let i = open.length - 1; i >= 0; i--) closing += ISOLATE_OPENERS.has(open[i]!) ? PDI : PDF;
  return text + closing;
}

/**
 * The longest text a view shows of one field. Real badges' descriptions are a few thousand
 * characters; a hostile megabyte-long word costs the browser seconds of layout (kerning pairs are
 * shaped across the whole word) and freezes the page. The badge itself (payload, original file)
 * is kept whole: only what is displayed is cut, and says so with "…".
 */
export const MAX_SHOWN_CHARS = 10_000;

export function clipForDisplay(text: string, max: number = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
  return `${text.slice(0, end)}…`;
}

/** A string as views show it: clipped, then its direction controls closed. */
export const forDisplay = (text: string): string => closeDirectionControls(clipForDisplay(text));

/**
 * Every string inside a plain value (objects, arrays) made fit for display (forDisplay), except
 * under the keys in `whole` (an image's data: URI must stay whole).
 */
export function forDisplayDeep<T>(value: T, whole: ReadonlySet<string> = new Set()): T {
  if (typeof value === 'string') return forDisplay(value) as T;
  if (Array.isArray(value)) return value.map((v) => forDisplayDeep(v, whole)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, whole.has(k) ? v : forDisplayDeep(v, whole)])) as T;
  }
  return value;
}
