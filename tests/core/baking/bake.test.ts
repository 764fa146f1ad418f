import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bake, bakePng, bakeSvg, extract, SVG_ELEMENT, SVG_NAMESPACE, type BakeVersion } from '../../../src/core/baking';
import { assemblePng, iTXt, makePng, splitPng, tEXt, withChunks, zTXt } from '../../fixtures/ours/png-tools';
import { fixtureBytes, fixtureText, readTsv } from './helpers';

/** jsdom's DOMParser, an independent XML parser to check what the baker writes (jsdom ships no types). */
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
const xmlParser = new (new JSDOM('').window.DOMParser)();

const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const OB2 = JSON.stringify({ '@context': OB2_CONTEXT, type: 'Assertion', id: 'https://example.org/a' });
const OB3 = JSON.stringify({ '@context': [VC_CONTEXT], type: ['VerifiableCredential', 'OpenBadgeCredential'] });
const b64 = (obj: unknown): string => Buffer.from(JSON.stringify(obj)).toString('base64url');
const OB2_JWS = `${b64({ alg: 'RS256' })}.${b64(JSON.parse(OB2))}.c2lnbmF0dXJl`;

const smallPng = makePng(8, 8);
const smallSvg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const corpusRows = readTsv('corpus/manifest-baking.tsv');
const corpusImages = (kind: string) => corpusRows.filter((r) => r['kind'] === kind).map((r) => r['file'] ?? '');

