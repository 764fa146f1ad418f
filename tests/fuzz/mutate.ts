/**
 * Mutations of real inputs, as fast-check arbitraries of `Case`s: bytes of files (bit flips,
 * insertions, deletions, truncation, PNG chunk lengths that lie, two files spliced, SVG markup
 * garbled), JSON documents (keys removed, duplicated or retyped, deep nesting, huge strings, proofs
 * altered), compact JWS/JWT (segments flipped, swapped, re-encoded) and share links (characters
 * flipped, cut, inserted, versions swapped, bodies in the other alphabet).
 */
import { base32nopad, base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { caseOf, type Case, type Seed } from './case';

const seedOf = (seeds: readonly Seed[]) => fc.constantFrom(...seeds);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Bytes of files

export const bitFlips = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.tuple(seedOf(seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 12 })).map(([{ path, bytes }, at]) => {
    const copy = bytes.slice();
    const where: string[] = [];
    for (const [pos, bit] of at) {
      const i = pos % copy.length;
      copy[i] = (copy[i] ?? 0) ^ (1 << bit);
      where.push(`${i}:${bit}`);
    }
    return caseOf(`bit flips [${where.join(' ')}] of ${path}`, copy);
  });

export const truncations = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.tuple(seedOf(seeds), fc.nat()).map(([{ path, bytes }, n]) => {
    const length = n % (bytes.length + 1);
    return caseOf(`the first ${length} of ${bytes.length} bytes of ${path}`, bytes.subarray(0, length));
  });

/** A PNG chunk whose length field lies: off by a little, or any 32-bit value. */
export const pngLengthLies = (pngSeeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc
    .tuple(seedOf(pngSeeds), fc.nat(), fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -16, max: 16 })))
    .map(([{ path, bytes }, which, value]) => {
      const copy = bytes.slice();
      const view = new DataView(copy.buffer);
      const starts: number[] = [];
      for (let pos = 8; pos + 8 <= copy.length; pos += 12 + view.getUint32(pos)) starts.push(pos);
      const at = starts[which % starts.length] ?? 8;
      const length = view.getUint32(at);
      const lie = value < 0 || value <= 16 ? (length + value) >>> 0 : value;
      view.setUint32(at, lie);
      return caseOf(`chunk length at ${at} says ${lie} instead of ${length} in ${path}`, copy);
    });

/** Random bytes inserted, or written over the file's own. */
export const junkSpliced = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.tuple(seedOf(seeds), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean()).map(([{ path, bytes }, pos, junk, overwrite]) => {
    const at = pos % (bytes.length + 1);
    const tail = bytes.subarray(overwrite ? Math.min(bytes.length, at + junk.length) : at);
    return caseOf(`${junk.length} random bytes ${overwrite ? 'written over' : 'inserted into'} ${path} at ${at}`, concat(bytes.subarray(0, at), junk, tail));
  });

export const deletions = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.tuple(seedOf(seeds), fc.nat(), fc.integer({ min: 1, max: 4096 })).map(([{ path, bytes }, pos, n]) => {
    const at = pos % (bytes.length + 1);
    return caseOf(`${n} bytes deleted from ${path} at ${at}`, concat(bytes.subarray(0, at), bytes.subarray(at + n)));
  });

/** The start of one file and the end of another (or the same one). */
export const splicedPairs = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.tuple(seedOf(seeds), seedOf(seeds), fc.nat(), fc.nat()).map(([a, b, i, j]) => {
    const cut = i % (a.bytes.length + 1);
    const from = j % (b.bytes.length + 1);
    return caseOf(`${a.path} [0, ${cut}) then ${b.path} [${from}, end)`, concat(a.bytes.subarray(0, cut), b.bytes.subarray(from)));
  });

/** Markup that trips XML scanners: CDATA inside CDATA, comments, entities, badge elements, odd characters. */
export const SVG_TOKENS = [
  '<![CDATA[', ']]>', '<![CDATA[<![CDATA[]]>]]>', '<!--', '-->', '<?', '?>', '<!DOCTYPE svg [<!ENTITY a "b">]>',
  '<openbadges:assertion>', '</openbadges:assertion>', '<openbadges:assertion verify="https://example.org/x"/>',
  '<openbadges:credential>', '</openbadges:credential>', '<ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0">',
  'xmlns:openbadges="http://openbadges.org"', '&xxe;', '&#0;', '&#x10FFFF;', '&amp;', '&', '<', '>', '"', "'", '=',
  '{"@context":"https://w3id.org/openbadges/v2"}', '\r\n', '\u0000', '\uFEFF', '😀',
] as const;

