/** The display name (settings.displayName): only shown if the earner chooses to share it later. */
import { useEffect, useState } from 'preact/hooks';
import { useBackpack, useBackpackData, useLang } from '../context';
import { describeFailure } from '../import/errors';

export function NameSection() {
  const langState = useLang();
  const { t } = langState;
  const backpack = useBackpack();
  const settings = useBackpackData((b) => b.settings(), []);
  const saved = settings.data?.displayName ?? '';
  const [draft, setDraft] = useState<string | null>(null); // null: not edited, show the saved name
  const [status, setStatus] = useState<'saved' | 'cleared' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (draft !== null && draft === saved) setDraft(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  const save = async (event: Event) => {
    event.preventDefault();
    const name = (draft ?? saved).trim();
    try {
      await backpack.updateSettings({ displayName: name === '' ? null : name });
      setDraft(null);
      setError(null);
      setStatus(name === '' ? 'cleared' : 'saved');
      settings.reload();
    } catch (e) {
      setStatus(null);
      setError(describeFailure(langState, e, 'profile.error.save'));
    }
  };

  return (
    <section class="profile-section" aria-labelledby="profile-name-title">
      <h2 id="profile-name-title">{t('profile.name.title')}</h2>
      <form class="profile-form" onSubmit={(e) => void save(e)} noValidate>
        <label for="profile-name">{t('profile.name.label')}</label>
        <input
          id="profile-name"
          type="text"
          autocomplete="name"
          maxLength={200}
          value={draft ?? saved}
          aria-describedby="profile-name-note"
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="profile-name-note" class="hint">
          {t('profile.name.note')}
        </p>
        {error && (
          <p role="alert" class="field-error">
            {error}
          </p>
        )}
        <button type="submit" class="button">
          {t('profile.name.save')}
        </button>
      </form>
      <p role="status" class="profile-status">
        {status === 'saved' && t('profile.name.saved')}
        {status === 'cleared' && t('profile.name.cleared')}
      </p>
    </section>
  );
}
