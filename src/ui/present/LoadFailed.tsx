import { useLang } from '../context';

/** The backpack could not be read: say so, and offer to try again. */
export function LoadFailed({ retry }: { retry: () => void }) {
  const { t } = useLang();
  return (
    <div class="notice notice-error" role="alert">
      <p>{t('present.loadError')}</p>
      <button type="button" class="button" onClick={retry}>
        {t('present.retry')}
      </button>
    </div>
  );
}
