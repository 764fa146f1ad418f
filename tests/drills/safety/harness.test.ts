/**
 * The data-safety drills' audit, on made-up snapshots: a whole record passes, and each way of being
 * half-written (a record cut short, a report of no badge, bytes that are not the id…) is caught; a
 * record changed or gone is found whatever the order of its keys.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DrillBadge } from './badges';
import { byId, changedSince, halfWritten, sameJson, type DbSnapshot, type StoredRecord, type StoredReportRow } from './harness';

const badge = (n: number): DrillBadge => {
  const bytes = Buffer.from(`badge ${n}`);
  return { fileName: `x-${n}.png`, name: `Badge ${n}`, bytes, id: createHash('sha256').update(bytes).digest('hex') };
};

const A = badge(1);
const B = badge(2);
const checkedAt = '2026-11-29T10:00:00.000Z';

function record(b: DrillBadge, change: Partial<StoredRecord> = {}): StoredRecord {
  const latest = { badgeId: b.id, checkedAt, verdict: 'valid' };
  return {
    id: b.id,
    sha256: b.id,
    byteLength: b.bytes.length,
    fileName: b.fileName,
    mediaType: 'image/png',
    payloadLength: 10,
    name: b.name,
    latest,
    json: JSON.stringify({ id: b.id, latest }),
    ...change,
  };
}

const report = (b: DrillBadge, key: number): StoredReportRow => ({ key, badgeId: b.id, json: JSON.stringify({ badgeId: b.id, checkedAt, verdict: 'valid' }) });
const snapshot = (badges: StoredRecord[], reports: StoredReportRow[]): DbSnapshot => ({ version: 2, stores: [], badges, reports });
const expected = byId([A, B]);

describe('halfWritten', () => {
  it('passes whole records', () => {
    expect(halfWritten(snapshot([record(A), record(B)], [report(A, 1), report(B, 2)]), expected)).toEqual([]);
  });

  it('catches each way a record can be half there', () => {
    const faults = (r: StoredRecord, reports = [report(A, 1)]) => halfWritten(snapshot([r], reports), expected);
    expect(faults(record(A, { sha256: B.id }))).toHaveLength(1); // bytes that are not its id
    expect(faults(record(A, { byteLength: 3 }))).toHaveLength(1); // bytes cut short
    expect(faults(record(A, { name: null }))).toHaveLength(1);
    expect(faults(record(A, { fileName: 'other.png' }))).toHaveLength(1);
    expect(faults(record(A, { mediaType: '' }))).toHaveLength(1);
    expect(faults(record(A, { payloadLength: 0 }))).toHaveLength(1);
    expect(faults(record(A, { latest: null }))).toHaveLength(1);
    expect(faults(record(A, { latest: { badgeId: B.id, checkedAt, verdict: 'valid' } }))).toHaveLength(1);
    expect(faults(record(A, { latest: { badgeId: A.id, checkedAt: '2020-01-01T00:00:00.000Z', verdict: 'valid' } }))).toHaveLength(1); // not in its history
    expect(faults(record(A), [])).toHaveLength(1); // no history
    expect(halfWritten(snapshot([record(A)], [report(A, 1), report(B, 2)]), expected)).toEqual([expect.stringContaining('of no badge')]);
    expect(halfWritten(snapshot([record(badge(3))], []), expected).some((f) => f.includes('not a badge that was dropped'))).toBe(true);
  });
});

describe('changedSince and sameJson', () => {
  it('finds records gone or changed, not records whose keys moved', () => {
    const before = snapshot([record(A), record(B)], [report(A, 1), report(B, 2)]);
    expect(changedSince(before, before)).toEqual({ badges: [], reports: [] });
    const reordered = snapshot(
      [record(A, { json: JSON.stringify({ latest: { verdict: 'valid', checkedAt, badgeId: A.id }, id: A.id }) }), record(B)],
      [report(A, 1), report(B, 2)],
    );
    expect(sameJson(record(A).json, reordered.badges[0]!.json)).toBe(true);
    expect(changedSince(before, reordered)).toEqual({ badges: [], reports: [] });
    const after = snapshot([record(A, { json: '{}' })], [report(A, 1)]);
    expect(changedSince(before, after)).toEqual({ badges: [A.id.slice(0, 12), B.id.slice(0, 12)], reports: ['2'] });
  });
});
