/**
 * Version detection (validator-core's rule, SPECS §2.1) and the 0.5 / 1.0 / 1.1 → 2.0 upgrades
 * (SPECS §2.9), on the corpus's legacy files; reading JSON with comments.
 */
import { describe, expect, it } from 'vitest';
import { detectOb2Version } from '../../../../src/core/verify/ob2';
import { parseJsonLenient, stripJsonComments } from '../../../../src/core/verify/ob2/json';
import { upgradeNode } from '../../../../src/core/verify/ob2/version';
import { readCorpusText } from './support';

const corpus = (file: string): Record<string, unknown> => JSON.parse(readCorpusText(file)) as Record<string, unknown>;

describe('detectOb2Version', () => {
  it.each([
    ['1edtech-validator-core/0_5_assertion.json', '0.5'],
    ['1edtech-validator-core/0_5_1_assertion.json', '0.5'],
    ['1edtech-validator-core/1_0_basic_assertion.json', '1.0'],
    ['1edtech-validator-core/1_0_basic_badgeclass.json', '1.0'],
    ['1edtech-validator-core/1_0_basic_issuer.json', '1.0'],
    ['1edtech-validator-core/1_0_assertion_with_errors.json', '0.5'], // a string recipient, whatever else it says
    ['1edtech-validator-core/1_1_basic_assertion.json', '1.1'],
    ['1edtech-validator-core/1_1_basic_issuer.json', '1.1'],
    ['1edtech-validator-core/2_0_basic_assertion.json', '2.0'],
    ['1edtech-dcpv/ob20/basic-assertion-invalid-context.json', '2.0'], // unknown context: "latest"
    ['1edtech-dcpv/ob20/rdf-validation/valid-badge-class.json', '2.0'], // inline context object
  ])('%s → %s', (file, version) => {
    expect(detectOb2Version(corpus(file))).toBe(version);
  });

  it('null for what is not a JSON object', () => {
    for (const v of [null, undefined, 'x', 42, [], [{}]]) expect(detectOb2Version(v)).toBeNull();
  });
});

