/**
 * Readers for untrusted JSON: each one checks a value's shape and builds a fresh value of today's
 * type (never the input object itself), or throws ShapeError naming the JSON path. Decoders catch
 * ShapeError at their boundary and turn it into BAD_BACKUP; nothing here escapes decodeBackup.
 *
 * Objects are strict: a key the reader does not know is an error (a hand-edited or hostile file,
 * or a newer writer that forgot to bump the version). Objects are built with Object.fromEntries /
 * literals, so a "__proto__" key in the input stays an ordinary own property.
 */

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
  ) {
    super(`${path}: ${why}`);
    this.name = 'ShapeError';
  }
}

export const bad = (path: string, why: string): never => {
  throw new ShapeError(path, why);
};

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A plain JSON object with only the given keys (every `required` one present). */
export function object(
  v: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Readonly<Record<string, unknown>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(path, `expected an object, found ${describe(v)}`);
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) bad(`${path}.${key}`, 'unknown property');
  }
  for (const key of required) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) bad(`${path}.${key}`, 'missing');
  }
  return o;
}

export const has = (o: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;

export function string(v: unknown, path: string): string {
  return typeof v === 'string' ? v : bad(path, `expected a string, found ${describe(v)}`);
}

export function nonEmptyString(v: unknown, path: string): string {
  const s = string(v, path);
  return s.length > 0 ? s : bad(path, 'empty');
}

export function stringOrNull(v: unknown, path: string): string | null {
  return v === null ? null : string(v, path);
}

export function boolean(v: unknown, path: string): boolean {
  return typeof v === 'boolean' ? v : bad(path, `expected a boolean, found ${describe(v)}`);
}

export function finiteNumber(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : bad(path, `expected a finite number, found ${describe(v)}`);
}

export function nonNegativeInteger(v: unknown, path: string): number {
  const n = finiteNumber(v, path);
  return Number.isSafeInteger(n) && n >= 0 ? n : bad(path, 'expected a non-negative integer');
}

export function array<T>(v: unknown, path: string, item: (x: unknown, path: string) => T): T[] {
  if (!Array.isArray(v)) return bad(path, `expected an array, found ${describe(v)}`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

/** One of a closed set of strings, given as a record so the compiler checks the set is complete. */
export function oneOf<K extends string>(set: Readonly<Record<K, true>>, v: unknown, path: string): K {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(set, v)
    ? (v as K)
    : bad(path, `unexpected value ${JSON.stringify(v)?.slice(0, 80) ?? describe(v)}`);
}

/** One of a closed list of strings. */
export function inList<K extends string>(list: readonly K[], v: unknown, path: string): K {
  return typeof v === 'string' && (list as readonly string[]).includes(v)
    ? (v as K)
    : bad(path, `unexpected value ${JSON.stringify(v)?.slice(0, 80) ?? describe(v)}`);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time written by the app (toISOString): a real date. */
export function isoDateTime(v: unknown, path: string): string {
  const s = string(v, path);
  return ISO_DATE_TIME.test(s) && Number.isFinite(Date.parse(s)) ? s : bad(path, 'expected an ISO date-time');
}

/** A flat record of parameters: string keys, string or finite number values (and booleans when allowed). */
export function scalarRecord(
  v: unknown,
  path: string,
  allowBoolean: boolean,
): Readonly<Record<string, string | number | boolean>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(path, `expected an object, found ${describe(v)}`);
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]): [string, string | number | boolean] => {
    if (typeof x === 'string') return [k, x];
    if (typeof x === 'number' && Number.isFinite(x)) return [k, x];
    if (allowBoolean && typeof x === 'boolean') return [k, x];
    return bad(`${path}.${k}`, allowBoolean ? 'expected a string, a number or a boolean' : 'expected a string or a number');
  });
  return Object.fromEntries(entries);
}

/** A record of strings by key (both non-blank), e.g. LinkedIn organisation ids by issuer. Keys are named `path["key"]`. */
export function stringRecord(v: unknown, path: string): Readonly<Record<string, string>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(path, `expected an object, found ${describe(v)}`);
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]): [string, string] => {
    const at = `${path}[${JSON.stringify(k)}]`;
    if (k.trim() === '') bad(at, 'empty key');
    const s = string(x, at);
    return s.trim() !== '' ? [k, s] : bad(at, 'empty');
  });
  return Object.fromEntries(entries);
}

/** Refuses an item whose key an earlier item has (`path[i]<field>: listed twice`); returns the keys. */
export function distinct<T>(items: readonly T[], path: string, field: string, key: (item: T) => string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) bad(`${path}[${i}]${field}`, 'listed twice');
    seen.add(k);
  });
  return seen;
}
