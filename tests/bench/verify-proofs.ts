/**
 * Proof verification speed: verifications per second for each proof format, and Besace against
 * @digitalcredentials/verifier-core on the same corpus credentials, in the same process.
 * Figures are printed, never asserted. Nothing reaches the internet: Besace gets an in-memory Net,
 * and the global fetch (used by verifier-core for JSON schemas, issuer registries and unknown
 * contexts) is replaced by one that refuses and counts the attempts.
 *
 *   npx tsx tests/bench/verify-proofs.ts      (or via tests/bench/run.ts)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNet, type DocumentEntry } from '../../src/core/net';
import type { Net } from '../../src/core/net/types';
import type { Check, VerifyContext } from '../../src/core/verify/types';
import { verifyDataIntegrity } from '../../src/core/verify/ob3/dataIntegrity';
import { verifyVcJwt } from '../../src/core/verify/ob3/vcJwt';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const CORPUS = join(FIXTURES, 'corpus');
const OURS = join(FIXTURES, 'ours/ob3');

type Json = Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

/** An in-memory Net: our fixture issuer's documents; every other URL is "not in the document map". */
function benchNet(): Net {
  const docs = new Map<string, DocumentEntry>();
  const rows = readFileSync(join(OURS, 'documents.tsv'), 'utf8').split('\n').slice(1);
  for (const row of rows) {
    const [url, file] = row.split('\t');
    if (url && file) docs.set(url, { body: new Uint8Array(readFileSync(join(OURS, file))), contentType: 'application/json' });
  }
  const refuse = async () => {
    throw new TypeError('no network in the bench');
  };
  return createNet({ fetch: refuse, documents: docs, documentsOnly: true });
}

function ctx(net: Net): VerifyContext {
  return { net, now: () => new Date('2025-06-01T00:00:00Z'), identities: { emails: [], urls: [] } };
}

/** Runs `fn` repeatedly for about `ms` after a warm-up; returns runs per second. */
async function perSecond(fn: () => Promise<unknown>, ms = 1500): Promise<number> {
  const warm = performance.now();
  while (performance.now() - warm < 300) await fn();
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await fn();
    runs++;
    now = performance.now();
  }
  return runs / ((now - start) / 1000);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const sig = (checks: Check[]) => {
  const s = checks.find((c) => c.id === 'signature');
  const k = checks.find((c) => c.id === 'issuerKey');
  return `${s ? `${s.status}:${s.code}` : '-'} / ${k ? `${k.status}:${k.code}` : '-'}`;
};