describe('upgrades', () => {
  it('0.5: recipient string + salt → IdentityObject, issued_on, issuer origin/contact/org, id from the URL', () => {
    const { node, version, problems } = upgradeNode(corpus('1edtech-validator-core/0_5_1_assertion.json'), { nodeUrl: 'http://x.test/a' });
    expect(version).toBe('0.5');
    expect(problems).toEqual([]);
    expect(node).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v1',
      type: 'Assertion',
      id: 'http://x.test/a',
      issuedOn: '2011-06-01T00:00:00.000Z',
      recipient: {
        identity: 'sha256$85c4196c5516561cef673642157499b70066cb1070852b2a37fdbf3cc599b087',
        type: 'email',
        hashed: true,
        salt: 'sel gris',
      },
      verification: { type: 'HostedBadge' },
      badge: { type: 'BadgeClass', issuer: { type: 'Profile', url: 'http://oldstyle.com', name: 'Basic Issuer' } },
    });
    expect(node['salt']).toBeUndefined();
    expect(node['issued_on']).toBeUndefined();

    const plain = upgradeNode(corpus('1edtech-validator-core/0_5_assertion.json'));
    expect(plain.problems).toEqual(['no-id']);
    expect(plain.node['recipient']).toEqual({ identity: 'test@example.com', type: 'email', hashed: false });

    const org = upgradeNode({
      recipient: 'a@b.c',
      badge: { issuer: { name: 'Uni', org: 'Dept', contact: 'x@y.z', origin: 'https://u.test' } },
    }, { nodeUrl: 'https://u.test/1' });
    expect(org.node['badge']).toMatchObject({ issuer: { name: 'Uni: Dept', email: 'x@y.z', url: 'https://u.test' } });
  });

  it('1.0: the assertion id is verify.url, verify becomes verification, classes get their type', () => {
    const a = upgradeNode(corpus('1edtech-validator-core/1_0_basic_assertion.json'));
    expect(a.version).toBe('1.0');
    expect(a.node).toMatchObject({
      id: 'http://a.com/instance',
      type: 'Assertion',
      verification: { type: 'HostedBadge', url: 'http://a.com/instance' },
      issuedOn: '2015-04-30T00:00:00.000Z',
    });
    expect(a.node['verify']).toBeUndefined();
    // The URL it was fetched from wins, as in validator-core.
    expect(upgradeNode(corpus('1edtech-validator-core/1_0_basic_assertion.json'), { nodeUrl: 'http://a.com/other' }).node['id']).toBe(
      'http://a.com/other',
    );
    expect(upgradeNode(corpus('1edtech-validator-core/1_0_basic_badgeclass.json'), { nodeUrl: 'http://a.com/badgeclass' }).node).toMatchObject({
      id: 'http://a.com/badgeclass',
      type: 'BadgeClass',
    });
    expect(upgradeNode(corpus('1edtech-validator-core/1_0_basic_issuer.json'), { nodeUrl: 'http://a.com/issuer' }).node).toMatchObject({
      id: 'http://a.com/issuer',
      type: 'Issuer',
    });
    const signed = upgradeNode({
      uid: 'u1',
      recipient: { identity: 'x' },
      verify: { type: 'signed', url: 'https://k.test/key' },
    });
    expect(signed.node).toMatchObject({ id: 'uid:u1', verification: { type: 'SignedBadge' } });
  });

  it('1.1: numeric, string-numeric, naive and date-only timestamps; alignment terms; IssuerOrg', () => {
    const base = corpus('1edtech-validator-core/1_1_basic_assertion.json');
    // validator-core test_upgrade_1_1_assertion: 1500423730 → 2017-07-19T00:22:10+00:00
    expect(upgradeNode({ ...base, issuedOn: 1500423730 }).node['issuedOn']).toBe('2017-07-19T00:22:10.000Z');
    expect(upgradeNode({ ...base, issuedOn: '1500423730.5' }).node['issuedOn']).toBe('2017-07-19T00:22:10.500Z');
    expect(upgradeNode({ ...base, issuedOn: '2016-05-15' }).node['issuedOn']).toBe('2016-05-15T00:00:00.000Z');
    expect(upgradeNode({ ...base, expires: '2030-01-01T12:00:00' }).node['expires']).toBe('2030-01-01T12:00:00.000Z');
    // Already a 2.0 DateTime: left as written.
    expect(upgradeNode(base).node['issuedOn']).toBe('2016-12-31T23:59:59Z');

    const bc = corpus('1edtech-validator-core/1_1_basic_badgeclass.json');
    const aligned = upgradeNode({
      ...bc,
      alignment: { url: 'http://somewhere.test/x', name: "Knowledge of children's songs" },
    });
    expect(aligned.node['alignment']).toEqual({
      targetUrl: 'http://somewhere.test/x',
      targetName: "Knowledge of children's songs",
    });
    const many = upgradeNode({
      ...bc,
      alignment: [{ url: 'http://a.test', name: 'A', description: 'd' }, { targetName: 'B', targetUrl: 'http://b.test' }],
    });
    expect(many.node['alignment']).toEqual([
      { targetUrl: 'http://a.test', targetName: 'A', targetDescription: 'd' },
      { targetName: 'B', targetUrl: 'http://b.test' },
    ]);
    expect(upgradeNode({
      ...corpus('1edtech-validator-core/1_1_basic_issuer.json'),
      type: 'IssuerOrg',
    }).node['type']).toBe('Issuer');
  });

  it('2.0: left alone (aliases aside), and the input is never modified', () => {
    const doc = corpus('1edtech-validator-core/2_0_basic_assertion.json');
    const before = JSON.stringify(doc);
    const { node, version } = upgradeNode(doc);
    expect(version).toBe('2.0');
    expect(node['verification']).toEqual({ type: 'HostedBadge' });
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('JSON with comments', () => {
  it('strips // and /* */ outside strings only', () => {
    const text = '{ // a comment\n "url": "http://x.test//not-a-comment", /* block */ "n": 1 // end\n}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: 'http://x.test//not-a-comment', n: 1 });
    expect(JSON.parse(stripJsonComments('{"a": "say \\"//hi\\""} // c'))).toEqual({ a: 'say "//hi"' });
  });

  it('parses 1EdTech redirected-validation-subject.json', () => {
    const parsed = parseJsonLenient(readCorpusText('1edtech-dcpv/ob20/redirected-validation-subject.json'));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && (parsed.value as { id: string }).id).toBe('http://example.org/altbadgeurl');
  });

  it('still refuses what is not JSON', () => {
    expect(parseJsonLenient('{verify:{"url":"http://example.org"}}').ok).toBe(false);
    expect(parseJsonLenient('{"a": 1,}').ok).toBe(false);
    expect(parseJsonLenient('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
