/**
 * The backup format: encode → decode round trips (by example and by property), the version 1 and
 * version 2 fixtures that must keep decoding (the format's compatibility promise), and untrusted
 * input — truncated, edited, damaged, oversized, hostile, newer — that must give a typed error, never
 * a throw and never a partial result.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACT_WARNING_CODES } from '../../../src/core/baking/types';
import {
  decodeBackup,
  encodeBackup,
  LATEST_BACKUP_VERSION,
  MANIFEST_NAME,
  type BackupBadge,
  type BackupCollection,
  type BackupData,
  type BackupReport,
} from '../../../src/core/backup';
import { centralDirectoryCrcs, crc32 } from '../../../src/core/backup/zip';
import type { Badge } from '../../../src/core/model/badge';
import { CHECK_CODES, CHECK_ORDER, type Check } from '../../../src/core/verify/types';
import { BACKUP_V1, BACKUP_V2, V2_ISSUER, v2Collections } from './fixtures';

const fixturesDir = join(import.meta.dirname, '../../fixtures');
const FIXTURE = BACKUP_V1;
const FIXTURE_V2 = BACKUP_V2;
const corpus = (p: string) => new Uint8Array(readFileSync(join(fixturesDir, 'corpus', p)));
const hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

const PNG = corpus('1edtech-dcpv/ob20/simple-badge.png');
const SVG = corpus('1edtech-dcpv/ob30/simple-json.svg');

const report = (badgeId: string, checkedAt: string, checks: Check[] = [{ id: 'parse', status: 'pass', code: 'OK' }]): BackupReport => ({
  badgeId,
  checkedAt,
  verdict: 'warning',
  checks,
  online: true,
});

function sample(): BackupData {
  const pngId = hex(PNG);
  const svgId = hex(SVG);
  const latest = report(pngId, '2026-01-02T00:00:00.000Z', [
    { id: 'signature', status: 'pass', code: 'OK', params: { proof: 'jws', n: 3, ok: true } },
    { id: 'recipient', status: 'unchecked', code: 'NO_IDENTITIES' },
  ]);
  return {
    exportedAt: '2026-01-03T00:00:00.000Z',
    badges: [
      {
        id: pngId,
        addedAt: '2026-01-01T00:00:00.000Z',
        original: { bytes: PNG, mediaType: 'image/png', fileName: 'simple-badge.png' },
        extracted: { container: 'png', obVersionHint: '2.0', payloadKind: 'url', payload: 'https://example.org/a', warnings: [{ code: 'TEXT_CHUNK', params: { keyword: 'openbadges' } }] },
        badge: null,
        identityKey: '["ob2","https://example.org/a"]',
        latest,
      },
      {
        id: svgId,
        addedAt: '2026-01-01T00:00:00.000Z',
        original: { bytes: SVG, mediaType: 'image/svg+xml', fileName: null },
        extracted: { container: 'svg', obVersionHint: '3.0', payloadKind: 'json', payload: '{"a":"\ud800 é ]]>"}', warnings: [] },
        badge: null,
        identityKey: null,
        latest: null,
      },
    ],
    reports: [report(pngId, '2026-01-01T00:00:00.000Z'), latest],
    identities: [{ value: 'ann@example.org', kind: 'email', addedAt: '2026-01-01T00:00:00.000Z' }],
    collections: [
      {
        id: 'c-1',
        title: 'Candidature',
        badgeIds: [svgId, pngId],
        position: 0,
        createdAt: '2026-01-02T00:00:00.000Z',
        updatedAt: '2026-01-02T10:00:00.000Z',
        share: { displayName: false, recipient: 'ann@example.org', evidence: false, until: '2026-06-30T22:00:00.000Z' },
      },
      {
        id: 'c-2',
        title: 'Vide',
        badgeIds: [],
        position: 3,
        createdAt: '2026-01-02T00:00:00.000Z',
        updatedAt: '2026-01-02T00:00:00.000Z',
        share: { displayName: true, recipient: null, evidence: true, until: null },
      },
    ],
    settings: { lang: null, displayName: 'Ann', reverifyAfterMs: 86_400_000, linkedInOrganizations: { 'https://example.org/issuer': '1337' } },
  };
}

function decodeOk(bytes: Uint8Array): BackupData {
  const result = decodeBackup(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value;
}

/** The entries of a ZIP in order, and a way to write them back (edited). */
function entries(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}
function editManifest(zip: Uint8Array, edit: (m: any) => void): Uint8Array {
  const files = entries(zip);
  const manifest = JSON.parse(strFromU8(files[MANIFEST_NAME]!));
  edit(manifest);
  return zipSync({ ...files, [MANIFEST_NAME]: strToU8(JSON.stringify(manifest)) });
}

