/**
 * The issuer's LinkedIn page id, optional: kept in settings.linkedInOrganizations under the
 * issuer's key (its id or URL), for every badge from that issuer. With one, "Add to profile"
 * sends organizationId instead of organizationName, and LinkedIn shows the issuer's page and logo.
 */
import { useState } from 'preact/hooks';
import { issuerKeyOf } from '../../app/share';
import type { BadgeRecord, Settings } from '../../app/types';
import { useBackpack, useLang, type Loaded } from '../context';
import { describeFailure } from '../import/errors';
import { checkOrganizationId } from './fields';

const INPUT = 'share-badge-org';

export function OrganizationForm({ record, settings }: { record: BadgeRecord; settings: Loaded<Settings> }) {
  const langState = useLang();
  const { t } = langState;
  const backpack = useBackpack();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<'saved' | 'removed' | null>(null);
  const [busy, setBusy] = useState(false);

  const key = issuerKeyOf(record);
  if (!key) return null;
  const issuer = record.badge?.issuer.name?.trim() || key;
  const saved = settings.data?.linkedInOrganizations;
  const current = saved && Object.hasOwn(saved, key) ? saved[key] : undefined;

  /** Writes the ids with this issuer's changed, from the stored settings (never from a stale copy). */
  const write = async (id: string | null, done: 'saved' | 'removed') => {
    setBusy(true);
    try {
      const { linkedInOrganizations } = await backpack.settings();
      const next: Record<string, string> = {};
      for (const [k, v] of Object.entries(linkedInOrganizations)) if (k !== key) next[k] = v;
      if (id !== null) next[key] = id;
      await backpack.updateSettings({ linkedInOrganizations: next });
      setError(null);
      setStatus(done);
      setDraft('');
      settings.reload();
      if (done === 'removed') document.getElementById(INPUT)?.focus(); // the Remove button is gone
    } catch (e) {
      setStatus(null);
      setError(describeFailure(langState, e, 'linkedin.org.error.save'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkOrganizationId(draft);
    if (!checked.ok) {
      setStatus(null);
      setError(t(checked.error));
      return;
    }
    void write(checked.value, 'saved');
  };

  return (
    <div class="share-badge-part">
      <h3>{t('linkedin.org.title')}</h3>
      <p>{t('linkedin.org.explain')}</p>
      {current !== undefined && (
        <p class="share-org-current">
          <span>{t('linkedin.org.current', { id: current })}</span>{' '}
          <button type="button" class="button button-small" disabled={busy} onClick={() => void write(null, 'removed')}>
            {t('linkedin.org.remove')}
          </button>
        </p>
      )}
      <form class="share-org-form" onSubmit={submit} noValidate>
        <label for={INPUT}>{t('linkedin.org.label', { issuer })}</label>
        <input
          id={INPUT}
          type="text"
          inputMode="numeric"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${INPUT}-hint ${INPUT}-error` : `${INPUT}-hint`}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <p id={`${INPUT}-hint`} class="hint">
          {t('linkedin.org.hint')}
        </p>
        {error && (
          <p id={`${INPUT}-error`} role="alert" class="field-error">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t('linkedin.org.save')}
        </button>
      </form>
      <p role="status" class="share-status">
        {status === 'saved' && t('linkedin.org.saved', { issuer })}
        {status === 'removed' && t('linkedin.org.removed')}
      </p>
    </div>
  );
}
