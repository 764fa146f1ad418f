/**
 * What a page shows before its data is there: "Loading…", or — when reading failed — what happened
 * and a button to try again (nothing is lost: the data is still on the device).
 */
import type { Loaded } from '../context';
import { useLang } from '../context';

export function NotLoaded({ loaded, message }: { loaded: Pick<Loaded<unknown>, 'error' | 'reload'>; message: string }) {
  const { t } = useLang();
  if (loaded.error) {
    return (
      <div class="notice notice-error" role="alert">
        <p>{message}</p>
        <button type="button" class="button" onClick={loaded.reload}>
          {t('library.retry')}
        </button>
      </div>
    );
  }
  return <p class="loading">{t('shell.loading')}</p>;
}
