/**
 * The three fuzz targets — extraction, verification, share-link decoding — each an arbitrary of
 * inputs (mutated corpus files and generated structures) and the rules every input must keep:
 *
 * - `extract(bytes)` returns ok, or an error whose code is listed (EXTRACT_ERROR_CODES) and is not
 *   INTERNAL (an exception caught at the boundary: a bug);
 * - `verify(input, ctx)` resolves to a report whose verdict is a verdict and whose every check has a
 *   listed id, status and code, none INTERNAL_ERROR;
 * - `decodeShare(link)` returns ok or a listed code, and a decoded share encodes and decodes back to
 *   itself, to the same link;
 * - none throws, and each input finishes within its time bound with the heap within its bound.
 *
 * `npm run fuzz` (./run.ts) runs them in a worker with a watchdog; tests/fuzz.test.ts runs them in
 * `npm test`.
 */
import { getHeapStatistics } from 'node:v8';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { extract, EXTRACT_ERROR_CODES, EXTRACT_WARNING_CODES } from '../../src/core/baking';
import { createNet, type DocumentEntry } from '../../src/core/net/net';
import { decodeShare, encodeShare, MAX_FRAGMENT_CHARS, SHARE_ERROR_CODES } from '../../src/core/share';
import { verify, type VerifyInput } from '../../src/core/verify';
import { CHECK_CODES, CHECK_ORDER, type CheckStatus, type Identities, type Verdict } from '../../src/core/verify/types';
import { caseOf, describeCase, type Case } from './case';
import { BOUND_MS, type FindingKind, type TargetName } from './protocol';
import { generatedCompacts, generatedCredentials, generatedJsonFiles, generatedLinks, generatedPngs, generatedSvgs } from './generate';
import { applyJsonEdits, jsonEdits, mutatedCompact, mutatedFiles, mutatedJson, mutatedLinks, prefixedNoise } from './mutate';
import { bakingSeeds, compactPayloads, documentMap, documentUrls, jsonPayloads, payloadSeeds, payloadTexts, SHARE_BASE, shareLinks } from './seeds';

export { TARGET_NAMES, type FindingKind, type TargetName } from './protocol';

/** The heap may grow this much over a target's run before it is a finding. */
export const HEAP_BOUND_MB = 512;

export interface Target<T = unknown> {
  readonly name: TargetName;
  /** Longest time one input may take, in ms. */
  readonly boundMs: number;
  readonly arbitrary: fc.Arbitrary<Case<T>>;
  /** Runs one input; throws a Finding when the input breaks a rule. */
  readonly check: (input: T) => void | Promise<void>;
}

