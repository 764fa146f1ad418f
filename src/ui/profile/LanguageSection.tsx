/**
 * The language: English, French, or the browser's (settings.lang null). The choice is saved in the
 * settings and applied at once through useLang().setLang.
 */
import { useEffect, useState } from 'preact/hooks';
import { useBackpack, useBackpackData, useLang } from '../context';
import { describeFailure } from '../import/errors';
import { languages, pickLang, type Lang } from '../messages';

type Choice = Lang | 'browser';

export function browserLanguage(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  return pickLang(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']);
}

export function LanguageSection() {
  const langState = useLang();
  const { t, setLang } = langState;
  const backpack = useBackpack();
  const settings = useBackpackData((b) => b.settings(), []);
  const [picked, setPicked] = useState<Choice | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const saved: Choice | null = settings.data ? (settings.data.lang ?? 'browser') : null;
  const current = picked ?? saved;

  // Once the saved setting says what was picked, it is the one shown again (another tab may change it).
  useEffect(() => {
    if (picked !== null && saved === picked) setPicked(null);
  }, [picked, saved]);
  const browser = browserLanguage();

  const choose = async (choice: Choice) => {
    setPicked(choice);
    const lang = choice === 'browser' ? browser : choice;
    // The language shows at once; the setting is saved after (the shell may save the concrete
    // language too: this save, issued last, records "follow the browser" as null).
    setLang(lang);
    try {
      await backpack.updateSettings({ lang: choice === 'browser' ? null : choice });
      setStatus(null);
      settings.reload();
    } catch (e) {
      setStatus(describeFailure(langState, e, 'profile.error.save'));
    }
  };

  const options: readonly { readonly value: Choice; readonly label: string }[] = [
    { value: 'browser', label: t('profile.lang.browser', { lang: t(`lang.${browser}`) }) },
    ...languages.map((l) => ({ value: l, label: t(`lang.${l}`) })),
  ];

  return (
    <section class="profile-section" aria-labelledby="profile-lang-title">
      <h2 id="profile-lang-title">{t('profile.lang.title')}</h2>
      <div role="radiogroup" class="profile-choices" aria-labelledby="profile-lang-title">
        {options.map((option) => (
          <label key={option.value} class="profile-choice" lang={option.value === 'browser' ? undefined : option.value}>
            <input
              type="radio"
              name="profile-lang"
              value={option.value}
              checked={current === option.value}
              disabled={current === null}
              onChange={() => void choose(option.value)}
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
      {status && (
        <p role="alert" class="field-error">
          {status}
        </p>
      )}
    </section>
  );
}