/** SVG text with tokens inserted and ranges deleted. */
export const svgEdits = (svgSeeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> => {
  const edit = fc.tuple(fc.nat(), fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SVG_TOKENS) }, fc.integer({ min: 1, max: 200 })));
  return fc.tuple(seedOf(svgSeeds), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([{ path, bytes }, edits]) => {
    let text = new TextDecoder().decode(bytes);
    const done: string[] = [];
    for (const [pos, what] of edits) {
      const i = pos % (text.length + 1);
      if (typeof what === 'string') {
        text = text.slice(0, i) + what + text.slice(i);
        done.push(`+${JSON.stringify(what)}@${i}`);
      } else {
        text = text.slice(0, i) + text.slice(i + what);
        done.push(`-${what}@${i}`);
      }
    }
    return caseOf(`SVG edits [${done.join(' ')}] of ${path}`, new TextEncoder().encode(text));
  });
};

/** Random bytes, bare or behind the start of a PNG, an SVG, JSON, a URL or a JWS. */
export const prefixedNoise = (): fc.Arbitrary<Case<Uint8Array>> => {
  const prefixes = fc.constantFrom(
    '', '\x89PNG\r\n\x1a\n', '\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR', '<svg>', '<svg xmlns:openbadges="http://openbadges.org">', '{', 'https://', 'eyJhbGciOiJub25lIn0.',
  );
  return fc.tuple(prefixes, fc.uint8Array({ maxLength: 512 })).map(([prefix, rest]) =>
    caseOf(`${JSON.stringify(prefix)} + ${rest.length} random bytes`, concat(new Uint8Array(Buffer.from(prefix, 'latin1')), rest)),
  );
};

/** Any of the mutations of files above. */
export const mutatedFiles = (seeds: readonly Seed[]): fc.Arbitrary<Case<Uint8Array>> => {
  const png = seeds.filter((s) => s.bytes[0] === 0x89 && s.bytes[1] === 0x50);
  const svg = seeds.filter((s) => /<svg/i.test(Buffer.from(s.bytes.subarray(0, 4096)).toString('latin1')));
  return fc.oneof(
    bitFlips(seeds),
    truncations(seeds),
    junkSpliced(seeds),
    deletions(seeds),
    splicedPairs(seeds),
    ...(png.length > 0 ? [pngLengthLies(png)] : []),
    ...(svg.length > 0 ? [svgEdits(svg)] : []),
  );
};

// ---------------------------------------------------------------------------------------------
// JSON documents

/** Values of the wrong type, or the right type with the wrong content: what a forger or a broken issuer writes. */
export const oddValues = (urls: readonly string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      '', ' ', 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}, [[]], [{}], [null],
      'https://example.org/x', 'http://localhost:1/', 'https://', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'urn:uuid:00000000-0000-0000-0000-000000000000',
      'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi', 'did:key:', 'did:web:example.org', 'did:web:', 'did:example:123#key-1',
      '2026-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-01', 'not a date', '1e10',
      'Assertion', 'OpenBadgeCredential', 'VerifiableCredential', 'BitstringStatusListEntry', 'DataIntegrityProof', 'eddsa-rdfc-2022', 'hosted', 'signed', 'email',
      '@context', '@id', '@type', '@vocab', '__proto__', 'constructor', '\u0000', '\uD800', '\uFFFE', '😀', 'z', 'u', 'z1111111111111111111111111111111111111111111111111111111111111111',
    ),
    ...(urls.length > 0 ? [fc.constantFrom(...urls)] : []),
  );

/** What one edit does at the node it lands on. */
export type JsonOp =
  | { readonly kind: 'remove' }
  | { readonly kind: 'replace'; readonly value: unknown }
  | { readonly kind: 'wrap' }
  | { readonly kind: 'unwrap' }
  | { readonly kind: 'duplicate'; readonly value: unknown }
  | { readonly kind: 'add'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'nest'; readonly depth: number; readonly shape: 'array' | 'object' }
  | { readonly kind: 'huge'; readonly length: number; readonly unit: string }
  | { readonly kind: 'chars'; readonly at: number; readonly text: string; readonly cut: number };

export interface JsonEdit {
  /** Which node: an index into the document's nodes (in a fixed walk order), modulo their count. */
  readonly at: number;
  /** Only nodes under a `proof` (or `signature`) key, when there are some. */
  readonly inProof: boolean;
  readonly op: JsonOp;
}

