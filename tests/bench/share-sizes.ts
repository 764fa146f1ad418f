/**
 * Share-link sizes: how long a Besace link is for real corpus badges, which QR code version it needs
 * at error correction M, and how a single OB 3.0 credential compares with VPQR
 * (@digitalcredentials/vpqr: CBOR-LD, base32, alphanumeric QR). Figures are printed, never asserted.
 * Nothing reaches the network: VPQR's document loader serves only the JSON-LD contexts Besace bundles.
 *
 *   npx tsx tests/bench/share-sizes.ts      (or via tests/bench/run.ts)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import QRCode from 'qrcode';
import { extract } from '../../src/core/baking';
import { decodeShare, encodeShare, shareItemFromExtracted, type ShareItem, type ShareKind } from '../../src/core/share';
import { BUNDLED_CONTEXTS } from '../../src/core/verify/jsonld/contexts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const BASE = 'http://localhost:4173/';
const TITLE = 'Mes badges';
const CREATED_AT = '2026-01-01T00:00:00.000Z';
const SIZES = [1, 5, 10] as const;
const VPQR_MODULE = '@digitalcredentials/vpqr';
const CBORLD_MODULE = '@digitalcredentials/cborld';

type Json = Record<string, unknown>;

/** Manifest kinds that are badges (not contexts, keys, status lists or other helper documents). */
const BADGE_KINDS = new Set(['ob2-assertion-json', 'ob2-jws', 'ob3-json-ld', 'ob3-jwt', 'png-baked', 'svg-baked']);
/** Manifest `expected` → preference: real, valid badges first; deliberately broken ones last. */
const RANK: Record<string, number> = { valid: 0, warning: 0, 'n/a': 1, invalid: 2 };

interface CorpusBadge {
  readonly file: string;
  readonly expected: string;
  readonly ob3: boolean;
  /** A CLR 2.0 transcript (ClrCredential, which carries OB 3.0 credentials). */
  readonly clr: boolean;
  readonly item: ShareItem;
  /** The OB 3.0 JSON-LD document, for VPQR. */
  readonly doc?: Json;
  readonly hasProof: boolean;
  /** Contains a `data:` URI somewhere (for a VC-JWT: in its decoded payload). */
  readonly embeddedImage: boolean;
}

const DATA_URI = /(?<![A-Za-z0-9])data:/;

function jwtPayloadText(token: string): string {
  const part = token.trim().split('.')[1] ?? '';
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return '';
  }
}

