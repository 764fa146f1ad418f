/**
 * Generated structures, as fast-check arbitraries of `Case`s: PNG files from chunk lists (badge
 * text chunks of every kind, lengths and CRCs right or wrong), SVG/XML trees with badge elements,
 * JSON, credentials assembled from the parts of real ones, compact JWS/JWT, and share links
 * (strings, and well-formed links around generated documents).
 */
import { base32nopad, base64urlnopad } from '@scure/base';
import fc from 'fast-check';
import { deflateSync, zlibSync } from 'fflate';
import { crc32 } from '../../src/core/crc32';
import { SHARE_DICTIONARY_V2 } from '../../src/core/share/dictionary';
import { caseOf, type Case } from './case';
import { oddValues } from './mutate';

const encoder = new TextEncoder();
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

// ---------------------------------------------------------------------------------------------
// PNG files

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEYWORDS = ['openbadges', 'openbadgecredential', 'OpenBadges', 'openbadges ', ' openbadges', 'openbadge', 'Comment', ''];

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
  readonly crc: 'right' | 'wrong';
  /** A length field that lies (else the data's length). */
  readonly length?: number;
}

/** The texts a badge chunk may hold: a real payload, a URL, JSON, anything. */
const badgeTexts = (payloads: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    ...(payloads.length > 0 ? [fc.constantFrom(...payloads)] : []),
    fc.constantFrom('https://example.org/assertion.json', 'http://example.org/a', '{}', '{"@context":"https://w3id.org/openbadges/v2"}', 'eyJhbGciOiJub25lIn0.e30.', '', ' '),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 200, unit: 'binary' }),
  );

const textChunks = (payloads: readonly string[]): fc.Arbitrary<{ type: string; data: Uint8Array; what: string }> =>
  fc.oneof(
    // iTXt: keyword \0 compression-flag method language \0 translated \0 text (zlib when flagged)
    fc
      .record({
        keyword: fc.oneof(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 90 })),
        flag: fc.constantFrom(0, 0, 1, 2),
        method: fc.constantFrom(0, 0, 1),
        language: fc.constantFrom('', 'en', 'fr-FR', '\u00ff'),
        translated: fc.constantFrom('', 'badge', 'é'),
        text: badgeTexts(payloads),
        separators: fc.constantFrom(2, 2, 2, 1, 0),
      })
      .map(({ keyword, flag, method, language, translated, text, separators }) => {
        const body = flag === 1 ? zlibSync(encoder.encode(text)) : encoder.encode(text);
        const head = [...latin1(keyword), 0, flag, method, ...latin1(language), ...(separators > 0 ? [0] : []), ...encoder.encode(translated), ...(separators > 1 ? [0] : [])];
        return { type: 'iTXt', data: new Uint8Array([...head, ...body]), what: `iTXt ${JSON.stringify(keyword)} flag ${flag}` };
      }),
    fc.record({ keyword: fc.constantFrom(...KEYWORDS), text: badgeTexts(payloads) }).map(({ keyword, text }) => ({
      type: 'tEXt',
      data: new Uint8Array([...latin1(keyword), 0, ...latin1(text)]),
      what: `tEXt ${JSON.stringify(keyword)}`,
    })),
    fc.record({ keyword: fc.constantFrom(...KEYWORDS), text: badgeTexts(payloads), method: fc.constantFrom(0, 0, 8) }).map(({ keyword, text, method }) => ({
      type: 'zTXt',
      data: new Uint8Array([...latin1(keyword), 0, method, ...zlibSync(latin1(text))]),
      what: `zTXt ${JSON.stringify(keyword)}`,
    })),
  );

const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

