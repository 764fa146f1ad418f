/**
 * How src/core/share/dictionary.ts (share links v2's preset DEFLATE dictionary) was derived. Kept to
 * document it and to derive the NEXT version's dictionary: v2's is frozen, never regenerate it.
 *
 *   npx tsx tests/bench/share-dictionary.ts           → prints the dictionary's phrases (JSON) on stdout
 *   HOLDOUT=dcc npx tsx tests/bench/share-dictionary.ts   leaves a source (1edtech, dcc, w3c) out
 * Options (environment): BUDGET (4096 bytes), GREEDY (3072), MINGAIN (0.3), COMPACT (0.5), POOL (700).
 * About a minute.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { extract } from '../../src/core/baking';
import { shareItemFromExtracted, type ShareItem } from '../../src/core/share';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const BADGE_KINDS = new Set(['ob2-assertion-json', 'ob2-jws', 'ob3-json-ld', 'ob3-jwt', 'png-baked', 'svg-baked']);
interface B { file: string; source: string; expected: string; ob3: boolean; item: ShareItem; hasProof: boolean; image: boolean }
function load(): B[] {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((r) => r.length >= 7 && BADGE_KINDS.has(r[4]!));
  const out: B[] = []; const seen = new Set<string>();
  for (const [file, , , , , obv, expected] of rows) {
    let bytes: Uint8Array; try { bytes = new Uint8Array(readFileSync(join(CORPUS, file!))); } catch { continue; }
    const ex = extract(bytes); if (!ex.ok) continue;
    const item = shareItemFromExtracted(ex.value);
    const key = item.kind + '\n' + item.payload; if (seen.has(key)) continue; seen.add(key);
    let hasProof = true;
    if (item.kind === 'json') { try { hasProof = JSON.parse(item.payload).proof !== undefined; } catch { hasProof = false; } }
    const text = item.kind === 'jwt' ? Buffer.from(item.payload.split('.')[1] ?? '', 'base64url').toString() : item.payload;
    out.push({ file: file!, source: file!.split('/')[0]!, expected: expected!, ob3: /^(3\.0|CLR2\.0\/OB3)/.test(obv!) && (item.kind === 'json' || item.kind === 'jwt'), item, hasProof, image: /(?<![A-Za-z0-9])data:/.test(text) });
  }
  return out;
}

const DIR = join(import.meta.dirname, '../../src/core/verify/jsonld/contexts/');
const SKIP = new Set(['credentials-examples-v1.json', 'credentials-examples-v2.json', 'odrl.json']);
const vocab = new Set<string>();
const walk = (v: unknown) => {
  if (Array.isArray(v)) v.forEach(walk);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (k !== '@context' || true) vocab.add(k); walk(x); }
};
for (const f of readdirSync(DIR)) if (f.endsWith('.json') && !SKIP.has(f)) walk(JSON.parse(readFileSync(DIR + f, 'utf8'))['@context']);
const ctxSrc = readFileSync(join(import.meta.dirname, '../../src/core/verify/jsonld/contexts.ts'), 'utf8');
const contextUrls = [...ctxSrc.matchAll(/'(https:\/\/[^']+)'/g)].map((m) => m[1]!).filter((u) => !/examples|odrl/.test(u));
for (const u of contextUrls) vocab.add(u);
// Values the specs enumerate (not context terms): OB 3.0 achievementType, cryptosuites, JWS algs.
for (const v of ['Achievement','ApprenticeshipCertificate','Assessment','Assignment','AssociateDegree','Award','Badge','BachelorDegree','Certificate','CertificateOfCompletion','Certification','CommunityService','Competency','Course','CoCurricular','Degree','Diploma','DoctoralDegree','Fieldwork','GeneralEducationDevelopment','JourneymanCertificate','LearningProgram','License','Membership','ProfessionalDoctorate','QualityAssuranceCredential','MasterCertificate','MasterDegree','MicroCredential','ResearchDoctorate','SecondarySchoolDiploma',
  'eddsa-rdfc-2022','eddsa-jcs-2022','eddsa-2022','ecdsa-rdfc-2019','ecdsa-jcs-2019','ecdsa-sd-2023','bbs-2023','en','en-US','image/png','image/svg+xml','1EdTechRevocationList','1EdTechCredentialRefresh','1EdTechJsonSchemaValidator2019','Ed25519VerificationKey2020','Multikey','JsonWebKey2020','CredentialStatusList2017','emailSha256','email','sha256']) vocab.add(v);
vocab.delete('@context'); vocab.add('@context');

const te = new TextEncoder();
const esc = (s: string) => JSON.stringify(s).slice(1, -1);
const ORG = (src: string) => (src.startsWith('1edtech') ? '1edtech' : src.startsWith('dcc') ? 'dcc' : src.startsWith('w3c') ? 'w3c' : 'other');
const BUDGET = Number(process.env.BUDGET ?? 4096);
const COMPACT_WEIGHT = Number(process.env.COMPACT ?? 0.5);
const HOLDOUT = process.env.HOLDOUT; // an org left out of training

// Pseudo-random createdAt values: the dictionary must not learn the bench's date.
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const date = () => new Date(Date.UTC(2025 + Math.floor(rnd() * 3), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24), Math.floor(rnd() * 60), Math.floor(rnd() * 60), Math.floor(rnd() * 1000))).toISOString();

interface Doc { text: string; bytes: Uint8Array; w: number; org: string; payloads: string[] }
function docsFor(badges: B[]): Doc[] {
  const docs: Doc[] = [];
  const perOrg = new Map<string, number>();
  for (const b of badges) perOrg.set(ORG(b.source), (perOrg.get(ORG(b.source)) ?? 0) + 1);
  for (const b of badges) {
    if (b.item.payload.length > 12000) continue;
    const forms: [string, number][] = [[b.item.payload, 1]];
    if (b.item.kind === 'json') {
      try { const c = JSON.stringify(JSON.parse(b.item.payload)); if (c !== b.item.payload) forms.push([c, COMPACT_WEIGHT]); } catch { /* keep */ }
    }
    for (const [p, w] of forms) {
      const title = rnd() < 0.5 ? { t: Math.floor(rnd() * 36 ** 6).toString(36) } : {};
      const text = JSON.stringify({ ...title, c: date(), b: [{ k: b.item.kind, p }] });
      docs.push({ text, bytes: te.encode(text), w: w / perOrg.get(ORG(b.source))!, org: ORG(b.source), payloads: [p] });
    }
  }
  // Collections of hosted badges: the outer syntax between items.
  const urls = badges.filter((b) => b.item.kind === 'url');
  for (let i = 0; i + 3 <= urls.length; i += 2) {
    const text = JSON.stringify({ t: 'x', c: date(), b: urls.slice(i, i + 3).map((u) => ({ k: 'url', p: u.item.payload })) });
    docs.push({ text, bytes: te.encode(text), w: 0.2, org: 'other', payloads: [] });
  }
  return docs;
}

