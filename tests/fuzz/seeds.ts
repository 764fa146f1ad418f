/**
 * The fuzzers' starting points, all from tests/fixtures (read once, at import): the baking corpus,
 * every badge payload the corpus manifests list, share links made from them, and the offline
 * document map verification fetches from (the corpus' MOCKS.tsv and our own issuers' tables).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64urlnopad } from '@scure/base';
import { deflateSync } from 'fflate';
import { extract } from '../../src/core/baking';
import type { DocumentEntry } from '../../src/core/net/net';
import { decodeShare, encodeShare, shareItemFromExtracted, type Share, type ShareItem } from '../../src/core/share';
import { loadDocumentMap } from '../../src/node/documents';
import { FIXTURES, fixtureBytes, readTsv } from '../core/baking/helpers';
import type { Seed } from './case';

export const SHARE_BASE = 'https://besace.example/app/';

/** Every file the baking tests know: the corpus' baked and unbaked images and our hand-made ones. */
export const bakingSeeds: readonly Seed[] = [
  ...readTsv('corpus/manifest-baking.tsv').map((r) => `corpus/${r['file']}`),
  ...readTsv('ours/MANIFEST.tsv').map((r) => `ours/${r['file']}`),
].map((path) => ({ path, bytes: fixtureBytes(path) }));

export const pngSeeds = bakingSeeds.filter((s) => s.path.endsWith('.png') && s.bytes[0] === 0x89);
export const svgSeeds = bakingSeeds.filter((s) => s.path.endsWith('.svg'));

const BADGE_KINDS = /^(ob2-|ob3-|png-baked|svg-baked)/;

/** Our own issuers' badges (signed, tampered, revoked, key confusion…), beside the corpus'. */
const OURS_PAYLOADS = [
  'ours/ours-ob2-assertion.json',
  'ours/ours-ob2-signed.jws',
  'ours/ours-ob3-credential.json',
  ...readTsv('ours/ob3/fixtures.tsv')
    .map((r) => `ours/ob3/${r['file']}`)
    .filter((path) => /\/(di-|jwt-)/.test(path)),
  ...['signed-valid', 'signed-revoked', 'signed-tampered', 'signed-alg-none', 'signed-hs256-confusion', 'signed-wrong-key', 'signed-no-creator', 'signed-creator-not-in-issuer'].map(
    (name) => `ours/ob2/${name}.jws`,
  ),
  'ours/ob2/hosted-valid.json',
];

/** Every badge a manifest lists (JSON, JWS/JWT, baked PNG/SVG), as a file's bytes. */
export const payloadSeeds: readonly Seed[] = [
  ...readTsv('corpus/MANIFEST.tsv')
    .filter((r) => BADGE_KINDS.test(r['kind'] ?? ''))
    .map((r) => `corpus/${r['file']}`),
  ...OURS_PAYLOADS,
].map((path) => ({ path, bytes: fixtureBytes(path) }));

/** The payloads as text: what a badge holds once unbaked (JSON or a compact JWS/JWT). */
export const payloadTexts: readonly { readonly path: string; readonly text: string }[] = payloadSeeds.flatMap(({ path, bytes }) => {
  const extracted = extract(bytes);
  return extracted.ok && extracted.value.payloadKind !== 'url' ? [{ path, text: extracted.value.payload }] : [];
});

/** The JSON payloads, parsed. */
export const jsonPayloads: readonly { readonly path: string; readonly value: unknown }[] = payloadTexts.flatMap(({ path, text }) => {
  try {
    return [{ path, value: JSON.parse(text) as unknown }];
  } catch {
    return [];
  }
});

/** The compact JWS/JWT payloads. */
export const compactPayloads = payloadTexts.filter(({ text }) => /^[\w-]+\.[\w-]*\.[\w-]*$/.test(text));

/** The tables of URL → file that stand for the network in verification. */
const DOCUMENT_TABLES = ['corpus/MOCKS.tsv', 'ours/ob2/mocks.tsv', 'ours/ob3/documents.tsv'];

/** The offline document map (first row per URL wins, table by table). */
export async function documentMap(): Promise<Map<string, DocumentEntry>> {
  const all = new Map<string, DocumentEntry>();
  for (const table of DOCUMENT_TABLES) {
    for (const [url, entry] of await loadDocumentMap(join(FIXTURES, table))) if (!all.has(url)) all.set(url, entry);
  }
  return all;
}

/** The URLs the document map answers (issuers, keys, DID documents, status lists, hosted assertions). */
export const documentUrls: readonly string[] = DOCUMENT_TABLES.flatMap((table) =>
  readFileSync(join(FIXTURES, table), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split('\t')[0]?.trim() ?? '')
    .filter((url) => url !== ''),
);

/** A v1 link as the first release wrote it: `v1.` + base64url(deflateRaw(JSON)). */
export function v1Link(doc: unknown): string {
  return `${SHARE_BASE}#v1.${base64urlnopad.encode(deflateSync(new TextEncoder().encode(JSON.stringify(doc))))}`;
}

const CREATED = '2026-01-01T00:00:00.000Z';

function shareItems(): ShareItem[] {
  return payloadSeeds.flatMap(({ bytes }) => {
    const extracted = extract(bytes);
    return extracted.ok ? [shareItemFromExtracted(extracted.value)] : [];
  });
}

/** Real links: one per corpus badge, a few with several badges and every optional field, and v1 links. */
export const shareLinks: readonly { readonly path: string; readonly link: string }[] = (() => {
  const items = shareItems();
  const shares: { path: string; share: Share }[] = items.map((item, i) => ({ path: `badge ${i} (${item.kind})`, share: { createdAt: CREATED, badges: [item] } }));
  for (let i = 0; i + 3 <= items.length; i += 17) {
    shares.push({
      path: `badges ${i}–${i + 2} with every field`,
      share: {
        title: 'Mes badges « fuzz »',
        createdAt: CREATED,
        until: '2027-06-30T12:00:00Z',
        badges: items.slice(i, i + 3),
        displayName: 'Alex Martin',
        recipient: 'alex@example.org',
        hideEvidence: true,
      },
    });
  }
  const links = shares.map(({ path, share }) => ({ path, link: encodeShare(share, SHARE_BASE) })).filter(({ link }) => decodeShare(link).ok);
  const small = items.filter((item) => item.payload.length < 2000).slice(0, 8);
  for (const [i, item] of small.entries()) {
    links.push({ path: `v1 link ${i} (${item.kind})`, link: v1Link({ t: 'v1', c: CREATED, b: [{ k: item.kind, p: item.payload }], n: 'Alex' }) });
  }
  return links;
})();
