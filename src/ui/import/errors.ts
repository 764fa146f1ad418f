/**
 * The backpack's typed failures (BackpackError) in words: the storage.* messages, which say what
 * happened and what to do. Anything else is an unexpected error: the caller's fallback sentence is
 * shown and the detail goes to the console, never onto the screen.
 */
import { BACKPACK_ERROR_CODES, type BackpackErrorCode } from '../../app/types';
import type { LangState } from '../context';
import type { MessageKey } from '../messages';

/** A BackpackError, recognised by its name and code (it may have crossed a structured clone). */
export function backpackErrorCode(error: unknown): BackpackErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (name !== 'BackpackError' || typeof code !== 'string') return null;
  return (BACKPACK_ERROR_CODES as readonly string[]).includes(code) ? (code as BackpackErrorCode) : null;
}

export const STORAGE_MESSAGE: Readonly<Record<BackpackErrorCode, MessageKey>> = {
  QUOTA_EXCEEDED: 'storage.error.QUOTA_EXCEEDED',
  DB_BLOCKED: 'storage.error.DB_BLOCKED',
  DB_UNAVAILABLE: 'storage.error.DB_UNAVAILABLE',
  BAD_BACKUP: 'storage.error.BAD_BACKUP',
  BACKUP_TOO_NEW: 'storage.error.BACKUP_TOO_NEW',
  NOT_FOUND: 'storage.error.NOT_FOUND',
};

/** The sentence for a failure: the storage.* message of a BackpackError, else `fallback`. */
export function describeFailure({ t }: Pick<LangState, 't'>, error: unknown, fallback: MessageKey): string {
  const code = backpackErrorCode(error);
  if (code) return t(STORAGE_MESSAGE[code]);
  console.error('Besace: unexpected error', error);
  return t(fallback);
}