const KEYS = ['@context', '@id', '@type', 'id', 'type', 'proof', 'issuer', 'credentialSubject', 'recipient', 'badge', 'verify', 'verification', 'credentialStatus', 'validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'issuedOn', 'expires', 'evidence', 'endorsement', 'achievement', 'publicKey', 'creator', 'verificationMethod', 'proofValue', 'jws', 'cryptosuite', '__proto__', 'constructor', 'prototype', 'toString', ''];

export const jsonOps = (urls: readonly string[] = []): fc.Arbitrary<JsonOp> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant<JsonOp>({ kind: 'remove' }) },
    { weight: 4, arbitrary: oddValues(urls).map((value): JsonOp => ({ kind: 'replace', value })) },
    { weight: 1, arbitrary: fc.constant<JsonOp>({ kind: 'wrap' }) },
    { weight: 1, arbitrary: fc.constant<JsonOp>({ kind: 'unwrap' }) },
    { weight: 2, arbitrary: oddValues(urls).map((value): JsonOp => ({ kind: 'duplicate', value })) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value: oddValues(urls) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nest' as const),
        depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1000, max: 100_000 })),
        shape: fc.constantFrom('array' as const, 'object' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge' as const),
        length: fc.integer({ min: 10_000, max: 2_000_000 }),
        unit: fc.constantFrom('a', 'é', '😀', '\\', '"', ' ', '0'),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('chars' as const), at: fc.nat(), text: fc.string({ maxLength: 4, unit: 'binary' }), cut: fc.integer({ min: 0, max: 4 }) }),
    },
  );

export const jsonEdits = (urls: readonly string[] = []): fc.Arbitrary<JsonEdit[]> =>
  fc.array(fc.record({ at: fc.nat(), inProof: fc.boolean(), op: jsonOps(urls) }), { minLength: 1, maxLength: 6 });

type Container = Record<string, unknown> | unknown[];
interface Node {
  readonly parent: Container | null;
  readonly key: string | number;
  readonly value: unknown;
  readonly inProof: boolean;
}

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

function nodesOf(root: unknown): Node[] {
  const nodes: Node[] = [{ parent: null, key: '', value: root, inProof: false }];
  for (let i = 0; i < nodes.length && nodes.length < 50_000; i++) {
    const { value, inProof } = nodes[i]!;
    if (!isContainer(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      nodes.push({ parent: value, key: Array.isArray(value) ? Number(key) : key, value: child, inProof: inProof || key === 'proof' || key === 'signature' });
    }
  }
  return nodes;
}

const describeOp = (op: JsonOp): string => {
  switch (op.kind) {
    case 'replace':
    case 'duplicate':
      return `${op.kind} ${short(op.value)}`;
    case 'add':
      return `add ${JSON.stringify(op.key)}: ${short(op.value)}`;
    case 'nest':
      return `nest ${op.depth} ${op.shape}s deep`;
    case 'huge':
      return `huge string of ${op.length} × ${JSON.stringify(op.unit)}`;
    case 'chars':
      return `chars -${op.cut}+${JSON.stringify(op.text)}@${op.at}`;
    default:
      return op.kind;
  }
};
const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/**
 * The document after the edits, serialized. Duplicate keys and very deep nesting cannot be built
 * as objects and stringified: they are written as placeholders and substituted in the text.
 */
export function applyJsonEdits(doc: unknown, edits: readonly JsonEdit[]): { text: string; how: string } {
  try {
    return editJson(doc, edits);
  } catch (e) {
    // A document already nested too deep for structuredClone or JSON.stringify (an earlier edit's
    // doing, in a JWS segment): left as it is.
    if (!(e instanceof RangeError)) throw e;
    return { text: textOf(doc), how: 'no edit (too deep to edit)' };
  }
}

const textOf = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return 'null';
  }
};

