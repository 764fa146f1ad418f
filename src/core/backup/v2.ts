/**
 * Version 2 of the backup manifest (besace-backup.json): version 1 plus the earner's collections and
 * the LinkedIn organisation ids in the settings.
 *
 *   {
 *     "format": "besace-backup", "version": 2, "exportedAt": "<ISO>", "app": "besace",
 *     "badges": [{ "id", "addedAt", "file": "badges/<id>.<ext>", "mediaType", "fileName",
 *                  "extracted", "badge", "identityKey", "latest" }],                as in version 1
 *     "reports": [{ "badgeId", "checkedAt", "verdict", "checks", "online" }],   oldest first
 *     "identities": [{ "value", "kind", "addedAt" }],
 *     "collections": [{ "id", "title", "badgeIds": ["<badge id>", …], "position", "createdAt", "updatedAt",
 *                       "share": { "displayName", "recipient", "evidence", "until" } }],   in the earner's order
 *     "settings": { "lang", "displayName", "reverifyAfterMs", "linkedInOrganizations": { "<issuer>": "<org id>" } }
 *   }
 *
 * A collection names only badges of the same backup, each once: the app removes a badge from every
 * collection when it removes the badge, and the export writes the collections and the badges from
 * one snapshot. A collection naming a badge the backup does not hold is therefore not something
 * Besace wrote (an edited or damaged file): BAD_BACKUP, like a report of a missing badge — the
 * badge is not silently dropped from the collection.
 *
 * Frozen once released, as version 1 is: a change to what is written makes a version 3.
 */
import {
  BACKUP_APP,
  BACKUP_FORMAT,
  badgePath,
  type BackupCollection,
  type BackupData,
  type BackupSettings,
  type BackupShareChoices,
  type DecodedManifest,
} from './format';
import {
  array,
  bad,
  boolean,
  distinct,
  isoDateTime,
  nonEmptyString,
  nonNegativeInteger,
  object,
  string,
  stringOrNull,
  stringRecord,
} from './shape';
import { badgeId, readIdentity, readManifestBadge, readReport, readSettings } from './v1';

/** As Date.prototype.toISOString writes a year past 9999 (or before 0): the app stores `until` that way. */
const EXTENDED_YEAR_DATE_TIME = /^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A share's end: an ISO date-time, extended years included (an earner may type year 20260). */
function until(v: unknown, path: string): string | null {
  if (v === null) return null;
  const s = string(v, path);
  if (EXTENDED_YEAR_DATE_TIME.test(s) && Number.isFinite(Date.parse(s))) return s;
  return isoDateTime(s, path);
}

function readShareChoices(v: unknown, path: string): BackupShareChoices {
  const o = object(v, path, ['displayName', 'recipient', 'evidence', 'until']);
  const recipient = stringOrNull(o['recipient'], `${path}.recipient`);
  if (recipient !== null && recipient.trim() === '') bad(`${path}.recipient`, 'empty');
  return {
    displayName: boolean(o['displayName'], `${path}.displayName`),
    recipient,
    evidence: boolean(o['evidence'], `${path}.evidence`),
    until: until(o['until'], `${path}.until`),
  };
}

export function readCollection(v: unknown, path: string): BackupCollection {
  const o = object(v, path, ['id', 'title', 'badgeIds', 'position', 'createdAt', 'updatedAt', 'share']);
  const title = string(o['title'], `${path}.title`);
  if (title.trim() === '') bad(`${path}.title`, 'empty');
  const badgeIds = array(o['badgeIds'], `${path}.badgeIds`, badgeId);
  distinct(badgeIds, `${path}.badgeIds`, '', (id) => id);
  return {
    id: nonEmptyString(o['id'], `${path}.id`),
    title,
    badgeIds,
    position: nonNegativeInteger(o['position'], `${path}.position`),
    createdAt: isoDateTime(o['createdAt'], `${path}.createdAt`),
    updatedAt: isoDateTime(o['updatedAt'], `${path}.updatedAt`),
    share: readShareChoices(o['share'], `${path}.share`),
  };
}

export function readSettingsV2(v: unknown, path: string): BackupSettings {
  const o = object(v, path, ['lang', 'displayName', 'reverifyAfterMs', 'linkedInOrganizations']);
  // Version 1's reader for the part that did not change (it sees only its own keys).
  const { linkedInOrganizations, ...v1 } = o;
  return {
    ...readSettings(v1, path),
    linkedInOrganizations: stringRecord(linkedInOrganizations, `${path}.linkedInOrganizations`),
  };
}

/** The version 2 manifest → the data it describes. Throws ShapeError (decode.ts turns it into BAD_BACKUP). */
export function decodeManifestV2(v: unknown): DecodedManifest {
  const o = object(v, '$', ['format', 'version', 'exportedAt', 'app', 'badges', 'reports', 'identities', 'collections', 'settings']);
  if (o['app'] !== BACKUP_APP) bad('$.app', `expected "${BACKUP_APP}"`);
  const badges = array(o['badges'], '$.badges', readManifestBadge);
  const ids = distinct(badges, '$.badges', '.id', (b) => b.record.id);
  const reports = array(o['reports'], '$.reports', readReport);
  reports.forEach((r, i) => {
    if (!ids.has(r.badgeId)) bad(`$.reports[${i}].badgeId`, 'no such badge in this backup');
  });
  const identities = array(o['identities'], '$.identities', readIdentity);
  distinct(identities, '$.identities', '.value', (x) => x.value);
  const collections = array(o['collections'], '$.collections', readCollection);
  distinct(collections, '$.collections', '.id', (c) => c.id);
  collections.forEach((c, i) =>
    c.badgeIds.forEach((id, j) => {
      if (!ids.has(id)) bad(`$.collections[${i}].badgeIds[${j}]`, 'no such badge in this backup');
    }),
  );
  return {
    exportedAt: isoDateTime(o['exportedAt'], '$.exportedAt'),
    badges,
    reports,
    identities,
    collections,
    settings: readSettingsV2(o['settings'], '$.settings'),
  };
}

/**
 * The version 2 manifest of some data (what encodeBackup writes while 2 is the latest version).
 * Collections and settings are written key by key: the app's records may carry more than the format
 * knows, and the decoder refuses unknown keys. Collections are written in the order given (the
 * earner's); their badgeIds must name badges of `data` (the decoder refuses any other).
 */
export function encodeManifestV2(data: BackupData): unknown {
  const { lang, displayName, reverifyAfterMs, linkedInOrganizations } = data.settings;
  return {
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: data.exportedAt,
    app: BACKUP_APP,
    badges: data.badges.map((b) => ({
      id: b.id,
      addedAt: b.addedAt,
      file: badgePath(b.id, b.original.mediaType),
      mediaType: b.original.mediaType,
      fileName: b.original.fileName,
      extracted: b.extracted,
      badge: b.badge,
      identityKey: b.identityKey,
      latest: b.latest,
    })),
    reports: data.reports,
    identities: data.identities,
    collections: data.collections.map((c) => ({
      id: c.id,
      title: c.title,
      badgeIds: c.badgeIds,
      position: c.position,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      share: { displayName: c.share.displayName, recipient: c.share.recipient, evidence: c.share.evidence, until: c.share.until },
    })),
    settings: { lang, displayName, reverifyAfterMs, linkedInOrganizations },
  };
}
