/**
 * Writes tests/storage/fixtures/besace-db-v1.json: a database as the app's first release of the
 * schema (version 1) leaves it, filled by the app's own code (identities, settings, three badges,
 * a re-check, a merged duplicate). Run once per schema version, never again for the same version:
 * migrations.test.ts opens it with today's code (the drill of a later schema version starts here).
 *
 *   npx tsx tests/storage/make-db-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY, file, setup } from '../app/support';
import { dumpDb, dumpToJson } from './dbFixture';

const out = join(import.meta.dirname, 'fixtures/besace-db-v1.json');
const { backpack, clock, db } = await setup();
await backpack.addIdentity('ann@example.org');
await backpack.updateSettings({ lang: 'fr' });
const staged = await backpack.stage([
  file('1edtech-dcpv/ob30/simple-json.svg'),
  file('1edtech-dcpv/ob20/simple-badge.png'),
  file('1edtech-dcpv/ob30/simple-err-proof-value.json'),
]);
await backpack.accept(staged);
clock.advance(DAY);
const first = staged[0];
if (first?.status !== 'new') throw new Error('expected a new badge');
await backpack.reverify(first.record.id);
// The same credential, another file: merged into the first badge's history.
await backpack.accept(await backpack.stage([file('1edtech-dcpv/ob30/simple-json.png')]));
writeFileSync(out, dumpToJson(await dumpDb(db as never)));
db.close();
console.log(`wrote ${out}`);