function editJson(doc: unknown, edits: readonly JsonEdit[]): { text: string; how: string } {
  let root: unknown = structuredClone(doc);
  const substitutions: [string, string][] = [];
  const done: string[] = [];
  for (const edit of edits) {
    const all = nodesOf(root);
    const inProof = edit.inProof ? all.filter((n) => n.inProof) : [];
    const pool = inProof.length > 0 ? inProof : all;
    const node = pool[edit.at % pool.length]!;
    const set = (value: unknown) => {
      if (node.parent === null) root = value;
      else if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
      else Object.defineProperty(node.parent, node.key, { value, enumerable: true, writable: true, configurable: true });
    };
    const { op } = edit;
    done.push(`${describeOp(op)} at ${node.key === '' ? 'the root' : JSON.stringify(node.key)}`);
    switch (op.kind) {
      case 'remove':
        if (node.parent === null) root = {};
        else if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else delete node.parent[node.key as string];
        break;
      case 'replace':
        set(structuredClone(op.value));
        break;
      case 'wrap':
        set([node.value]);
        break;
      case 'unwrap':
        if (Array.isArray(node.value)) set(node.value[0] ?? null);
        else if (isContainer(node.value)) set(Object.values(node.value)[0] ?? null);
        break;
      case 'duplicate': {
        const target = node.parent !== null && !Array.isArray(node.parent) ? node.parent : isContainer(node.value) && !Array.isArray(node.value) ? node.value : null;
        const key = target === node.parent ? String(node.key) : (Object.keys(target ?? {})[0] ?? 'id');
        if (target === null) break;
        const marker = `${key}\u0000DUP${substitutions.length}`;
        Object.defineProperty(target, marker, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
        substitutions.push([JSON.stringify(marker), JSON.stringify(key)]);
        break;
      }
      case 'add':
        if (isContainer(node.value) && !Array.isArray(node.value)) {
          Object.defineProperty(node.value, op.key, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
        } else if (Array.isArray(node.value)) node.value.push(structuredClone(op.value));
        break;
      case 'nest': {
        const marker = `\u0000NEST${substitutions.length}`;
        const inner = JSON.stringify(node.value) ?? 'null';
        const [open, close] = op.shape === 'array' ? ['[', ']'] : ['{"a":', '}'];
        substitutions.push([JSON.stringify(marker), open.repeat(op.depth) + inner + close.repeat(op.depth)]);
        set(marker);
        break;
      }
      case 'huge': {
        const marker = `\u0000HUGE${substitutions.length}`;
        const unit = JSON.stringify(op.unit).slice(1, -1);
        substitutions.push([JSON.stringify(marker), `"${unit.repeat(Math.ceil(op.length / unit.length))}"`]);
        set(marker);
        break;
      }
      case 'chars': {
        const text = typeof node.value === 'string' ? node.value : JSON.stringify(node.value) ?? '';
        const i = op.at % (text.length + 1);
        set(text.slice(0, i) + op.text + text.slice(i + op.cut));
        break;
      }
    }
  }
  let text = JSON.stringify(root) ?? 'null';
  // Last made first: a marker may sit inside another's substituted text (a nest around a duplicate).
  for (const [marker, replacement] of [...substitutions].reverse()) text = text.split(marker).join(replacement);
  return { text, how: done.join('; ') };
}

/** JSON documents with edits, serialized. */
export const mutatedJson = (docs: readonly { readonly path: string; readonly value: unknown }[], urls: readonly string[] = []): fc.Arbitrary<Case<string>> =>
  fc.tuple(fc.constantFrom(...docs), jsonEdits(urls)).map(([{ path, value }, edits]) => {
    const { text, how } = applyJsonEdits(value, edits);
    return caseOf(`[${how}] in ${path}`, text);
  });

// ---------------------------------------------------------------------------------------------
// Compact JWS / JWT

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const encodeText = (text: string) => base64urlnopad.encode(new TextEncoder().encode(text));
const decodeJson = (segment: string): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(base64urlnopad.decode(segment)));
  } catch {
    return null;
  }
};

export type CompactOp =
  | { readonly kind: 'flip'; readonly segment: number; readonly at: number; readonly char: string }
  | { readonly kind: 'cut'; readonly segment: number; readonly at: number }
  | { readonly kind: 'swap'; readonly a: number; readonly b: number }
  | { readonly kind: 'drop'; readonly segment: number }
  | { readonly kind: 'extra'; readonly text: string }
  | { readonly kind: 'json'; readonly segment: 0 | 1; readonly edits: JsonEdit[] }
  | { readonly kind: 'alg'; readonly alg: unknown }
  | { readonly kind: 'signature'; readonly bytes: Uint8Array }
  | { readonly kind: 'garnish'; readonly text: string; readonly at: number };

const ALGS = ['none', 'None', 'HS256', 'RS256', 'PS256', 'ES256', 'ES256K', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'RS1', '', null, 1, ['RS256'], { alg: 'RS256' }];

