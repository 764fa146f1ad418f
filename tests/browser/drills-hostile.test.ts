/**
 * The hostile-content drills (tests/drills/hostile.ts) at their small size, in headless Chromium
 * against the production build: every row must try some inputs and keep every other column at zero
 * (no script of a badge's ran, no request to an origin nobody asked to check, no CSP violation, no
 * crash or hang, every hostile string shown as inert text or refused with a sentence). `npm run
 * drills` runs the same drills at full size.
 */
import { describe, expect, it } from 'vitest';
import { browserSetup } from '../support/browser';
import { hostileDrills, lastHostileFindings } from '../drills/hostile';
import { ZERO_COLUMNS, type DrillRow } from '../drills/types';

describe('hostile content drills (small)', () => {
  it('no badge runs a script, reaches out, breaks the policy, crashes or hangs the page, or shows as anything but text', async () => {
    const rows: readonly DrillRow[] = await hostileDrills('small', browserSetup());
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) {
      const findings = lastHostileFindings.filter((f) => f.drill === row.drill).map((f) => f.finding);
      const message = `${row.drill}\n${row.notes ?? ''}\n${findings.join('\n')}`;
      // Soft: every row's every column is reported, not only the first that fails.
      expect.soft(row.inputs, message).toBeGreaterThan(0);
      for (const column of ZERO_COLUMNS) expect.soft(row[column], `${column}: ${message}`).toBe(0);
    }
  }, 180_000);
});