const expectError = (bytes: Uint8Array, code: 'BAD_BACKUP' | 'BACKUP_TOO_NEW', detail?: RegExp) => {
  const result = decodeBackup(bytes);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  if (detail) expect(result.error.detail).toMatch(detail);
};

/** Offset of the first local file header's name, and the central directory entry of `name`. */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const n = view.getUint16(at + 28, true);
    if (strFromU8(zip.subarray(at + 46, at + 46 + n), true) === name) return at;
    at += 46 + n + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no ${name}`);
}

describe('encode → decode', () => {
  it('gives back the same data, each original byte for byte', () => {
    const data = sample();
    const decoded = decodeOk(encodeBackup(data));
    expect(decoded).toEqual(data);
    expect(decoded.badges[0]!.original.bytes).toEqual(PNG);
    expect(Buffer.from(decoded.badges[1]!.original.bytes).equals(Buffer.from(SVG))).toBe(true);
  });

  it('writes a self-describing ZIP: the manifest first, then badges/<id>.<ext>', () => {
    const zip = encodeBackup(sample());
    const firstName = strFromU8(zip.subarray(30, 30 + (zip[26]! | (zip[27]! << 8))), true);
    expect(firstName).toBe(MANIFEST_NAME);
    expect(Object.keys(entries(zip))).toEqual([MANIFEST_NAME, `badges/${hex(PNG)}.png`, `badges/${hex(SVG)}.svg`]);
    const manifest = JSON.parse(strFromU8(entries(zip)[MANIFEST_NAME]!));
    expect(LATEST_BACKUP_VERSION).toBe(2);
    expect(manifest).toMatchObject({ format: 'besace-backup', version: 2, app: 'besace', exportedAt: '2026-01-03T00:00:00.000Z' });
    expect(Object.keys(manifest)).toEqual(['format', 'version', 'exportedAt', 'app', 'badges', 'reports', 'identities', 'collections', 'settings']);
    expect(manifest.badges[0].file).toBe(`badges/${hex(PNG)}.png`);
    expect(manifest.collections[0]).toEqual({ ...sample().collections[0], badgeIds: [hex(SVG), hex(PNG)] });
    expect(manifest.settings.linkedInOrganizations).toEqual({ 'https://example.org/issuer': '1337' });
  });

  it('writes only what the format knows of a collection and of the settings (the app\'s records may hold more)', () => {
    const data = sample();
    const withMore = {
      ...data,
      collections: data.collections.map((c) => ({ ...c, draft: true, share: { ...c.share, theme: 'dark' } })),
      settings: { ...data.settings, lastSeenVersion: '9' },
    } as BackupData;
    expect(decodeOk(encodeBackup(withMore))).toEqual(data);
  });

  it('keeps the collections\' order, positions (gaps and ties too) and every share choice', () => {
    const data = sample();
    const c = data.collections[0]!;
    const collections: BackupCollection[] = [
      { ...c, id: 'z', position: 5 },
      { ...c, id: 'a', position: 5, share: { ...c.share, until: '+020260-01-01T00:00:00.000Z' } }, // an earner typed year 20260
      { ...c, id: 'm', position: 9, badgeIds: [] },
    ];
    expect(decodeOk(encodeBackup({ ...data, collections })).collections).toEqual(collections);
  });

  it('is deterministic: the same data gives the same bytes', () => {
    expect(encodeBackup(sample())).toEqual(encodeBackup(sample()));
  });

  it('keeps a "__proto__" parameter as an ordinary property', () => {
    const data = sample();
    const params = JSON.parse('{"__proto__": "x", "constructor": 1}');
    const b = data.badges[0]!;
    const organizations = JSON.parse('{"__proto__": "666", "https://example.org/issuer": "1337"}');
    const withProto: BackupData = {
      ...data,
      badges: [{ ...b, latest: { ...b.latest!, checks: [{ id: 'parse', status: 'pass', code: 'OK', params }] } }, data.badges[1]!],
      settings: { ...data.settings, linkedInOrganizations: organizations },
    };
    const decoded = decodeOk(encodeBackup(withProto));
    const got = decoded.badges[0]!.latest!.checks[0]!.params!;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'constructor']);
    const orgs = decoded.settings.linkedInOrganizations;
    expect(Object.getPrototypeOf(orgs)).toBe(Object.prototype);
    expect(Object.keys(orgs)).toEqual(['__proto__', 'https://example.org/issuer']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('the version 1 fixture (made by the app, tests/fixtures/ours/backup/besace-backup-v1.zip)', () => {
  it('still decodes, with its original files byte for byte', () => {
    const data = decodeOk(FIXTURE);
    expect(data.exportedAt).toBe('2026-01-04T00:00:00.000Z');
    const byName = new Map(data.badges.map((b) => [b.original.fileName, b]));
    expect([...byName.keys()].sort()).toEqual(['simple-badge.png', 'simple-json.svg']);
    expect(byName.get('simple-badge.png')!.original.bytes).toEqual(PNG);
    expect(byName.get('simple-json.svg')!.original.bytes).toEqual(SVG);
    for (const b of data.badges) expect(b.id).toBe(hex(b.original.bytes));
    expect(byName.get('simple-json.svg')!.badge?.obVersion).toBe('3.0');
    expect(byName.get('simple-json.svg')!.latest?.checkedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(data.reports).toHaveLength(3);
    expect(data.identities.map((i) => [i.value, i.kind])).toEqual([
      ['ann@example.org', 'email'],
      ['https://ann.example.org/', 'url'],
    ]);
    // What version 1 did not have reads as empty.
    expect(data.collections).toEqual([]);
    expect(data.settings).toEqual({ lang: 'fr', displayName: 'Ann', reverifyAfterMs: 86_400_000, linkedInOrganizations: {} });
  });

  it('re-encodes (as version 2) to a backup that decodes to the same data', () => {
    const data = decodeOk(FIXTURE);
    const again = encodeBackup(data);
    expect(JSON.parse(strFromU8(entries(again)[MANIFEST_NAME]!)).version).toBe(2);
    expect(decodeOk(again)).toEqual(data);
  });
});

describe('the version 2 fixture (made by the app, tests/fixtures/ours/backup/besace-backup-v2.zip)', () => {
  it('is a version 2 backup', () => {
    expect(JSON.parse(strFromU8(entries(FIXTURE_V2)[MANIFEST_NAME]!))).toMatchObject({ format: 'besace-backup', version: 2 });
  });

  it('decodes, with its badges, collections and LinkedIn organisation ids', () => {
    const data = decodeOk(FIXTURE_V2);
    expect(data.exportedAt).toBe('2026-01-04T00:00:00.000Z');
    const byName = new Map(data.badges.map((b) => [b.original.fileName, b]));
    expect(byName.get('simple-badge.png')!.original.bytes).toEqual(PNG);
    expect(byName.get('simple-json.svg')!.original.bytes).toEqual(SVG);
    expect(data.reports).toHaveLength(3);
    expect(data.identities.map((i) => i.value)).toEqual(['ann@example.org', 'https://ann.example.org/']);
    expect(data.settings).toEqual({
      lang: 'fr',
      displayName: 'Ann',
      reverifyAfterMs: 86_400_000,
      linkedInOrganizations: { [V2_ISSUER]: '1337' },
    });
    expect(data.collections).toEqual(v2Collections(hex(PNG), hex(SVG)));
  });

  it('re-encodes to a backup that decodes to the same data', () => {
    const data = decodeOk(FIXTURE_V2);
    expect(decodeOk(encodeBackup(data))).toEqual(data);
  });
});

describe('untrusted input gives BAD_BACKUP, never a throw or a partial result', () => {
  it('refuses what is not a ZIP', () => {
    expectError(new Uint8Array(), 'BAD_BACKUP', /not a ZIP/);
    expectError(strToU8('{"format": "besace-backup", "version": 1}'), 'BAD_BACKUP', /not a ZIP/);
    expectError(PNG, 'BAD_BACKUP', /not a ZIP/);
    expectError(zipSync({ 'hello.txt': strToU8('hi') }), 'BAD_BACKUP', /no besace-backup.json/);
  });

  it('refuses a truncated backup, wherever it was cut', () => {
    for (const length of [4, 30, 100, 1000, FIXTURE.length / 2, FIXTURE.length - 23, FIXTURE.length - 1]) {
      expectError(FIXTURE.slice(0, Math.floor(length)), 'BAD_BACKUP');
    }
  });

  it('refuses a badge file whose bytes no longer match its id', () => {
    const files = entries(FIXTURE);
    const name = Object.keys(files).find((n) => n.endsWith('.png'))!;
    const edited = files[name]!.slice();
    edited[100] = edited[100]! ^ 1;
    expectError(zipSync({ ...files, [name]: edited }), 'BAD_BACKUP', /does not match its id/);
    // The same, flipped in place in the ZIP (the PNG is stored without compression).
    const zip = FIXTURE.slice();
    const at = Buffer.from(zip).indexOf(Buffer.from(PNG.subarray(0, 16)));
    expect(at).toBeGreaterThan(0);
    zip[at + 200] = zip[at + 200]! ^ 0x40;
    expectError(zip, 'BAD_BACKUP', /does not match its id/);
  });

  it('refuses a missing badge file', () => {
    const files = entries(FIXTURE);
    const name = Object.keys(files).find((n) => n.endsWith('.svg'))!;
    delete files[name];
    expectError(zipSync(files), 'BAD_BACKUP', /missing/);
  });

  it('refuses a damaged manifest (its CRC-32 is checked)', () => {
    const zip = FIXTURE.slice();
    const at = centralEntry(zip, MANIFEST_NAME);
    zip[at + 16] = zip[at + 16]! ^ 1;
    expectError(zip, 'BAD_BACKUP', /CRC-32/);
    expect(centralDirectoryCrcs(FIXTURE).get(MANIFEST_NAME)).toBe(crc32(entries(FIXTURE)[MANIFEST_NAME]!));
  });

  it('refuses a manifest that is not UTF-8 JSON', () => {
    expectError(zipSync({ ...entries(FIXTURE), [MANIFEST_NAME]: strToU8('{"format": "besace-backup", ') }), 'BAD_BACKUP', /JSON/);
    expectError(zipSync({ ...entries(FIXTURE), [MANIFEST_NAME]: new Uint8Array([0x7b, 0xff, 0x7d]) }), 'BAD_BACKUP', /JSON/);
    expectError(zipSync({ ...entries(FIXTURE), [MANIFEST_NAME]: strToU8('[1, 2]') }), 'BAD_BACKUP', /not an object/);
  });

  const edits: [string, (m: any) => void, RegExp][] = [
    ['another format', (m) => (m.format = 'excalidraw'), /format/],
    ['a version that is not a number', (m) => (m.version = '1'), /version/],
    ['version 0', (m) => (m.version = 0), /version/],
    ['version 1.5', (m) => (m.version = 1.5), /version/],
    ['another app', (m) => (m.app = 'other'), /\$\.app/],
    ['an unknown property', (m) => (m.extra = true), /\$\.extra: unknown property/],
    ['a missing property', (m) => delete m.identities, /\$\.identities: missing/],
    ['badges not an array', (m) => (m.badges = {}), /\$\.badges: expected an array/],
    ['a verdict out of the list', (m) => (m.reports[0].verdict = 'great'), /\$\.reports\[0\]\.verdict/],
    ['an unknown check code', (m) => (m.reports[0].checks[0].code = 'LOOKS_FINE'), /checks\[0\]\.code/],
    ['a check parameter that is an object', (m) => (m.reports[0].checks[0].params = { a: { b: 1 } }), /params\.a/],
    ['a report of a badge that is not in the backup', (m) => (m.reports[0].badgeId = 'a'.repeat(64)), /no such badge/],
    ['a badge id that is not a SHA-256', (m) => (m.badges[0].id = 'abc'), /\$\.badges\[0\]\.id/],
    ['a badge listed twice', (m) => m.badges.push(m.badges[0]), /listed twice/],
    ['a file path other than badges/<id>.<ext>', (m) => (m.badges[0].file = '../../etc/passwd'), /\.file: expected badges\//],
    ['an unknown media type', (m) => (m.badges[0].mediaType = 'text/html'), /mediaType/],
    ['an id that is another file\'s', (m) => {
      const [a, b] = m.badges;
      [a.id, b.id] = [b.id, a.id];
      a.file = `badges/${a.id}.png`;
      b.file = `badges/${b.id}.svg`;
      a.latest = null;
      b.latest = null;
      m.reports = [];
    }, /missing|does not match/],
    ['a latest report of another badge', (m) => (m.badges[0].latest.badgeId = m.badges[1].id), /latest\.badgeId/],
    ['a date that is not a date', (m) => (m.badges[0].addedAt = 'yesterday'), /addedAt/],
    ['an impossible date', (m) => (m.reports[0].checkedAt = '2026-13-45T99:00:00Z'), /checkedAt/],
    ['a negative endorsement count', (m) => (m.badges.find((b: any) => b.badge).badge.endorsementCount = -1), /endorsementCount/],
    ['a badge name that is not a string', (m) => (m.badges.find((b: any) => b.badge).badge.name = 42), /badge\.name/],
    ['an unknown badge property', (m) => (m.badges.find((b: any) => b.badge).badge.script = '<x>'), /badge\.script: unknown property/],
    ['an unknown extraction warning', (m) => (m.badges[0].extracted.warnings = [{ code: 'NOPE' }]), /warnings\[0\]\.code/],
    ['an identity listed twice', (m) => m.identities.push(m.identities[0]), /identities\[2\]\.value: listed twice/],
    ['an empty identity', (m) => (m.identities[0].value = ''), /identities\[0\]\.value: empty/],
    ['an identity kind out of the list', (m) => (m.identities[0].kind = 'phone'), /kind/],
    ['a language out of the list', (m) => (m.settings.lang = 'de'), /settings\.lang/],
    ['a negative re-check interval', (m) => (m.settings.reverifyAfterMs = -1), /reverifyAfterMs/],
    ['settings missing', (m) => (m.settings = null), /settings/],
  ];
  describe.each([
    ['version 1', FIXTURE],
    ['version 2', FIXTURE_V2],
  ])('%s', (_, fixture) => {
    it.each(edits)('refuses a hand-edited manifest: %s', (_, edit, detail) => {
      expectError(editManifest(fixture, edit), 'BAD_BACKUP', detail);
    });
  });

  const collectionEdits: [string, (m: any) => void, RegExp][] = [
    ['collections missing', (m) => delete m.collections, /\$\.collections: missing/],
    ['collections not an array', (m) => (m.collections = {}), /\$\.collections: expected an array/],
    ['a collection that is not an object', (m) => (m.collections[0] = 'Candidature'), /\$\.collections\[0\]: expected an object/],
    ['an unknown collection property', (m) => (m.collections[0].colour = 'red'), /\$\.collections\[0\]\.colour: unknown property/],
    ['a collection property missing', (m) => delete m.collections[1].updatedAt, /\$\.collections\[1\]\.updatedAt: missing/],
    ['an empty collection id', (m) => (m.collections[0].id = ''), /\$\.collections\[0\]\.id: empty/],
    ['a collection listed twice', (m) => m.collections.push({ ...m.collections[0], title: 'Copie' }), /\$\.collections\[2\]\.id: listed twice/],
    ['a blank title', (m) => (m.collections[1].title = '  '), /\$\.collections\[1\]\.title: empty/],
    ['a title that is not a string', (m) => (m.collections[1].title = 7), /\$\.collections\[1\]\.title: expected a string/],
    ['badgeIds not an array', (m) => (m.collections[0].badgeIds = m.collections[0].badgeIds[0]), /\$\.collections\[0\]\.badgeIds: expected an array/],
    ['a badge id that is not a SHA-256', (m) => (m.collections[0].badgeIds[1] = 'simple-json.svg'), /\$\.collections\[0\]\.badgeIds\[1\]: expected a SHA-256/],
    ['a badge that is not in the backup', (m) => (m.collections[1].badgeIds = ['b'.repeat(64)]), /\$\.collections\[1\]\.badgeIds\[0\]: no such badge in this backup/],
    ['a badge listed twice in a collection', (m) => m.collections[0].badgeIds.push(m.collections[0].badgeIds[0]), /\$\.collections\[0\]\.badgeIds\[2\]: listed twice/],
    ['a negative position', (m) => (m.collections[0].position = -1), /\$\.collections\[0\]\.position/],
    ['a position that is not an integer', (m) => (m.collections[0].position = 0.5), /\$\.collections\[0\]\.position/],
    ['a position as text', (m) => (m.collections[0].position = '0'), /\$\.collections\[0\]\.position/],
    ['a creation date that is not a date', (m) => (m.collections[0].createdAt = 'hier'), /\$\.collections\[0\]\.createdAt/],
    ['share choices missing', (m) => delete m.collections[0].share, /\$\.collections\[0\]\.share: missing/],
    ['share choices null', (m) => (m.collections[0].share = null), /\$\.collections\[0\]\.share: expected an object/],
    ['an unknown share choice', (m) => (m.collections[0].share.hideEvidence = true), /\$\.collections\[0\]\.share\.hideEvidence: unknown property/],
    ['a share choice missing', (m) => delete m.collections[0].share.evidence, /\$\.collections\[0\]\.share\.evidence: missing/],
    ['a display-name choice as text', (m) => (m.collections[0].share.displayName = 'yes'), /\$\.collections\[0\]\.share\.displayName: expected a boolean/],
    ['an empty recipient', (m) => (m.collections[0].share.recipient = ''), /\$\.collections\[0\]\.share\.recipient: empty/],
    ['an end that is not a date', (m) => (m.collections[0].share.until = 'next tuesday'), /\$\.collections\[0\]\.share\.until: expected an ISO date-time/],
    ['an end as a timestamp', (m) => (m.collections[0].share.until = 1782856800000), /\$\.collections\[0\]\.share\.until: expected a string/],
    ['an end in an impossible month', (m) => (m.collections[0].share.until = '2026-13-01T00:00:00.000Z'), /\$\.collections\[0\]\.share\.until/],
    ['an end in year -0', (m) => (m.collections[0].share.until = '-000000-01-01T00:00:00.000Z'), /\$\.collections\[0\]\.share\.until/],
    ['LinkedIn organisation ids missing', (m) => delete m.settings.linkedInOrganizations, /\$\.settings\.linkedInOrganizations: missing/],
    ['LinkedIn organisation ids as a list', (m) => (m.settings.linkedInOrganizations = ['1337']), /\$\.settings\.linkedInOrganizations: expected an object/],
    ['a LinkedIn organisation id as a number', (m) => (m.settings.linkedInOrganizations['https://example.org/organization.json'] = 1337), /\$\.settings\.linkedInOrganizations\["https:\/\/example\.org\/organization\.json"\]: expected a string/],
    ['an empty LinkedIn organisation id', (m) => (m.settings.linkedInOrganizations['https://example.org/organization.json'] = ' '), /linkedInOrganizations\[.*\]: empty$/],
    ['a LinkedIn organisation id for no issuer', (m) => (m.settings.linkedInOrganizations[''] = '42'), /\$\.settings\.linkedInOrganizations\[""\]: empty key/],
    ['an unknown setting', (m) => (m.settings.theme = 'dark'), /\$\.settings\.theme: unknown property/],
    ['version 2 content labelled version 1', (m) => (m.version = 1), /\$\.collections: unknown property/],
  ];
  it.each(collectionEdits)('refuses a hand-edited version 2 manifest: %s', (_, edit, detail) => {
    expectError(editManifest(FIXTURE_V2, edit), 'BAD_BACKUP', detail);
  });

  it('reads a version 1 manifest by the version 1 rules, and a version 2 one by the version 2 rules', () => {
    expectError(editManifest(FIXTURE, (m) => (m.version = 2)), 'BAD_BACKUP', /\$\.collections: missing/);
    expectError(
      editManifest(FIXTURE, (m) => (m.settings.linkedInOrganizations = {})),
      'BAD_BACKUP',
      /\$\.settings\.linkedInOrganizations: unknown property/,
    );
    expect(decodeOk(editManifest(FIXTURE_V2, (m) => (m.collections[0].share.until = '+020260-01-01T00:00:00.000Z'))).collections[0]!.share.until).toBe(
      '+020260-01-01T00:00:00.000Z',
    );
  });

  it('says BACKUP_TOO_NEW for a later version, whatever else the manifest holds', () => {
    expectError(editManifest(FIXTURE_V2, (m) => (m.version = LATEST_BACKUP_VERSION + 1)), 'BACKUP_TOO_NEW', new RegExp(`version ${LATEST_BACKUP_VERSION + 1}`));
    const future = zipSync({ [MANIFEST_NAME]: strToU8(JSON.stringify({ format: 'besace-backup', version: 7, everything: 'different' })) });
    expectError(future, 'BACKUP_TOO_NEW', /version 7/);
  });

  it('ignores entries the manifest does not name (a ZIP re-made by an archiver)', () => {
    const files = { ...entries(FIXTURE), '__MACOSX/._besace-backup.json': strToU8('junk') };
    expect(decodeOk(zipSync(files))).toEqual(decodeOk(FIXTURE));
  });

  it('applies the size caps on declared sizes, before inflating anything', () => {
    expect(decodeBackup(FIXTURE, { maxManifestBytes: 1000 })).toMatchObject({ ok: false, error: { code: 'BAD_BACKUP', detail: expect.stringMatching(/manifest over/) } });
    expect(decodeBackup(FIXTURE, { maxFileBytes: 2000 })).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/over 2000 bytes/) } });
    expect(decodeBackup(FIXTURE, { maxTotalBytes: 4000 })).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/in all/) } });
    expect(decodeBackup(FIXTURE, { maxEntries: 2 })).toMatchObject({ ok: false, error: { detail: expect.stringMatching(/entries/) } });
    // A manifest claiming to inflate to 4 GB: refused on the claim, nothing allocated.
    const bomb = FIXTURE.slice();
    const at = centralEntry(bomb, MANIFEST_NAME);
    new DataView(bomb.buffer).setUint32(at + 24, 0xfffffff0, true);
    expectError(bomb, 'BAD_BACKUP', /manifest over/);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(decodeBackup(bytes).ok).toBe(false);
        const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]);
        expect(decodeBackup(zipLike).ok).toBe(false);
      }),
    );
  });

  it.each([
    ['version 1', FIXTURE],
    ['version 2', FIXTURE_V2],
  ])('a byte changed anywhere in the %s fixture gives BAD_BACKUP, or exactly the same data (bytes no reader looks at)', (_, fixture) => {
    const original = decodeOk(fixture);
    fc.assert(
      fc.property(fc.nat({ max: fixture.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const zip = fixture.slice();
        zip[at] = zip[at]! ^ xor;
        const result = decodeBackup(zip);
        if (result.ok) expect(result.value).toEqual(original);
        else expect(result.error.code).toBe('BAD_BACKUP');
      }),
      { numRuns: 400 },
    );
  });
});

// ---- property: any data the app can hold survives encode → decode ----

const iso = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const text = fc.string({ unit: 'binary', maxLength: 40 });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const scalar = fc.oneof(text, fc.integer(), fc.boolean());
const check: fc.Arbitrary<Check> = fc.record(
  {
    id: fc.constantFrom(...CHECK_ORDER),
    status: fc.constantFrom('pass', 'fail', 'warn', 'unchecked'),
    code: fc.constantFrom(...CHECK_CODES),
    params: fc.dictionary(text, scalar, { maxKeys: 3, noNullPrototype: true }),
  },
  { requiredKeys: ['id', 'status', 'code'] },
);
const image = nullable(fc.record({ src: text, caption: text }, { requiredKeys: ['src'] }));
const badge: fc.Arbitrary<Badge> = fc.record({
  obVersion: fc.constantFrom('0.5', '1.0', '1.1', '2.0', '3.0'),
  proof: fc.constantFrom('hosted', 'jws', 'vc-jwt', 'data-integrity', 'none'),
  id: nullable(text),
  achievementId: nullable(text),
  name: text,
  description: nullable(text),
  criteria: nullable(fc.record({ url: nullable(text), narrative: nullable(text) })),
  image,
  issuer: fc.record({ id: nullable(text), name: nullable(text), url: nullable(text), email: nullable(text), image }),
  issuedOn: nullable(iso),
  expires: nullable(text),
  awardedOn: nullable(text),
  recipients: fc.array(fc.record({ type: text, hashed: fc.boolean(), identity: text, salt: nullable(text) }), { maxLength: 2 }),
  subjectId: nullable(text),
  narrative: nullable(text),
  evidence: fc.array(fc.record({ id: nullable(text), name: nullable(text), description: nullable(text), narrative: nullable(text) }), { maxLength: 2 }),
  alignments: fc.array(
    fc.record({ targetName: text, targetUrl: nullable(text), targetDescription: nullable(text), targetFramework: nullable(text), targetCode: nullable(text) }),
    { maxLength: 2 },
  ),
  tags: fc.array(text, { maxLength: 3 }),
  achievementType: nullable(text),
  endorsementCount: fc.nat({ max: 1000 }),
});
const reportFor = (badgeId: string): fc.Arbitrary<BackupReport> =>
  fc.record({
    badgeId: fc.constant(badgeId),
    checkedAt: iso,
    verdict: fc.constantFrom('valid', 'warning', 'invalid', 'unverified'),
    checks: fc.array(check, { maxLength: 4 }),
    online: fc.boolean(),
  });
const badgeRecord: fc.Arbitrary<{ record: BackupBadge; history: BackupReport[] }> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 300 }), mediaType: fc.constantFrom('image/png', 'image/svg+xml', 'application/json', 'text/plain') })
  .chain(({ bytes, mediaType }) => {
    const id = hex(bytes);
    return fc.record({
      record: fc.record({
        id: fc.constant(id),
        addedAt: iso,
        original: fc.record({ bytes: fc.constant(bytes), mediaType: fc.constant(mediaType), fileName: nullable(text) }),
        extracted: fc.record({
          container: fc.constantFrom('png', 'svg', 'json', 'jws', 'url'),
          obVersionHint: fc.constantFrom('1.x', '2.0', '3.0', 'unknown'),
          payloadKind: fc.constantFrom('url', 'json', 'jws', 'jwt'),
          payload: fc.string({ unit: 'binary', maxLength: 200 }),
          warnings: fc.array(
            fc.record(
              { code: fc.constantFrom(...EXTRACT_WARNING_CODES), params: fc.dictionary(text, fc.oneof(text, fc.integer()), { maxKeys: 2, noNullPrototype: true }) },
              { requiredKeys: ['code'] },
            ),
            { maxLength: 2 },
          ),
        }),
        badge: nullable(badge),
        identityKey: nullable(text),
        latest: nullable(reportFor(id)),
      }),
      history: fc.array(reportFor(id), { maxLength: 3 }),
    });
  });
const nonBlank = text.filter((s) => s.trim() !== '');
/** Collections over some badge ids: each names a subset of them, in any order. */
const collectionsOf = (ids: string[]): fc.Arbitrary<BackupCollection[]> =>
  fc.uniqueArray(
    fc.record({
      id: text.filter((s) => s.length > 0),
      title: nonBlank,
      badgeIds: fc.shuffledSubarray(ids),
      position: fc.nat({ max: 1000 }),
      createdAt: iso,
      updatedAt: iso,
      share: fc.record({ displayName: fc.boolean(), recipient: nullable(nonBlank), evidence: fc.boolean(), until: nullable(iso) }),
    }),
    { maxLength: 3, selector: (c) => c.id },
  );
const backupData: fc.Arbitrary<BackupData> = fc
  .record({
    exportedAt: iso,
    badges: fc.uniqueArray(badgeRecord, { maxLength: 4, selector: (b) => b.record.id }),
    identities: fc.uniqueArray(fc.record({ value: text.filter((s) => s.length > 0), kind: fc.constantFrom('email', 'url', 'other'), addedAt: iso }), {
      maxLength: 4,
      selector: (i) => i.value,
    }),
    settings: fc.record({
      lang: fc.constantFrom('en', 'fr', null),
      displayName: nullable(text),
      reverifyAfterMs: fc.nat(),
      linkedInOrganizations: fc.dictionary(nonBlank, nonBlank, { maxKeys: 3, noNullPrototype: true }),
    }),
  })
  .chain(({ badges, ...rest }) =>
    collectionsOf(badges.map((b) => b.record.id)).map((collections) => ({
      ...rest,
      badges: badges.map((b) => b.record),
      reports: badges.flatMap((b) => b.history),
      collections,
    })),
  );

describe('property: encode → decode is the identity', () => {
  it('on generated backpacks', () => {
    fc.assert(
      fc.property(backupData, (data) => {
        const decoded = decodeBackup(encodeBackup(data));
        if (!decoded.ok) throw new Error(`${decoded.error.code}: ${decoded.error.detail}`);
        expect(decoded.value).toEqual(data);
        decoded.value.badges.forEach((b, i) => expect(b.original.bytes).toEqual(data.badges[i]!.original.bytes));
      }),
      { numRuns: 150 },
    );
  });
});