export const generatedPngs = (payloads: readonly string[]): fc.Arbitrary<Case<Uint8Array>> => {
  const other = fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((data) => ({ type: 'IDAT', data, what: 'IDAT' })),
    fc.record({ type: fc.stringMatching(/^[A-Za-z]{4}$/), data: fc.uint8Array({ maxLength: 32 }) }).map(({ type, data }) => ({ type, data, what: type })),
    fc.constant({ type: 'IEND', data: new Uint8Array(), what: 'IEND' }),
  );
  // Mostly sound files, so that the badge chunk is reached; now and then a lie.
  const rarely = <T>(arb: fc.Arbitrary<T>, otherwise: T) => fc.oneof({ weight: 12, arbitrary: fc.constant(otherwise) }, { weight: 1, arbitrary: arb });
  const chunk = fc.record({
    body: fc.oneof({ weight: 2, arbitrary: textChunks(payloads) }, { weight: 1, arbitrary: other }),
    crc: rarely(fc.constant<'right' | 'wrong'>('wrong'), 'right' as const),
    length: rarely<number | undefined>(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 300 })), undefined),
  });
  return fc
    .record({
      signature: rarely(fc.constant('cut'), 'right'),
      header: rarely(fc.constant(false), true),
      chunks: fc.array(chunk, { maxLength: 6 }),
      end: rarely(fc.constant(false), true),
      trailer: rarely(fc.uint8Array({ minLength: 1, maxLength: 16 }), new Uint8Array()),
    })
    .map(({ signature, header, chunks, end, trailer }) => {
      const list: (Chunk & { what: string })[] = [
        ...(header ? [{ type: 'IHDR', data: ihdr, crc: 'right' as const, what: 'IHDR' }] : []),
        ...chunks.map(({ body, crc, length }) => ({ ...body, crc, ...(length !== undefined ? { length } : {}), what: `${body.what}${crc === 'wrong' ? ' (bad CRC)' : ''}${length !== undefined ? ` (length says ${length})` : ''}` })),
        ...(end ? [{ type: 'IEND', data: new Uint8Array(), crc: 'right' as const, what: 'IEND' }] : []),
      ];
      const parts: number[] = signature === 'right' ? [...PNG_SIGNATURE] : PNG_SIGNATURE.slice(0, 5);
      for (const c of list) {
        const typed = new Uint8Array([...latin1(c.type.padEnd(4, ' ').slice(0, 4)), ...c.data]);
        const crc = crc32(typed) ^ (c.crc === 'wrong' ? 1 : 0);
        const length = c.length ?? c.data.length;
        parts.push(length >>> 24, (length >>> 16) & 255, (length >>> 8) & 255, length & 255, ...typed, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255);
      }
      parts.push(...trailer);
      return caseOf(`PNG${signature === 'cut' ? ' (cut signature)' : ''}: ${list.map((c) => c.what).join(', ') || 'no chunks'}${trailer.length ? ` + ${trailer.length} bytes` : ''}`, new Uint8Array(parts));
    });
};

// ---------------------------------------------------------------------------------------------
// SVG / XML trees

type XmlNode = { readonly text: string } | { readonly name: string; readonly attrs: readonly string[]; readonly children: readonly XmlNode[]; readonly close: 'match' | 'self' | 'other' | 'none' };

