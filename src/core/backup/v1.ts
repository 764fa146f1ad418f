/**
 * Version 1 of the backup manifest (besace-backup.json), the app's first release of the format:
 *
 *   {
 *     "format": "besace-backup", "version": 1, "exportedAt": "<ISO>", "app": "besace",
 *     "badges": [{ "id", "addedAt", "file": "badges/<id>.<ext>", "mediaType", "fileName",
 *                  "extracted", "badge", "identityKey", "latest" }],
 *     "reports": [{ "badgeId", "checkedAt", "verdict", "checks", "online" }],   oldest first
 *     "identities": [{ "value", "kind", "addedAt" }],
 *     "settings": { "lang", "displayName", "reverifyAfterMs" }
 *   }
 *
 * This file is frozen once released: a change to what is written makes a version 2 (a new
 * `v2.ts` and a line in decode.ts), and this decoder keeps reading version 1 files. The readers
 * below may be reused by later versions for the parts that did not change.
 *
 * Version 2 is the latest now: nothing writes version 1 any more (its encoder is gone), and what this
 * decoder gives back is version 1's own shape (DecodedManifestV1: no collections, settings without
 * LinkedIn organisation ids), which decode.ts lifts to today's.
 */
import { EXTRACT_WARNING_CODES, type Container, type ObVersionHint, type PayloadKind } from '../baking/types';
import type { Extracted, ExtractWarning } from '../baking/types';
import type {
  Badge,
  BadgeAlignment,
  BadgeEvidence,
  BadgeImage,
  BadgeIssuer,
  BadgeRecipient,
  ObVersion,
  ProofFormat,
} from '../model/badge';
import { CHECK_CODES, type Check, type CheckId, type CheckStatus, type Verdict } from '../verify/types';
import {
  BACKUP_APP,
  badgePath,
  EXTENSION_BY_MEDIA_TYPE,
  type BackupIdentity,
  type BackupReport,
  type BackupSettings,
  type ManifestBadge,
} from './format';
import {
  array,
  bad,
  boolean,
  has,
  inList,
  isoDateTime,
  nonEmptyString,
  nonNegativeInteger,
  object,
  oneOf,
  scalarRecord,
  string,
  stringOrNull,
} from './shape';

// Closed sets as records: the compiler says when the model gains a member these do not list.
const CHECK_IDS: Readonly<Record<CheckId, true>> = {
  parse: true, version: true, fetch: true, scope: true, context: true, type: true, schema: true, image: true,
  signature: true, issuerKey: true, status: true, validFrom: true, expiry: true, recipient: true, endorsements: true,
};
const CHECK_STATUSES: Readonly<Record<CheckStatus, true>> = { pass: true, fail: true, warn: true, unchecked: true };
const VERDICTS: Readonly<Record<Verdict, true>> = { valid: true, warning: true, invalid: true, unverified: true };
const CONTAINERS: Readonly<Record<Container, true>> = { png: true, svg: true, json: true, jws: true, url: true };
const VERSION_HINTS: Readonly<Record<ObVersionHint, true>> = { '1.x': true, '2.0': true, '3.0': true, unknown: true };
const PAYLOAD_KINDS: Readonly<Record<PayloadKind, true>> = { url: true, json: true, jws: true, jwt: true };
const OB_VERSIONS: Readonly<Record<ObVersion, true>> = { '0.5': true, '1.0': true, '1.1': true, '2.0': true, '3.0': true };
const PROOF_FORMATS: Readonly<Record<ProofFormat, true>> = {
  hosted: true, jws: true, 'vc-jwt': true, 'data-integrity': true, none: true,
};
const IDENTITY_KINDS: Readonly<Record<BackupIdentity['kind'], true>> = { email: true, url: true, other: true };
const LANGS: Readonly<Record<'en' | 'fr', true>> = { en: true, fr: true };

const BADGE_ID = /^[0-9a-f]{64}$/;

export function readCheck(v: unknown, path: string): Check {
  const o = object(v, path, ['id', 'status', 'code'], ['params']);
  const base = {
    id: oneOf(CHECK_IDS, o['id'], `${path}.id`),
    status: oneOf(CHECK_STATUSES, o['status'], `${path}.status`),
    code: inList(CHECK_CODES, o['code'], `${path}.code`),
  };
  return has(o, 'params') ? { ...base, params: scalarRecord(o['params'], `${path}.params`, true) } : base;
}

export function readReport(v: unknown, path: string): BackupReport {
  const o = object(v, path, ['badgeId', 'checkedAt', 'verdict', 'checks', 'online']);
  return {
    badgeId: badgeId(o['badgeId'], `${path}.badgeId`),
    checkedAt: isoDateTime(o['checkedAt'], `${path}.checkedAt`),
    verdict: oneOf(VERDICTS, o['verdict'], `${path}.verdict`),
    checks: array(o['checks'], `${path}.checks`, readCheck),
    online: boolean(o['online'], `${path}.online`),
  };
}