/** Distinct corpus badges (by kind and payload), best-expected first, sources interleaved. */
function loadCorpus(): CorpusBadge[] {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((r) => r.length >= 7 && BADGE_KINDS.has(r[4]!));
  const all: CorpusBadge[] = [];
  for (const [file, , , , , obVersion, expected] of rows) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(join(CORPUS, file!)));
    } catch {
      continue;
    }
    const extracted = extract(bytes);
    if (!extracted.ok) continue;
    const item = shareItemFromExtracted(extracted.value);
    const ob3 = /^(3\.0|CLR2\.0\/OB3)/.test(obVersion!) && (item.kind === 'json' || item.kind === 'jwt');
    let doc: Json | undefined;
    if (item.kind === 'json') {
      try {
        doc = JSON.parse(item.payload) as Json;
      } catch {
        doc = undefined;
      }
    }
    const text = item.kind === 'jwt' ? jwtPayloadText(item.payload) : item.payload;
    all.push({
      file: file!,
      expected: expected!,
      ob3,
      clr: obVersion!.startsWith('CLR'),
      item,
      ...(doc ? { doc } : {}),
      hasProof: item.kind !== 'json' || (doc !== undefined && doc['proof'] !== undefined),
      embeddedImage: DATA_URI.test(text),
    });
  }
  // Rank, then interleave the corpus's sources within a rank so that a collection of 10 is not 10
  // near-copies of one test file (deflate would make that unrealistically small).
  const byRank = new Map<number, Map<string, CorpusBadge[]>>();
  for (const b of all) {
    const rank = RANK[b.expected] ?? 1;
    const source = b.file.split('/')[0]!;
    if (!byRank.has(rank)) byRank.set(rank, new Map());
    const sources = byRank.get(rank)!;
    if (!sources.has(source)) sources.set(source, []);
    sources.get(source)!.push(b);
  }
  const ordered: CorpusBadge[] = [];
  for (const rank of [...byRank.keys()].sort()) {
    const queues = [...byRank.get(rank)!.values()];
    while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length > 0) ordered.push(q.shift()!);
  }
  const seen = new Set<string>();
  return ordered.filter((b) => {
    const key = `${b.item.kind}\n${b.item.payload}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The candidates for a kind's collections, as section 1 describes them. */
function candidates(corpus: readonly CorpusBadge[], kind: ShareKind): CorpusBadge[] {
  return corpus.filter((b) => b.item.kind === kind && (kind !== 'json' || (b.ob3 && b.hasProof)));
}

const linkOf = (badges: readonly ShareItem[]) => encodeShare({ title: TITLE, createdAt: CREATED_AT, badges }, BASE);

/** QR version at error correction M, the way `besace share` computes it; null = does not fit. */
function qrVersion(text: string): number | null {
  try {
    return QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
  } catch {
    return null;
  }
}

/** The segments the `qrcode` library chooses for a text, e.g. "Byte 24 + Alphanumeric 1,290 characters". */
function qrModes(text: string): string {
  const { segments } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return `${segments.map((seg) => `${seg.mode.id} ${n(seg.getLength())}`).join(' + ')} characters`;
}

interface Sized {
  readonly chars: number;
  readonly qr: number | null;
  /** Why the link would not open (decoder limits), if it would not. */
  readonly refused?: string;
}

function sizeOfLink(badges: readonly ShareItem[]): Sized {
  const link = linkOf(badges);
  const back = decodeShare(link);
  return { chars: link.length, qr: qrVersion(link), ...(back.ok ? {} : { refused: back.error.code }) };
}

const n = (x: number) => x.toLocaleString('en-US');
const qrText = (v: number | null) => (v === null ? 'does not fit (> v40)' : `v${v}`);
const cell = (s: Sized, mark = '') => `${n(s.chars)} chars, ${qrText(s.qr)}${s.refused ? ` (refused: ${s.refused})` : ''}${mark}`;
const tick = (ok: boolean) => (ok ? '✓' : '✗');

/** `count` badges from `list`, cycling when the list is shorter. */
const take = <T>(list: readonly T[], count: number): T[] => Array.from({ length: count }, (_, i) => list[i % list.length]!);

// ---------------------------------------------------------------------------------------------
// VPQR

interface CborldModule {
  encode(o: { jsonldDocument: unknown; documentLoader: (url: string) => Promise<unknown> }): Promise<Uint8Array>;
}

interface VpqrModule {
  toQrCode(o: { vp: unknown; documentLoader: (url: string) => Promise<unknown> }): Promise<{ payload: string; version: number }>;
  fromQrCode(o: { text: string; documentLoader: (url: string) => Promise<unknown> }): Promise<{ vp: unknown }>;
}

/** The JSON-LD contexts Besace bundles, and nothing else: no network. */
async function bundledContextLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const importer = Object.hasOwn(BUNDLED_CONTEXTS, url) ? BUNDLED_CONTEXTS[url] : undefined;
  if (!importer) throw new Error(`context not available offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document: structuredClone((await importer()).default) };
}

type VpqrOutcome =
  | { readonly ok: true; readonly chars: number; readonly ownVersion: number; readonly qrM: number | null; readonly roundTrip: boolean }
  | { readonly ok: false; readonly reason: string };

function shortReason(e: unknown): string {
  const err = e as { name?: string; value?: string; message?: string };
  const message = String(err.message ?? e).replace(/\s+/g, ' ');
  const text = err.name === 'CborldError' && err.value ? `${err.value}: ${message}` : message;
  return text.length > 110 ? `${text.slice(0, 107)}…` : text;
}

/** Key order does not matter to JSON-LD; compare documents with sorted keys. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Json)[k])])) : v;

/** uuid@8's validate(): what CBOR-LD's urn:uuid codec accepts (it only tries lowercase values). */
const RFC_UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/;

/** CBOR-LD's "Invalid UUID" names no value: find the urn:uuid: it choked on. */
function badUuid(doc: Json): string | undefined {
  for (const m of JSON.stringify(doc).matchAll(/"urn:uuid:([^"]*)"/g)) {
    const rest = m[1]!;
    if (rest.toLowerCase() === rest && !RFC_UUID.test(rest)) return `urn:uuid:${rest}`;
  }
  return undefined;
}

