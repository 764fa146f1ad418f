/**
 * What the earner sees when the backpack cannot even open (IndexedDB refused, blocked by another
 * tab, no room): what happened and what to do, in their language, and a Reload button.
 */
import { BackpackError } from '../../app/types';
import { LangProvider, useLang } from '../context';
import type { Lang } from '../messages';

export function StartupError({ error, lang }: { error: unknown; lang: Lang }) {
  document.documentElement.lang = lang;
  return (
    <LangProvider lang={lang} setLang={() => undefined}>
      <StartupMessage error={error} />
    </LangProvider>
  );
}

function StartupMessage({ error }: { error: unknown }) {
  const { t } = useLang();
  const body = error instanceof BackpackError && error.code !== 'NOT_FOUND' && error.code !== 'BAD_BACKUP' && error.code !== 'BACKUP_TOO_NEW'
    ? t(`storage.error.${error.code}`)
    : t('shell.startup.other');
  document.title = t('app.name');
  return (
    <main id="main" class="page startup-error">
      <h1>{t('shell.startup.title')}</h1>
      <p>{body}</p>
      <p>
        <button type="button" class="button button-primary" onClick={() => window.location.reload()}>
          {t('shell.startup.reload')}
        </button>
      </p>
    </main>
  );
}
