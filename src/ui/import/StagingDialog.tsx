/**
 * The review of everything handed in, before anything is saved: each item with its state (New /
 * Already in your backpack / Not a badge / Not valid), the badge's name and issuer when known, the
 * file it came from, and in plain words why it is not a badge or not valid. One button adds all the
 * new ones; invalid ones go in only when ticked "Keep anyway".
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ImportInput, StagedItem } from '../../app/types';
import { useLang, type LangState } from '../context';
import { describeCheck, describeExtractError, describeVerdict } from '../messages/describe';
import { Link, pathOf } from '../router';
import { describeFailure } from './errors';
import { isChosen, noticeText, useImport, type ImportState } from './ImportProvider';
import { Modal } from './Modal';
import { listOf, plural } from './plural';

const TITLE_ID = 'import-dialog-title';
const STATUS_ID = 'import-dialog-status';

export function StagingDialog({ onClosed }: { onClosed: () => void }) {
  const langState = useLang();
  const { t } = langState;
  const api = useImport();
  const { state } = api;
  const { phase, items, kept, progress, failure, result, notices } = state;
  const chosen = items.filter((item, i) => isChosen(item, i, kept)).length;
  const actionsRef = useRef<HTMLDivElement>(null);

  // After the accept, the Add button is gone: the focus goes to the next step, "See my badges".
  useLayoutEffect(() => {
    if (phase === 'done') actionsRef.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [phase]);

  const onEscape = () => {
    if (phase === 'done') api.close();
    else api.cancel();
  };

  return (
    <Modal labelledBy={TITLE_ID} describedBy={STATUS_ID} class="import-dialog" onEscape={onEscape} onClosed={onClosed}>
      <h2 id={TITLE_ID}>{t('importer.dialog.title')}</h2>
      <p id={STATUS_ID} role="status" aria-live="polite" class="import-status">
        {statusText(langState, state)}
      </p>
      {phase === 'staging' && progress && (
        <progress class="import-progress" value={progress.done} max={Math.max(progress.total, 1)} aria-labelledby={STATUS_ID} />
      )}

      {notices.length > 0 && (
        <ul class="import-notices">
          {notices.map((notice, i) => (
            <li key={i}>{noticeText(langState, notice)}</li>
          ))}
        </ul>
      )}

      {items.length > 0 && (
        <ul class="import-items" aria-label={t('importer.list.label')}>
          {items.map((item, i) => (
            <StagedRow
              key={i}
              index={i}
              item={item}
              kept={kept.has(i)}
              onKeep={(keep) => api.setKept(i, keep)}
            />
          ))}
        </ul>
      )}

      {failure && (
        <div role="alert" class="import-error">
          <p>{describeFailure(langState, failure.error, failure.during === 'accept' ? 'importer.error.accept' : 'importer.error.stage')}</p>
          {failure.during === 'accept' && <p>{t('importer.error.kept')}</p>}
        </div>
      )}

      <div class="import-actions" ref={actionsRef}>
        {/* The slots stay in place, so the focused button survives the change from checking to review. */}
        {(phase === 'review' || phase === 'accepting') &&
          (chosen > 0 ? (
            <button
              type="button"
              class="button button-primary"
              onClick={() => void api.accept()}
              aria-disabled={phase === 'accepting' ? 'true' : undefined}
              aria-busy={phase === 'accepting'}
            >
              {phase === 'accepting' ? t('importer.accepting') : plural(langState, 'importer.accept', chosen)}
            </button>
          ) : (
            <p class="import-nothing">{t('importer.accept.nothing')}</p>
          ))}
        {phase !== 'done' && (
          <button type="button" class="button" onClick={api.cancel} aria-disabled={phase === 'accepting' ? 'true' : undefined}>
            {phase === 'review' && chosen === 0 ? t('importer.close') : t('importer.cancel')}
          </button>
        )}
        {phase === 'done' && result && (
          <Link href={pathOf({ name: 'library' })} class="button button-primary" onClick={api.close}>
            {t('importer.seeBadges')}
          </Link>
        )}
        {phase === 'done' && (
          <button type="button" class="button" onClick={api.close}>
            {t('importer.close')}
          </button>
        )}
      </div>
    </Modal>
  );
}

