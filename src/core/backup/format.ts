/**
 * The Besace backup: one ZIP file, self-describing and versioned.
 *
 *   besace-backup.json        the manifest, first entry: {"format": "besace-backup", "version": N, …}
 *   badges/<id>.<ext>         each original file, byte for byte; <id> is the SHA-256 (hex) of those bytes
 *
 * The manifest's `format` and `version` come first and are read before anything else: a version this
 * code does not know is BACKUP_TOO_NEW, never a guess. Every released version keeps its decoder
 * (decode.ts); only the latest version is written (encode.ts).
 *
 * These shapes mirror the app's BadgeRecord, StoredReport, EarnerIdentity, Collection and Settings
 * (src/app/types.ts) structurally, without importing the app: the core does not depend on the layers
 * above it, and a versioned format must not change when the app's types do. They are today's shapes:
 * a decoder of an older version hands back these (version 1 has no collections: `[]`, and no LinkedIn
 * organisation ids: `{}`).
 */
import type { Extracted } from '../baking/types';
import type { Badge } from '../model/badge';
import type { Check, Verdict } from '../verify/types';

export const BACKUP_FORMAT = 'besace-backup';
export const BACKUP_APP = 'besace';
/** The manifest's entry name: always the first entry of the ZIP. */
export const MANIFEST_NAME = 'besace-backup.json';
/** The version encodeBackup writes. Every version up to it has a decoder. */
export const LATEST_BACKUP_VERSION = 2;

export interface BackupReport {
  readonly badgeId: string;
  readonly checkedAt: string;
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly online: boolean;
}

export interface BackupBadge {
  /** SHA-256 (lower-case hex) of original.bytes: checked on decode. */
  readonly id: string;
  readonly addedAt: string;
  readonly original: {
    readonly bytes: Uint8Array;
    readonly mediaType: string;
    readonly fileName: string | null;
  };
  readonly extracted: Extracted;
  readonly badge: Badge | null;
  readonly identityKey: string | null;
  readonly latest: BackupReport | null;
}

export interface BackupIdentity {
  readonly value: string;
  readonly kind: 'email' | 'url' | 'other';
  readonly addedAt: string;
}

export interface BackupSettings {
  readonly lang: 'en' | 'fr' | null;
  readonly displayName: string | null;
  readonly reverifyAfterMs: number;
  /** LinkedIn organisation ids by issuer (the issuer's id or URL): non-empty keys and values. Since version 2. */
  readonly linkedInOrganizations: Readonly<Record<string, string>>;
}

/** What a collection's share link discloses besides its badges. Since version 2. */
export interface BackupShareChoices {
  readonly displayName: boolean;
  /** One of the earner's identities, or null. */
  readonly recipient: string | null;
  readonly evidence: boolean;
  /** ISO date-time after which the share has ended, or null. */
  readonly until: string | null;
}

/** A named, ordered selection of the backup's badges. Since version 2. */
export interface BackupCollection {
  readonly id: string;
  readonly title: string;
  /** Ids of badges in the same backup (never another one), each once, in the earner's order. */
  readonly badgeIds: readonly string[];
  /** Its place among the collections (smaller first; gaps and ties allowed, ties go by createdAt). */
  readonly position: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly share: BackupShareChoices;
}

/** Everything a backup holds, decoded. */
export interface BackupData {
  /** ISO date-time of the export. */
  readonly exportedAt: string;
  readonly badges: readonly BackupBadge[];
  /** Every stored report (the dated histories), oldest first. */
  readonly reports: readonly BackupReport[];
  readonly identities: readonly BackupIdentity[];
  /** In the earner's order (by position). */
  readonly collections: readonly BackupCollection[];
  readonly settings: BackupSettings;
}

/** A badge as a manifest describes it: everything but the bytes, and where the bytes are. */
export interface ManifestBadge {
  readonly file: string;
  readonly record: Omit<BackupBadge, 'original'> & { readonly original: Omit<BackupBadge['original'], 'bytes'> };
}

/**
 * What a version's decoder hands to the loader (decode.ts), in today's shapes: the data, and the
 * files still to read and check.
 */
export interface DecodedManifest extends Omit<BackupData, 'badges'> {
  readonly badges: readonly ManifestBadge[];
}

export type BackupErrorCode = 'BAD_BACKUP' | 'BACKUP_TOO_NEW';

export interface BackupError {
  readonly code: BackupErrorCode;
  /** What was wrong, for logs and bug reports (a JSON path, a version): never shown as is. */
  readonly detail: string;
}

/** What each stored media type is written as (the extension is for people opening the ZIP). */
export const EXTENSION_BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'application/json': 'json',
  'text/plain': 'txt',
};

/** The path of a badge's original file inside the ZIP. */
export function badgePath(id: string, mediaType: string): string {
  return `badges/${id}.${EXTENSION_BY_MEDIA_TYPE[mediaType] ?? 'bin'}`;
}

/** Size caps applied while unzipping: a backup is untrusted input. */
export interface BackupLimits {
  /** Entries in the ZIP (default 100 000). */
  readonly maxEntries?: number;
  /** The manifest's uncompressed size (default 64 MiB). */
  readonly maxManifestBytes?: number;
  /** One original file's uncompressed size (default 50 MiB, as extraction's own cap). */
  readonly maxFileBytes?: number;
  /** All the original files together, uncompressed (default 1 GiB). */
  readonly maxTotalBytes?: number;
}

export const DEFAULT_BACKUP_LIMITS: Required<BackupLimits> = {
  maxEntries: 100_000,
  maxManifestBytes: 64 * 1024 * 1024,
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};
