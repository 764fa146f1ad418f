/** Dates as Open Badges write them, and the validFrom / expiry checks (SPECS §2.8, §2.9, §3.1). */
import { describe, expect, it } from 'vitest';
import { dateChecks, parseDateTime } from '../../../src/core/verify/dates';

const iso = (v: unknown, opts?: Parameters<typeof parseDateTime>[1]): string | null => parseDateTime(v, opts)?.toISOString() ?? null;

describe('parseDateTime: OB 2.0 / 3.0 DateTime (a zone is required)', () => {
  it.each([
    ['2016-12-31T23:59:59Z', '2016-12-31T23:59:59.000Z'],
    ['2016-12-31T23:59:59z', '2016-12-31T23:59:59.000Z'],
    ['2024-01-15T10:00:00+02:00', '2024-01-15T08:00:00.000Z'],
    ['2024-01-15T10:00:00-0800', '2024-01-15T18:00:00.000Z'],
    ['2024-01-15T10:00:00+05', '2024-01-15T05:00:00.000Z'],
    ['2024-01-15T10:00:00+05:30', '2024-01-15T04:30:00.000Z'],
    ['2030-01-01T00:00:00.123456Z', '2030-01-01T00:00:00.123Z'], // microseconds
    ['2030-01-01T00:00:00.1Z', '2030-01-01T00:00:00.100Z'],
    ['2017-10-01T00:00Z', '2017-10-01T00:00:00.000Z'], // no seconds (1EdTech endorsement samples)
    ['2010-01-01T00:00:00.000-08:00', '2010-01-01T08:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'], // not 1950
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    '2016-12-31T23:59:59', // no zone
    '2016-12-31',
    '1500423730',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:00:00+25:00',
    '2024-01-01T10:00:00 Z',
    '2024-01-01T10:00:00\u221208:00', // a Unicode minus is not a zone designator
    'yesterday',
    '',
  ])('%s → null', (input) => {
    expect(parseDateTime(input)).toBeNull();
  });

  it('numbers, objects and other types are not dates unless Unix seconds are allowed', () => {
    expect(parseDateTime(1500423730)).toBeNull();
    expect(parseDateTime(null)).toBeNull();
    expect(parseDateTime({ '@value': '2016-12-31T23:59:59Z' })).toBeNull();
    expect(parseDateTime(Number.NaN, { allowUnix: true })).toBeNull();
  });
});

describe('parseDateTime: OB 1.x forms when allowed', () => {
  it('Unix seconds as a number or numeric string (validator-core test_upgrade_1_1_assertion)', () => {
    expect(iso(1500423730, { allowUnix: true })).toBe('2017-07-19T00:22:10.000Z');
    expect(iso('1500423730', { allowUnix: true })).toBe('2017-07-19T00:22:10.000Z');
    expect(iso('1500423730.5', { allowUnix: true })).toBe('2017-07-19T00:22:10.500Z');
  });
  it('YYYY-MM-DD as midnight UTC', () => {
    expect(iso('2015-04-30', { allowDateOnly: true })).toBe('2015-04-30T00:00:00.000Z');
    expect(iso('2015-02-30', { allowDateOnly: true })).toBeNull();
  });
  it('a date-time without a zone as UTC', () => {
    expect(iso('2016-12-31T23:59:59', { allowNaive: true })).toBe('2016-12-31T23:59:59.000Z');
    expect(iso('2016-12-31 23:59:59.5', { allowNaive: true })).toBe('2016-12-31T23:59:59.500Z');
  });
});

describe('dateChecks', () => {
  const now = new Date('2024-06-01T00:00:00Z');

  it('issued in the past, no expiry → pass, expiry NOT_APPLICABLE', () => {
    expect(dateChecks({ issued: '2016-12-31T23:59:59Z', expires: undefined, now })).toEqual([
      { id: 'validFrom', status: 'pass', code: 'OK', params: { date: '2016-12-31T23:59:59.000Z' } },
      { id: 'expiry', status: 'pass', code: 'NOT_APPLICABLE' },
    ]);
  });

  it('issued in the future → NOT_YET_VALID (1EdTech basic-assertion-in-future)', () => {
    expect(dateChecks({ issued: '2100-12-31T23:59:59Z', expires: null, now })[0]).toEqual({
      id: 'validFrom',
      status: 'fail',
      code: 'NOT_YET_VALID',
      params: { date: '2100-12-31T23:59:59.000Z' },
    });
  });

  it('expired → EXPIRED {date}; expires before issued → EXPIRES_BEFORE_ISSUED', () => {
    expect(dateChecks({ issued: '2016-12-31T23:59:59Z', expires: '2022-11-15T23:59:59Z', now })[1]).toEqual({
      id: 'expiry',
      status: 'fail',
      code: 'EXPIRED',
      params: { date: '2022-11-15T23:59:59.000Z' },
    });
    expect(dateChecks({ issued: '2022-12-31T23:59:59Z', expires: '2022-11-15T23:59:59Z', now })[1]).toMatchObject({
      status: 'fail',
      code: 'EXPIRES_BEFORE_ISSUED',
    });
    expect(dateChecks({ issued: '2022-01-01T00:00:00Z', expires: '2030-01-01T00:00:00+01:00', now })[1]).toEqual({
      id: 'expiry',
      status: 'pass',
      code: 'OK',
      params: { date: '2029-12-31T23:00:00.000Z' },
    });
  });

  it('the instant itself is still valid (issued == now, expires == now)', () => {
    const at = '2024-06-01T00:00:00Z';
    expect(dateChecks({ issued: at, expires: at, now }).map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it('offsets are honoured: +02:00 two hours after midnight UTC is not yet valid', () => {
    expect(dateChecks({ issued: '2024-06-01T03:00:00+02:00', expires: undefined, now })[0]?.code).toBe('NOT_YET_VALID');
    expect(dateChecks({ issued: '2024-06-01T01:00:00+02:00', expires: undefined, now })[0]?.code).toBe('OK');
  });

  it('missing or unreadable dates → BAD_DATE; legacy forms only when legacy', () => {
    expect(dateChecks({ issued: undefined, expires: undefined, now })[0]).toEqual({
      id: 'validFrom',
      status: 'fail',
      code: 'BAD_DATE',
      params: { reason: 'missing' },
    });
    expect(dateChecks({ issued: '2015-04-30', expires: 'soon', now })).toEqual([
      { id: 'validFrom', status: 'fail', code: 'BAD_DATE', params: { value: '2015-04-30' } },
      { id: 'expiry', status: 'fail', code: 'BAD_DATE', params: { value: 'soon' } },
    ]);
    expect(dateChecks({ issued: '2015-04-30', expires: 1500423730, now, legacy: true })).toEqual([
      { id: 'validFrom', status: 'pass', code: 'OK', params: { date: '2015-04-30T00:00:00.000Z' } },
      { id: 'expiry', status: 'fail', code: 'EXPIRED', params: { date: '2017-07-19T00:22:10.000Z' } },
    ]);
  });
});