async function vpqrOf(vpqr: VpqrModule, cborld: CborldModule, doc: Json): Promise<VpqrOutcome> {
  try {
    const { payload, version } = await vpqr.toQrCode({ vp: structuredClone(doc), documentLoader: bundledContextLoader });
    let roundTrip = false;
    try {
      const { vp } = await vpqr.fromQrCode({ text: payload, documentLoader: bundledContextLoader });
      roundTrip = JSON.stringify(canonical(vp)) === JSON.stringify(canonical(doc));
    } catch {
      roundTrip = false;
    }
    return { ok: true, chars: payload.length, ownVersion: version, qrM: qrVersion(payload), roundTrip };
  } catch (e) {
    let reason = shortReason(e);
    if (/^data overflow/.test(String((e as Error).message))) {
      // CBOR-LD worked, the QR step overflowed: say how long VPQR's payload would have been.
      const bytes = await cborld.encode({ jsonldDocument: structuredClone(doc), documentLoader: bundledContextLoader });
      reason = `its payload would be ${n(5 + Math.ceil((bytes.length * 8) / 5))} chars, too large for one QR code even at level L`;
    }
    const uuid = reason === 'Invalid UUID' ? badUuid(doc) : undefined;
    return { ok: false, reason: uuid ? `Invalid UUID (${uuid} is not an RFC 4122 UUID)` : reason };
  }
}

/** Besace's QR code is no larger than VPQR's at M; when neither fits, the shorter text wins. */
function notLarger(s: Sized, v: VpqrOutcome & { ok: true }): boolean {
  if (s.qr === null) return v.qrM === null && s.chars <= v.chars;
  return v.qrM === null || s.qr <= v.qrM;
}

const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

// ---------------------------------------------------------------------------------------------

