/**
 * Version detection and the 0.5 / 1.0 / 1.1 → 2.0 upgrades, as 1EdTech's validator-core does them
 * (SPECS §2.1, §2.9; tasks/graph.py _detect_openbadges_version, tasks/object_upgrades.py).
 * The JSON-LD compaction step of validator-core is replaced by the few renames it amounts to for
 * OB documents (`verify` → `verification`, `hosted`/`signed` → `HostedBadge`/`SignedBadge`,
 * `IssuerOrg` → `Issuer`).
 */
import { parseDateTime } from '../dates';
import { isObject, listOf, type JsonObject } from './json';
import { OB1_CONTEXT } from './vocab';

export type Ob2Version = '0.5' | '1.0' | '1.1' | '2.0';
export type NodeClass =
  | 'Assertion'
  | 'BadgeClass'
  | 'Issuer'
  | 'Profile'
  | 'CryptographicKey'
  | 'RevocationList'
  | 'Endorsement';

/**
 * validator-core's rule: an `@context` string containing `v1` → 1.1, `v2` → 2.0; no `@context`: a
 * string recipient → 0.5, else 1.0; anything else → 2.0.
 */
export function detectOb2Version(doc: unknown): Ob2Version | null {
  if (!isObject(doc)) return null;
  const context = doc['@context'];
  if (typeof context === 'string') {
    if (context.includes('v1')) return '1.1';
    if (context.includes('v2')) return '2.0';
    return '2.0';
  }
  if (context === undefined || context === null) {
    return typeof doc['recipient'] === 'string' ? '0.5' : '1.0';
  }
  return '2.0';
}

export interface Upgraded {
  readonly node: JsonObject;
  readonly version: Ob2Version;
  /** What the upgrade could not do (e.g. no id for a 1.0 assertion). */
  readonly problems: readonly string[];
}

const clone = (o: JsonObject): JsonObject => structuredClone(o);

/**
 * Bring a node to the 2.0 shape. `nodeUrl` is where it was fetched from (validator-core's node_id:
 * for 0.5/1.0 documents it becomes the id); `expected` the class the referring property expects.
 */
export function upgradeNode(
  doc: JsonObject,
  opts: { nodeUrl?: string | null; expected?: NodeClass | null } = {},
): Upgraded {
  const version = detectOb2Version(doc) ?? '2.0';
  const problems: string[] = [];
  let node = clone(doc);
  const nodeUrl = opts.nodeUrl ?? null;
  const expected = opts.expected ?? null;

  if (version === '0.5') node = upgrade05(node, nodeUrl, expected, problems);
  else if (version === '1.0') node = upgrade10(node, nodeUrl, expected, problems);

  node = compactAliases(node);
  if (version !== '2.0') node = upgrade11(node, expected);
  return { node, version, problems };
}

function upgrade05(data: JsonObject, nodeUrl: string | null, expected: NodeClass | null, problems: string[]): JsonObject {
  const cls = expected ?? 'Assertion';
  data['type'] = cls;
  data['@context'] = OB1_CONTEXT;
  if (data['id'] === undefined || data['id'] === null) {
    if (nodeUrl) data['id'] = nodeUrl;
    else problems.push('no-id');
  }
  if (data['issued_on'] !== undefined && data['issuedOn'] === undefined) {
    data['issuedOn'] = data['issued_on'];
    delete data['issued_on'];
  }
  if (typeof data['recipient'] === 'string') {
    const identity = data['recipient'];
    const recipient: JsonObject = { identity, type: 'email', hashed: !identity.includes('@') };
    if (data['salt']) {
      recipient['salt'] = data['salt'];
      delete data['salt'];
    }
    data['recipient'] = recipient;
    data['verify'] = { type: 'HostedBadge' };
  }
  const badge = data['badge'];
  if (isObject(badge)) {
    badge['type'] = 'BadgeClass';
    const issuer = badge['issuer'];
    if (isObject(issuer)) {
      issuer['type'] = 'Profile';
      for (const [term, next] of [
        ['contact', 'email'],
        ['origin', 'url'],
      ] as const) {
        if (issuer[term] && !issuer[next]) {
          issuer[next] = issuer[term];
          delete issuer[term];
        }
      }
      if (issuer['name'] && issuer['org']) {
        issuer['name'] = `${String(issuer['name'])}: ${String(issuer['org'])}`;
        delete issuer['org'];
      }
    }
  }
  return data;
}

