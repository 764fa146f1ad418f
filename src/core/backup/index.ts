/**
 * The backup format: a versioned, self-describing ZIP with every original badge file and the app's
 * data (format.ts describes it). Pure: bytes in, bytes or a typed error out.
 */
export { encodeBackup } from './encode';
export { decodeBackup } from './decode';
export {
  BACKUP_APP,
  BACKUP_FORMAT,
  DEFAULT_BACKUP_LIMITS,
  EXTENSION_BY_MEDIA_TYPE,
  LATEST_BACKUP_VERSION,
  MANIFEST_NAME,
  badgePath,
} from './format';
export type {
  BackupBadge,
  BackupCollection,
  BackupData,
  BackupError,
  BackupErrorCode,
  BackupIdentity,
  BackupLimits,
  BackupReport,
  BackupSettings,
  BackupShareChoices,
} from './format';