export async function benchShareSizes(): Promise<void> {
  const started = performance.now();
  const corpus = loadCorpus();
  const kinds: [ShareKind, string][] = [
    ['url', 'hosted OB 1.x/2.0 (assertion URL)'],
    ['jws', 'OB 2.0 signed (JWS)'],
    ['jwt', 'OB 3.0 VC-JWT'],
    ['json', 'OB 3.0 JSON-LD + Data Integrity / LD proof'],
  ];
  const lists = new Map(kinds.map(([k]) => [k, candidates(corpus, k)] as const));

  // 1. Collections per kind.
  console.log(`Link = \`${BASE}#…\`, title "${TITLE}", createdAt ${CREATED_AT}; QR version at error correction M (\`qrcode\`, as \`besace share\`).`);
  console.log('Badges are distinct corpus badges (by payload), valid or warning first, then n/a, then invalid, sources interleaved.\n');
  console.log(`| kind | distinct in corpus | ${SIZES.map((s) => `${s} badge${s > 1 ? 's' : ''}`).join(' | ')} |`);
  console.log(`|---|---:|${SIZES.map(() => '---|').join('')}`);
  const footnotes: string[] = [];
  const collection = new Map<string, Sized>();
  for (const [kind, label] of kinds) {
    const list = lists.get(kind)!;
    const valid = list.filter((b) => RANK[b.expected] === 0).length;
    const cells = SIZES.map((size) => {
      const s = sizeOfLink(take(list, size).map((b) => b.item));
      collection.set(`${kind}:${size}`, s);
      return cell(s, size > list.length ? ' †' : '');
    });
    console.log(`| \`${kind}\` ${label} | ${list.length} (${valid} valid/warning) | ${cells.join(' | ')} |`);
    if (list.length < Math.max(...SIZES)) footnotes.push(`\`${kind}\`: ${list.length}`);
  }
  // Mixed: url, jws, jwt, json, url, … each kind's next distinct badge.
  const next = new Map<ShareKind, number>();
  const mixed = take(kinds, Math.max(...SIZES)).map(([k]) => {
    const i = next.get(k) ?? 0;
    next.set(k, i + 1);
    const list = lists.get(k)!;
    return { badge: list[i % list.length]!, repeated: i >= list.length };
  });
  const mixedCells = SIZES.map((size) => cell(sizeOfLink(mixed.slice(0, size).map((m) => m.badge.item)), mixed.slice(0, size).some((m) => m.repeated) ? ' †' : ''));
  console.log(`| mixed (url, jws, jwt, json, url, …) | – | ${mixedCells.join(' | ')} |`);
  if (footnotes.length > 0) {
    console.log(`\n† Repeats badges: the corpus has only ${footnotes.join(', ')} distinct badge(s) of that kind. Deflate makes a repeat`);
    console.log('  almost free, so a real collection of that many different badges would be longer.');
  }

  // 2. Goals.
  console.log('\n### Goals\n');
  const urls = lists.get('url')!;
  const ten = collection.get('url:10')!;
  const goal1 = ten.qr !== null && !ten.refused;
  console.log(`${tick(goal1)} 10 hosted OB 2.0 badges fit one QR code at level M: ${cell(ten)}`);
  const tenUrls = take(urls, 10).map((b) => b.item.payload);
  console.log(`  (the ${Math.min(10, urls.length)} distinct hosted-assertion URLs of the corpus, OB 1.x and 2.0, ${Math.min(...tenUrls.map((u) => u.length))}–${Math.max(...tenUrls.map((u) => u.length))} chars: ${tenUrls.join(' ')})`);
  const realistic = Array.from({ length: 10 }, (_, i) => ({ kind: 'url' as const, payload: `https://api.eu.badgr.io/public/assertions/${pseudoId(i, 22)}` }));
  const realisticSize = sizeOfLink(realistic);
  console.log(`  same with 10 synthetic URLs shaped like a real host's (https://api.eu.badgr.io/public/assertions/<22 random chars>): ${cell(realisticSize)}`);

  const ob3 = corpus.filter((b) => b.ob3 && b.hasProof).sort((a, b) => a.file.localeCompare(b.file));
  const ob3Sized = ob3.map((b) => ({ b, s: sizeOfLink([b.item]) }));
  const noImage = ob3Sized.filter(({ b }) => !b.embeddedImage);
  const fits = ({ s }: { s: Sized }) => s.qr !== null && !s.refused;
  const tooBig = noImage.filter((x) => !fits(x));
  const goal2 = tooBig.length === 0;
  const withoutClr = noImage.filter(({ b }) => !b.clr);
  console.log(
    `\n${tick(goal2)} every OB 3.0 credential of the corpus without an embedded image fits one QR code: ${noImage.length - tooBig.length}/${noImage.length} fit` +
      ` (${withoutClr.filter(fits).length}/${withoutClr.length} leaving out CLR 2.0 transcripts)`,
  );
  console.log(
    `  ${ob3.length} distinct signed OB 3.0 credentials (JSON-LD with a proof, or VC-JWT), whatever the manifest expects` +
      ` (${ob3.filter((b) => b.expected === 'invalid').length} are expected invalid: tampered or otherwise failing variants); ${ob3.length - noImage.length} contain a data: URI.`,
  );
  for (const { b, s } of tooBig) {
    console.log(`  - does not fit: ${b.file} (${b.item.kind}${b.clr ? ', CLR 2.0' : ''}, expected ${b.expected}, payload ${n(b.item.payload.length)} chars) → ${cell(s)}`);
  }
  for (const { b, s } of ob3Sized.filter(({ b }) => b.embeddedImage)) console.log(`  - has an embedded image (not counted): ${b.file} → ${cell(s)}`);
  const largest = [...noImage].sort((a, b) => b.s.chars - a.s.chars).find(fits);
  if (largest) console.log(`  largest that fits: ${largest.b.file} (${largest.b.item.kind}, payload ${n(largest.b.item.payload.length)} chars) → ${cell(largest.s)}`);

  // 3. Per credential, against VPQR.
  const vpqr = (await import(/* @vite-ignore */ VPQR_MODULE)) as unknown as VpqrModule;
  const cborld = (await import(/* @vite-ignore */ CBORLD_MODULE)) as unknown as CborldModule;
  const rows: { b: CorpusBadge; s: Sized; v: VpqrOutcome | null }[] = [];
  const shown = ob3Sized.filter(({ b }) => b.expected !== 'invalid');
  for (const { b, s } of shown) rows.push({ b, s, v: b.doc ? await vpqrOf(vpqr, cborld, b.doc) : null });
  const encodable = rows.filter((r): r is typeof r & { v: VpqrOutcome & { ok: true } } => r.v !== null && r.v.ok);
  const faithful = encodable.filter((r) => r.v.roundTrip);
  const wins = faithful.filter((r) => notLarger(r.s, r.v));
  const goal3 = faithful.length > 0 && wins.length === faithful.length;
  console.log(
    `\n${tick(goal3)} no larger than VPQR where VPQR can encode the credential: Besace's QR version ≤ VPQR's (both at M) for ${wins.length}/${faithful.length}` +
      ` credentials VPQR encodes and decodes back unchanged (the ${shown.length} OB 3.0 credentials not expected invalid; table below)`,
  );
  const bothFit = faithful.filter((r) => r.s.qr !== null && r.v.qrM !== null);
  const gaps = bothFit.map((r) => r.s.qr! - r.v.qrM!).sort((a, b) => a - b);
  const shorter = faithful.filter((r) => r.s.chars <= r.v.chars).length;
  if (gaps.length > 0) {
    console.log(
      `  Besace's QR version minus VPQR's, where both fit: median ${signed(gaps[Math.floor(gaps.length / 2)]!)}, range ${signed(gaps[0]!)} to ${signed(gaps.at(-1)!)};` +
        ` the Besace link is no longer in characters for ${shorter}/${faithful.length}.`,
    );
  }
  if (faithful.length > 0) {
    const link = linkOf([faithful[0]!.b.item]);
    console.log(`  QR modes (the \`qrcode\` library's own segmentation) of a Besace link, e.g. ${faithful[0]!.b.file}: ${qrModes(link)};`);
    console.log("  VPQR's payload is all alphanumeric (5.5 bits a character, byte mode 8). A v2 link's body is uppercase base32, in the");
    console.log('  alphanumeric set, so only the base URL and `#v` go in byte mode; the body carries the title and the date too.');
  }

  console.log('\n### Per OB 3.0 credential: Besace single-badge link vs VPQR\n');
  console.log('VPQR = `toQrCode({ vp: credential, documentLoader })` (the option is named `vp`; any JSON-LD document is accepted),');
  console.log("with a loader serving only the contexts Besace bundles (src/core/verify/jsonld/contexts.ts), no network. VPQR's payload");
  console.log("is `VP1-B` + base32(CBOR-LD), QR alphanumeric mode; \"own\" = the version VPQR itself returns (level L, its default);");
  console.log('"at M" = the `qrcode` library at M, like Besace. Round trip = `fromQrCode` gives back the same document (keys sorted).\n');
  console.log('| credential | expected | Besace link | VPQR payload | VPQR QR own (L) / at M | round trip | Besace ≤ VPQR (QR at M) |');
  console.log('|---|---|---|---|---|---|---|');
  const reasons = new Map<string, number>();
  for (const { b, s, v } of rows) {
    if (v === null) {
      console.log(`| ${b.file} | ${b.expected} | ${cell(s)} | n/a: a VC-JWT is not a JSON-LD document | – | – | – |`);
      continue;
    }
    if (!v.ok) {
      const key = v.reason.replace(/'[^']*'|https?:\/\/\S+|urn:uuid:\S+|[\d,]+ chars/g, '…');
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
      console.log(`| ${b.file} | ${b.expected} | ${cell(s)} | VPQR cannot encode: ${v.reason} | – | – | – |`);
      continue;
    }
    const le = notLarger(s, v);
    console.log(
      `| ${b.file} | ${b.expected} | ${cell(s)} | ${n(v.chars)} chars | v${v.ownVersion} / ${qrText(v.qrM)} | ${v.roundTrip ? 'same' : 'DIFFERS'} | ${tick(le)}${v.roundTrip ? '' : ' (not counted)'} |`,
    );
  }
  const jwts = rows.filter((r) => r.v === null).length;
  console.log(`\n${rows.length} credentials: ${encodable.length} encoded by VPQR (${faithful.length} decode back unchanged), ${rows.length - encodable.length - jwts} refused, ${jwts} VC-JWTs.`);
  console.log('VC-JWTs have no VPQR figure: VPQR compresses a JSON-LD document with CBOR-LD; a VC-JWT is a compact JWS whose signature');
  console.log('covers its exact base64url bytes, so it cannot be re-encoded without losing the proof.');
  if (reasons.size > 0) {
    console.log('Why VPQR refused:');
    for (const [why, count] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  - ${count} × ${why}`);
  }
  if (encodable.length > 0) {
    const ratio = encodable.map((r) => r.s.chars / r.v.chars).sort((a, b) => a - b);
    const median = ratio[Math.floor(ratio.length / 2)]!;
    console.log(`Besace link length / VPQR payload length over the ${encodable.length} encoded: median ${median.toFixed(2)}, range ${ratio[0]!.toFixed(2)}–${ratio.at(-1)!.toFixed(2)}.`);
  }

  // 4. Summary.
  console.log('\n### Summary\n');
  console.log(`- ${tick(goal1)} 10 hosted badges in one QR code: ${cell(ten)} (synthetic real-host URLs: ${cell(realisticSize)}).`);
  console.log(`- ${tick(goal2)} OB 3.0 credentials without an embedded image in one QR code: ${noImage.length - tooBig.length}/${noImage.length}${tooBig.length ? `; too big: ${tooBig.map(({ b }) => b.file.split('/').slice(-2).join('/')).join(', ')}` : ''}.`);
  console.log(`- ${tick(goal3)} Besace ≤ VPQR (QR version at M): ${wins.length}/${faithful.length} where VPQR round-trips; VPQR refuses ${rows.length - encodable.length - jwts}/${rows.length - jwts} JSON-LD credentials.`);
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** A deterministic base62 id (a tiny LCG): realistic-looking, same figures on every run. */
function pseudoId(seed: number, length: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let x = Math.imul(seed + 1, 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 16) % 62];
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchShareSizes();
