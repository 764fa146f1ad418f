/**
 * Writes tests/fixtures/ours/backup/besace-backup-v1.zip: a small backup made by the app's own code
 * (stage → accept → reverify → identities → settings → exportAll), at the time backup format
 * version 1 was the latest. Run once per released version, never again for the same version:
 * the file is the compatibility promise that backup.test.ts keeps (it must still decode and restore).
 *
 *   npx tsx tests/core/backup/make-backup-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY, file, setup } from '../../app/support';

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
writeFileSync(out, await backpack.exportAll());
db.close();
console.log(`wrote ${out}`);
