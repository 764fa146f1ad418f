/**
 * The data-safety drills (tests/drills/safety.ts) at their small size, inside `npm test`: the browser
 * killed mid-import, the schema version 1 database, a full disk, two tabs at once, and a backup round
 * trip, against the production build in Debian's Chromium. Every column but `inputs` must be zero;
 * the rows (with their notes) are printed, and a failure shows the row that is not.
 */
import { describe, expect, it } from 'vitest';
import { browserSetup } from '../support/browser';
import { safetyDrills } from '../drills/safety';
import { ZERO_COLUMNS, type DrillRow } from '../drills/types';

describe('data-safety drills (small)', () => {
  it('lose nothing, half-write nothing, crash and hang nowhere', async () => {
    const rows: readonly DrillRow[] = await safetyDrills('small', browserSetup());
    for (const row of rows) console.log(`[drills] ${row.drill}: ${JSON.stringify({ ...row, drill: undefined })}`);
    expect(rows.map((row) => row.drill)).toHaveLength(5);
    for (const row of rows) {
      expect(row.inputs, row.drill).toBeGreaterThan(0);
      for (const column of ZERO_COLUMNS) expect({ drill: row.drill, [column]: row[column], notes: row.notes }).toEqual({ drill: row.drill, [column]: 0, notes: row.notes });
    }
  }, 240_000);
});