// --- candidates -------------------------------------------------------------------------------
const GENERIC_PREFIXES = ['did:key:z6Mk', 'did:web:', 'urn:uuid:', 'https://', 'http://', 'z', '20'];
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}\[\],:]|\s+|[^\s{}\[\],:"]+/g;
/** A line's tokens turned into a phrase if only vocabulary and syntax; the last string may be cut to a generic prefix. */
function phrasesOfLine(line: string): string[] {
  const toks = line.match(TOKEN) ?? [];
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    let s = '';
    for (let j = i; j < toks.length && j < i + 16; j++) {
      const t = toks[j]!;
      if (t.startsWith('"')) {
        const inner = t.slice(1, -1);
        if (vocab.has(inner)) { s += t; out.push(s); continue; }
        const g = GENERIC_PREFIXES.find((p) => inner.startsWith(p) && inner !== p);
        if (g) out.push(s + '"' + g);
        break;
      }
      if (/^[^\s{}\[\],:]+$/.test(t) && !/^(true|false|null)$/.test(t)) break; // numbers etc.
      s += t;
      if (s.trim().length >= 2) out.push(s);
    }
  }
  return out;
}
function candidatesOf(doc: Doc): Set<string> {
  const set = new Set<string>();
  for (const p of doc.payloads) {
    const lines = p.split(/(?<=\n)/); // keep the newline at the end of each line
    const ph: string[][] = lines.map((l) => phrasesOfLine(l));
    for (const l of ph) for (const x of l) set.add(esc(x));
    // Runs of whole lines (with their newlines and the next line's indentation), if all vocabulary.
    for (let i = 0; i < lines.length; i++) {
      let run = '';
      for (let j = i; j < lines.length && j < i + 5; j++) {
        const line = lines[j]!;
        const whole = phrasesOfLine(line).includes(line.replace(/\r?\n$/, '').replace(/^\s+/, '')) || /^\s*[\[\]{}],?\s*$/.test(line.replace(/\r?\n$/, ''));
        const trimmedFirst = j === i ? line.replace(/^\s+/, '') : line;
        if (!whole) {
          // the run may end in this line's vocabulary prefix
          const lead = line.match(/^\s*/)![0];
          for (const x of phrasesOfLine(line.slice(lead.length))) if (x.length > 4) set.add(esc(run + (j === i ? '' : lead) + x));
          break;
        }
        run += trimmedFirst;
        if (j > i) set.add(esc(run));
      }
    }
  }
  return set;
}

