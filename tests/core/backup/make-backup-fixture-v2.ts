/**
 * Writes tests/fixtures/ours/backup/besace-backup-v2.zip: a small backup made by the app's own code
 * (stage → accept → reverify → identities → settings with LinkedIn organisation ids → collections
 * → exportAll), at the time backup format version 2 was the latest. Run once per released version,
 * never again for the same version: the file is the compatibility promise that backup.test.ts and
 * tests/app/restore.test.ts keep (it must still decode and restore). It refuses to overwrite the file,
 * and to run once version 2 is no longer the latest.
 *
 *   npx tsx tests/core/backup/make-backup-fixture-v2.ts
 *
 * What it holds: two badges (an OB 3.0 credential in an SVG, an OB 2.0 assertion in a PNG), the
 * SVG's two reports and the PNG's one; two identities; settings in French with a display name and
 * one LinkedIn organisation id; two collections at positions 0 and 2 (the one between was deleted):
 * "Candidature 2026" with both badges (PNG first) and every share choice changed, and "Portfolio"
 * with the SVG and the default share choices.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_BACKUP_VERSION } from '../../../src/core/backup';
import { DAY, file, setup } from '../../app/support';

if ((LATEST_BACKUP_VERSION as number) !== 2) {
  console.error(`the latest backup version is ${LATEST_BACKUP_VERSION}: besace-backup-v2.zip is made once and kept as it is`);
  process.exit(1);
}

const out = join(import.meta.dirname, '../../fixtures/ours/backup/besace-backup-v2.zip');

let n = 0;
const { backpack, clock, db } = await setup({ newId: () => `00000000-0000-4000-8000-00000000000${++n}` });
await backpack.addIdentity('ann@example.org');
await backpack.addIdentity('https://ann.example.org/');
const staged = await backpack.stage([file('1edtech-dcpv/ob30/simple-json.svg'), file('1edtech-dcpv/ob20/simple-badge.png')]);
await backpack.accept(staged);
const [svg, png] = staged.map((item) => {
  if (item.status !== 'new') throw new Error('expected new badges');
  return item.record;
});
const issuer = png!.badge?.issuer.id; // the key the LinkedIn settings use: the issuer's id
if (!issuer) throw new Error('expected the PNG badge to name its issuer');
await backpack.updateSettings({ lang: 'fr', displayName: 'Ann', linkedInOrganizations: { [issuer]: '1337' } });
clock.advance(DAY);
const application = await backpack.createCollection('Candidature 2026', [png!.id, svg!.id]);
const doomed = await backpack.createCollection('À supprimer');
await backpack.createCollection('Portfolio', [svg!.id]);
clock.advance(DAY);
await backpack.updateCollection(application.id, {
  share: { displayName: false, recipient: 'ann@example.org', evidence: false, until: '2026-06-30T22:00:00.000Z' },
});
await backpack.removeCollection(doomed.id);
await backpack.reverify(svg!.id);
clock.advance(DAY);
writeFileSync(out, await backpack.exportAll(), { flag: 'wx' }); // never over a released fixture
db.close();
console.log(`wrote ${out}`);
