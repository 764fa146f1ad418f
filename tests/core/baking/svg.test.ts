import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/core/baking';
import { scanXml } from '../../../src/core/baking/xml';

const OB2_NS = 'http://openbadges.org';
const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';
const JSON_OB2 = '{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}';
const JSON_OB3 = '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}';

const svg = (inner: string, rootAttrs = `xmlns:openbadges="${OB2_NS}"`): Uint8Array =>
  new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" ${rootAttrs}>${inner}</svg>`);
const run = (inner: string, rootAttrs?: string) => extract(svg(inner, rootAttrs));

describe('finding the badge element', () => {
  it('reads the verify attribute of an empty element', () => {
    expect(run('<openbadges:assertion verify="https://example.org/a"/>')).toEqual({
      ok: true,
      value: { container: 'svg', payloadKind: 'url', obVersionHint: 'unknown', payload: 'https://example.org/a', warnings: [] },
    });
  });

  it('matches the namespace, whatever the prefix', () => {
    expect(run(`<x:credential><![CDATA[${JSON_OB3}]]></x:credential>`, `xmlns:x="${OB3_NS}"`)).toMatchObject({
      ok: true,
      value: { payload: JSON_OB3, obVersionHint: '3.0', warnings: [{ code: 'NONSTANDARD_PREFIX', params: { prefix: 'x' } }] },
    });
    expect(run(`<credential xmlns="${OB3_NS}"><![CDATA[${JSON_OB3}]]></credential>`, '')).toMatchObject({
      ok: true,
      value: { payload: JSON_OB3, warnings: [{ code: 'NONSTANDARD_PREFIX', params: { prefix: '' } }] },
    });
  });

  it('ignores the openbadges prefix bound to another namespace', () => {
    expect(run('<openbadges:assertion verify="https://example.org/a"/>', 'xmlns:openbadges="http://openbadges.org/"')).toMatchObject({
      ok: false,
      error: { code: 'UNBAKED_IMAGE' },
    });
  });

  it('follows xmlns scopes: a local rebinding hides a fake, and ends with its element', () => {
    const inner = `<g xmlns:openbadges="http://example.com/x"><openbadges:assertion verify="https://evil.example/"/></g>
      <openbadges:assertion verify="https://example.org/good"/>`;
    expect(run(inner)).toMatchObject({ ok: true, value: { payload: 'https://example.org/good', warnings: [] } });
  });

  it('finds the element anywhere, not only as the first child', () => {
    expect(run('<g><g><desc>x</desc><openbadges:assertion verify="https://example.org/deep"/></g></g>')).toMatchObject({
      ok: true,
      value: { payload: 'https://example.org/deep' },
    });
  });

  it('does not see elements inside comments, CDATA, processing instructions or escaped text', () => {
    const inner = `<!-- <openbadges:assertion verify="https://evil.example/1"/> -->
      <script><![CDATA[<openbadges:assertion verify="https://evil.example/2"/>]]></script>
      <?pi <openbadges:assertion verify="https://evil.example/3"/> ?>
      <desc>&lt;openbadges:assertion verify="https://evil.example/4"/&gt;</desc>`;
    expect(run(inner)).toMatchObject({ ok: false, error: { code: 'UNBAKED_IMAGE' } });
  });

  it('prefers OB 3.0 and the first element of a namespace, and says so', () => {
    const inner = `<openbadges:assertion verify="https://example.org/first"/><openbadges:assertion verify="https://example.org/second"/>`;
    expect(run(inner)).toMatchObject({
      ok: true,
      value: { payload: 'https://example.org/first', warnings: [{ code: 'DUPLICATE_BADGE_ELEMENT', params: { namespace: OB2_NS, count: 2 } }] },
    });
    const both = `<openbadges:assertion><![CDATA[${JSON_OB2}]]></openbadges:assertion><ob3:credential>${JSON_OB3}</ob3:credential>`;
    expect(run(both, `xmlns:openbadges="${OB2_NS}" xmlns:ob3="${OB3_NS}"`)).toMatchObject({
      ok: true,
      value: { payload: JSON_OB3, warnings: [{ code: 'BOTH_NAMESPACES' }, { code: 'NONSTANDARD_PREFIX' }] },
    });
  });

  it('reads a badge element nested in another one', () => {
    const inner = `<openbadges:assertion>${JSON_OB2}<ob3:credential>${JSON_OB3}</ob3:credential></openbadges:assertion>`;
    const result = run(inner, `xmlns:openbadges="${OB2_NS}" xmlns:ob3="${OB3_NS}"`);
    expect(result).toMatchObject({ ok: true, value: { payload: JSON_OB3, warnings: [{ code: 'BOTH_NAMESPACES' }, { code: 'NONSTANDARD_PREFIX' }] } });
  });

  it('warns about the other local name in a namespace', () => {
    expect(run(`<openbadges:credential><![CDATA[${JSON_OB2}]]></openbadges:credential>`)).toMatchObject({
      ok: true,
      value: { warnings: [{ code: 'UNEXPECTED_ELEMENT_NAME', params: { expected: 'assertion', found: 'credential' } }] },
    });
  });

  it('refuses a badge element whose prefix is not declared', () => {
    expect(run('<ob:assertion verify="https://example.org/a"/>', '')).toMatchObject({
      ok: false,
      error: { code: 'CORRUPT_SVG', params: { reason: 'unbound-prefix' } },
    });
  });

  it('refuses a badge namespace declared through an entity', () => {
    const doc = `<!DOCTYPE svg [<!ENTITY ob "http://openbadges.org">]>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="&ob;"><openbadges:assertion verify="https://example.org/a"/></svg>`;
    expect(extract(new TextEncoder().encode(doc))).toEqual({ ok: false, error: { code: 'CUSTOM_ENTITY', params: { name: 'ob', offset: expect.any(Number) } } });
  });
});