const unbake = (bytes: Uint8Array) => {
  const result = extract(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const mustBake = (result: ReturnType<typeof bakePng>): Uint8Array => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const parseSvg = (bytes: Uint8Array): Document => {
  const doc = xmlParser.parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('bakePng', () => {
  it.each(corpusImages('png-baked'))('re-bakes %s: one iTXt right after IHDR, every other chunk unchanged', (file) => {
    const original = fixtureBytes(`corpus/${file}`);
    const baked = mustBake(bakePng(original, OB2, '2.0'));
    const isBadge = (c: { type: string; data: Uint8Array }) =>
      ['tEXt', 'iTXt', 'zTXt'].includes(c.type) && /^(openbadges|openbadgecredential)\0/.test(Buffer.from(c.data.subarray(0, 21)).toString('latin1'));
    const [ihdr, badge, ...rest] = splitPng(baked);
    expect(ihdr?.type).toBe('IHDR');
    expect(badge).toEqual(iTXt('openbadges', OB2));
    const others = (png: Uint8Array) => splitPng(png).slice(1).filter((c) => !isBadge(c));
    expect(rest).toEqual(others(original));
    expect(unbake(baked)).toEqual({ container: 'png', payloadKind: 'json', obVersionHint: '2.0', payload: OB2, warnings: [] });
  });

  it('replaces every old badge chunk, whatever its type, keyword or place', () => {
    const cluttered = withChunks(
      withChunks(smallPng, [tEXt('openbadges', 'https://example.org/old'), zTXt('openbadgecredential', OB3), iTXt('Comment', 'kept')]),
      [iTXt('openbadges', '{"old":true}', true)],
      'tail',
    );
    const baked = mustBake(bakePng(cluttered, OB3, '3.0'));
    expect(splitPng(baked).map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(unbake(baked)).toMatchObject({ payload: OB3, obVersionHint: '3.0', warnings: [] });
  });

  it('keeps what follows IEND', () => {
    const trailing = new Uint8Array([...smallPng, 1, 2, 3]);
    expect(mustBake(bakePng(trailing, OB2, '2.0')).subarray(-3)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it.each([
    ['an SVG', smallSvg, { code: 'UNSUPPORTED_IMAGE', params: { format: 'svg' } }],
    ['a JPEG', fixtureBytes('corpus/mozilla-backpack/history-2012/sneaky-badge.png'), { code: 'UNSUPPORTED_IMAGE', params: { format: 'jpeg' } }],
    ['a truncated PNG', smallPng.subarray(0, 40), { code: 'CORRUPT_PNG', params: { reason: 'truncated', offset: 33 } }],
    ['a PNG not starting with IHDR', assemblePng([tEXt('a', 'b'), ...splitPng(smallPng)]), { code: 'CORRUPT_PNG', params: { reason: 'chunk-type', offset: 8 } }],
  ])('refuses %s', (_name, image, error) => {
    expect(bakePng(image, OB2, '2.0')).toEqual({ ok: false, error });
  });
});

describe('bakeSvg', () => {
  it.each(corpusImages('svg-baked'))('re-bakes %s: old badge removed, namespace set, first child of the root', (file) => {
    const baked = mustBake(bakeSvg(fixtureBytes(`corpus/${file}`), OB2_JWS, '2.0'));
    expect(unbake(baked)).toEqual({ container: 'svg', payloadKind: 'jws', obVersionHint: '2.0', payload: OB2_JWS, warnings: [] });
    const doc = parseSvg(baked);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns:openbadges')).toBe(SVG_NAMESPACE['2.0']);
    expect(root.firstElementChild?.namespaceURI).toBe(SVG_NAMESPACE['2.0']);
    expect(root.firstElementChild?.localName).toBe('assertion');
    expect(root.firstElementChild?.getAttribute('verify')).toBe(OB2_JWS);
    expect(doc.getElementsByTagNameNS(SVG_NAMESPACE['3.0'], 'credential')).toHaveLength(0);
    expect(doc.getElementsByTagNameNS(SVG_NAMESPACE['2.0'], 'assertion')).toHaveLength(1);
  });

  it('keeps the rest of the document as it was', () => {
    const original = fixtureText('corpus/mozilla-bakery/baked.svg');
    const baked = new TextDecoder().decode(mustBake(bakeSvg(new TextEncoder().encode(original), OB2, '2.0')));
    const tail = (s: string) => s.slice(s.indexOf('<title>'));
    expect(tail(baked)).toBe(tail(original));
    expect(baked.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"\n     xmlns:openbadges="http://openbadges.org"')).toBe(true);
  });

  it('adds the namespace to a root that has none, and opens a self-closing root', () => {
    const baked = mustBake(bakeSvg(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), OB3, '3.0'));
    expect(new TextDecoder().decode(baked)).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${SVG_NAMESPACE['3.0']}"><openbadges:credential><![CDATA[${OB3}]]></openbadges:credential></svg>`,
    );
  });

  it('re-declares an openbadges prefix bound elsewhere, unless other elements use it', () => {
    const unused = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.com/other"><g/></svg>';
    expect(unbake(mustBake(bakeSvg(new TextEncoder().encode(unused), OB2, '2.0')))).toMatchObject({ payload: OB2, warnings: [] });
    const used = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.com/other"><openbadges:thing/></svg>';
    expect(bakeSvg(new TextEncoder().encode(used), OB2, '2.0')).toEqual({
      ok: false,
      error: { code: 'SVG_PREFIX_CONFLICT', params: { namespace: 'http://example.com/other' } },
    });
    const rebound = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.com/other"><g xmlns:openbadges="http://example.com/other"><openbadges:thing/></g></svg>';
    expect(bakeSvg(new TextEncoder().encode(rebound), OB2, '2.0').ok).toBe(true);
  });

  it.each([
    ['a PNG', smallPng, { code: 'UNSUPPORTED_IMAGE', params: { format: 'png' } }],
    ['malformed XML', new TextEncoder().encode('<svg><g></svg>'), { code: 'CORRUPT_SVG', params: { reason: 'mismatched-tag', offset: 8 } }],
  ])('refuses %s', (_name, image, error) => {
    expect(bakeSvg(image, OB2, '2.0')).toEqual({ ok: false, error });
  });
});

describe('bake', () => {
  it('picks the container from the bytes and the version from the payload', () => {
    const vcJwt = `${b64({ alg: 'ES256' })}.${b64({ vc: JSON.parse(OB3) })}.c2ln`;
    const cases: [Uint8Array, string, 'png' | 'svg', BakeVersion][] = [
      [smallPng, OB3, 'png', '3.0'],
      [smallSvg, OB3, 'svg', '3.0'],
      [smallSvg, vcJwt, 'svg', '3.0'],
      [smallPng, OB2, 'png', '2.0'],
      [smallPng, OB2_JWS, 'png', '2.0'],
      [smallSvg, 'https://example.org/assertion', 'svg', '2.0'],
      [smallPng, '{"no":"context"}', 'png', '2.0'],
    ];
    for (const [image, payload, container, version] of cases) {
      const baked = bake(image, payload);
      if (!baked.ok) throw new Error(JSON.stringify(baked.error));
      expect(baked.value).toMatchObject({ container, version });
      const inside = unbake(baked.value.bytes);
      expect(inside.payload).toBe(payload);
      expect(inside.warnings).toEqual([]);
      if (container === 'svg') expect(parseSvg(baked.value.bytes).getElementsByTagNameNS(SVG_NAMESPACE[version], SVG_ELEMENT[version])).toHaveLength(1);
      else expect(splitPng(baked.value.bytes)[1]?.data.subarray(0, 12)).toEqual(iTXt(version === '3.0' ? 'openbadgecredential' : 'openbadges', '').data.subarray(0, 12));
    }
  });

  it('trims the payload', () => {
    const baked = bake(smallPng, `\n  ${OB2}\n`);
    expect(baked.ok && unbake(baked.value.bytes).payload).toBe(OB2);
  });

  it.each([
    ['a URL as OB 3.0', smallPng, 'https://example.org/a', '3.0', { code: 'BAD_PAYLOAD', params: { reason: 'url-in-ob3' } }],
    ['OB 3.0 as 2.0', smallPng, OB3, '2.0', { code: 'VERSION_MISMATCH', params: { requested: '2.0', payload: '3.0' } }],
    ['OB 2.0 as 3.0', smallSvg, OB2, '3.0', { code: 'VERSION_MISMATCH', params: { requested: '3.0', payload: '2.0' } }],
    ['OB 2.0 JWS as 3.0', smallSvg, OB2_JWS, '3.0', { code: 'VERSION_MISMATCH', params: { requested: '3.0', payload: '2.0' } }],
    ['text that is no badge', smallPng, 'hello', undefined, { code: 'BAD_PAYLOAD', params: { reason: 'unrecognised' } }],
    ['broken JSON', smallSvg, '{"a":', undefined, { code: 'BAD_PAYLOAD', params: { reason: 'json' } }],
    ['an unpaired surrogate', smallPng, '{"a":"\ud800"}', undefined, { code: 'BAD_PAYLOAD', params: { reason: 'not-unicode' } }],
    ['U+FFFF in an SVG', smallSvg, '{"a":"\uffff"}', undefined, { code: 'BAD_PAYLOAD', params: { reason: 'xml-char' } }],
    ['a GIF', fixtureBytes('corpus/mozilla-backpack/history-2012/badge.gif'), OB2, undefined, { code: 'UNSUPPORTED_IMAGE', params: { format: 'gif' } }],
    ['nothing', new Uint8Array(0), OB2, undefined, { code: 'UNSUPPORTED_IMAGE', params: { format: 'empty' } }],
  ] as const)('refuses %s', (_name, image, payload, version, error) => {
    expect(bake(image, payload, version)).toEqual({ ok: false, error });
  });

  it('writes U+FFFF in a PNG, where it is fine', () => {
    const baked = bake(smallPng, '{"a":"\uffff"}');
    expect(baked.ok && unbake(baked.value.bytes).payload).toBe('{"a":"\uffff"}');
  });
});

describe('round trips (property-based)', () => {
  // Text that trips bakers: CDATA ends, markup, entities, quotes, CR/LF/TAB, astral characters.
  const tricky = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(']]>', ']]]]>', '<![CDATA[', '</openbadges:assertion>', '&amp;', '&xxe;', '"\'<>&', '\r\n\t', '😀日本語é', '\u2028\u0085'),
  );
  const extra = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 5 });
  const indent = fc.constantFrom(undefined, 2, '\t', '\r\n');

  /** A JSON payload of `version`, sometimes pretty-printed with CR LF line ends (which XML would fold). */
  const jsonPayload = (version: BakeVersion) =>
    fc.tuple(extra, tricky, indent).map(([rest, text, space]) => {
      const context = version === '3.0' ? [VC_CONTEXT] : OB2_CONTEXT;
      const body = { ...rest, '@context': context, narrative: text };
      if (space === '\r\n') return JSON.stringify(body, null, 2).replace(/\n/g, '\r\n');
      return JSON.stringify(body, null, space);
    });
  const jwsPayload = (version: BakeVersion) =>
    fc.tuple(extra, fc.base64String()).map(([rest, sig]) => {
      const claims = version === '3.0' ? { vc: { ...rest, '@context': [VC_CONTEXT] } } : { ...rest, '@context': OB2_CONTEXT };
      return `${b64({ alg: 'RS256' })}.${b64(claims)}.${sig.replace(/[+/=]/g, '')}`;
    });
  const urlPayload = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => !/\s/.test(u));
  const payload = (version: BakeVersion) =>
    version === '2.0' ? fc.oneof(jsonPayload(version), jwsPayload(version), urlPayload) : fc.oneof(jsonPayload(version), jwsPayload(version));

  const images = [
    ['small PNG', smallPng],
    ['small SVG', smallSvg],
    ['corpus PNG (badge after IDAT)', fixtureBytes('corpus/1edtech-dcpv/ob30/simple-json.png')],
    ['corpus SVG (DOCTYPE, CDATA)', fixtureBytes('corpus/1edtech-dcpv/ob30/simple-json.svg')],
    ['corpus SVG (verify + body)', fixtureBytes('corpus/concentricsky-bakery/baked_example.svg')],
  ] as const;

  for (const version of ['2.0', '3.0'] as const) {
    for (const [name, image] of images) {
      it(`extract(bake(${name}, p, ${version})).payload === p`, () => {
        fc.assert(
          fc.property(payload(version), (p) => {
            const baked = bake(image, p, version);
            if (!baked.ok) {
              // The only payloads a baker may refuse: U+FFFE/U+FFFF, which XML cannot hold.
              expect(baked.error).toEqual({ code: 'BAD_PAYLOAD', params: { reason: 'xml-char' } });
              expect(/[\uFFFE\uFFFF]/.test(p)).toBe(true);
              return;
            }
            const inside = unbake(baked.value.bytes);
            expect(inside.payload).toBe(p.trim());
            expect(inside.warnings).toEqual([]);
            expect(inside.obVersionHint === version || inside.payloadKind === 'url').toBe(true);
            // A re-bake replaces, never adds.
            const again = bake(baked.value.bytes, OB2, '2.0');
            expect(again.ok && unbake(again.value.bytes)).toMatchObject({ payload: OB2, warnings: [] });
          }),
          { numRuns: 150 },
        );
      });
    }

    it(`an independent XML parser reads what bakeSvg writes (${version})`, () => {
      fc.assert(
        fc.property(payload(version).filter((p) => !/[\uFFFE\uFFFF]/.test(p)), (p) => {
          const element = parseSvg(mustBake(bakeSvg(smallSvg, p, version))).getElementsByTagNameNS(SVG_NAMESPACE[version], SVG_ELEMENT[version])[0];
          const fromDom = element?.getAttribute('verify') ?? element?.textContent;
          expect(fromDom).toBe(p.trim());
        }),
        { numRuns: 60 },
      );
    });
  }
});
