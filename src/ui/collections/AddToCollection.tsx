/**
 * On a badge's page: which collections hold it, and a way to put it in another one (or in a new one).
 */
import { useState } from 'preact/hooks';
import type { BadgeRecord, CollectionId } from '../../app/types';
import { useBackpack, useBackpackData, useLang } from '../context';
import { Link, pathOf } from '../router';
import './collections.css';

export function AddToCollection({ record }: { record: BadgeRecord }) {
  const { t } = useLang();
  const backpack = useBackpack();
  const loaded = useBackpackData((b) => b.collections(), []);
  const [choice, setChoice] = useState<string>('');
  const [message, setMessage] = useState('');
  if (loaded.data === undefined) return null; // first read (quick), or an error the page already shows
  const all = loaded.data;
  const holding = all.filter((c) => c.badgeIds.includes(record.id));
  const others = all.filter((c) => !c.badgeIds.includes(record.id));
  const NEW = '\u0000new';

  const add = async (event: Event) => {
    event.preventDefault();
    if (!choice) return;
    try {
      if (choice === NEW) {
        const created = await backpack.createCollection(record.badge?.name?.trim() || t('library.unnamed'), [record.id]);
        setMessage(t('collections.badge.addedTo', { title: created.title }));
      } else {
        const c = all.find((x) => x.id === (choice as CollectionId));
        if (!c) return;
        await backpack.updateCollection(c.id, { badgeIds: [...c.badgeIds, record.id] });
        setMessage(t('collections.badge.addedTo', { title: c.title }));
      }
      setChoice('');
    } catch (e) {
      console.error('Besace: adding to a collection failed', e);
      setMessage(t('collections.failed'));
    }
  };

  return (
    <section aria-labelledby="detail-collections">
      <h2 id="detail-collections">{t('collections.title')}</h2>
      {holding.length > 0 ? (
        <p>
          {t('collections.badge.in')}{' '}
          {holding.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <Link href={pathOf({ name: 'collection', id: c.id })}>{c.title}</Link>
            </span>
          ))}
        </p>
      ) : (
        <p>{t('collections.badge.none')}</p>
      )}
      <form class="inline-field" onSubmit={add}>
        <label for="add-to-collection">{t('collections.badge.label')}</label>
        <select id="add-to-collection" value={choice} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('collections.badge.choose')}</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
          <option value={NEW}>{t('collections.badge.new')}</option>
        </select>
        <button type="submit" class="button" disabled={!choice}>
          {t('collections.badge.add')}
        </button>
      </form>
      <p role="status" class="hint">
        {message}
      </p>
    </section>
  );
}