describe('the payload text', () => {
  it('joins CDATA sections and text, decoding the predefined entities and character references', () => {
    const inner = `<openbadges:assertion><![CDATA[{"a":"x]]]]><![CDATA[>y",]]> "b":"&lt;&gt;&amp;&apos;&#65;&#x1F600;", "c":&quot;q&quot;}</openbadges:assertion>`;
    expect(run(inner)).toMatchObject({ ok: true, value: { payload: '{"a":"x]]>y", "b":"<>&\'A😀", "c":"q"}' } });
  });

  it('normalises line ends in text and CDATA, but keeps &#13;', () => {
    const inner = `<openbadges:assertion><![CDATA[{\r\n"a":1,\r"b":]]>&#13;2}</openbadges:assertion>`;
    expect(run(inner)).toMatchObject({ ok: true, value: { payload: '{\n"a":1,\n"b":\r2}' } });
  });

  it('decodes and normalises the verify attribute', () => {
    expect(run(`<openbadges:assertion verify=' https://example.org/a?b=1&amp;c=&#34;2&#34;&#10;'/>`)).toMatchObject({
      ok: true,
      value: { payload: 'https://example.org/a?b=1&c="2"' },
    });
  });

  it('uses the verify attribute over the body, and reports the ignored body', () => {
    expect(run(`<openbadges:assertion verify="https://example.org/a">${JSON_OB2}</openbadges:assertion>`)).toMatchObject({
      ok: true,
      value: { payload: 'https://example.org/a', warnings: [{ code: 'SVG_BODY_IGNORED', params: { body: 'json' } }] },
    });
    expect(run(`<openbadges:assertion verify="  ">${JSON_OB2}</openbadges:assertion>`)).toMatchObject({
      ok: true,
      value: { payload: JSON_OB2, warnings: [] },
    });
  });

  it.each([
    ['an empty element', '<openbadges:assertion/>', 'BAD_PAYLOAD'],
    ['white space only', '<openbadges:assertion> <![CDATA[ ]]> </openbadges:assertion>', 'BAD_PAYLOAD'],
    ['a custom entity', '<openbadges:assertion>{"a":"&xxe;"}</openbadges:assertion>', 'CUSTOM_ENTITY'],
    ['a custom entity in verify', '<openbadges:assertion verify="&xxe;"/>', 'CUSTOM_ENTITY'],
    ['a reference to a non-character', '<openbadges:assertion>{"a":"&#0;"}</openbadges:assertion>', 'CORRUPT_SVG'],
    ['a reference beyond Unicode', '<openbadges:assertion>{"a":"&#x110000;"}</openbadges:assertion>', 'CORRUPT_SVG'],
    ['a surrogate reference', '<openbadges:assertion>{"a":"&#xD800;"}</openbadges:assertion>', 'CORRUPT_SVG'],
    ['a bare ampersand', '<openbadges:assertion>{"a":"b & c"}</openbadges:assertion>', 'CORRUPT_SVG'],
    ['an unterminated reference', '<openbadges:assertion>{"a":"&amp"}</openbadges:assertion>', 'CORRUPT_SVG'],
  ])('refuses %s', (_name, inner, code) => {
    expect(run(inner)).toMatchObject({ ok: false, error: { code } });
  });

  it('does not mind entities and bare ampersands outside the badge element', () => {
    expect(run('<text>&nbsp; AT&T</text><openbadges:assertion verify="https://example.org/a"/>')).toMatchObject({ ok: true });
  });
});

