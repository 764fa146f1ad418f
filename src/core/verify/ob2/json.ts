/**
 * Reading OB 1.x/2.0 JSON as found in the wild: a UTF-8 BOM, `//` and `/* *\/` comments outside
 * strings (1EdTech's ob20/redirected-validation-subject.json), nothing else. Never throws.
 */
export type JsonObject = { [key: string]: unknown };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Remove comments that sit outside JSON strings; strings (and `//` inside them, as in URLs) are kept. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      // Copy the whole string literal, escapes included.
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** JSON.parse, then (only if that fails) again without comments. */
export function parseJsonLenient(text: string): { ok: true; value: unknown } | { ok: false } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch {
    /* fall through */
  }
  try {
    return { ok: true, value: JSON.parse(stripJsonComments(clean)) };
  } catch {
    return { ok: false };
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value or list of values as a list (`list_of` in validator-core). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export { tooDeep } from '../depth';

/** A text value: a string, or a JSON-LD value object `{"@value": "…"}`; else null. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value['@value'] === 'string') return value['@value'];
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

/** Shorten a value for a message parameter. */
export function short(value: unknown, max = 100): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