const GOOD_NAMES = ['g', 'rect', 'metadata', 'title', 'desc', 'openbadges:assertion', 'openbadges:credential', 'ob:credential'];
const BAD_NAMES = ['ob:assertion', 'assertion', 'credential', 'x:y:z', ':a', 'a:', 'svg', 'undeclared:assertion'];
const GOOD_ATTRIBUTES = [
  'xmlns:openbadges="http://openbadges.org"', 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"', 'xmlns:ob="https://purl.imsglobal.org/ob/v3p0"', 'xmlns:ob="http://openbadges.org"',
  'verify="https://example.org/assertion.json"', 'verify="http://example.org/a&amp;b"', 'verify=""', "verify='https://example.org/x'", 'id="x"',
];
const BAD_ATTRIBUTES = ['verify="&xxe;"', 'verify', 'a="1" a="2"', 'xmlns=""', 'verify="<"', 'verify="a\u0000"'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text content: escaped (well-formed) or raw markup fragments that break scanners. */
const xmlText = (payloads: readonly string[], wellFormed: boolean): fc.Arbitrary<string> => {
  const some = payloads.length > 0 ? fc.constantFrom(...payloads) : fc.constant('{}');
  return wellFormed
    ? fc.oneof(
        fc.string({ maxLength: 40 }).map(escapeXml),
        some.map(escapeXml),
        some.filter((p) => !p.includes(']]>')).map((p) => `<![CDATA[${p}]]>`),
        fc.constantFrom('<!-- c -->', '<?pi x?>', '&amp;', '&lt;', '&#65;', '&#x1F600;', ' \n'),
      )
    : fc.oneof(
        fc.string({ maxLength: 40 }),
        some,
        some.map((p) => `<![CDATA[${p}`),
        fc.constantFrom('<![CDATA[x]]>', '<![CDATA[', ']]>', '<!--', '<?pi', '&#0;', '&#xD800;', '&bogus;', '&', '<', '\u0000', '\uFFFE', '<!DOCTYPE x>'),
      );
};

const xmlTree = (payloads: readonly string[], wellFormed: boolean) =>
  fc.letrec<{ node: XmlNode; element: XmlNode; text: XmlNode }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element')),
    text: xmlText(payloads, wellFormed).map((text) => ({ text })),
    element: fc.record({
      name: wellFormed ? fc.constantFrom(...GOOD_NAMES) : fc.constantFrom(...GOOD_NAMES, ...BAD_NAMES),
      attrs: fc.array(wellFormed ? fc.constantFrom(...GOOD_ATTRIBUTES) : fc.constantFrom(...GOOD_ATTRIBUTES, ...BAD_ATTRIBUTES), { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
      close: wellFormed ? fc.constantFrom<'match' | 'self'>('match', 'self') : fc.constantFrom<'match' | 'self' | 'other' | 'none'>('match', 'match', 'self', 'other', 'none'),
    }),
  }));

function serialize(node: XmlNode): string {
  if ('text' in node) return node.text;
  // Attributes once each in a well-formed element (a repeated one is a well-formedness error).
  const open = `<${node.name}${[...new Set(node.attrs)].map((a) => ` ${a}`).join('')}`;
  if (node.close === 'self' && node.children.length === 0) return `${open}/>`;
  const inner = node.children.map(serialize).join('');
  const close = { match: `</${node.name}>`, self: `</${node.name}>`, other: '</g>', none: '' }[node.close];
  return `${open}>${inner}${close}`;
}