describe('well-formedness', () => {
  const corrupt = (doc: string, reason: string) => {
    expect(extract(new TextEncoder().encode(doc))).toMatchObject({ ok: false, error: { code: 'CORRUPT_SVG', params: { reason } } });
  };

  it.each([
    ['<svg><g></svg>', 'mismatched-tag'],
    ['<svg><g>', 'unclosed-element'],
    ['<svg><!-- never closed </svg>', 'unterminated'],
    ['<svg><![CDATA[ never closed </svg>', 'unterminated'],
    ['<svg><?pi never closed </svg>', 'unterminated'],
    ['<svg><g a="never closed></g></svg>', 'unterminated'],
    ['<svg><g a=unquoted/></svg>', 'syntax'],
    ['<svg><g a="1" a="2"/></svg>', 'syntax'],
    ['<svg><g a="1"b="2"/></svg>', 'syntax'],
    ['<svg><g a="<"/></svg>', 'syntax'],
    ['<svg></svg><svg></svg>', 'outside-root'],
    ['<svg></svg>text', 'outside-root'],
    ['<svg></svg><!DOCTYPE svg>', 'syntax'],
    ['<svg><a:/></svg>', 'bad-name'],
    ['<svg><g :b="1"/></svg>', 'bad-name'],
    ['<svg><!ELEMENT x ANY></svg>', 'syntax'],
  ])('%s', (doc, reason) => corrupt(doc, reason));

  it('refuses an SVG that is not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<svg><desc>caf'), 0xe9, ...new TextEncoder().encode('</desc></svg>')]);
    expect(extract(latin1)).toEqual({ ok: false, error: { code: 'CORRUPT_SVG', params: { reason: 'encoding' } } });
  });

  it('skips a DOCTYPE whose internal subset holds >, ] and quotes, without expanding it', () => {
    const doc = `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY a "x > y ] z">
  <!-- a comment with ]> and ' inside -->
  <?pi ]> ?>
  <!ENTITY b 'it"s'>
]>
<svg xmlns:openbadges="${OB2_NS}"><openbadges:assertion verify="https://example.org/a"/></svg>`;
    expect(extract(new TextEncoder().encode(doc))).toMatchObject({ ok: true, value: { payload: 'https://example.org/a' } });
  });
});

describe('scanXml cost', () => {
  // No timings are asserted: these would take minutes (or never end) on a quadratic or backtracking scanner.
  const big = (n: number, unit: string) => unit.repeat(n);

  it('handles pathological documents in linear time', () => {
    const cases: [string, string | undefined][] = [
      [`<svg>${big(200_000, '<g>')}${big(200_000, '</g>')}</svg>`, undefined], // deep nesting
      [`<svg><g ${Array.from({ length: 50_000 }, (_, i) => `a${i}="v"`).join(' ')}/></svg>`, undefined], // many attributes
      [`<svg>${big(100_000, '<g xmlns:p="u"><p:x/></g>')}</svg>`, undefined], // many namespace scopes
      [`<svg xmlns:openbadges="${OB2_NS}">${big(100_000, '<openbadges:assertion verify="https://example.org/a"/>')}</svg>`, undefined],
      [`<svg>${big(500_000, '<!-- -->')}</svg>`, undefined],
      [`<svg><g a="${big(1_000_000, '&')}"/></svg>`, undefined],
      [`<svg>${big(1_000_000, '<')}`, 'syntax'],
      [`<svg>${big(1_000_000, '<!--')}`, 'unterminated'],
      [`<svg><a b="${big(1_000_000, 'x')}`, 'unterminated'],
    ];
    for (const [doc, reason] of cases) {
      const fault = scanXml(doc, {});
      expect(fault && 'reason' in fault ? fault.reason : undefined).toBe(reason);
    }
    const body = `<svg xmlns:openbadges="${OB2_NS}"><openbadges:assertion>${big(500_000, '&amp;')}</openbadges:assertion></svg>`;
    expect(extract(new TextEncoder().encode(body))).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });
});
