/** The drills table, as `npm run drills` prints it (Markdown), and the rule every row must keep. */
import { ZERO_COLUMNS, type DrillRow } from './types';

const HEADERS = ['drill', 'inputs', 'scripts run', 'unasked requests', 'CSP violations', 'records lost', 'crashes / hangs', 'notes'] as const;

/** Whether a row breaks the rule (any column but `inputs` above zero, or no input at all). */
export const nonZero = (row: DrillRow): boolean => row.inputs <= 0 || ZERO_COLUMNS.some((column) => row[column] !== 0);

export function formatTable(rows: readonly DrillRow[]): string {
  const cells = rows.map((r) => [
    nonZero(r) ? `✗ ${r.drill}` : r.drill,
    r.inputs.toLocaleString('en'),
    ...ZERO_COLUMNS.map((c) => String(r[c])),
    (r.notes ?? '').replace(/\|/g, '\\|'),
  ]);
  const totals = ['**total**', rows.reduce((n, r) => n + r.inputs, 0).toLocaleString('en'), ...ZERO_COLUMNS.map((c) => String(rows.reduce((n, r) => n + r[c], 0))), ''];
  const all = [[...HEADERS], ...cells, totals];
  const widths = HEADERS.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => (i >= 1 && i <= 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i >= 1 && i <= 6 ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}
