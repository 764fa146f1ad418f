/**
 * Search, filter and sort for the badge list. Pure functions over records, so they are tested
 * without a DOM and stay fast with thousands of badges (each record's search text is built once).
 *
 * Search is case- and accent-insensitive ("meneur" finds "Méneur", "COEUR" finds "cœur") and every
 * word of the query must be found somewhere in the badge: its name, its issuer, its tags, its
 * skills and alignments (name, framework, code), its achievement type.
 */
import type { BadgeRecord } from '../../app/types';
import type { Lang } from '../messages';
import { parseDate } from '../shell/format';
import { statusOf, type StatusKind } from './status';

export type SortKey = 'newest' | 'oldest' | 'issuer' | 'name';
export const SORT_KEYS: readonly SortKey[] = ['newest', 'oldest', 'issuer', 'name'];

export type StatusFilter = 'all' | StatusKind;

/** Lower case, no accents, ligatures spelled out, spaces squeezed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function queryWords(query: string): string[] {
  return foldText(query).split(' ').filter(Boolean);
}

export interface Indexed {
  readonly record: BadgeRecord;
  readonly status: StatusKind;
  /** Folded name, issuer, tags, alignments: what the words are looked for in. */
  readonly haystack: string;
  /** Issued date (else the date it was added), ms since the epoch. */
  readonly time: number;
  readonly name: string;
  readonly issuer: string;
}

/** The name shown for a badge, even when it could not be read. */
export const badgeName = (record: BadgeRecord): string => record.badge?.name?.trim() || record.original.fileName || '';
export const issuerName = (record: BadgeRecord): string => record.badge?.issuer.name?.trim() || '';

export function indexRecord(record: BadgeRecord): Indexed {
  const badge = record.badge;
  const parts: string[] = [badgeName(record), issuerName(record)];
  if (badge) {
    parts.push(...badge.tags);
    for (const a of badge.alignments) parts.push(a.targetName, a.targetFramework ?? '', a.targetCode ?? '');
    if (badge.achievementType) parts.push(badge.achievementType);
    if (badge.issuer.url) parts.push(badge.issuer.url);
  }
  const issued = parseDate(badge?.issuedOn) ?? parseDate(record.addedAt);
  return {
    record,
    status: statusOf(record),
    haystack: foldText(parts.filter(Boolean).join(' \u0001 ')),
    time: issued?.getTime() ?? 0,
    name: badgeName(record),
    issuer: issuerName(record),
  };
}

export function matches(item: Indexed, words: readonly string[]): boolean {
  return words.every((w) => item.haystack.includes(w));
}

export interface ListQuery {
  readonly q: string;
  readonly status: StatusFilter;
  readonly sort: SortKey;
}

export const DEFAULT_QUERY: ListQuery = { q: '', status: 'all', sort: 'newest' };

export function applyQuery(items: readonly Indexed[], query: ListQuery, lang: Lang): Indexed[] {
  const words = queryWords(query.q);
  const kept = items.filter((item) => (query.status === 'all' || item.status === query.status) && matches(item, words));
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const byTimeDesc = (a: Indexed, b: Indexed) => b.time - a.time;
  const byName = (a: Indexed, b: Indexed) => collator.compare(a.name, b.name);
  // An empty issuer or name sorts last, not first.
  const blankLast = (a: string, b: string) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0);
  switch (query.sort) {
    case 'newest':
      return kept.sort((a, b) => byTimeDesc(a, b) || byName(a, b));
    case 'oldest':
      return kept.sort((a, b) => a.time - b.time || byName(a, b));
    case 'issuer':
      return kept.sort((a, b) => blankLast(a.issuer, b.issuer) || collator.compare(a.issuer, b.issuer) || byTimeDesc(a, b));
    case 'name':
      return kept.sort((a, b) => blankLast(a.name, b.name) || byName(a, b) || byTimeDesc(a, b));
  }
}

/** The list's query from the address bar (?q=…&status=…&sort=…), so Back returns to the same view. */
export function readQuery(search: string, statuses: readonly StatusKind[]): ListQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    status: status !== null && (statuses as readonly string[]).includes(status) ? (status as StatusKind) : 'all',
    sort: sort !== null && (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'newest',
  };
}

export function writeQuery(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.sort !== 'newest') params.set('sort', query.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}
