/** What a restore did, in one sentence ("Backup restored: 3 badges added, 1 merged and 1 collection added."). */
import type { RestoreResult } from '../../app/types';
import type { LangState } from '../context';
import { listOf, plural } from '../import/plural';

export function restoreSummary(langState: Pick<LangState, 'lang' | 't'>, result: RestoreResult): string {
  const parts: string[] = [];
  if (result.added > 0 || result.merged > 0) {
    parts.push(plural(langState, 'profile.backup.added', result.added), plural(langState, 'profile.backup.merged', result.merged));
  }
  if (result.identitiesAdded > 0) parts.push(plural(langState, 'profile.backup.identities', result.identitiesAdded));
  if (result.collectionsAdded > 0) parts.push(plural(langState, 'profile.backup.collections', result.collectionsAdded));
  return parts.length > 0 ? langState.t('profile.backup.restored', { summary: listOf(langState.lang, parts) }) : langState.t('profile.backup.nothingNew');
}