function readWarning(v: unknown, path: string): ExtractWarning {
  const o = object(v, path, ['code'], ['params']);
  const code = inList(EXTRACT_WARNING_CODES, o['code'], `${path}.code`);
  if (!has(o, 'params')) return { code };
  return { code, params: scalarRecord(o['params'], `${path}.params`, false) as Record<string, string | number> };
}

export function readExtracted(v: unknown, path: string): Extracted {
  const o = object(v, path, ['container', 'obVersionHint', 'payloadKind', 'payload', 'warnings']);
  return {
    container: oneOf(CONTAINERS, o['container'], `${path}.container`),
    obVersionHint: oneOf(VERSION_HINTS, o['obVersionHint'], `${path}.obVersionHint`),
    payloadKind: oneOf(PAYLOAD_KINDS, o['payloadKind'], `${path}.payloadKind`),
    payload: string(o['payload'], `${path}.payload`),
    warnings: array(o['warnings'], `${path}.warnings`, readWarning),
  };
}

function readImage(v: unknown, path: string): BadgeImage | null {
  if (v === null) return null;
  const o = object(v, path, ['src'], ['caption']);
  const src = string(o['src'], `${path}.src`);
  return has(o, 'caption') ? { src, caption: string(o['caption'], `${path}.caption`) } : { src };
}

function readIssuer(v: unknown, path: string): BadgeIssuer {
  const o = object(v, path, ['id', 'name', 'url', 'email', 'image']);
  return {
    id: stringOrNull(o['id'], `${path}.id`),
    name: stringOrNull(o['name'], `${path}.name`),
    url: stringOrNull(o['url'], `${path}.url`),
    email: stringOrNull(o['email'], `${path}.email`),
    image: readImage(o['image'], `${path}.image`),
  };
}

function readRecipient(v: unknown, path: string): BadgeRecipient {
  const o = object(v, path, ['type', 'hashed', 'identity', 'salt']);
  return {
    type: string(o['type'], `${path}.type`),
    hashed: boolean(o['hashed'], `${path}.hashed`),
    identity: string(o['identity'], `${path}.identity`),
    salt: stringOrNull(o['salt'], `${path}.salt`),
  };
}

function readAlignment(v: unknown, path: string): BadgeAlignment {
  const o = object(v, path, ['targetName', 'targetUrl', 'targetDescription', 'targetFramework', 'targetCode']);
  return {
    targetName: string(o['targetName'], `${path}.targetName`),
    targetUrl: stringOrNull(o['targetUrl'], `${path}.targetUrl`),
    targetDescription: stringOrNull(o['targetDescription'], `${path}.targetDescription`),
    targetFramework: stringOrNull(o['targetFramework'], `${path}.targetFramework`),
    targetCode: stringOrNull(o['targetCode'], `${path}.targetCode`),
  };
}

function readEvidence(v: unknown, path: string): BadgeEvidence {
  const o = object(v, path, ['id', 'name', 'description', 'narrative']);
  return {
    id: stringOrNull(o['id'], `${path}.id`),
    name: stringOrNull(o['name'], `${path}.name`),
    description: stringOrNull(o['description'], `${path}.description`),
    narrative: stringOrNull(o['narrative'], `${path}.narrative`),
  };
}

function readCriteria(v: unknown, path: string): Badge['criteria'] {
  if (v === null) return null;
  const o = object(v, path, ['url', 'narrative']);
  return { url: stringOrNull(o['url'], `${path}.url`), narrative: stringOrNull(o['narrative'], `${path}.narrative`) };
}

const BADGE_KEYS = [
  'obVersion', 'proof', 'id', 'achievementId', 'name', 'description', 'criteria', 'image', 'issuer', 'issuedOn',
  'expires', 'awardedOn', 'recipients', 'subjectId', 'narrative', 'evidence', 'alignments', 'tags',
  'achievementType', 'endorsementCount',
] as const satisfies readonly (keyof Badge)[];

export function readBadge(v: unknown, path: string): Badge | null {
  if (v === null) return null;
  const o = object(v, path, BADGE_KEYS);
  return {
    obVersion: oneOf(OB_VERSIONS, o['obVersion'], `${path}.obVersion`),
    proof: oneOf(PROOF_FORMATS, o['proof'], `${path}.proof`),
    id: stringOrNull(o['id'], `${path}.id`),
    achievementId: stringOrNull(o['achievementId'], `${path}.achievementId`),
    name: string(o['name'], `${path}.name`),
    description: stringOrNull(o['description'], `${path}.description`),
    criteria: readCriteria(o['criteria'], `${path}.criteria`),
    image: readImage(o['image'], `${path}.image`),
    issuer: readIssuer(o['issuer'], `${path}.issuer`),
    issuedOn: stringOrNull(o['issuedOn'], `${path}.issuedOn`),
    expires: stringOrNull(o['expires'], `${path}.expires`),
    awardedOn: stringOrNull(o['awardedOn'], `${path}.awardedOn`),
    recipients: array(o['recipients'], `${path}.recipients`, readRecipient),
    subjectId: stringOrNull(o['subjectId'], `${path}.subjectId`),
    narrative: stringOrNull(o['narrative'], `${path}.narrative`),
    evidence: array(o['evidence'], `${path}.evidence`, readEvidence),
    alignments: array(o['alignments'], `${path}.alignments`, readAlignment),
    tags: array(o['tags'], `${path}.tags`, string),
    achievementType: stringOrNull(o['achievementType'], `${path}.achievementType`),
    endorsementCount: nonNegativeInteger(o['endorsementCount'], `${path}.endorsementCount`),
  };
}

