/** The earner's e-mail and web addresses, for recipient matching: list, add (checked), remove. */
import { useState } from 'preact/hooks';
import type { EarnerIdentity } from '../../app/types';
import { useBackpack, useBackpackData, useLang } from '../context';
import { describeFailure } from '../import/errors';
import { checkIdentity } from './identity';

type Status = { readonly kind: 'added' | 'removed'; readonly value: string } | null;

export function IdentitiesSection() {
  const langState = useLang();
  const { t } = langState;
  const backpack = useBackpack();
  const identities = useBackpackData((b) => b.identities(), []);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const list: readonly EarnerIdentity[] = identities.data ?? [];

  const add = async (event: Event) => {
    event.preventDefault();
    const checked = checkIdentity(draft, list);
    if (!checked.ok) {
      setError(t(checked.error, checked.params));
      setStatus(null);
      return;
    }
    setBusy(true);
    try {
      await backpack.addIdentity(checked.value);
      setDraft('');
      setError(null);
      setStatus({ kind: 'added', value: checked.value });
      identities.reload();
    } catch (e) {
      setError(describeFailure(langState, e, 'profile.error.save'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (value: string) => {
    try {
      await backpack.removeIdentity(value);
      setError(null);
      setStatus({ kind: 'removed', value });
      identities.reload();
      // The removed row (and its button) is gone: the field takes the focus.
      document.getElementById('profile-identity')?.focus();
    } catch (e) {
      setError(describeFailure(langState, e, 'profile.error.save'));
    }
  };

  return (
    <section class="profile-section" aria-labelledby="profile-identities-title">
      <h2 id="profile-identities-title">{t('profile.identities.title')}</h2>
      <p>{t('profile.identities.explain')}</p>
      {identities.error !== null && identities.data === undefined ? (
        <p role="alert" class="field-error">
          {describeFailure(langState, identities.error, 'profile.error.load')}
        </p>
      ) : list.length === 0 ? (
        !identities.loading && <p class="hint">{t('profile.identities.empty')}</p>
      ) : (
        <ul class="profile-identities" aria-label={t('profile.identities.listLabel')}>
          {list.map((identity) => (
            <li key={identity.value}>
              <span class="profile-identity-value">{identity.value}</span>{' '}
              <span class="profile-identity-kind">({t(`profile.identities.kind.${identity.kind}`)})</span>{' '}
              <button
                type="button"
                class="button button-small"
                aria-label={t('profile.identities.removeLabel', { value: identity.value })}
                onClick={() => void remove(identity.value)}
              >
                {t('profile.identities.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="profile-form" onSubmit={(e) => void add(e)} noValidate>
        <label for="profile-identity">{t('profile.identities.label')}</label>
        <input
          id="profile-identity"
          type="text"
          inputMode="email"
          autocomplete="email"
          spellcheck={false}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'profile-identity-hint profile-identity-error' : 'profile-identity-hint'}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="profile-identity-hint" class="hint">
          {t('profile.identities.hint')}
        </p>
        {error && (
          <p id="profile-identity-error" role="alert" class="field-error">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t('profile.identities.add')}
        </button>
      </form>
      <p role="status" class="profile-status">
        {status && t(status.kind === 'added' ? 'profile.identities.added' : 'profile.identities.removed', { value: status.value })}
      </p>
    </section>
  );
}
