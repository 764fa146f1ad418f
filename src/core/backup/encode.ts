/**
 * encodeBackup: the app's data → one ZIP file in the latest backup version. The manifest is the
 * first entry (deflated JSON, indented so that a person can read it); each original file follows
 * under badges/<id>.<ext>, byte for byte (stored without compression when it is a PNG, which is
 * compressed already). Entry dates are the export's date, so the same data gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { badgePath, MANIFEST_NAME, type BackupData } from './format';
import { encodeManifestV2 } from './v2';

/** ZIP entry dates run from 1980 to 2099 (DOS time): outside, the first day of 1980. */
function zipDate(iso: string): Date {
  const date = new Date(iso);
  const year = date.getFullYear();
  return Number.isFinite(date.getTime()) && year > 1980 && year < 2099 ? date : new Date(1980, 0, 2);
}

export function encodeBackup(data: BackupData): Uint8Array {
  const manifest = new TextEncoder().encode(`${JSON.stringify(encodeManifestV2(data), null, 2)}\n`);
  // Object keys keep insertion order (none of these names is an integer): the manifest comes first.
  const entries: Zippable = { [MANIFEST_NAME]: [manifest, { level: 6 }] };
  for (const badge of data.badges) {
    const level = badge.original.mediaType === 'image/png' ? 0 : 6;
    entries[badgePath(badge.id, badge.original.mediaType)] = [badge.original.bytes, { level }];
  }
  return zipSync(entries, { mtime: zipDate(data.exportedAt) });
}