export function badgeId(v: unknown, path: string): string {
  const s = string(v, path);
  return BADGE_ID.test(s) ? s : bad(path, 'expected a SHA-256 in lower-case hex');
}

export function readIdentity(v: unknown, path: string): BackupIdentity {
  const o = object(v, path, ['value', 'kind', 'addedAt']);
  return {
    value: nonEmptyString(o['value'], `${path}.value`),
    kind: oneOf(IDENTITY_KINDS, o['kind'], `${path}.kind`),
    addedAt: isoDateTime(o['addedAt'], `${path}.addedAt`),
  };
}

/** Version 1's settings: no LinkedIn organisation ids yet. */
export type SettingsV1 = Omit<BackupSettings, 'linkedInOrganizations'>;

export function readSettings(v: unknown, path: string): SettingsV1 {
  const o = object(v, path, ['lang', 'displayName', 'reverifyAfterMs']);
  return {
    lang: o['lang'] === null ? null : oneOf(LANGS, o['lang'], `${path}.lang`),
    displayName: stringOrNull(o['displayName'], `${path}.displayName`),
    reverifyAfterMs: nonNegativeInteger(o['reverifyAfterMs'], `${path}.reverifyAfterMs`),
  };
}

/** What the version 1 decoder hands back: the data in version 1's shape, and the files still to read and check. */
export interface DecodedManifestV1 {
  readonly exportedAt: string;
  readonly badges: readonly ManifestBadge[];
  readonly reports: readonly BackupReport[];
  readonly identities: readonly BackupIdentity[];
  readonly settings: SettingsV1;
}

export function readManifestBadge(v: unknown, path: string): ManifestBadge {
  const o = object(v, path, ['id', 'addedAt', 'file', 'mediaType', 'fileName', 'extracted', 'badge', 'identityKey', 'latest']);
  const id = badgeId(o['id'], `${path}.id`);
  const mediaType = string(o['mediaType'], `${path}.mediaType`);
  if (!Object.prototype.hasOwnProperty.call(EXTENSION_BY_MEDIA_TYPE, mediaType)) bad(`${path}.mediaType`, 'unknown media type');
  const file = string(o['file'], `${path}.file`);
  if (file !== badgePath(id, mediaType)) bad(`${path}.file`, `expected ${badgePath(id, mediaType)}`);
  const latest = o['latest'] === null ? null : readReport(o['latest'], `${path}.latest`);
  if (latest && latest.badgeId !== id) bad(`${path}.latest.badgeId`, 'not this badge');
  return {
    file,
    record: {
      id,
      addedAt: isoDateTime(o['addedAt'], `${path}.addedAt`),
      original: { mediaType, fileName: stringOrNull(o['fileName'], `${path}.fileName`) },
      extracted: readExtracted(o['extracted'], `${path}.extracted`),
      badge: readBadge(o['badge'], `${path}.badge`),
      identityKey: stringOrNull(o['identityKey'], `${path}.identityKey`),
      latest,
    },
  };
}

/** The version 1 manifest → the data it describes. Throws ShapeError (decode.ts turns it into BAD_BACKUP). */
export function decodeManifestV1(v: unknown): DecodedManifestV1 {
  const o = object(v, '$', ['format', 'version', 'exportedAt', 'app', 'badges', 'reports', 'identities', 'settings']);
  if (o['app'] !== BACKUP_APP) bad('$.app', `expected "${BACKUP_APP}"`);
  const badges = array(o['badges'], '$.badges', readManifestBadge);
  const ids = new Set<string>();
  badges.forEach((b, i) => {
    if (ids.has(b.record.id)) bad(`$.badges[${i}].id`, 'listed twice');
    ids.add(b.record.id);
  });
  const reports = array(o['reports'], '$.reports', readReport);
  reports.forEach((r, i) => {
    if (!ids.has(r.badgeId)) bad(`$.reports[${i}].badgeId`, 'no such badge in this backup');
  });
  const identities = array(o['identities'], '$.identities', readIdentity);
  const values = new Set<string>();
  identities.forEach((x, i) => {
    if (values.has(x.value)) bad(`$.identities[${i}].value`, 'listed twice');
    values.add(x.value);
  });
  return {
    exportedAt: isoDateTime(o['exportedAt'], '$.exportedAt'),
    badges,
    reports,
    identities,
    settings: readSettings(o['settings'], '$.settings'),
  };
}