/** SVG documents: well-formed trees with badge elements (declared or not), or garbled ones. */
export const generatedSvgs = (payloads: readonly string[]): fc.Arbitrary<Case<Uint8Array>> =>
  fc.boolean().chain((wellFormed) =>
    fc
      .record({
        prolog: wellFormed
          ? fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>\n', '\uFEFF', '<!DOCTYPE svg>')
          : fc.constantFrom('', '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '<!DOCTYPE svg [<!ENTITY a "&a;&a;">]>', ' \n', '<?xml version="1.0" encoding="latin1"?>'),
        declare: fc.constantFrom(
          ' xmlns:openbadges="http://openbadges.org"',
          ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"',
          ' xmlns:openbadges="http://openbadges.org" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"',
          '',
        ),
        children: fc.array(xmlTree(payloads, wellFormed).node, { maxLength: 5 }),
        epilog: wellFormed ? fc.constantFrom('', '\n', '<!-- after -->') : fc.constantFrom('', '<svg/>', 'text', ']]>'),
      })
      .map(({ prolog, declare, children, epilog }) => {
        const text = `${prolog}<svg xmlns="http://www.w3.org/2000/svg"${declare}>${children.map(serialize).join('')}</svg>${epilog}`;
        return caseOf(`generated ${wellFormed ? 'well-formed' : 'garbled'} SVG`, encoder.encode(text));
      }),
  );

export const generatedJsonFiles = (): fc.Arbitrary<Case<Uint8Array>> =>
  fc.oneof(fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', x: v }))).map((text) => caseOf('generated JSON', encoder.encode(text)));

// ---------------------------------------------------------------------------------------------
// Credentials assembled from the parts of real ones

const OB3_KEYS = ['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'name', 'description', 'credentialSubject', 'credentialStatus', 'credentialSchema', 'proof', 'evidence', 'endorsement', 'endorsementJwt', 'image', 'awardedDate', 'refreshService', 'termsOfUse'];
const OB2_KEYS = ['@context', 'id', 'type', 'recipient', 'badge', 'verify', 'verification', 'issuedOn', 'expires', 'image', 'evidence', 'narrative', 'revoked', 'revocationReason', 'uid', 'endorsement', 'signature'];
const JWT_CLAIMS = ['iss', 'sub', 'jti', 'nbf', 'exp', 'iat', 'aud', 'vc'];

/** For each property name anywhere in the documents, up to `max` distinct values it takes. */
export function partsByKey(docs: readonly unknown[], max = 24): Map<string, unknown[]> {
  const parts = new Map<string, Map<string, unknown>>();
  const walk = (v: unknown, depth: number) => {
    if (typeof v !== 'object' || v === null || depth > 12) return;
    for (const [key, child] of Object.entries(v)) {
      if (!Array.isArray(v)) {
        const seen = parts.get(key) ?? new Map<string, unknown>();
        const text = JSON.stringify(child);
        if (seen.size < max && text !== undefined && text.length < 20_000 && !seen.has(text)) seen.set(text, child);
        parts.set(key, seen);
      }
      walk(child, depth + 1);
    }
  };
  for (const doc of docs) walk(doc, 0);
  return new Map([...parts].map(([key, seen]) => [key, [...seen.values()]]));
}

const valueFor = (parts: Map<string, unknown[]>, key: string, urls: readonly string[]): fc.Arbitrary<unknown> => {
  const real = parts.get(key) ?? [];
  return real.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: oddValues(urls) }) : oddValues(urls);
};

const documentOf = (parts: Map<string, unknown[]>, keys: readonly string[], urls: readonly string[]) =>
  fc.tuple(...keys.map((key) => fc.option(valueFor(parts, key, urls), { nil: undefined, freq: 4 }))).map((values) => {
    const doc: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (values[i] !== undefined) doc[key] = structuredClone(values[i]);
    });
    return doc;
  });

/** OB 3.0 credentials and OB 2.0 assertions whose every property comes from a real badge (or is odd). */
export const generatedCredentials = (docs: readonly unknown[], urls: readonly string[]): fc.Arbitrary<Case<string>> => {
  const parts = partsByKey(docs);
  return fc.oneof(
    documentOf(parts, OB3_KEYS, urls).map((doc) => caseOf('generated OB 3.0 credential', JSON.stringify(doc))),
    documentOf(parts, OB2_KEYS, urls).map((doc) => caseOf('generated OB 2.0 assertion', JSON.stringify(doc))),
  );
};

/** Compact JWS/JWT: a real or odd header, claims assembled from real parts, a random signature. */
export const generatedCompacts = (docs: readonly unknown[], headers: readonly unknown[], urls: readonly string[]): fc.Arbitrary<Case<string>> => {
  const parts = partsByKey(docs);
  const claims = fc.oneof(documentOf(parts, [...OB3_KEYS, ...JWT_CLAIMS], urls), documentOf(parts, OB2_KEYS, urls));
  const header = fc.oneof(
    ...(headers.length > 0 ? [fc.constantFrom(...headers)] : []),
    fc.record({ alg: oddValues(), kid: fc.option(valueFor(parts, 'verificationMethod', urls), { nil: undefined }), typ: fc.constantFrom('JWT', 'vc+jwt', 'JOSE', undefined) }),
  );
  return fc.tuple(header, claims, fc.uint8Array({ maxLength: 300 })).map(([h, c, sig]) =>
    caseOf('generated compact JWS', `${base64urlnopad.encode(encoder.encode(JSON.stringify(h)))}.${base64urlnopad.encode(encoder.encode(JSON.stringify(c)))}.${base64urlnopad.encode(sig)}`),
  );
};

// ---------------------------------------------------------------------------------------------
// Share links

const DICTIONARY = encoder.encode(SHARE_DICTIONARY_V2);