export const compactOps = (urls: readonly string[] = []): fc.Arbitrary<CompactOp> => {
  const segment = fc.integer({ min: 0, max: 2 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), segment, at: fc.nat(), char: fc.oneof(fc.constantFrom(...B64URL), fc.constantFrom('.', '=', '+', '/', ' ', '\n', '%', '\u0000', 'é')) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), segment, at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: segment, b: segment }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), segment }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), text: fc.string({ maxLength: 12 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('json' as const), segment: fc.constantFrom(0 as const, 1 as const), edits: jsonEdits(urls) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('alg' as const), alg: fc.constantFrom(...ALGS) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('signature' as const), bytes: fc.uint8Array({ maxLength: 600 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('garnish' as const), text: fc.constantFrom('=', '==', ' ', '\n', '\r\n', '\t', '\uFEFF', '"'), at: fc.nat() }) },
  );
};

export function applyCompactOps(compact: string, ops: readonly CompactOp[]): { text: string; how: string } {
  let parts = compact.split('.');
  const done: string[] = [];
  let garnish: { text: string; at: number } | null = null;
  for (const op of ops) {
    const seg = (i: number) => Math.min(i, Math.max(parts.length - 1, 0));
    switch (op.kind) {
      case 'flip': {
        const s = seg(op.segment);
        const text = parts[s] ?? '';
        const i = op.at % (text.length + 1);
        parts[s] = text.slice(0, i) + op.char + text.slice(i + 1);
        done.push(`segment ${s} char ${i} → ${JSON.stringify(op.char)}`);
        break;
      }
      case 'cut': {
        const s = seg(op.segment);
        const text = parts[s] ?? '';
        parts[s] = text.slice(0, op.at % (text.length + 1));
        done.push(`segment ${s} cut to ${parts[s]!.length}`);
        break;
      }
      case 'swap': {
        const a = seg(op.a);
        const b = seg(op.b);
        [parts[a], parts[b]] = [parts[b] ?? '', parts[a] ?? ''];
        done.push(`segments ${a}⇄${b}`);
        break;
      }
      case 'drop':
        parts = parts.filter((_, i) => i !== seg(op.segment));
        done.push(`segment ${op.segment} dropped`);
        break;
      case 'extra':
        parts.push(encodeText(op.text));
        done.push('a fourth segment');
        break;
      case 'json': {
        const value = decodeJson(parts[op.segment] ?? '');
        const { text, how } = applyJsonEdits(value ?? {}, op.edits);
        parts[op.segment] = encodeText(text);
        done.push(`${op.segment === 0 ? 'header' : 'claims'} [${how}]`);
        break;
      }
      case 'alg': {
        const header = decodeJson(parts[0] ?? '');
        parts[0] = encodeText(textOf({ ...(isContainer(header) ? header : {}), alg: op.alg }));
        done.push(`alg ${JSON.stringify(op.alg)}`);
        break;
      }
      case 'signature':
        parts[2] = base64urlnopad.encode(op.bytes);
        done.push(`signature → ${op.bytes.length} random bytes`);
        break;
      case 'garnish':
        garnish = { text: op.text, at: op.at };
        break;
    }
  }
  let text = parts.join('.');
  if (garnish) {
    const i = garnish.at % (text.length + 1);
    text = text.slice(0, i) + garnish.text + text.slice(i);
    done.push(`${JSON.stringify(garnish.text)} at ${i}`);
  }
  return { text, how: done.join('; ') };
}

export const mutatedCompact = (compacts: readonly { readonly path: string; readonly text: string }[], urls: readonly string[] = []): fc.Arbitrary<Case<string>> =>
  fc.tuple(fc.constantFrom(...compacts), fc.array(compactOps(urls), { minLength: 1, maxLength: 4 })).map(([{ path, text }, ops]) => {
    const out = applyCompactOps(text, ops);
    return caseOf(`[${out.how}] in ${path}`, out.text);
  });

// ---------------------------------------------------------------------------------------------
// Share links

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type LinkOp =
  | { readonly kind: 'flip'; readonly at: number; readonly char: string }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly n: number }
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'alphabet'; readonly to: 'base64url' | 'base32' | 'lowercase' | 'padded' | 'percent' }
  | { readonly kind: 'form'; readonly form: 'fragment' | 'hash' | 'query' | 'two-hashes' | 'spaces' | 'doubled' };