async function benchFormats(net: Net): Promise<void> {
  const c = ctx(net);
  const di: [string, Json][] = [
    ['DI eddsa-rdfc-2022 (W3C vector)', readJson(join(CORPUS, 'w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json'))],
    ['DI eddsa-rdfc-2022 (OB 3.0 simple.json)', readJson(join(CORPUS, '1edtech-dcpv/ob30/simple.json'))],
    ['Ed25519Signature2020 (W3C vector)', readJson(join(CORPUS, 'w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json'))],
    ['DI eddsa-jcs-2022 (W3C vector)', readJson(join(CORPUS, 'w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022/signedJCS.json'))],
    ['DI ecdsa-rdfc-2019 P-256 (ours)', readJson(join(OURS, 'di-ecdsa-rdfc-2019-p256.json'))],
  ];
  const jwt: [string, string][] = [
    ['VC-JWT RS256 (kid → JWK URL)', readFileSync(join(OURS, 'jwt-rs256-v2.jwt'), 'utf8').trim()],
    ['VC-JWT ES256 (kid → JWKS)', readFileSync(join(OURS, 'jwt-es256-v2.jwt'), 'utf8').trim()],
    ['VC-JWT EdDSA (bare kid in JWKS)', readFileSync(join(OURS, 'jwt-eddsa-v2.jwt'), 'utf8').trim()],
    ['VC-JWT EdDSA (did:key)', readFileSync(join(OURS, 'jwt-eddsa-didkey.jwt'), 'utf8').trim()],
  ];
  console.log('| format | verifications/s | signature / issuerKey |');
  console.log('|---|---:|---|');
  for (const [name, doc] of di) {
    const checks = await verifyDataIntegrity(doc, c);
    console.log(`| ${name} | ${fmt(await perSecond(() => verifyDataIntegrity(doc, c)))} | ${sig(checks)} |`);
  }
  for (const [name, token] of jwt) {
    const { checks } = await verifyVcJwt(token, c);
    console.log(`| ${name} | ${fmt(await perSecond(() => verifyVcJwt(token, c)))} | ${sig(checks)} |`);
  }
  console.log('\n(Each verification includes key resolution and key provenance against the in-memory Net;');
  console.log('"unchecked:NOT_IN_DOCUMENT_MAP" = the issuer document is not in the offline map.)');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** OB 3.0 Data Integrity credentials of the corpus that need no network: did:key or key-in-fragment, no status. */
function offlineCorpusCredentials(): [string, Json][] {
  const files = [
    ...walk(join(CORPUS, '1edtech-dcpv/ob30')),
    ...walk(join(CORPUS, 'dcc-vc-test-fixtures/verifiableCredentials')),
    ...walk(join(CORPUS, 'dcc-verifier-core')),
    join(CORPUS, '1edtech-ob-spec/ob3-ldp-testvector-signed.json'),
  ].filter((f) => f.endsWith('.json'));
  const out: [string, Json][] = [];
  for (const f of files) {
    let doc: Json;
    try {
      doc = readJson(f);
    } catch {
      continue;
    }
    if (!doc['proof'] || doc['credentialStatus']) continue;
    const types = ([] as unknown[]).concat(doc['type']);
    const contexts = JSON.stringify(doc['@context']);
    const isOb3 = types.some((t) => ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential'].includes(String(t))) || contexts.includes('/ob/v3p0/');
    if (!isOb3) continue;
    const proofs = ([] as unknown[]).concat(doc['proof']) as Json[];
    const offline = proofs.every((p) => {
      const vm = String(p['verificationMethod'] ?? '');
      return vm.startsWith('did:key:') || /^https:\/\/[^#]+#z(6Mk|Dn)/.test(vm);
    });
    if (!offline) continue;
    out.push([relative(CORPUS, f), doc]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

interface DccResult {
  log?: { id: string; valid?: boolean; error?: { name?: string } }[];
  errors?: { name?: string; message?: string }[];
}

/** verifier-core's answer to "is the signature good?", as a class and its own words. */
function dccVerdict(r: DccResult, fetchedVm: boolean): [Verdict, string] {
  if (r.errors?.length) {
    const name = r.errors[0]!.name ?? '?';
    if (fetchedVm) return ['could not check', `${name} (its fetch of the verification method was refused)`];
    return [name === 'invalid_signature' || name === 'jsonld.ValidationError' ? 'invalid' : 'could not check', name];
  }
  const s = r.log?.find((e) => e.id === 'valid_signature');
  if (!s) return ['not reported', 'no signature step (it stops at validFrom in the future)'];
  return s.valid ? ['valid', 'valid_signature'] : ['invalid', 'valid_signature: false'];
}

type Verdict = 'valid' | 'invalid' | 'could not check' | 'not reported';

/** Our answer to the same question. */
function ourVerdict(checks: Check[]): [Verdict, string] {
  const s = checks.find((c) => c.id === 'signature');
  const ctxFail = checks.find((c) => c.id === 'context' && c.status === 'fail');
  if (ctxFail) return ['invalid', `${ctxFail.code}${ctxFail.params?.['term'] ? ` (${ctxFail.params['term']})` : ''}`];
  if (!s) return ['could not check', '-'];
  const v: Verdict = s.status === 'pass' ? 'valid' : s.status === 'fail' ? 'invalid' : 'could not check';
  return [v, s.code];
}

async function benchAgainstDcc(net: Net): Promise<void> {
  const creds = offlineCorpusCredentials();
  const c = ctx(net);

  // verifier-core must not reach the internet: refuse every global fetch, and count them.
  const realFetch = globalThis.fetch;
  const attempted: string[] = [];
  globalThis.fetch = (async (input: unknown) => {
    attempted.push(typeof input === 'string' ? input : String((input as { url?: string }).url ?? input));
    throw new TypeError('no network in the bench');
  }) as typeof fetch;
  const quiet = { log: console.log, error: console.error, warn: console.warn };
  try {
    const { verifyCredential } = (await import('@digitalcredentials/verifier-core')) as unknown as {
      verifyCredential: (o: { credential: Json; knownDIDRegistries: unknown[] }) => Promise<DccResult>;
    };
    const dcc = async (doc: Json) => {
      // verifier-core logs schema fetch failures to the console on every call: mute them.
      console.log = console.error = console.warn = () => undefined;
      try {
        return await verifyCredential({ credential: structuredClone(doc), knownDIDRegistries: [] });
      } finally {
        Object.assign(console, quiet);
      }
    };

    console.log(`\n${creds.length} corpus OB 3.0 Data Integrity credentials that need no network (did:key or key-in-fragment, no credentialStatus).\n`);
    console.log('| credential | Besace | verifier-core | same verdict? |');
    console.log('|---|---|---|---|');
    let same = 0;
    const tally = new Map<string, number>();
    for (const [name, doc] of creds) {
      const [ours, ourWhy] = ourVerdict(await verifyDataIntegrity(doc, c));
      const before = attempted.length;
      const result = await dcc(doc);
      const vms = ([] as unknown[]).concat(doc['proof']).map((p) => String((p as Json)['verificationMethod']));
      const fetchedVm = attempted.slice(before).some((u) => vms.includes(u));
      const [theirs, theirWhy] = dccVerdict(result, fetchedVm);
      const agree = ours === theirs;
      if (agree) same++;
      const key = `${ours} / ${theirs}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
      console.log(`| ${name} | ${ours} (${ourWhy}) | ${theirs} (${theirWhy}) | ${agree ? 'yes' : '**no**'} |`);
    }
    console.log(`\nSame verdict on ${same}/${creds.length}. Besace / verifier-core:`);
    for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`- ${k}: ${n}`);

    const runAll = (set: [string, Json][], verify: (d: Json) => Promise<unknown>) => async () => {
      for (const [, doc] of set) await verify(doc);
    };
    // Throughput where both verifiers can work offline: did:key methods only (verifier-core fetches
    // https verification methods, so key-in-fragment credentials cost it refused requests and retries).
    const didKeyOnly = creds.filter(([, doc]) =>
      ([] as unknown[]).concat(doc['proof']).every((p) => String((p as Json)['verificationMethod']).startsWith('did:key:')),
    );
    console.log('\n| set | Besace verifyDataIntegrity /s | verifier-core verifyCredential /s | ratio |');
    console.log('|---|---:|---:|---:|');
    const oursPerSec = (await perSecond(runAll(didKeyOnly, (d) => verifyDataIntegrity(d, c)), 3000)) * didKeyOnly.length;
    attempted.length = 0;
    const dccPerSec = (await perSecond(runAll(didKeyOnly, dcc), 3000)) * didKeyOnly.length;
    console.log(`| did:key credentials (${didKeyOnly.length}) | ${fmt(oursPerSec)} | ${fmt(dccPerSec)} | ${(oursPerSec / dccPerSec).toFixed(2)}× |`);
    // The same libraries verifier-core uses, called for the signature alone (no schema, registry, status):
    // the fairest like-for-like figure.
    const sigOnly = await dccSignatureOnly();
    const sigPerSec = (await perSecond(runAll(didKeyOnly, sigOnly), 3000)) * didKeyOnly.length;
    console.log(`| did:key, verifier-core's libraries for the signature only² | ${fmt(oursPerSec)} | ${fmt(sigPerSec)} | ${(oursPerSec / sigPerSec).toFixed(2)}× |`);
    const allPerSec = (await perSecond(runAll(creds, (d) => verifyDataIntegrity(d, c)), 3000)) * creds.length;
    console.log(`| all ${creds.length} (incl. key-in-fragment) | ${fmt(allPerSec)} | not compared¹ | |`);
    console.log('\n² @digitalcredentials/vc verifyCredential with verifier-core\'s suites (Ed25519Signature2020, eddsa-rdfc-2022)');
    console.log('  and document loader, no status checker: signature and dates only.');
    console.log('¹ verifier-core dereferences https verification methods over the network (its requests are refused');
    console.log('  here and retried with back-off), so a speed figure for those credentials would mean nothing.');
    console.log('\nBesace: signature + key provenance (did:key needs no request). verifier-core: signature, expiry,');
    console.log('status (none here), issuer registries (none given), JSON-schema check (its fetch refused).');
    console.log('Where the verdicts differ: verifier-core cannot check https (key-in-fragment) methods offline; it does');
    console.log('not accept a bare did:key method without fragment ("publicKeyMultibase property is required"), nor the');
    console.log('eddsa-2022 / ecdsa-sd-2023 cryptosuites ("insufficient proofs matched"); it stops before the signature');
    console.log('when validFrom is in the future. Besace reports JSON-LD safe-mode errors and a malformed key first.');
    const distinct = [...new Set(attempted)];
    console.log(`\nverifier-core attempted ${attempted.length} fetches during the last timed run (all refused), to ${distinct.length} URL(s):`);
    for (const u of distinct.slice(0, 8)) console.log(`- ${u}`);
    console.log('(JSON schema look-ups for OB 3.0 credentials, and the issuer documents of key-in-fragment methods.)');
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** verifier-core's own building blocks, as it wires them in its Verify.js, for the signature alone. */
async function dccSignatureOnly(): Promise<(doc: Json) => Promise<unknown>> {
  const load = (spec: string) => import(/* @vite-ignore */ spec) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const vc = await load('@digitalcredentials/vc');
  const { Ed25519Signature2020 } = await load('@digitalcredentials/ed25519-signature-2020');
  const { DataIntegrityProof } = await load('@digitalcredentials/data-integrity');
  const { cryptosuite } = await load('@digitalcredentials/eddsa-rdfc-2022-cryptosuite');
  const { securityLoader } = await load('@digitalcredentials/security-document-loader');
  const documentLoader = securityLoader({ fetchRemoteContexts: true }).build();
  const suite = [new Ed25519Signature2020(), new DataIntegrityProof({ cryptosuite })];
  return async (doc) => {
    // (expired / not-yet-valid ones come back unverified: the dates, not the signature)
    return vc['verifyCredential']({ credential: structuredClone(doc), suite, documentLoader, verifyMatchingIssuers: false });
  };
}

export async function benchProofs(): Promise<void> {
  const net = benchNet();
  await benchFormats(net);
  await benchAgainstDcc(net);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchProofs();
}
