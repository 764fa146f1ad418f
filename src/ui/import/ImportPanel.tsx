/**
 * The /import page: a visible file picker, a field for a link or badge data, and where to find the
 * badge file. Everything goes to the same staging flow as drops and pastes (useImport).
 */
import { useState } from 'preact/hooks';
import { useLang } from '../context';
import { PageHeading } from '../shell/PageHeading';
import { useImport } from './ImportProvider';

/** What the picker offers; the bytes are sniffed anyway, whatever the name or type says. */
export const ACCEPT = '.png,.svg,.json,.jws,.jwt,image/png,image/svg+xml,application/json';

export function ImportPanel() {
  const { t } = useLang();
  const { addFiles, addText } = useImport();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);

  const onFiles = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = input.files ? [...input.files] : [];
    void addFiles(files).finally(() => {
      // Picking the same file again must fire `change` again.
      input.value = '';
    });
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (addText(text) === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setText('');
  };

  return (
    <section class="import-panel" aria-labelledby="import-title">
      <PageHeading>
        <span id="import-title">{t('importer.panel.title')}</span>
      </PageHeading>
      <p>{t('importer.panel.intro')}</p>

      <div class="import-field">
        <label for="import-files" class="import-label">
          {t('importer.file.label')}
        </label>
        <input id="import-files" type="file" multiple accept={ACCEPT} aria-describedby="import-files-hint" onChange={onFiles} />
        <p id="import-files-hint" class="hint">
          {t('importer.file.hint')}
        </p>
      </div>

      <form class="import-field" onSubmit={onSubmit} noValidate>
        <label for="import-text" class="import-label">
          {t('importer.text.label')}
        </label>
        <textarea
          id="import-text"
          rows={4}
          spellcheck={false}
          autocomplete="off"
          value={text}
          aria-describedby={empty ? 'import-text-hint import-text-error' : 'import-text-hint'}
          aria-invalid={empty ? true : undefined}
          onInput={(event) => {
            setText((event.currentTarget as HTMLTextAreaElement).value);
            if (empty) setEmpty(false);
          }}
        />
        <p id="import-text-hint" class="hint">
          {t('importer.text.hint')}
        </p>
        {empty && (
          <p id="import-text-error" class="field-error" role="alert">
            {t('importer.text.empty')}
          </p>
        )}
        <button type="submit" class="button">
          {t('importer.text.add')}
        </button>
      </form>

      <p class="hint">{t('importer.pasteHint')}</p>

      <section class="import-which" aria-labelledby="import-which-title">
        <h2 id="import-which-title">{t('importer.panel.whichFile.title')}</h2>
        <p>{t('importer.panel.whichFile')}</p>
      </section>
    </section>
  );
}
