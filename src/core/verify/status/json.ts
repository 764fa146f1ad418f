/** Small readers for untrusted JSON, shared by the status checks. */
import { MAX_DEPTH, tooDeep } from '../depth';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-LD "one or many": undefined/null → [], a single value → [value]. */
export const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** A trimmed non-empty string, else null. */
export const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The `type` of a node as a list of strings (a single string or an array). */
export const typesOf = (node: unknown): string[] =>
  isObject(node) ? asArray(node['type']).filter((t): t is string => typeof t === 'string').map((t) => t.trim()) : [];

/** The id of a node given as a string or as an object with an `id`. */
export const idOf = (value: unknown): string | null => (isObject(value) ? str(value['id']) : str(value));

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes → a JSON object, or null (not UTF-8, not JSON, not an object). */
export function parseJsonObject(bytes: Uint8Array): JsonObject | null {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return isObject(value) && !tooDeep(value, MAX_DEPTH) ? value : null;
  } catch {
    return null;
  }
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The body as a compact JWS (a VC-JWT status list), or null. */
export function asCompactJws(bytes: Uint8Array): string | null {
  try {
    const text = decoder.decode(bytes).trim();
    return COMPACT_JWS.test(text) ? text : null;
  } catch {
    return null;
  }
}
