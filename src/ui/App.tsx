import { useState } from 'preact/hooks';
import { languages, pickLang, t, type Lang } from './messages';

export function App({ initialLang }: { initialLang?: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang ?? pickLang(navigator.languages ?? [navigator.language]));
  document.documentElement.lang = lang;
  return (
    <main class="page">
      <header class="masthead">
        <h1>{t(lang, 'app.name')}</h1>
        <label class="lang">
          {t(lang, 'lang.label')}{' '}
          <select value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {t(lang, `lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p class="tagline">{t(lang, 'app.tagline')}</p>
      <p>{t(lang, 'app.intro')}</p>
      <p class="privacy">{t(lang, 'app.privacy')}</p>
      <p>{t(lang, 'app.versions')}</p>
      <p>{t(lang, 'app.comingSoon')}</p>
    </main>
  );
}