/** `v2.` + base32(CRC-32 of the JSON ‖ deflateRaw(JSON, dictionary)): a well-formed link around any text. */
export function v2Fragment(json: string, crcRight = true): string {
  const bytes = encoder.encode(json);
  const deflated = deflateSync(bytes, { level: 6, dictionary: DICTIONARY });
  const out = new Uint8Array(4 + deflated.length);
  new DataView(out.buffer).setUint32(0, crc32(bytes) ^ (crcRight ? 0 : 1));
  out.set(deflated, 4);
  return `v2.${base32nopad.encode(out)}`;
}

export const v1Fragment = (json: string): string => `v1.${base64urlnopad.encode(deflateSync(encoder.encode(json)))}`;

/** Share documents with every field right, wrong, or missing. */
const shareDocs = (payloads: readonly string[]): fc.Arbitrary<Record<string, unknown>> => {
  const odd = oddValues();
  const iso = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
  // Each field mostly right, so that many documents decode and the round trip is tried.
  const mostly = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: right }, { weight: 1, arbitrary: odd });
  const rare = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  const item = fc.record({
    k: mostly(fc.constantFrom('url', 'jws', 'jwt', 'json')),
    p: mostly(fc.oneof(...(payloads.length ? [fc.constantFrom(...payloads)] : []), fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }))),
  });
  return fc
    .record({
      t: fc.option(mostly(fc.oneof(fc.string({ maxLength: 60, unit: 'grapheme' }), fc.constant('x'.repeat(1025)))), { nil: undefined }),
      c: mostly(iso),
      u: fc.option(mostly(iso), { nil: undefined }),
      b: mostly(fc.oneof({ weight: 9, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 49, maxLength: 52 }) })),
      n: fc.option(mostly(fc.string({ maxLength: 60 })), { nil: undefined }),
      e: fc.option(mostly(fc.oneof(fc.emailAddress(), fc.constantFrom(' ', ''))), { nil: undefined }),
      x: fc.option(mostly(fc.constant(1)), { nil: undefined }),
      extra: rare(odd),
    })
    .map((doc) => Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined)));
};

export const generatedLinks = (payloads: readonly string[]): fc.Arbitrary<Case<string>> => {
  const b32 = fc.string({ maxLength: 200, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') });
  const b64 = fc.string({ maxLength: 200, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') });
  const prefix = fc.constantFrom('', '#', 'https://besace.example/app/#', 'https://x.example/?a=b#');
  return fc.oneof(
    fc.string({ maxLength: 300, unit: 'binary' }).map((s) => caseOf('a random string', s)),
    fc.tuple(prefix, fc.constantFrom('v1', 'v2', 'v0', 'v3', 'v10'), fc.oneof(b32, b64)).map(([p, v, body]) => caseOf(`${v} with a random body`, `${p}${v}.${body}`)),
    fc.tuple(prefix, fc.uint8Array({ maxLength: 300 })).map(([p, bytes]) => caseOf('v2 around random bytes', `${p}v2.${base32nopad.encode(bytes)}`)),
    {
      weight: 5,
      arbitrary: fc.tuple(prefix, shareDocs(payloads), fc.constantFrom('v1', 'v2', 'v2', 'v2', 'v2-bad-crc')).map(([p, doc, how]) => {
        const json = JSON.stringify(doc);
        return caseOf(`${how} around a generated share document`, p + (how === 'v1' ? v1Fragment(json) : v2Fragment(json, how === 'v2')));
      }),
    },
    fc.tuple(fc.constantFrom('v1', 'v2'), fc.json({ maxDepth: 3 })).map(([v, json]) => caseOf(`${v} around generated JSON`, v === 'v1' ? v1Fragment(json) : v2Fragment(json))),
    fc.tuple(fc.constantFrom('v1', 'v2'), fc.integer({ min: 500_000, max: 3_000_000 }), fc.constantFrom('a', '{', '😀')).map(([v, n, unit]) => {
      const json = JSON.stringify({ c: '2026-01-01T00:00:00Z', b: [{ k: 'json', p: unit.repeat(n) }] });
      return caseOf(`${v} deflate bomb of ${json.length} chars`, v === 'v1' ? v1Fragment(json) : v2Fragment(json));
    }),
  );
};