const OUTER = ['{"t":"', '","c":"202', '{"c":"202', 'Z","b":[{"k":"json","p":"{', 'Z","b":[{"k":"url","p":"https://', 'Z","b":[{"k":"jwt","p":"eyJ', 'Z","b":[{"k":"jws","p":"eyJ',
  '"},{"k":"json","p":"{', '"},{"k":"url","p":"https://', '"},{"k":"url","p":"http://', '"},{"k":"jwt","p":"eyJ', '"},{"k":"jws","p":"eyJ', '"}],"n":"', '","e":"', '"}]}', '"}],"x":1}',
  // JWS/JWT headers (base64url of {"alg":… and {"typ":"JWT","alg":…)
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJ', 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJ', 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJ', 'eyJhbGciOiJSUzI1NiIsImtpZCI6I', 'eyJhbGciOiJFZERTQSIsImtpZCI6I', 'eyJhbGciOiJFUzI1NiIsImtpZCI6I'];

// --- selection ----------------------------------------------------------------------------------
function cost(docs: Doc[], dict: Uint8Array | undefined): number {
  let s = 0;
  for (const d of docs) s += d.w * deflateSync(d.bytes, { level: 9, ...(dict && dict.length ? { dictionary: dict } : {}) }).length;
  return s;
}

const all = load();
const train = docsFor(all.filter((b) => !HOLDOUT || ORG(b.source) !== HOLDOUT));
const candCount = new Map<string, { w: number; orgs: Set<string> }>();
for (const d of train) for (const c of candidatesOf(d)) {
  if (!d.text.includes(c)) continue;
  const e = candCount.get(c) ?? { w: 0, orgs: new Set() };
  e.w += d.w; e.orgs.add(d.org); candCount.set(c, e);
}
for (const c of OUTER) candCount.set(c, { w: 1, orgs: new Set(['x', 'y']) });
// Frequency first: keep the phrases seen in at least two organisations' documents (or the share JSON's own), by weight × length.
const ranked = [...candCount].filter(([c, e]) => c.length >= 4 && (e.orgs.size >= 2)).map(([c, e]) => ({ c, score: e.w * (c.length - 3) }))
  .sort((a, b) => b.score - a.score).slice(0, Number(process.env.POOL ?? 700));
console.error(`training docs ${train.length}, candidates ${candCount.size}, pool ${ranked.length}`);

let chosen: string[] = [];
const dictOf = (list: string[]) => te.encode(list.join(''));
let base = cost(train, undefined);
const start = base;
const gains = new Map<string, number>();
for (const { c } of ranked) gains.set(c, base - cost(train, te.encode(c)));
let pq = [...gains].sort((a, b) => b[1] - a[1]);
while (pq.length > 0) {
  const [c] = pq.shift()!;
  const current = chosen.join('');
  if (current.includes(c) || current.length + c.length > Number(process.env.GREEDY ?? 3072)) continue;
  const g = base - cost(train, dictOf([c, ...chosen]));
  if (g <= Number(process.env.MINGAIN ?? 0.3)) continue;
  if (pq.length === 0 || g >= pq[0]![1]) {
    chosen = [c, ...chosen];
    base -= g;
    console.error(`+ ${g.toFixed(2)} (${(current.length + c.length)} B) ${c}`);
  } else {
    pq.push([c, g]);
    pq.sort((a, b) => b[1] - a[1]);
  }
}
console.error(`cost ${start.toFixed(1)} → ${base.toFixed(1)}; dict ${chosen.join('').length} B, ${chosen.length} phrases`);

// Base layer, at the far end: single quoted vocabulary not yet in the dictionary, by frequency; the
// least frequent first. Spec strings the corpus lacks but credentials in the wild carry come first of all.
const MUST = ['https://www.w3.org/2018/credentials/v1', 'https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  'https://w3id.org/security/data-integrity/v2', 'https://w3id.org/security/data-integrity/v1', 'https://w3id.org/security/suites/ed25519-2020/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://www.w3.org/ns/credentials/status/v1', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  'VerifiableCredential', 'OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential', 'Achievement', 'AchievementSubject', 'Profile', 'DataIntegrityProof', 'Ed25519Signature2020', 'eddsa-rdfc-2022', 'eddsa-jcs-2022', 'BitstringStatusListEntry', 'StatusList2021Entry', '1EdTechRevocationList', '1EdTechCredentialRefresh', '1EdTechJsonSchemaValidator2019', 'IdentityObject', 'Image', 'Criteria', 'Evidence', 'Result', 'ResultDescription', 'Alignment',
  'credentialSubject', 'issuanceDate', 'expirationDate', 'validFrom', 'validUntil', 'awardedDate', 'proofPurpose', 'assertionMethod', 'verificationMethod', 'proofValue', 'cryptosuite', 'created', 'criteria', 'narrative', 'achievementType', 'achievement', 'image', 'description', 'name', 'issuer', 'credentialStatus', 'credentialSchema', 'statusPurpose', 'statusListIndex', 'statusListCredential', 'revocation', 'identifier', 'identityHash', 'identityType', 'emailSha256', 'hashed', 'salt', 'evidence', 'endorsement', 'alignment', 'result', 'resultDescription', 'creator', 'inLanguage', 'url', 'email'];
const dictText = chosen.join('');
const baseFreq = new Map<string, number>();
for (const term of new Set([...vocab, ...MUST])) {
  const q = esc(JSON.stringify(term));
  if (dictText.includes(q)) continue;
  let f = 0;
  for (const d of train) if (d.text.includes(q)) f += d.w;
  if (f > 0 || MUST.includes(term)) baseFreq.set(q, f + (MUST.includes(term) ? 0.001 : 0));
}
const isMust = (q: string) => MUST.some((t) => esc(JSON.stringify(t)) === q);
// Chosen: the spec's must-haves first, then by corpus frequency; placed: the most frequent last.
const base1 = [...baseFreq].sort((a, b) => Number(isMust(b[0])) - Number(isMust(a[0])) || b[1] - a[1]);
const picked: [string, number][] = [];
let size = dictText.length;
for (const e of base1) if (size + e[0].length <= BUDGET) { picked.push(e); size += e[0].length; }
const layer = picked.sort((a, b) => a[1] - b[1]).map((e) => e[0]);
const cBefore = cost(train, dictOf(chosen));
const cAfter = cost(train, dictOf([...layer, ...chosen]));
console.error(`base layer ${layer.length} terms, ${layer.join('').length} B; training cost ${cBefore.toFixed(1)} → ${cAfter.toFixed(1)}`);
console.log(JSON.stringify([...layer, ...chosen], null, 1));
