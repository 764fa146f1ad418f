/** The drills table: every column shown, a non-zero row marked and counted as failing. */
import { describe, expect, it } from 'vitest';
import { formatTable, nonZero } from './table';
import type { DrillRow } from './types';

const clean: DrillRow = { drill: 'hostile names, PNG', inputs: 12, scriptsExecuted: 0, unaskedRequests: 0, cspViolations: 0, recordsLost: 0, crashesAndHangs: 0 };

describe('the drills table', () => {
  it('passes a row whose every column is zero, and fails any other (or one that tried nothing)', () => {
    expect(nonZero(clean)).toBe(false);
    for (const column of ['scriptsExecuted', 'unaskedRequests', 'cspViolations', 'recordsLost', 'crashesAndHangs'] as const) {
      expect(nonZero({ ...clean, [column]: 1 }), column).toBe(true);
    }
    expect(nonZero({ ...clean, inputs: 0 })).toBe(true);
  });

  it('prints one line per drill and a total, marking failing rows', () => {
    const text = formatTable([clean, { ...clean, drill: 'kill mid-import', inputs: 200, recordsLost: 2, notes: 'a | b' }]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\| drill +\| inputs \| scripts run \| unasked requests \| CSP violations \| records lost \| crashes \/ hangs \| notes/);
    expect(lines[2]).toContain('| hostile names, PNG');
    expect(lines[3]).toContain('✗ kill mid-import');
    expect(lines[3]).toContain('a \\| b');
    expect(lines[4]).toMatch(/\*\*total\*\* +\| +212 \| +0 \| +0 \| +0 \| +2 \| +0 \|/);
  });
});
