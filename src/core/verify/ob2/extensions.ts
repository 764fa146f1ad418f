/**
 * OB 2.0 extension nodes (objects whose type includes `Extension`). 1EdTech's validators fetch the
 * extension's context, find its `obi:validation` JSON schema and validate the node with it
 * (validator-core tasks/extensions.py, Java ExtensionProbe). Besace fetches neither contexts nor
 * schemas and carries no JSON-schema engine: the three extensions 1EdTech ships test schemas for are
 * checked by hand-written rules equal to those schemas (validator-core openbadges/verifier/extensions.py);
 * any other extension type is reported `unchecked` SCHEMA_UNAVAILABLE.
 */
import type { Check } from '../types';
import { check } from '../types';
import { isObject, listOf, short, type JsonObject } from './json';

interface Rule {
  /** Property names (compact terms and their IRIs) the value may be written under. */
  readonly names: readonly string[];
  readonly required: boolean;
  readonly valid: (v: unknown) => boolean;
  readonly label: string;
}

const isString = (v: unknown): boolean => typeof v === 'string';
const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isUri = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
};

/** extensions:ExampleExtension, extensions:ApplyLink, extensions:GeoCoordinates (JSON schemas draft-04). */
const KNOWN: Readonly<Record<string, readonly Rule[]>> = {
  ExampleExtension: [
    {
      label: 'exampleProperty',
      names: ['exampleProperty', 'http://schema.org/text', 'schema:text'],
      required: true,
      valid: isString,
    },
  ],
  ApplyLink: [
    {
      label: 'url',
      names: ['url', 'extensions:applyLink', 'https://w3id.org/openbadges/extensions#applyLink'],
      required: true,
      valid: isUri,
    },
  ],
  GeoCoordinates: [
    {
      label: 'description',
      names: ['description', 'schema:description', 'http://schema.org/description'],
      required: true,
      valid: isString,
    },
    { label: 'name', names: ['name', 'schema:name', 'http://schema.org/name'], required: false, valid: isString },
    {
      label: 'geo',
      names: ['geo', 'schema:geo', 'http://schema.org/geo'],
      required: true,
      valid: (v) => {
        if (!isObject(v)) return false;
        const lat = v['latitude'] ?? v['schema:latitude'] ?? v['http://schema.org/latitude'];
        const lon = v['longitude'] ?? v['schema:longitude'] ?? v['http://schema.org/longitude'];
        return isNumber(lat) && isNumber(lon);
      },
    },
  ],
};

/** The local name of a type IRI or compact IRI: after the last '#', '/' or ':'. */
function localName(type: string): string {
  const m = /[^#/:]*$/.exec(type);
  return m ? m[0] : type;
}

/** Every extension node reachable from `root` (not descending into other extension nodes). */
function findExtensionNodes(root: unknown, maxDepth = 12): JsonObject[] {
  const found: JsonObject[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > maxDepth || found.length > 32) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (depth > 0 && listOf(v['type']).includes('Extension')) {
      found.push(v);
      return;
    }
    for (const [k, x] of Object.entries(v)) if (k !== '@context' && k !== 'id' && k !== 'type') walk(x, depth + 1);
  };
  walk(root, 0);
  return found;
}

/** 'schema' checks for the extension nodes under `root`: fail SCHEMA_ERROR, unchecked SCHEMA_UNAVAILABLE. */
export function extensionChecks(root: JsonObject, label: string): Check[] {
  const checks: Check[] = [];
  for (const ext of findExtensionNodes(root)) {
    const types = listOf(ext['type']).filter((t): t is string => typeof t === 'string' && t !== 'Extension');
    if (types.length === 0) {
      checks.push(check('schema', 'fail', 'SCHEMA_ERROR', { node: label, reason: 'extension-without-type' }));
      continue;
    }
    for (const type of types) {
      const rules = KNOWN[localName(type)];
      if (!rules) {
        checks.push(check('schema', 'unchecked', 'SCHEMA_UNAVAILABLE', { node: label, extension: type }));
        continue;
      }
      for (const rule of rules) {
        const name = rule.names.find((n) => n in ext);
        const value = name === undefined ? undefined : ext[name];
        if (value === undefined) {
          if (rule.required) {
            checks.push(check('schema', 'fail', 'SCHEMA_ERROR', {
              node: label,
              extension: type,
              property: rule.label,
              reason: 'missing',
            }));
          }
        } else if (!rule.valid(value)) {
          checks.push(
            check('schema', 'fail', 'SCHEMA_ERROR', {
              node: label,
              extension: type,
              property: rule.label,
              value: short(value),
            }),
          );
        }
      }
    }
  }
  return checks;
}
