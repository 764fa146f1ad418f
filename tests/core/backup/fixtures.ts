/**
 * The backup fixtures the app made, one per released format version (make-backup-fixture*.ts), and
 * what the version 2 one holds: shared by the format's tests and the backpack's restore tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCollection } from '../../../src/core/backup';

const dir = join(import.meta.dirname, '../../fixtures/ours/backup');

export const BACKUP_V1 = new Uint8Array(readFileSync(join(dir, 'besace-backup-v1.zip')));
export const BACKUP_V2 = new Uint8Array(readFileSync(join(dir, 'besace-backup-v2.zip')));

/** simple-badge.png's issuer, which the version 2 fixture gives the LinkedIn organisation id 1337. */
export const V2_ISSUER = 'https://example.org/organization.json';

/** The version 2 fixture's collections, given the ids of its PNG and SVG badges. */
export const v2Collections = (png: string, svg: string): BackupCollection[] => [
  {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Candidature 2026',
    badgeIds: [png, svg],
    position: 0,
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-03T00:00:00.000Z',
    share: { displayName: false, recipient: 'ann@example.org', evidence: false, until: '2026-06-30T22:00:00.000Z' },
  },
  {
    // Position 2: the collection between was deleted before the export.
    id: '00000000-0000-4000-8000-000000000003',
    title: 'Portfolio',
    badgeIds: [svg],
    position: 2,
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    share: { displayName: true, recipient: null, evidence: true, until: null },
  },
];
