/**
 * The earner's collections: create one, open one, put them in order, delete one (with Undo).
 * Collection titles are the earner's own words, still shown as text only.
 */
import { useState } from 'preact/hooks';
import type { Collection } from '../../app/types';
import { useBackpack, useBackpackData, useLang } from '../context';
import { Link, navigate, pathOf } from '../router';
import { PageHeading } from '../shell/PageHeading';
import { pluralCategory } from '../shell/plural';
import { useDocumentTitle } from '../shell/Shell';
import { useToast } from '../shell/toast';
import './collections.css';
import { MoveButtons } from './MoveButtons';
import { NotLoaded } from '../shell/NotLoaded';

export function CollectionsPage() {
  const { t } = useLang();
  useDocumentTitle(t('collections.title'));
  const loaded = useBackpackData((b) => b.collections(), []);
  return (
    <section class="collections" aria-labelledby="collections-title">
      <PageHeading>
        <span id="collections-title">{t('collections.title')}</span>
      </PageHeading>
      <p>{t('collections.intro')}</p>
      <CreateForm />
      {loaded.data === undefined ? (
        <NotLoaded loaded={loaded} message={t('collections.loadError')} />
      ) : loaded.data.length === 0 ? (
        <p class="empty-note">{t('collections.empty')}</p>
      ) : (
        <CollectionList collections={loaded.data} />
      )}
    </section>
  );
}

function CreateForm() {
  const { t } = useLang();
  const backpack = useBackpack();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<'collections.create.empty' | 'collections.create.failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError('collections.create.empty');
      return;
    }
    setBusy(true);
    try {
      const created = await backpack.createCollection(title);
      navigate(pathOf({ name: 'collection', id: created.id }));
    } catch (e) {
      console.error('Besace: a collection could not be created', e);
      setError('collections.create.failed');
      setBusy(false);
    }
  };
  return (
    <form class="collections-create" onSubmit={submit} noValidate>
      <label for="new-collection">{t('collections.create.label')}</label>
      <p id="new-collection-hint" class="hint">
        {t('collections.create.hint')}
      </p>
      <div class="inline-field">
        <input
          id="new-collection"
          type="text"
          maxLength={200}
          value={title}
          aria-describedby={error ? 'new-collection-hint new-collection-error' : 'new-collection-hint'}
          aria-invalid={error === 'collections.create.empty' ? true : undefined}
          onInput={(e) => {
            setTitle((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
        />
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('collections.create.button')}
        </button>
      </div>
      <p id="new-collection-error" class="field-error" role="alert">
        {error && t(error)}
      </p>
    </form>
  );
}

function CollectionList({ collections }: { collections: readonly Collection[] }) {
  const { t, lang } = useLang();
  const backpack = useBackpack();
  const toast = useToast();
  const [status, setStatus] = useState('');

  const move = async (c: Collection, to: number) => {
    try {
      await backpack.moveCollection(c.id, to);
      setStatus(t('collections.moved', { title: c.title, position: to + 1 }));
      // Keep the keyboard where it was: on the same button of the moved collection, if it still exists.
      requestAnimationFrame(() => document.getElementById(`move-${c.id}-${to < collections.indexOf(c) ? 'up' : 'down'}`)?.focus());
    } catch (e) {
      console.error('Besace: move failed', e);
      toast.show({ message: t('collections.failed') });
    }
  };

  const remove = async (c: Collection) => {
    try {
      const undo = await backpack.removeCollection(c.id);
      toast.show({
        message: t('collections.deleted', { title: c.title }),
        focusAction: true,
        action: {
          label: t('collections.undo'),
          run: async () => {
            try {
              await undo.undo();
            } catch (e) {
              console.error('Besace: undo failed', e);
              toast.show({ message: t('collections.undoFailed') });
            }
          },
        },
      });
    } catch (e) {
      console.error('Besace: delete failed', e);
      toast.show({ message: t('collections.failed') });
    }
  };

  return (
    <>
      <ol class="collection-list" aria-label={t('collections.listLabel')}>
        {collections.map((c, i) => (
          <li key={c.id} class="collection-item">
            <Link href={pathOf({ name: 'collection', id: c.id })} class="collection-link">
              <span class="collection-title">{c.title}</span>
              <span class="muted">{t(`collections.count.${pluralCategory(lang, c.badgeIds.length)}`, { count: c.badgeIds.length })}</span>
            </Link>
            <span class="row-actions">
              <MoveButtons
                idPrefix={`move-${c.id}`}
                upLabel={t('collections.moveUpLabel', { title: c.title })}
                downLabel={t('collections.moveDownLabel', { title: c.title })}
                first={i === 0}
                last={i === collections.length - 1}
                onMove={(d) => move(c, i + d)}
                words
              />
              <button type="button" class="button button-small button-danger" aria-label={t('collections.deleteLabel', { title: c.title })} onClick={() => remove(c)}>
                {t('collections.delete')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </>
  );
}
