/**
 * decodeBackup: bytes of a backup file → the data, or BAD_BACKUP / BACKUP_TOO_NEW. Never throws.
 *
 * The file is untrusted (hand-edited, damaged, hostile): it is all checked before anything is handed
 * back, so a caller either gets everything or nothing (no half restore).
 *   1. A ZIP whose entries stay under the size caps (checked on the declared sizes, before inflating).
 *   2. The manifest (its CRC-32 checked: the unzipper does not): UTF-8 JSON with `"format": "besace-backup"` and an integer `version`.
 *      A version above LATEST_BACKUP_VERSION is BACKUP_TOO_NEW.
 *   3. That version's decoder checks every field's shape (DECODERS below: one per released version),
 *      and what an older version lacks is given today's empty value (a version 1 backup has no
 *      collections and no LinkedIn organisation ids).
 *   4. Each badge's file is read and its SHA-256 must equal the badge's id.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { unzipSync } from 'fflate';
import { err, ok, type Result } from '../result';
import {
  BACKUP_FORMAT,
  DEFAULT_BACKUP_LIMITS,
  LATEST_BACKUP_VERSION,
  MANIFEST_NAME,
  type BackupBadge,
  type BackupData,
  type BackupError,
  type BackupLimits,
  type DecodedManifest,
} from './format';
import { ShapeError } from './shape';
import { decodeManifestV1 } from './v1';
import { decodeManifestV2 } from './v2';
import { centralDirectoryCrcs, crc32 } from './zip';

/**
 * One decoder per released version, kept forever, each lifted to today's shapes. A new version adds
 * a line here (and a vN.ts); it does not edit the decoders before it.
 */
const DECODERS: Readonly<Record<number, (manifest: unknown) => DecodedManifest>> = {
  1: (manifest) => {
    const v1 = decodeManifestV1(manifest);
    return { ...v1, collections: [], settings: { ...v1.settings, linkedInOrganizations: {} } };
  },
  2: decodeManifestV2,
};

class Refused extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

const badBackup = (detail: string): Result<never, BackupError> => err({ code: 'BAD_BACKUP', detail });

export function decodeBackup(bytes: Uint8Array, limits: BackupLimits = {}): Result<BackupData, BackupError> {
  const caps = { ...DEFAULT_BACKUP_LIMITS, ...limits };
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
      return badBackup('not a ZIP file');
    }

    // Pass 1: the manifest only. The filter sees every entry's declared sizes before anything is inflated.
    const names = new Set<string>();
    let manifestBytes: Uint8Array | undefined;
    try {
      const entries = unzipSync(bytes, {
        filter: (file) => {
          if (names.has(file.name)) throw new Refused(`entry ${JSON.stringify(file.name)} appears twice`);
          names.add(file.name);
          if (names.size > caps.maxEntries) throw new Refused(`more than ${caps.maxEntries} entries`);
          if (file.name !== MANIFEST_NAME) return false;
          if (file.originalSize > caps.maxManifestBytes) throw new Refused(`manifest over ${caps.maxManifestBytes} bytes`);
          return true;
        },
      });
      manifestBytes = entries[MANIFEST_NAME];
    } catch (e) {
      return badBackup(e instanceof Refused ? e.detail : 'unreadable ZIP');
    }
    if (!manifestBytes) return badBackup(`no ${MANIFEST_NAME}`);
    let recorded: number | undefined;
    try {
      recorded = centralDirectoryCrcs(bytes).get(MANIFEST_NAME);
    } catch {
      return badBackup('unreadable ZIP');
    }
    if (recorded !== crc32(manifestBytes)) return badBackup(`${MANIFEST_NAME} is damaged (CRC-32)`);

    let manifest: unknown;
    try {
      manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
    } catch {
      return badBackup(`${MANIFEST_NAME} is not UTF-8 JSON`);
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return badBackup('manifest is not an object');
    const header = manifest as Record<string, unknown>;
    if (header['format'] !== BACKUP_FORMAT) return badBackup('$.format: not a Besace backup');
    const version = header['version'];
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return badBackup('$.version: not a version number');
    if (version > LATEST_BACKUP_VERSION) return err({ code: 'BACKUP_TOO_NEW', detail: `version ${version}` });
    const decodeManifest = DECODERS[version];
    if (!decodeManifest) return badBackup(`$.version: no decoder for version ${version}`);

    let decoded: DecodedManifest;
    try {
      decoded = decodeManifest(manifest);
    } catch (e) {
      if (e instanceof ShapeError) return badBackup(e.message);
      throw e;
    }

    // Pass 2: the files the manifest names, and only those (anything else in the ZIP is ignored).
    const wanted = new Set(decoded.badges.map((b) => b.file));
    let total = 0;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (file) => {
          if (!wanted.has(file.name)) return false;
          if (file.originalSize > caps.maxFileBytes) throw new Refused(`${file.name} over ${caps.maxFileBytes} bytes`);
          total += file.originalSize;
          if (total > caps.maxTotalBytes) throw new Refused(`files over ${caps.maxTotalBytes} bytes in all`);
          return true;
        },
      });
    } catch (e) {
      return badBackup(e instanceof Refused ? e.detail : 'unreadable ZIP');
    }

    const badges: BackupBadge[] = [];
    for (const { file, record } of decoded.badges) {
      const content = files[file];
      if (!content) return badBackup(`${file}: missing`);
      if (toHex(sha256(content)) !== record.id) return badBackup(`${file}: content does not match its id (damaged or edited)`);
      badges.push({ ...record, original: { ...record.original, bytes: content } });
    }
    return ok({ ...decoded, badges });
  } catch (e) {
    // A bug or an input nobody foresaw: still a typed answer, never an exception.
    return badBackup(`unexpected: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
