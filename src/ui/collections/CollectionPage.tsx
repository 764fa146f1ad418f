/**
 * One collection: its name, its badges in the earner's order (up, down, take out), badges to add,
 * and how to share it — what the link discloses, the link itself with its size and whether it fits
 * a QR code, a file of it, interview mode, the CV annex and LinkedIn's share-to-feed.
 */
import { useMemo, useState } from 'preact/hooks';
import { collectionLink, collectionRecords, QR_COMFORTABLE_VERSION } from '../../app/share';
import type { BadgeRecord, Collection, CollectionId, EarnerIdentity, Settings, ShareChoices } from '../../app/types';
import { linkedInShareUrl } from '../../core/share/linkedin';
import { useBackpack, useBackpackData, useLang } from '../context';
import { BadgeImage } from '../library/BadgeImage';
import { badgeName } from '../library/search';
import { statusOf } from '../library/status';
import { StatusMark } from '../library/StatusMark';
import { qrVersion } from '../qr/qr';
import { Link, pathOf, shareBase } from '../router';
import { downloadBytes, safeFileName } from '../shell/download';
import { formatDate, formatNumber } from '../shell/format';
import { PageHeading } from '../shell/PageHeading';
import { pluralCategory } from '../shell/plural';
import { NotFoundSection, useDocumentTitle } from '../shell/Shell';
import { useToast } from '../shell/toast';
import './collections.css';
import { MoveButtons } from './MoveButtons';
import { NotLoaded } from '../shell/NotLoaded';

interface Data {
  readonly collection: Collection | undefined;
  readonly records: BadgeRecord[];
  readonly settings: Settings;
  readonly identities: EarnerIdentity[];
}

export function CollectionPage({ id }: { id: CollectionId }) {
  const { t } = useLang();
  const loaded = useBackpackData(async (b): Promise<Data> => {
    const [collection, records, settings, identities] = await Promise.all([b.getCollection(id), b.list(), b.settings(), b.identities()]);
    return { collection, records, settings, identities };
  }, [id]);
  const data = loaded.data;
  useDocumentTitle(data ? (data.collection?.title ?? t('collections.notFound.title')) : null);

  if (!data) return <NotLoaded loaded={loaded} message={t('collections.loadError')} />;
  if (!data.collection) return <NotFoundSection title={t('collections.notFound.title')} body={t('collections.notFound.body')} />;
  return <CollectionView collection={data.collection} records={data.records} settings={data.settings} identities={data.identities} />;
}

function CollectionView({ collection, records, settings, identities }: Omit<Data, 'collection'> & { collection: Collection }) {
  const { t } = useLang();
  const members = collectionRecords(collection, records);
  return (
    <article class="collection" aria-labelledby="collection-title">
      <p class="back">
        <Link href={pathOf({ name: 'collections' })}>
          <span aria-hidden="true">← </span>
          {t('collections.back')}
        </Link>
      </p>
      <PageHeading>
        <span id="collection-title">{collection.title}</span>
      </PageHeading>
      <RenameForm collection={collection} />
      <Members collection={collection} members={members} />
      <AddBadges collection={collection} records={records} />
      <SharePanel collection={collection} members={members} records={records} settings={settings} identities={identities} />
    </article>
  );
}

function RenameForm({ collection }: { collection: Collection }) {
  const { t } = useLang();
  const backpack = useBackpack();
  const [title, setTitle] = useState(collection.title);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') {
      setMessage({ error: true, text: t('collections.create.empty') });
      return;
    }
    try {
      const renamed = await backpack.updateCollection(collection.id, { title });
      setMessage({ error: false, text: t('collections.renamed', { title: renamed.title }) });
    } catch (e) {
      console.error('Besace: rename failed', e);
      setMessage({ error: true, text: t('collections.failed') });
    }
  };
  return (
    <form class="collection-rename" onSubmit={submit} noValidate>
      <label for="collection-name">{t('collections.rename.label')}</label>
      <div class="inline-field">
        <input id="collection-name" type="text" maxLength={200} value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="button">
          {t('collections.rename.button')}
        </button>
      </div>
      <p role="status" class={message?.error ? 'field-error' : 'hint'}>
        {message?.text}
      </p>
    </form>
  );
}

