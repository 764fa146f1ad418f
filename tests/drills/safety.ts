/**
 * The data-safety drills (issue "Drills: hostile badges, lost tabs and full disks", part "Data
 * safety"), in the production build in Debian's Chromium, each one a row:
 *
 * - kill mid-import: the browser SIGKILLed while "Add" writes, on a profile of its own, and started
 *   again: every stored badge whole, each batch all or nothing, nothing confirmed lost, and the rest
 *   imported again (safety/kill.ts);
 * - earlier schema: the version 1 fixture written into Chromium's IndexedDB, then today's app on it
 *   (safety/schema.ts);
 * - storage full: Chromium's quota brought down (CDP), the earner told, nothing lost, "Add" again
 *   once there is room (safety/quota.ts);
 * - two tabs: each adding and removing at once, no write lost (safety/tabs.ts);
 * - export → clear → restore (safety/backup.ts).
 *
 * `small` (inside `npm test`, tests/browser/drills-safety.test.ts): 60 killed mid-import, 36 badges
 * across two tabs, 100 through a backup. `full` (`npm run drills`): 200, 160, 1,000.
 */
import { SECURITY_HEADERS } from '../../vite.config';
import { launchBrowser } from '../support/browser';
import { startStaticServer } from '../support/staticServer';
import { exportClearRestore } from './safety/backup';
import { drillRow } from './safety/harness';
import { killMidImport } from './safety/kill';
import { storageFull } from './safety/quota';
import { earlierSchema } from './safety/schema';
import { twoTabs } from './safety/tabs';
import type { Drill, DrillRow } from './types';

export const safetyDrills: Drill = async (size, env) => {
  const full = size === 'full';
  const server = await startStaticServer({ root: env.dist, headers: SECURITY_HEADERS });
  try {
    const rows: DrillRow[] = [];
    // Its own browsers, on a profile folder of their own (the kill takes the whole browser down).
    rows.push(await drillRow(`kill mid-import of ${full ? 200 : 60}`, (tally) => killMidImport(size, server.origin, env.chromiumPath, tally)));
    const browser = await launchBrowser(env.chromiumPath);
    try {
      rows.push(await drillRow('schema v1 database opened today', (tally) => earlierSchema(size, server.origin, browser, tally)));
      rows.push(await drillRow('storage full (quota), then room', (tally) => storageFull(size, server.origin, browser, tally)));
      rows.push(await drillRow('two tabs adding and removing', (tally) => twoTabs(size, server.origin, browser, tally)));
      rows.push(await drillRow(`export → clear → restore of ${full ? '1,000' : 100}`, (tally) => exportClearRestore(size, server.origin, browser, tally)));
    } finally {
      await browser.close();
    }
    return rows;
  } finally {
    await server.close();
  }
};
