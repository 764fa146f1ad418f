/**
 * `npm run drills`: every drill at full size against the production build in Debian's Chromium, then
 * one table — inputs tried, scripts of a badge's that ran, requests to origins nobody asked to check,
 * CSP violations, records lost or half-written, crashes and hangs. Every column but the first must
 * be zero; the command exits 1 otherwise. `npm test` runs the same drills smaller
 * (tests/browser/drills-*.test.ts), and the fuzzer is `npm run fuzz`.
 *
 *   npm run drills                 all drills, full size
 *   npm run drills -- --small      the sizes `npm test` uses
 *   npm run drills -- --only hostile|safety
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildProduction } from '../support/build';
import { ensureChromium } from '../support/ensureChromium';
import { hostileDrills } from './hostile';
import { safetyDrills } from './safety';
import { formatTable, nonZero } from './table';
import type { Drill, DrillRow, DrillSize } from './types';

const DRILLS: Readonly<Record<string, Drill>> = { hostile: hostileDrills, safety: safetyDrills };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { small: { type: 'boolean' }, only: { type: 'string' } } });
  const size: DrillSize = values.small ? 'small' : 'full';
  const chosen = values.only ? values.only.split(',') : Object.keys(DRILLS);
  for (const name of chosen) if (!Object.hasOwn(DRILLS, name)) throw new Error(`--only ${name}: one of ${Object.keys(DRILLS).join(', ')}`);

  const dist = await mkdtemp(join(tmpdir(), 'besace-drills-'));
  try {
    const started = performance.now();
    console.log('Building the app for production…');
    await buildProduction(dist);
    const env = { dist, chromiumPath: await ensureChromium() };
    const rows: DrillRow[] = [];
    for (const name of chosen) {
      const t0 = performance.now();
      console.log(`\nRunning the ${name} drills (${size})…`);
      const got = await DRILLS[name]!(size, env);
      rows.push(...got);
      console.log(`  ${got.length} drills in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`\n${formatTable(rows)}\n`);
    const failing = rows.filter(nonZero);
    console.log(
      failing.length === 0
        ? `Every column is zero (${rows.length} drills, ${rows.reduce((n, r) => n + r.inputs, 0).toLocaleString('en')} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s).`
        : `${failing.length} drill(s) with a non-zero column: ${failing.map((r) => r.drill).join('; ')}`,
    );
    return failing.length === 0 ? 0 : 1;
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
