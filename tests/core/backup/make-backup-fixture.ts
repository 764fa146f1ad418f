/**
 * Writes tests/fixtures/ours/backup/besace-backup-v1.zip: a small backup made by the app's own code
 * (stage → accept → reverify → identities → settings → exportAll), at the time backup format
 * version 1 was the latest. Run once per released version, never again for the same version:
 * the file is the compatibility promise that backup.test.ts keeps (it must still decode and restore).
 *
 *   npx tsx tests/core/backup/make-backup-fixture.ts
 *
 * Version 1 is no longer the latest (make-backup-fixture-v2.ts wrote the next one): this script now
 * refuses to run, since today's code would write a later version under the version 1 name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_BACKUP_VERSION } from '../../../src/core/backup';
import { DAY, file, setup } from '../../app/support';

if ((LATEST_BACKUP_VERSION as number) !== 1) {
  console.error(`the latest backup version is ${LATEST_BACKUP_VERSION}: besace-backup-v1.zip is made once and kept as it is`);
  process.exit(1);
}

const out = join(import.meta.dirname, '../../fixtures/ours/backup/besace-backup-v1.zip');

const { backpack, clock, db } = await setup();
await backpack.addIdentity('ann@example.org');
await backpack.addIdentity('https://ann.example.org/');
await backpack.updateSettings({ lang: 'fr', displayName: 'Ann' });
// An OB 3.0 credential baked in an SVG, and an OB 2.0 assertion baked in a PNG.
const staged = await backpack.stage([file('1edtech-dcpv/ob30/simple-json.svg'), file('1edtech-dcpv/ob20/simple-badge.png')]);
await backpack.accept(staged);
clock.advance(2 * DAY);
const first = staged[0];
if (first?.status !== 'new') throw new Error('expected a new badge');
await backpack.reverify(first.record.id);
clock.advance(DAY);
writeFileSync(out, await backpack.exportAll(), { flag: 'wx' }); // never over a released fixture
db.close();
console.log(`wrote ${out}`);