/** The one line the live region says: progress while checking, then the counts, then the result. */
function statusText(langState: LangState, state: ImportState): string {
  const { phase, items, progress, result } = state;
  if (phase === 'staging' && progress) {
    return langState.t('importer.dialog.checking', { done: Math.min(progress.done + 1, progress.total), total: progress.total });
  }
  if (phase === 'done' && result) {
    const parts = [plural(langState, 'importer.done.added', result.added.length)];
    if (result.merged.length > 0) parts.push(plural(langState, 'importer.done.merged', result.merged.length));
    return parts.join(' ');
  }
  if (items.length === 0) return '';
  const count = (status: StagedItem['status']) => items.filter((item) => item.status === status).length;
  const parts = [
    [count('new'), 'importer.count.new'] as const,
    [count('duplicate'), 'importer.count.duplicate'] as const,
    [count('not-a-badge'), 'importer.count.notBadge'] as const,
    [count('invalid'), 'importer.count.invalid'] as const,
  ]
    .filter(([n]) => n > 0)
    .map(([n, base]) => plural(langState, base, n));
  return langState.t('importer.dialog.checked', { summary: listOf(langState.lang, parts) });
}

function StagedRow({
  item,
  index,
  kept,
  onKeep,
}: {
  item: StagedItem;
  index: number;
  kept: boolean;
  onKeep: (keep: boolean) => void;
}) {
  const langState = useLang();
  const { t, lang } = langState;
  const badge = item.status === 'not-a-badge' ? null : item.record.badge;
  const nameId = `import-item-${index}`;
  const statusLabel =
    item.status !== 'duplicate'
      ? t(`importer.status.${item.status}`)
      : item.newer
        ? t('importer.status.duplicate.newer')
        : t(`importer.status.duplicate.${item.reason}`);
  let detail: string;
  switch (item.status) {
    case 'new':
      detail = item.record.latest ? t('importer.item.verdict', { verdict: describeVerdict(lang, item.record.latest.verdict) }) : '';
      break;
    case 'duplicate':
      detail = item.newer ? t('importer.item.duplicate.newer') : t(`importer.item.duplicate.${item.reason}`);
      break;
    case 'not-a-badge':
      detail = describeExtractError(lang, item.error);
      break;
    case 'invalid':
      detail = t('importer.item.invalid', { reason: describeCheck(lang, item.failing) });
      break;
  }
  return (
    <li class={`import-item import-item-${item.status}`}>
      <p class="import-item-head">
        <strong class="import-item-status">{statusLabel}</strong>
        <span class="import-item-source" id={nameId}>
          {inputLabel(langState, item.input)}
        </span>
      </p>
      {badge && (
        <p class="import-item-badge">
          <span class="import-item-name">{badge.name}</span>
          {badge.issuer.name && <span class="import-item-issuer"> — {t('importer.item.issuedBy', { issuer: badge.issuer.name })}</span>}
        </p>
      )}
      {detail && <p class="import-item-detail">{detail}</p>}
      {item.status === 'invalid' && (
        <label class="import-keep">
          <input
            type="checkbox"
            checked={kept}
            aria-describedby={nameId}
            onChange={(event) => onKeep((event.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('importer.keepAnyway')}
        </label>
      )}
    </li>
  );
}

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Where an item came from: its file name, or what was pasted. */
export function inputLabel({ t }: Pick<LangState, 't'>, input: ImportInput): string {
  if (input.kind === 'file') return input.name ?? t('importer.item.unnamedFile');
  const text = input.text.trim();
  if (/^https?:\/\/\S+$/i.test(text)) return t('importer.item.pastedLink', { url: shorten(text, 100) });
  return t('importer.item.pastedText', { preview: shorten(text.replace(/\s+/g, ' '), 48) });
}
