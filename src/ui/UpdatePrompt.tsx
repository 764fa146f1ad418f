/**
 * "Update available — Reload / Later": shown when a new version of Besace is installed and
 * waiting (src/platform/sw-register.ts). Nothing reloads until the earner chooses Reload; Later
 * hides the banner for this visit, and the new version starts by itself once every Besace tab is
 * closed. The status region is always in the page (empty when there is nothing to say), so screen
 * readers announce the banner when it appears, without taking the focus away from what the earner does.
 * Styles: .update-prompt in src/ui/style.css.
 */
import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdateAvailable } from '../platform/sw-register';
import { useLang } from './context';

export interface UpdateSource {
  onUpdateAvailable(callback: () => void): () => void;
  applyUpdate(): void;
}

const serviceWorkerUpdates: UpdateSource = { onUpdateAvailable, applyUpdate };

/** Rendered once, inside the app's LangProvider (App's `banner`). */
export function UpdatePrompt({ updates = serviceWorkerUpdates }: { updates?: UpdateSource }) {
  const { t } = useLang();
  const [state, setState] = useState<'none' | 'available' | 'dismissed' | 'reloading'>('none');

  useEffect(() => updates.onUpdateAvailable(() => setState((s) => (s === 'none' ? 'available' : s))), [updates]);

  const shown = state === 'available' || state === 'reloading';
  return (
    <div class="update-prompt-region" role="status">
      {shown && (
        <div class="update-prompt">
          <p class="update-prompt-text">
            <strong>{t('pwa.update.available')}</strong> {t('pwa.update.detail')}
          </p>
          <div class="update-prompt-actions">
            <button
              type="button"
              class="update-prompt-reload"
              aria-disabled={state === 'reloading' ? 'true' : undefined}
              onClick={() => {
                if (state === 'reloading') return; // aria-disabled, not disabled: the focus stays on the button
                setState('reloading');
                updates.applyUpdate();
              }}
            >
              {state === 'reloading' ? t('pwa.update.reloading') : t('pwa.update.reload')}
            </button>
            <button
              type="button"
              class="update-prompt-later"
              aria-disabled={state === 'reloading' ? 'true' : undefined}
              onClick={() => setState((s) => (s === 'reloading' ? s : 'dismissed'))}
            >
              {t('pwa.update.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
