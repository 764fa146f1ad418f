/**
 * From the backpack to share links: a collection (or one badge) and the earner's choices → the
 * Share the link carries; the LinkedIn "Add to profile" fields of one badge; and how a link fares
 * as a QR code. No DOM, no IndexedDB: the UI passes the records and the base URL.
 */
import { encodeShare, shareItemFromExtracted, type Share } from '../core/share/link';
import type { LinkedInCertification } from '../core/share/linkedin';
import type { BadgeRecord, Collection, Settings, ShareChoices } from './types';
import { DEFAULT_SHARE_CHOICES } from './types';

/** The Share of some badges, with what the choices disclose. `now` dates the link. */
export function buildShare(
  records: readonly BadgeRecord[],
  options: { readonly title?: string | null; readonly choices?: ShareChoices; readonly settings?: Pick<Settings, 'displayName'>; readonly now: Date },
): Share {
  const choices = options.choices ?? DEFAULT_SHARE_CHOICES;
  const title = options.title?.trim();
  const name = options.settings?.displayName?.trim();
  return {
    ...(title ? { title } : {}),
    createdAt: options.now.toISOString(),
    ...(choices.until ? { until: choices.until } : {}),
    badges: records.map((r) => shareItemFromExtracted(r.extracted)),
    ...(choices.displayName && name ? { displayName: name } : {}),
    ...(choices.recipient?.trim() ? { recipient: choices.recipient.trim() } : {}),
    ...(choices.evidence ? {} : { hideEvidence: true }),
  };
}

/** The records of a collection, in its order (badges no longer in the backpack are skipped). */
export function collectionRecords(collection: Collection, records: readonly BadgeRecord[]): BadgeRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return collection.badgeIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

/** The link of a collection. */
export function collectionLink(collection: Collection, records: readonly BadgeRecord[], settings: Pick<Settings, 'displayName'>, base: string, now: Date): string {
  return encodeShare(buildShare(collectionRecords(collection, records), { title: collection.title, choices: collection.share, settings, now }), base);
}

/**
 * The link of one badge on its own, as LinkedIn's "credential URL" and the QR of one badge: the
 * badge alone, nothing else disclosed (no name, no address, no end date).
 */
export function badgeLink(record: BadgeRecord, base: string, now: Date): string {
  return encodeShare(buildShare([record], { choices: { displayName: false, recipient: null, evidence: true, until: null }, now }), base);
}

/** The "Add to profile" fields of one badge; the organisation id when the earner set one for its issuer. */
export function linkedInCertificationOf(record: BadgeRecord, settings: Pick<Settings, 'linkedInOrganizations'>, certUrl: string | null): LinkedInCertification {
  const badge = record.badge;
  const issuerKey = issuerKeyOf(record);
  const orgs = settings.linkedInOrganizations;
  const orgId = issuerKey && Object.hasOwn(orgs, issuerKey) ? orgs[issuerKey] : undefined;
  return {
    name: badge?.name ?? '',
    organizationName: badge?.issuer.name ?? null,
    organizationId: orgId ?? null,
    issuedOn: badge?.awardedOn ?? badge?.issuedOn ?? null,
    expires: badge?.expires ?? null,
    certUrl,
    certId: badge?.id ?? null,
  };
}

/** Which issuer a LinkedIn organisation id is remembered for: its id, or else its URL. */
export function issuerKeyOf(record: BadgeRecord): string | null {
  const issuer = record.badge?.issuer;
  return issuer?.id?.trim() || issuer?.url?.trim() || null;
}

/** QR capacity: version 40 at level M holds 2,331 bytes; phones read up to about version 25 comfortably. */
export const QR_COMFORTABLE_VERSION = 25;