export const linkOps = (): fc.Arbitrary<LinkOp> => {
  const char = fc.oneof(fc.constantFrom(...BASE32), fc.constantFrom(...B64URL), fc.constantFrom('.', '#', '=', '%', ' ', '\n', 'é', '😀', '\u0000'));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8, unit: char }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('version' as const), version: fc.constantFrom('v1', 'v2', 'v0', 'v3', 'v9999', 'v99999', 'V2', 'v', 'v-1', 'v2.v2', 'vconstructor', 'v__proto__', 'vtoString', '') }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('alphabet' as const), to: fc.constantFrom('base64url' as const, 'base32' as const, 'lowercase' as const, 'padded' as const, 'percent' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('form' as const), form: fc.constantFrom('fragment' as const, 'hash' as const, 'query' as const, 'two-hashes' as const, 'spaces' as const, 'doubled' as const) }) },
  );
};

/** The link split as `before#vN.body` (before may be empty; the version may be absent after mutations). */
const partsOf = (link: string) => {
  const hash = link.indexOf('#');
  const before = hash === -1 ? '' : link.slice(0, hash + 1);
  const fragment = hash === -1 ? link : link.slice(hash + 1);
  const dot = fragment.indexOf('.');
  return { before, version: dot === -1 ? '' : fragment.slice(0, dot), body: dot === -1 ? fragment : fragment.slice(dot + 1) };
};

function realphabet(body: string, to: Extract<LinkOp, { kind: 'alphabet' }>['to']): string {
  const bytes = (() => {
    for (const decode of [(s: string) => base32nopad.decode(s), (s: string) => base64urlnopad.decode(s)]) {
      try {
        return decode(body);
      } catch {
        // the other alphabet, or neither
      }
    }
    return null;
  })();
  switch (to) {
    case 'lowercase':
      return body.toLowerCase();
    case 'padded':
      return body.padEnd(Math.ceil(body.length / 8) * 8, '=');
    case 'percent':
      return [...body].map((c, i) => (i % 7 === 0 ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
    case 'base64url':
      return bytes ? base64urlnopad.encode(bytes) : body;
    case 'base32':
      return bytes ? base32nopad.encode(bytes) : body;
  }
}

export function applyLinkOps(link: string, ops: readonly LinkOp[]): { text: string; how: string } {
  let text = link;
  const done: string[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'flip': {
        const i = op.at % Math.max(text.length, 1);
        text = text.slice(0, i) + op.char + text.slice(i + 1);
        done.push(`char ${i} → ${JSON.stringify(op.char)}`);
        break;
      }
      case 'cut':
        text = text.slice(0, op.at % (text.length + 1));
        done.push(`cut to ${text.length} chars`);
        break;
      case 'insert': {
        const i = op.at % (text.length + 1);
        text = text.slice(0, i) + op.text + text.slice(i);
        done.push(`${JSON.stringify(op.text)} inserted at ${i}`);
        break;
      }
      case 'delete': {
        const i = op.at % (text.length + 1);
        text = text.slice(0, i) + text.slice(i + op.n);
        done.push(`${op.n} chars deleted at ${i}`);
        break;
      }
      case 'version': {
        const p = partsOf(text);
        text = `${p.before}${op.version}.${p.body}`;
        done.push(`version → ${JSON.stringify(op.version)}`);
        break;
      }
      case 'alphabet': {
        const p = partsOf(text);
        text = `${p.before}${p.version}.${realphabet(p.body, op.to)}`;
        done.push(`body in ${op.to}`);
        break;
      }
      case 'form': {
        const p = partsOf(text);
        const fragment = `${p.version}.${p.body}`;
        text = {
          fragment,
          hash: `#${fragment}`,
          query: `https://besace.example/app/?v2.AAAA#${fragment}`,
          'two-hashes': `https://besace.example/app/#x#${fragment}`,
          spaces: ` ${text}\n`,
          doubled: `${text}${p.body}`,
        }[op.form];
        done.push(`as ${op.form}`);
        break;
      }
    }
  }
  return { text, how: done.join('; ') };
}

export const mutatedLinks = (links: readonly { readonly path: string; readonly link: string }[]): fc.Arbitrary<Case<string>> =>
  fc.tuple(fc.constantFrom(...links), fc.array(linkOps(), { minLength: 1, maxLength: 4 })).map(([{ path, link }, ops]) => {
    const out = applyLinkOps(link, ops);
    return caseOf(`[${out.how}] of the link for ${path}`, out.text);
  });