/** A rule broken. Anything else thrown out of a target is a crash of the code under test. */
export class Finding extends Error {
  constructor(
    readonly kind: FindingKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${message}`, options);
    this.name = 'Finding';
  }
}

const listed = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);

// ---------------------------------------------------------------------------------------------
// Extraction

/** Generated files only (PNG chunk lists, SVG trees, JSON): what tests/core/baking/fuzz.test.ts does not cover. */
export const generatedFiles = (): fc.Arbitrary<Case<Uint8Array>> => {
  const texts = payloadTexts.map((p) => p.text).filter((t) => t.length < 20_000);
  return fc.oneof(generatedPngs(texts), generatedSvgs(texts), generatedJsonFiles());
};

export function checkExtract(bytes: Uint8Array): void {
  const result = extract(bytes);
  if (result.ok) {
    if (result.value.payload.length === 0) throw new Finding('untyped', 'extract returned an empty payload');
    for (const w of result.value.warnings) if (!listed(EXTRACT_WARNING_CODES, w.code)) throw new Finding('untyped', `unlisted warning ${JSON.stringify(w.code)}`);
    return;
  }
  if (!listed(EXTRACT_ERROR_CODES, result.error.code)) throw new Finding('untyped', `unlisted error code ${JSON.stringify(result.error.code)}`);
  if (result.error.code === 'INTERNAL') throw new Finding('untyped', 'extract caught an exception (INTERNAL)');
}

export const extractTarget = (): Target<Uint8Array> => ({
  name: 'extract',
  boundMs: BOUND_MS.extract,
  arbitrary: fc.oneof({ weight: 3, arbitrary: mutatedFiles(bakingSeeds) }, { weight: 1, arbitrary: prefixedNoise() }, { weight: 2, arbitrary: generatedFiles() }),
  check: checkExtract,
});

// ---------------------------------------------------------------------------------------------
// Verification

/** The corpus' clock (see tests/core/verify/agreement.test.ts). */
export const FUZZ_NOW = new Date('2026-01-01T00:00:00Z');

const VERDICTS: Readonly<Record<Verdict, true>> = { valid: true, warning: true, invalid: true, unverified: true };
const STATUSES: Readonly<Record<CheckStatus, true>> = { pass: true, fail: true, warn: true, unchecked: true };

export interface VerifyCase {
  readonly input: VerifyInput;
  readonly identities: Identities;
  /** A document the network answers differently: a hostile or broken issuer, key, DID document or status list. */
  readonly served?: { readonly url: string; readonly body: string };
}

const identities = fc.constantFrom<Identities>(
  { emails: [], urls: [] },
  { emails: ['alex@example.org'], urls: ['https://example.org/alex'] },
  { emails: ['nobody@example.com', ''], urls: ['not a url'], others: ['did:example:ebfeb1f712ebc6f1c276e12ec21', 'tel:+33123456789'] },
);

/** The text of a payload, and of its JWS segments decoded: where the URLs it fetches appear. */
const searchableText = (text: string): string =>
  /^[\w-]+\.[\w-]+\.[\w-]*$/.test(text) ? text.split('.').map((part) => Buffer.from(part, 'base64url').toString('utf8')).join('\n') : text;

/**
 * A real badge with one of the documents it fetches (issuer profile, key, DID document, status
 * list, hosted assertion) mutated on the network's side.
 */
export function hostileDocuments(documents: ReadonlyMap<string, DocumentEntry>): fc.Arbitrary<Case<VerifyCase>> {
  const json = new Map<string, unknown>();
  for (const [url, entry] of documents) {
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(entry.body));
      // JSON-LD contexts are bundled with the app, never fetched: mutating them would change nothing.
      const isContext = typeof value === 'object' && value !== null && Object.keys(value).join() === '@context';
      if (!isContext) json.set(url, value);
    } catch {
      // not JSON (images, JWT status lists, HTML): left as they are
    }
  }
  const pairs = payloadTexts.flatMap(({ path, text }) => {
    const haystack = searchableText(text);
    const urls = [...json.keys()].filter((url) => haystack.includes(url.split('#')[0]!));
    return urls.length > 0 ? [{ path, text, urls }] : [];
  });
  return fc
    .tuple(fc.constantFrom(...pairs), fc.nat(), jsonEdits(documentUrls), identities)
    .map(([{ path, text, urls }, which, edits, ids]) => {
      const url = urls[which % urls.length]!;
      const served = applyJsonEdits(json.get(url), edits);
      return caseOf(`${path} with ${url} answering [${served.how}]`, { input: { kind: 'text', text } as VerifyInput, identities: ids, served: { url, body: served.text } });
    });
}

/** Badge payloads: mutated corpus JSON and JWS/JWT, mutated badge files, generated credentials, URLs. */
export function verifyInputs(): fc.Arbitrary<Case<VerifyInput>> {
  const docs = jsonPayloads.map((p) => p.value);
  const headers = compactPayloads.flatMap(({ text }) => {
    try {
      return [JSON.parse(Buffer.from(text.split('.')[0] ?? '', 'base64url').toString('utf8')) as unknown];
    } catch {
      return [];
    }
  });
  const asText = (c: Case<string>) => caseOf(c.how, { kind: 'text', text: c.input } as VerifyInput);
  const asBytes = (c: Case<Uint8Array>) => caseOf(c.how, { kind: 'bytes', bytes: c.input } as VerifyInput);
  const url = fc.oneof(
    fc.constantFrom(...documentUrls).map((u) => caseOf(`the URL ${u}`, u)),
    fc.tuple(fc.constantFrom(...documentUrls), fc.nat(), fc.constantFrom('/', '#', '?', '%', 'x', '..', '@', ' ')).map(([u, at, c]) => {
      const i = at % (u.length + 1);
      return caseOf(`the URL ${u} with ${JSON.stringify(c)} at ${i}`, u.slice(0, i) + c + u.slice(i + 1));
    }),
  );
  return fc.oneof(
    { weight: 5, arbitrary: mutatedJson(jsonPayloads, documentUrls).map(asText) },
    { weight: 2, arbitrary: mutatedCompact(compactPayloads, documentUrls).map(asText) },
    { weight: 2, arbitrary: mutatedFiles(payloadSeeds).map(asBytes) },
    { weight: 3, arbitrary: generatedCredentials(docs, documentUrls).map(asText) },
    { weight: 1, arbitrary: generatedCompacts(docs, headers, documentUrls).map(asText) },
    { weight: 1, arbitrary: fc.constantFrom(...payloadSeeds).map(({ path, bytes }) => caseOf(`${path} as it is`, { kind: 'bytes', bytes } as VerifyInput)) },
    { weight: 1, arbitrary: url.map(asText) },
  );
}

export async function verifyTarget(): Promise<Target<VerifyCase>> {
  const documents = await documentMap();
  const netOf = (docs: ReadonlyMap<string, DocumentEntry>) =>
    createNet({ documents: docs, documentsOnly: true, cacheTtlMs: 0, fetch: () => Promise.reject(new Error('the fuzzer never reaches the network')) });
  const net = netOf(documents);
  return {
    name: 'verify',
    boundMs: BOUND_MS.verify,
    arbitrary: fc.oneof(
      { weight: 5, arbitrary: fc.tuple(verifyInputs(), identities).map(([c, ids]) => caseOf(c.how, { input: c.input, identities: ids })) },
      { weight: 1, arbitrary: hostileDocuments(documents) },
    ),
    async check({ input, identities: ids, served }) {
      const answering = served
        ? netOf(new Map(documents).set(served.url, { body: new TextEncoder().encode(served.body), contentType: documents.get(served.url)?.contentType ?? 'application/json' }))
        : net;
      const report = await verify(input, { net: answering, now: () => FUZZ_NOW, identities: ids });
      if (!Object.hasOwn(VERDICTS, report.verdict)) throw new Finding('untyped', `verdict ${JSON.stringify(report.verdict)}`);
      for (const c of report.checks) {
        const shown = `${c.id}:${c.status}:${c.code}${c.params ? ` ${JSON.stringify(c.params)}` : ''}`;
        if (!listed(CHECK_CODES, c.code) || !listed(CHECK_ORDER, c.id) || !Object.hasOwn(STATUSES, c.status)) throw new Finding('untyped', `unlisted check ${shown}`);
        if (c.code === 'INTERNAL_ERROR') throw new Finding('untyped', `an exception caught as a check: ${shown}`);
        for (const v of Object.values(c.params ?? {})) if (!['string', 'number', 'boolean'].includes(typeof v)) throw new Finding('untyped', `a check parameter that is not a string, number or boolean: ${shown}`);
      }
      const e = report.extractError;
      if (e && (!listed(EXTRACT_ERROR_CODES, e.code) || e.code === 'INTERNAL')) throw new Finding('untyped', `extraction error ${JSON.stringify(e.code)}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Share links

export function checkShare(link: string): void {
  const decoded = decodeShare(link);
  if (!decoded.ok) {
    if (!listed(SHARE_ERROR_CODES, decoded.error.code)) throw new Finding('untyped', `unlisted share error ${JSON.stringify(decoded.error.code)}`);
    return;
  }
  const again = encodeShare(decoded.value, SHARE_BASE);
  const back = decodeShare(again);
  if (again.length - again.indexOf('#') - 1 > MAX_FRAGMENT_CHARS) {
    // A v1 link near the limit may grow past it in v2's alphabet: then it says so.
    if (back.ok || back.error.code !== 'TOO_LARGE') throw new Finding('unstable', 'a re-encoded link over the limit is not TOO_LARGE');
    return;
  }
  if (!back.ok) throw new Finding('unstable', `the share decoded from the link does not decode once re-encoded: ${back.error.code}`);
  if (!isDeepStrictEqual(back.value, decoded.value)) throw new Finding('unstable', `re-encoding changes the share: ${fc.stringify(decoded.value).slice(0, 300)} → ${fc.stringify(back.value).slice(0, 300)}`);
  if (encodeShare(back.value, SHARE_BASE) !== again) throw new Finding('unstable', 're-encoding the same share gives another link');
}

export const shareTarget = (): Target<string> => {
  const payloads = payloadTexts.map((p) => p.text).filter((t) => t.length < 4000);
  return {
    name: 'share',
    boundMs: BOUND_MS.share,
    arbitrary: fc.oneof({ weight: 3, arbitrary: mutatedLinks(shareLinks) }, { weight: 2, arbitrary: generatedLinks(payloads) }),
    check: checkShare,
  };
};

export async function loadTarget(name: TargetName): Promise<Target> {
  switch (name) {
    case 'extract':
      return extractTarget() as Target;
    case 'verify':
      return (await verifyTarget()) as Target;
    case 'share':
      return shareTarget() as Target;
  }
}

// ---------------------------------------------------------------------------------------------
// The property

export const heapUsed = (): number => getHeapStatistics().used_heap_size;

/** Told before and after each input: how the runner watches for hangs and measures. */
export interface Probe {
  /** `description`: how the input was made and a look at it (describeCase). */
  start(description: string): void;
  end(ms: number, heapBytes: number): void;
}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** The target's rules as a fast-check property, with its time and heap bounds. */
export function propertyOf<T>(target: Target<T>, probe?: Probe): fc.IAsyncPropertyWithHooks<[Case<T>]> {
  const baseline = heapUsed();
  return fc.asyncProperty(target.arbitrary, async (c) => {
    if (probe) probe.start(describeCase(c));
    const started = performance.now();
    let ms = 0;
    let heap = 0;
    try {
      await target.check(c.input);
    } catch (e) {
      if (e instanceof Finding) throw e;
      throw new Finding('crash', `${target.name} threw ${describeError(e)}`, { cause: e });
    } finally {
      ms = performance.now() - started;
      heap = heapUsed();
      probe?.end(ms, heap);
    }
    if (ms > target.boundMs) throw new Finding('time', `${target.name} took ${Math.round(ms)} ms, over its ${target.boundMs} ms bound`);
    if (heap - baseline > HEAP_BOUND_MB * 1024 * 1024) {
      throw new Finding('memory', `the heap grew by ${Math.round((heap - baseline) / 2 ** 20)} MB, over the ${HEAP_BOUND_MB} MB bound`);
    }
  });
}