function upgrade10(data: JsonObject, nodeUrl: string | null, expected: NodeClass | null, problems: string[]): JsonObject {
  let nodeId = nodeUrl;
  if (expected === 'Assertion' || (data['recipient'] !== undefined && data['recipient'] !== null)) {
    if ((data['id'] === undefined || data['id'] === null) && nodeId === null) {
      const verify = isObject(data['verify']) ? data['verify'] : {};
      if (verify['type'] === 'hosted' && typeof verify['url'] === 'string') nodeId = verify['url'];
      else if (verify['type'] === 'signed' && data['uid'] !== undefined && data['uid'] !== null) {
        nodeId = `uid:${String(data['uid'])}`;
      }
    }
    if (nodeId) data['id'] = nodeId;
    else if (data['id'] === undefined || data['id'] === null) problems.push('no-id');
    data['type'] = 'Assertion';
  } else if (expected === 'BadgeClass' || (data['criteria'] !== undefined && data['criteria'] !== null)) {
    if (nodeId) data['id'] = nodeId;
    else if (data['id'] === undefined || data['id'] === null) problems.push('no-id');
    data['type'] = 'BadgeClass';
  } else if (expected === 'Issuer' || expected === 'Profile' || (data['url'] !== undefined && data['url'] !== null)) {
    if (nodeId) data['id'] = nodeId;
    else if (data['id'] === undefined || data['id'] === null) problems.push('no-id');
    data['type'] = 'Issuer';
  }
  data['@context'] = OB1_CONTEXT;
  return data;
}

/** What compacting a 1.x node against the v2 context renames. */
function compactAliases(data: JsonObject): JsonObject {
  if (data['verification'] === undefined && data['verify'] !== undefined) {
    data['verification'] = data['verify'];
    delete data['verify'];
  }
  const verification = data['verification'];
  if (isObject(verification)) {
    if (verification['type'] === 'hosted') verification['type'] = 'HostedBadge';
    if (verification['type'] === 'signed') verification['type'] = 'SignedBadge';
  }
  if (data['type'] === 'IssuerOrg') data['type'] = 'Issuer';
  return data;
}

/** The 1.1 → 2.0 content upgrades: Unix/naive/date-only timestamps to ISO 8601 UTC, alignment terms. */
function upgrade11(data: JsonObject, expected: NodeClass | null): JsonObject {
  if (expected === 'Assertion' || (data['recipient'] !== undefined && data['recipient'] !== null)) {
    for (const prop of ['issuedOn', 'expires']) {
      const value = data[prop];
      if (value === undefined || value === null) continue;
      if (parseDateTime(value) !== null) continue; // already a 2.0 DateTime
      const date = parseDateTime(value, { allowUnix: true, allowDateOnly: true, allowNaive: true });
      if (date) data[prop] = date.toISOString();
    }
  } else if (expected === 'BadgeClass' || (data['criteria'] !== undefined && data['criteria'] !== null)) {
    const alignment = data['alignment'];
    if (alignment !== undefined) {
      const fixed = listOf(alignment).map((a) => {
        if (!isObject(a)) return a;
        const copy = { ...a };
        for (const [term, next] of [
          ['url', 'targetUrl'],
          ['name', 'targetName'],
          ['description', 'targetDescription'],
        ] as const) {
          if (copy[term] && !copy[next]) {
            copy[next] = copy[term];
            delete copy[term];
          }
        }
        return copy;
      });
      data['alignment'] = Array.isArray(alignment) ? fixed : fixed[0];
    }
  }
  return data;
}