function Members({ collection, members }: { collection: Collection; members: readonly BadgeRecord[] }) {
  const { t } = useLang();
  const backpack = useBackpack();
  const toast = useToast();
  const [status, setStatus] = useState('');
  const save = async (badgeIds: BadgeRecord['id'][], announce: string, focusId?: string) => {
    try {
      await backpack.updateCollection(collection.id, { badgeIds });
      setStatus(announce);
      if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
    } catch (e) {
      console.error('Besace: collection update failed', e);
      toast.show({ message: t('collections.failed') });
    }
  };
  const ids = members.map((r) => r.id);
  const move = (i: number, to: number, direction: 'up' | 'down') => {
    const next = [...ids];
    const [moving] = next.splice(i, 1);
    next.splice(to, 0, moving!);
    const name = badgeName(members[i]!) || t('library.unnamed');
    void save(next, t('collections.moved', { title: name, position: to + 1 }), `badge-${moving}-${direction}`);
  };
  return (
    <section aria-labelledby="collection-badges">
      <h2 id="collection-badges">{t('collections.badges.title')}</h2>
      {members.length === 0 ? (
        <p>{t('collections.badges.empty')}</p>
      ) : (
        <ol class="member-list" aria-label={t('collections.badges.listLabel')}>
          {members.map((record, i) => {
            const name = badgeName(record) || t('library.unnamed');
            return (
              <li key={record.id} class="member">
                <BadgeImage record={record} size={48} class="member-image" />
                <span class="member-text">
                  <Link href={pathOf({ name: 'badge', id: record.id })}>{name}</Link>
                  <span class="muted">{record.badge?.issuer.name ?? t('library.unknownIssuer')}</span>
                  <StatusMark status={statusOf(record)} />
                </span>
                <span class="row-actions">
                  <MoveButtons
                    idPrefix={`badge-${record.id}`}
                    upLabel={t('collections.badges.moveUpLabel', { name })}
                    downLabel={t('collections.badges.moveDownLabel', { name })}
                    first={i === 0}
                    last={i === members.length - 1}
                    onMove={(d) => move(i, i + d, d < 0 ? 'up' : 'down')}
                  />
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('collections.badges.removeLabel', { name })}
                    onClick={() => save(ids.filter((x) => x !== record.id), t('collections.badges.removed', { name }))}
                  >
                    {t('collections.badges.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

function AddBadges({ collection, records }: { collection: Collection; records: readonly BadgeRecord[] }) {
  const { t, lang } = useLang();
  const backpack = useBackpack();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState('');
  const candidates = useMemo(() => {
    const inside = new Set<string>(collection.badgeIds);
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const q = fold(query.trim());
    return records
      .filter((r) => !inside.has(r.id))
      .filter((r) => q === '' || fold(`${badgeName(r)} ${r.badge?.issuer.name ?? ''}`).includes(q))
      .sort((a, b) => badgeName(a).localeCompare(badgeName(b), lang));
  }, [collection.badgeIds, records, query, lang]);
  const outside = records.length - collection.badgeIds.filter((id) => records.some((r) => r.id === id)).length;
  const count = [...chosen].filter((id) => candidates.some((r) => r.id === id)).length;

  const add = async (event: Event) => {
    event.preventDefault();
    const adding = candidates.filter((r) => chosen.has(r.id)).map((r) => r.id);
    if (adding.length === 0) return;
    try {
      await backpack.updateCollection(collection.id, { badgeIds: [...collection.badgeIds, ...adding] });
      setChosen(new Set());
      setDone(t(`collections.add.done.${pluralCategory(lang, adding.length)}`, { count: adding.length }));
    } catch (e) {
      console.error('Besace: adding to a collection failed', e);
      toast.show({ message: t('collections.failed') });
    }
  };

  return (
    <section aria-labelledby="collection-add">
      <h2 id="collection-add">{t('collections.add.title')}</h2>
      <p role="status" class="hint">
        {done}
      </p>
      {records.length === 0 ? (
        <p>
          {t('collections.add.noBadges')} <Link href={pathOf({ name: 'import' })}>{t('shell.nav.import')}</Link>
        </p>
      ) : outside === 0 ? (
        <p>{t('collections.add.none')}</p>
      ) : (
        <form onSubmit={add}>
          <label for="collection-filter">{t('collections.add.filter')}</label>
          <input id="collection-filter" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
          {candidates.length === 0 ? (
            <p>{t('collections.add.noMatch', { query: query.trim() })}</p>
          ) : (
            <ul class="candidate-list">
              {candidates.slice(0, 200).map((r) => (
                <li key={r.id}>
                  <label class="candidate">
                    <input
                      type="checkbox"
                      checked={chosen.has(r.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if ((e.currentTarget as HTMLInputElement).checked) next.add(r.id);
                        else next.delete(r.id);
                        setChosen(next);
                      }}
                    />
                    <span>{badgeName(r) || t('library.unnamed')}</span>
                    <span class="muted">{r.badge?.issuer.name ?? ''}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <button type="submit" class="button button-primary" disabled={count === 0}>
            {t(`collections.add.button.${pluralCategory(lang, count)}`, { count })}
          </button>
        </form>
      )}
    </section>
  );
}

/** Badges that carry one of the earner's addresses in clear inside their signed data. */
function plainAddressCount(members: readonly BadgeRecord[]): number {
  return members.filter((r) => r.badge?.recipients.some((x) => !x.hashed && x.identity.includes('@'))).length;
}

function SharePanel({ collection, members, settings, identities }: { collection: Collection; members: readonly BadgeRecord[]; records: readonly BadgeRecord[]; settings: Settings; identities: readonly EarnerIdentity[] }) {
  const { t, lang } = useLang();
  const backpack = useBackpack();
  const [saved, setSaved] = useState('');
  const [copy, setCopy] = useState<'copied' | 'fallback' | null>(null);
  const choices = collection.share;
  const link = useMemo(
    () => (members.length === 0 ? null : collectionLink(collection, members, settings, shareBase(), new Date())),
    [collection, members, settings],
  );
  const version = useMemo(() => (link ? qrVersion(link, 'M') : null), [link]);
  const ended = choices.until !== null && Date.parse(choices.until) <= Date.now();
  const plain = plainAddressCount(members);

  const update = async (patch: Partial<ShareChoices>) => {
    try {
      await backpack.updateCollection(collection.id, { share: patch });
      setSaved(t('collections.share.saved'));
    } catch (e) {
      console.error('Besace: share choices not saved', e);
      setSaved(t('collections.failed'));
    }
  };

  const copyLink = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      const field = document.getElementById('share-link') as HTMLTextAreaElement | null;
      field?.focus();
      field?.select();
      setCopy('fallback');
    }
  };

  const name = settings.displayName?.trim();
  const untilDay = choices.until ? choices.until.slice(0, 10) : '';

  return (
    <section aria-labelledby="collection-share" class="share-panel">
      <h2 id="collection-share">{t('collections.share.title')}</h2>
      <fieldset class="share-choices">
        <legend>{t('collections.share.choices')}</legend>
        <label class="check">
          <input type="checkbox" checked={Boolean(name) && choices.displayName} disabled={!name} onChange={(e) => update({ displayName: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{name ? t('collections.share.name', { name }) : t('collections.share.noName')}</span>
        </label>
        {!name && (
          <p class="hint">
            <Link href={pathOf({ name: 'profile' })}>{t('shell.nav.profile')}</Link>
          </p>
        )}
        <label class="check">
          <input type="checkbox" checked={choices.evidence} aria-describedby="share-evidence-hint" onChange={(e) => update({ evidence: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('collections.share.evidence')}</span>
        </label>
        <p id="share-evidence-hint" class="hint">
          {t('collections.share.evidence.hint')}
        </p>
        <label for="share-recipient">{t('collections.share.recipient')}</label>
        <select
          id="share-recipient"
          aria-describedby="share-recipient-hint"
          value={choices.recipient ?? ''}
          onChange={(e) => update({ recipient: (e.currentTarget as HTMLSelectElement).value || null })}
        >
          <option value="">{t('collections.share.recipient.none')}</option>
          {identities.map((i) => (
            <option key={i.value} value={i.value}>
              {i.value}
            </option>
          ))}
          {choices.recipient !== null && !identities.some((i) => i.value === choices.recipient) && <option value={choices.recipient}>{choices.recipient}</option>}
        </select>
        <p id="share-recipient-hint" class="hint">
          {t('collections.share.recipient.hint')}
        </p>
        <label for="share-until">{t('collections.share.until')}</label>
        <div class="inline-field">
          <input
            id="share-until"
            type="date"
            value={untilDay}
            aria-describedby="share-until-hint"
            onChange={(e) => {
              const day = (e.currentTarget as HTMLInputElement).value;
              // The end of that day where the earner is.
              void update({ until: day ? new Date(`${day}T23:59:59`).toISOString() : null });
            }}
          />
          {choices.until && (
            <button type="button" class="button button-small" onClick={() => update({ until: null })}>
              {t('collections.share.until.clear')}
            </button>
          )}
        </div>
        <p id="share-until-hint" class="hint">
          {t('collections.share.until.hint')}
        </p>
        <p role="status" class="hint">
          {saved}
        </p>
      </fieldset>

      {plain > 0 && <p class="notice">{t(`collections.share.plainEmail.${pluralCategory(lang, plain)}`, { count: plain })}</p>}
      {ended && choices.until && <p class="notice notice-error">{t('collections.share.ended', { date: formatDate(lang, choices.until) })}</p>}

      {link === null ? (
        <p>{t('collections.share.empty')}</p>
      ) : (
        <>
          <label for="share-link">{t('collections.share.link')}</label>
          <textarea id="share-link" class="share-link" readOnly rows={3} value={link} aria-describedby="share-size" onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />
          <p id="share-size" class="hint">
            {t('collections.share.size', { chars: formatNumber(lang, link.length) })}{' '}
            {version === null
              ? t('collections.share.qrTooLong')
              : version > QR_COMFORTABLE_VERSION
                ? t('collections.share.qrHard', { version })
                : t('collections.share.qr', { version })}
          </p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={copyLink}>
              {t('collections.share.copy')}
            </button>
            <a class="button" href={link} target="_blank" rel="noopener noreferrer">
              {t('collections.share.open')}
            </a>
            <Link class="button" href={pathOf({ name: 'present', target: { kind: 'collection', id: collection.id } })}>
              {t('collections.share.present')}
            </Link>
            <Link class="button" href={pathOf({ name: 'annex', id: collection.id })}>
              {t('collections.share.annex')}
            </Link>
            <button
              type="button"
              class="button"
              aria-describedby="share-file-hint"
              onClick={() => downloadBytes(new TextEncoder().encode(`${link}\n`), `${safeFileName(collection.title, 'collection')}.besace-share.txt`, 'text/plain')}
            >
              {t('collections.share.file')}
            </button>
            <a class="button" href={linkedInShareUrl(link)} target="_blank" rel="noopener noreferrer" aria-describedby="share-linkedin-hint">
              {t('collections.share.linkedin')}
            </a>
          </div>
          <p role="status" class="hint">
            {copy === 'copied' ? t('collections.share.copied') : copy === 'fallback' ? t('collections.share.copyFallback') : ''}
          </p>
          <p id="share-file-hint" class="hint">
            {t('collections.share.file.hint')}
          </p>
          <p id="share-linkedin-hint" class="hint">
            {t('collections.share.linkedin.hint')}
          </p>
        </>
      )}
    </section>
  );
}
