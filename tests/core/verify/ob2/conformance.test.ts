/**
 * OB 2.0 class rules, one by one (validator-core ClassValidators / the Java port's validationMap),
 * on variations of the 1EdTech samples.
 */
import { describe, expect, it } from 'vitest';
import {
  endorsementProblems,
  Findings,
  validateAssertion,
  validateBadgeClass,
  validateContext,
  validateProfile,
} from '../../../../src/core/verify/ob2/conformance';
import { endorsementsCheck } from '../../../../src/core/verify/ob2/endorsements';
import { extensionChecks } from '../../../../src/core/verify/ob2/extensions';
import { isValidRdfType, vocabularyOf } from '../../../../src/core/verify/ob2/vocab';
import { context, mockNet, problems, readCorpusText } from './support';

const corpus = (file: string): Record<string, unknown> => JSON.parse(readCorpusText(file)) as Record<string, unknown>;
const vocab = vocabularyOf({});

function assertionProblems(doc: Record<string, unknown>): string[] {
  const f = new Findings();
  validateContext(f, doc, 'a');
  validateAssertion(f, doc, { vocab: vocabularyOf(doc) });
  return problems(f.result());
}

const basic = () => corpus('1edtech-dcpv/ob20/basic-assertion.json');

describe('Assertion', () => {
  it('the 1EdTech basic assertion conforms', () => {
    const f = new Findings();
    validateContext(f, basic(), 'a');
    validateAssertion(f, basic(), { vocab });
    expect(f.result().map((c) => `${c.id}:${c.code}`)).toEqual(['context:OK', 'type:OK', 'schema:OK', 'image:OK']);
  });

  it('required properties', () => {
    for (const prop of ['id', 'recipient', 'badge', 'verification']) {
      const doc = basic();
      delete doc[prop];
      expect(assertionProblems(doc), prop).toContain('schema:fail:PROPERTY_MISSING');
    }
    const noType = basic();
    delete noType['type'];
    expect(assertionProblems(noType)).toEqual(['type:fail:TYPE_MISSING']);
  });

  it('types: Assertion among valid IRIs; verification type HostedBadge or SignedBadge', () => {
    expect(assertionProblems({
      ...basic(),
      type: ['Assertion', 'extensions:Foo', 'https://example.org/Cool'],
    })).toEqual([]);
    expect(assertionProblems({ ...basic(), type: ['Assertion', 'Cool'] })).toEqual(['type:fail:TYPE_INVALID']);
    expect(assertionProblems({ ...basic(), verification: { type: 'Hosted' } })).toEqual(['type:fail:TYPE_INVALID']);
    expect(assertionProblems({
      ...basic(),
      verification: 'https://example.org/v',
    })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });

  it('@context: v2 URL, its alias, an array with it, an inline copy; anything else fails', () => {
    expect(assertionProblems({ ...basic(), '@context': 'https://openbadgespec.org/v2/context.json' })).toEqual([]);
    expect(assertionProblems({
      ...basic(),
      '@context': ['https://w3id.org/openbadges/v2', 'https://example.org/ext.json'],
    })).toEqual([]);
    const inline = (corpus('1edtech-dcpv/ob20/rdf-validation/valid-badge-class.json'))['@context'];
    expect(assertionProblems({ ...basic(), '@context': inline })).toEqual([]);
    expect(assertionProblems({
      ...basic(),
      '@context': { name: 'http://schema.org/name' },
    })).toEqual(['context:fail:CONTEXT_MISSING']);
    expect(assertionProblems({
      ...basic(),
      '@context': 'https://www.w3.org/ns/credentials/v2',
    })).toEqual(['context:fail:CONTEXT_MISSING']);
  });

  it('image: one URL or Image; never a data URI on an Assertion', () => {
    expect(assertionProblems({ ...basic(), image: { id: 'https://example.org/i.png', caption: 'x' } })).toEqual([]);
    expect(assertionProblems({
      ...basic(),
      image: 'data:image/png;base64,iVBORw0KGgo=',
    })).toEqual(['image:fail:DATA_URI_NOT_ALLOWED']);
    expect(assertionProblems({
      ...basic(),
      image: ['https://example.org/a.png', 'https://example.org/b.png'],
    })).toEqual(['image:fail:PROPERTY_INVALID']);
    expect(assertionProblems({ ...basic(), image: 'javascript:alert(1)' })).toEqual(['image:fail:PROPERTY_INVALID']);
  });

  it('evidence: IRIs or Evidence objects; narrative text', () => {
    expect(assertionProblems({
      ...basic(),
      evidence: [{ id: '_:b1', narrative: 'Did it' }, 'https://example.org/e'],
    })).toEqual([]);
    expect(assertionProblems({ ...basic(), evidence: ['not an iri'] })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(assertionProblems({ ...basic(), narrative: 42 })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(assertionProblems({ ...basic(), '@language': 'en-US', version: 2 })).toEqual([]);
  });
});

describe('IdentityObject (identity_object_property_dependencies)', () => {
  const recipient = (r: Record<string, unknown>) => assertionProblems({ ...basic(), recipient: r });
  it('type ∈ id/email/url/telephone', () => {
    for (const type of ['id', 'email', 'url', 'telephone']) expect(recipient({
      type,
      hashed: true,
      identity: `md5$${'a'.repeat(32)}`,
    }), type).toEqual([]);
    expect(recipient({ type: 'emailAddress', hashed: false, identity: 'a@b.c' })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(recipient({ hashed: false, identity: 'a@b.c' })).toEqual(['schema:fail:PROPERTY_MISSING']);
  });
  it('hashed → sha256$/md5$ hash of the right length, any case; a hash with hashed false is wrong', () => {
    expect(recipient({ type: 'email', hashed: true, identity: `sha256$${'AB'.repeat(32)}` })).toEqual([]);
    expect(recipient({ type: 'email', hashed: true, identity: 'sha256$abc' })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(recipient({ type: 'email', hashed: true, identity: 'a@b.c' })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(recipient({
      type: 'email',
      hashed: false,
      identity: `md5$${'0'.repeat(32)}`,
    })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });
  it('an unhashed email must look like one; hashed is required and boolean', () => {
    expect(recipient({ type: 'email', hashed: false, identity: 'nobody' })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(recipient({ type: 'url', hashed: false, identity: 'https://me.test' })).toEqual([]);
    expect(recipient({ type: 'email', identity: 'a@b.c' })).toEqual(['schema:fail:PROPERTY_MISSING']);
    expect(recipient({ type: 'email', hashed: 'false', identity: 'a@b.c' })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });
});

describe('BadgeClass and Profile', () => {
  const bcProblems = (doc: Record<string, unknown>) => {
    const f = new Findings();
    validateBadgeClass(f, doc, { vocab });
    return problems(f.result());
  };
  const robotics = () => corpus('1edtech-dcpv/ob20/assets/robotics-badge.json');

  it('BadgeClass: name, description, criteria, issuer required; data URI images PNG/SVG only', () => {
    expect(bcProblems(robotics())).toEqual([]);
    for (const prop of ['name', 'description', 'criteria', 'issuer']) {
      const doc = robotics();
      delete doc[prop];
      expect(bcProblems(doc), prop).toEqual(['schema:fail:PROPERTY_MISSING']);
    }
    expect(bcProblems(corpus('1edtech-dcpv/ob20/assets/badge-with-data-image.json'))).toEqual([]);
    expect(bcProblems({ ...robotics(), image: 'data:image/gif;base64,R0lGODlh' })).toEqual(['image:fail:PROPERTY_INVALID']);
    expect(bcProblems({ ...robotics(), image: 'data:image/svg+xml;utf8,<svg/>' })).toEqual([]);
  });

  it('criteria: a URL, or an object with an id and/or a narrative', () => {
    expect(bcProblems({ ...robotics(), criteria: { narrative: 'Do it' } })).toEqual([]);
    expect(bcProblems({ ...robotics(), criteria: { id: 'https://example.org/c' } })).toEqual([]);
    expect(bcProblems({ ...robotics(), criteria: { id: '_:b0' } })).toEqual(['schema:fail:PROPERTY_MISSING']);
    expect(bcProblems({ ...robotics(), criteria: {} })).toEqual(['schema:fail:PROPERTY_MISSING']);
    expect(bcProblems({ ...robotics(), criteria: 'do things' })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });

  it('alignment targetName + targetUrl; tags are text', () => {
    expect(bcProblems({
      ...robotics(),
      alignment: [{ targetName: 'T', targetUrl: 'https://f.test/t', targetCode: 'T1' }],
    })).toEqual([]);
    expect(bcProblems({ ...robotics(), alignment: [{ targetName: 'T' }] })).toEqual(['schema:fail:PROPERTY_MISSING']);
    expect(bcProblems({ ...robotics(), tags: ['a', 3] })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });

  const profileProblems = (doc: Record<string, unknown>, legacy = false) => {
    const f = new Findings();
    validateProfile(f, doc, { vocab, legacy });
    return problems(f.result());
  };
  const org = () => corpus('1edtech-dcpv/ob20/assets/organization.json');

  it('Profile: type Issuer or Profile (fail); name/url/email are warnings here', () => {
    expect(profileProblems(org())).toEqual([]);
    expect(profileProblems({ ...org(), type: 'Profile' })).toEqual([]);
    expect(profileProblems({ ...org(), type: 'Criteria' })).toEqual(['type:fail:TYPE_INVALID']);
    const { email: _e, ...noEmail } = org();
    expect(profileProblems(noEmail)).toEqual(['schema:warn:PROPERTY_MISSING']);
    expect(profileProblems(noEmail, true)).toEqual([]); // OB 1.x issuers had no required email
    expect(profileProblems({ ...org(), url: 'example.org' })).toEqual(['schema:warn:PROPERTY_INVALID']);
    expect(profileProblems({ ...org(), telephone: '+33 1 23' })).toEqual(['schema:warn:PROPERTY_INVALID']);
    expect(profileProblems({ ...org(), telephone: '+33123456789' })).toEqual([]);
  });

  it('Profile verification policy: compact IRI verificationProperty, URL startsWith', () => {
    expect(profileProblems(corpus('1edtech-dcpv/ob20/issuer-compact-iri-validation.json'))).toEqual([]);
    expect(profileProblems({
      ...org(),
      verification: { verificationProperty: 'notATerm' },
    })).toEqual(['schema:fail:PROPERTY_INVALID']);
    expect(profileProblems({
      ...org(),
      verification: { startsWith: 'example.org/' },
    })).toEqual(['schema:fail:PROPERTY_INVALID']);
  });
});

describe('RDF types in the document context', () => {
  it('terms, compact IRIs with known prefixes and absolute IRIs are types; bare words are not', () => {
    for (const t of ['Assertion', 'hosted', 'schema:Thing', 'extensions:ExampleExtension', 'http://example.com/CoolClass']) {
      expect(isValidRdfType(t, vocab), t).toBe(true);
    }
    for (const t of ['NotAKnownClass', 'UNKNOWN', '', 'foo:Bar', 42]) expect(isValidRdfType(t, vocab), String(t)).toBe(false);
  });
  it('an inline context adds its terms', () => {
    const v = vocabularyOf({ '@context': [{ Cool: 'http://example.com/Cool', ex: 'http://example.com/' }] });
    expect(isValidRdfType('Cool', v)).toBe(true);
    expect(isValidRdfType('ex:Other', v)).toBe(true);
  });
});

describe('extension nodes', () => {
  it('ExampleExtension: exampleProperty must be a string (1EdTech test schema)', () => {
    expect(extensionChecks(corpus('1edtech-dcpv/ob20/assertion-with-extension-node-basic.json'), 'a')).toEqual([]);
    expect(extensionChecks(corpus('1edtech-dcpv/ob20/assertion-with-multiple-extensions.json'), 'a')).toEqual([]);
    expect(problems(extensionChecks(corpus('1edtech-dcpv/ob20/assertion-with-extension-node-invalid.json'), 'a'))).toEqual([
      'schema:fail:SCHEMA_ERROR',
    ]);
  });
  it('ApplyLink needs a URI; GeoCoordinates needs description and numeric geo', () => {
    const ext = (e: Record<string, unknown>) => problems(extensionChecks({
      id: 'a',
      'extensions:x': { ...e, type: ['Extension', ...(e['type'] as string[])] },
    }, 'a'));
    expect(ext({ type: ['extensions:ApplyLink'], url: 'not a uri' })).toEqual(['schema:fail:SCHEMA_ERROR']);
    expect(ext({
      type: ['extensions:GeoCoordinates'],
      description: 'Here',
      geo: { latitude: 1.5, longitude: 2 },
    })).toEqual([]);
    expect(ext({
      type: ['extensions:GeoCoordinates'],
      description: 'Here',
      geo: { latitude: '1.5', longitude: 2 },
    })).toEqual([
      'schema:fail:SCHEMA_ERROR',
    ]);
  });
  it('an extension Besace has no schema for is reported unchecked, not failed', () => {
    const checks = extensionChecks({ id: 'a', 'extensions:x': { type: ['Extension', 'extensions:Unknown'], foo: 1 } }, 'a');
    expect(checks).toEqual([{
      id: 'schema',
      status: 'unchecked',
      code: 'SCHEMA_UNAVAILABLE',
      params: { node: 'a', extension: 'extensions:Unknown' },
    }]);
  });
});

describe('endorsements', () => {
  it('the 1EdTech endorsement samples have the Endorsement shape', () => {
    for (const n of [1, 2, 3, 4]) {
      const e = corpus(`1edtech-dcpv/ob20/assets/endorsement-${n}.json`);
      expect(endorsementProblems(e, vocabularyOf(e))).toEqual([]);
    }
    expect(endorsementProblems({
      id: 'https://e.test/1',
      type: 'Endorsement',
      claim: 'x',
      issuer: 'https://i.test',
      verification: {},
    }, vocab)).toEqual(['claim']);
  });

  it('fetched from their URLs: pass with the count; an invalid one warns; unreachable ones are unchecked', async () => {
    const doc = corpus('1edtech-dcpv/ob20/assertion-with-endorsements.json');
    const ok = await endorsementsCheck(context(mockNet()), [doc, doc['badge'] as Record<string, unknown>, null]);
    expect(ok).toEqual({ id: 'endorsements', status: 'pass', code: 'ENDORSEMENTS_VALID', params: { count: 4 } });

    const bad = await endorsementsCheck(context(mockNet()), [{ endorsement: [{ id: 'https://e.test/1', type: 'Endorsement' }] }]);
    expect(bad).toMatchObject({
      status: 'warn',
      code: 'ENDORSEMENT_INVALID',
      params: { reason: 'claim,issuer,verification,issuedOn' },
    });

    const offline = await endorsementsCheck(context(mockNet({ failures: new Map([['https://example.org/endorsement-1.json', 'OFFLINE']]) })), [doc]);
    expect(offline).toMatchObject({ status: 'unchecked', code: 'OFFLINE' });

    expect(await endorsementsCheck(context(mockNet()), [basic()])).toEqual({
      id: 'endorsements',
      status: 'pass',
      code: 'NO_ENDORSEMENTS',
    });
  });
});
