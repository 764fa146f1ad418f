/**
 * Export everything (backpack.exportAll → a dated ZIP download) and restore from such a file
 * (backpack.restore → "12 badges added, 3 merged"). A restore only adds: nothing is deleted.
 */
import type { RestoreResult } from '../../app/types';
import { useState } from 'preact/hooks';
import { useBackpack, useLang } from '../context';
import { describeFailure } from '../import/errors';
import { readBytes } from '../import/files';
import { downloadBytes } from '../shell/download';
import { backupName } from './bytes';
import { restoreSummary } from './restoreSummary';

type Status =
  | { readonly kind: 'exporting' | 'restoring' }
  | { readonly kind: 'exported'; readonly file: string }
  | { readonly kind: 'restored'; readonly result: RestoreResult }
  | { readonly kind: 'failed'; readonly message: string }
  | null;

export function BackupSection({ now = () => new Date() }: { now?: () => Date }) {
  const langState = useLang();
  const { t } = langState;
  const backpack = useBackpack();
  const [status, setStatus] = useState<Status>(null);
  const busy = status?.kind === 'exporting' || status?.kind === 'restoring';

  const exportAll = async () => {
    setStatus({ kind: 'exporting' });
    try {
      const bytes = await backpack.exportAll();
      const file = backupName(now());
      downloadBytes(bytes, file, 'application/zip');
      setStatus({ kind: 'exported', file });
    } catch (e) {
      setStatus({ kind: 'failed', message: describeFailure(langState, e, 'profile.backup.error.export') });
    }
  };

  const restore = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'restoring' });
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch {
      setStatus({ kind: 'failed', message: t('profile.backup.error.unreadable') });
      input.value = '';
      return;
    }
    try {
      const result = await backpack.restore(bytes);
      setStatus({ kind: 'restored', result });
    } catch (e) {
      setStatus({ kind: 'failed', message: describeFailure(langState, e, 'profile.backup.error.restore') });
    } finally {
      input.value = '';
    }
  };

  let message = '';
  if (status?.kind === 'exporting') message = t('profile.backup.exporting');
  else if (status?.kind === 'restoring') message = t('profile.backup.restoring');
  else if (status?.kind === 'exported') message = t('profile.backup.exported', { file: status.file });
  else if (status?.kind === 'restored') message = restoreSummary(langState, status.result);

  return (
    <section class="profile-section" aria-labelledby="profile-backup-title">
      <h2 id="profile-backup-title">{t('profile.backup.title')}</h2>
      <p>{t('profile.backup.explain')}</p>
      <button type="button" class="button" onClick={() => void exportAll()} disabled={busy} aria-busy={status?.kind === 'exporting'}>
        {t('profile.backup.export')}
      </button>
      <div class="profile-form">
        <label for="profile-restore">{t('profile.backup.restoreLabel')}</label>
        <input
          id="profile-restore"
          type="file"
          accept=".zip,.besace,application/zip"
          aria-describedby="profile-restore-hint"
          disabled={busy}
          onChange={(e) => void restore(e)}
        />
        <p id="profile-restore-hint" class="hint">
          {t('profile.backup.restoreHint')}
        </p>
      </div>
      <p role="status" class="profile-status">
        {message}
      </p>
      {status?.kind === 'failed' && (
        <p role="alert" class="field-error">
          {status.message}
        </p>
      )}
    </section>
  );
}
