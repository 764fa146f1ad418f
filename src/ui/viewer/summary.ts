/**
 * What the viewer of a share link says about the badges as a whole, and which of them are already
 * in the viewer's own backpack. Plain functions over staged items: no DOM, no service.
 */
import type { BadgeId, EarnerIdentity, StagedItem } from '../../app/types';
import { identityKind } from '../../app/identity';
import type { Share } from '../../core/share/link';
import { STATUS_KINDS, statusOfReport, type StatusKind } from '../library/status';

/** A staged item's standing: a status of its report, or "could not be read" (not a badge at all). */
export type ViewedStatus = StatusKind | 'unreadable';

export const VIEWED_STATUSES: readonly ViewedStatus[] = [...STATUS_KINDS, 'unreadable'];

export function viewedStatus(item: StagedItem): ViewedStatus {
  return item.status === 'not-a-badge' ? 'unreadable' : statusOfReport(item.record.latest);
}

/** How many items have each standing, in the order of VIEWED_STATUSES, zeros left out. */
export function countStatuses(items: readonly StagedItem[]): { readonly status: ViewedStatus; readonly count: number }[] {
  const counts = new Map<ViewedStatus, number>();
  for (const item of items) {
    const status = viewedStatus(item);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return VIEWED_STATUSES.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
}

/**
 * The identity the recipient check compares with: only the address the sharer disclosed, never the
 * viewer's own (whose badges these are is the sharer's claim to check, not the viewer's).
 */
export function sharedIdentities(share: Pick<Share, 'recipient' | 'createdAt'>): EarnerIdentity[] {
  const value = share.recipient?.trim();
  return value ? [{ value, kind: identityKind(value), addedAt: share.createdAt }] : [];
}

/**
 * The badge of the viewer's backpack an item already is (same file, or the same credential and not
 * a newer copy of it); null otherwise. A repeat inside the link itself does not count: the earlier
 * copy is in the link, not in the backpack (unless it is there too).
 */
export function alreadyStored(items: readonly StagedItem[], index: number): BadgeId | null {
  const item = items[index];
  if (!item || item.status !== 'duplicate' || item.newer) return null;
  const repeat = items
    .slice(0, index)
    .some((other, j) => other.status !== 'not-a-badge' && other.record.id === item.existingId && alreadyStored(items, j) === null);
  return repeat ? null : item.existingId;
}
