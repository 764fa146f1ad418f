/** normaliseOb3: corpus credentials → the Badge every view uses. */
import { describe, expect, it } from 'vitest';
import { findEndorsements, imageOf, normaliseOb3, text } from '../../../../src/core/verify/ob3/normalise';
import { readCorpusJson } from './support';

describe('normaliseOb3', () => {
  it('complete.json: every field the views use', () => {
    const badge = normaliseOb3(readCorpusJson('1edtech-dcpv/ob30/complete.json'), 'data-integrity');
    expect(badge).toMatchObject({
      obVersion: '3.0',
      proof: 'data-integrity',
      id: 'http://1edtech.edu/credentials/3732',
      achievementId: 'https://1edtech.edu/achievements/degree',
      name: '1EdTech University Degree',
      description: '1EdTech University Degree Description',
      criteria: { url: 'https://1edtech.edu/achievements/degree', narrative: '# Degree Requirements\nStudents must complete...' },
      image: { src: 'https://1edtech.edu/credentials/3732/image', caption: '1EdTech University Degree for Example Student' },
      issuer: {
        id: 'https://1edtech.edu/issuers/565049',
        name: '1EdTech University',
        url: 'https://1edtech.edu',
        image: { src: 'https://1edtech.edu/logo.png', caption: '1EdTech University logo' },
      },
      issuedOn: '2010-01-01T00:00:00.000Z',
      expires: '2030-01-01T00:00:00.000Z',
      awardedOn: null,
      subjectId: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
      narrative: 'There is a final project report and source code evidence.',
      achievementType: 'Degree',
      tags: ['research', 'computer science'],
      // credential (1) + achievement (1) + achievement creator (2) + issuer (1)
      endorsementCount: 5,
    });
    expect(badge.recipients).toEqual([
      { type: 'emailAddress', hashed: false, identity: 'student@1edtech.edu', salt: 'not-used' },
      { type: 'emailAddress', hashed: false, identity: 'somebody@gmail.com', salt: 'not-used' },
    ]);
    expect(badge.alignments).toHaveLength(2);
    expect(badge.alignments[0]).toEqual({
      targetName: '1EdTech University Degree',
      targetUrl: 'https://1edtech.edu/catalog/degree',
      targetDescription: '1EdTech University Degree programs.',
      targetFramework: '1EdTech University Program and Course Catalog',
      targetCode: 'degree',
    });
    expect(badge.evidence).toEqual([
      {
        id: 'https://1edtech.edu/credentials/3732/evidence/1',
        name: 'Final Project Report',
        description: 'This is the final project report.',
        narrative: '# Final Project Report \n This project was ...',
      },
      { id: 'https://github.com/somebody/project', name: 'Final Project Code', description: 'This is the source code for the final project app.', narrative: null },
    ]);
  });

  it('VC 1.1 dates, a string issuer, no achievement image: the achievement’s name and issuance date', () => {
    const badge = normaliseOb3(readCorpusJson('dcc-verifier-core/v1/v1SimpleIssuerId.json'), 'data-integrity');
    expect(badge.issuer).toEqual({ id: expect.stringMatching(/^did:/) as unknown as string, name: null, url: null, email: null, image: null });
    expect(badge.issuedOn).toBe('2025-01-09T15:06:31.000Z');
    expect(badge.expires).toBeNull();
    expect(badge.name).not.toBe('');
  });

  it('offsets are normalised to UTC (simple-did-key-method: -08:00)', () => {
    expect(normaliseOb3(readCorpusJson('1edtech-dcpv/ob30/simple-did-key-method.json'), 'data-integrity').issuedOn).toBe('2022-11-10T15:38:00.000Z');
  });

  it('a plain VC still yields a badge, named from the credential or its subject', () => {
    const badge = normaliseOb3(
      readCorpusJson('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json'),
      'data-integrity',
    );
    expect(badge).toMatchObject({ name: 'James Chartrand', description: 'James rode his new bike on the trails.', achievementId: null, recipients: [], issuedOn: null });
  });

  it('language maps, Image objects and bare URLs', () => {
    expect(text({ fr: 'Bonjour', en: 'Hello' })).toBe('Hello');
    expect(text({ fr: 'Bonjour' })).toBe('Bonjour');
    expect(text(42)).toBeNull();
    expect(imageOf('https://x.example/i.png')).toEqual({ src: 'https://x.example/i.png' });
    expect(imageOf({ id: 'data:image/png;base64,AAAA', type: 'Image', caption: 'c' })).toEqual({ src: 'data:image/png;base64,AAAA', caption: 'c' });
    expect(imageOf({ type: 'Image' })).toBeNull();
  });

  it('hashed identifiers keep their hash and salt', () => {
    const doc = readCorpusJson('1edtech-dcpv/ob30/simple.json');
    const subject = doc['credentialSubject'] as Record<string, unknown>;
    const badge = normaliseOb3(
      {
        ...doc,
        credentialSubject: {
          ...subject,
          identifier: [{ type: 'IdentityObject', hashed: true, identityHash: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399', identityType: 'emailAddress', salt: 'Kosher' }],
        },
      },
      'vc-jwt',
    );
    expect(badge.recipients).toEqual([
      { type: 'emailAddress', hashed: true, identity: 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399', salt: 'Kosher' },
    ]);
    expect(badge.proof).toBe('vc-jwt');
  });
});

describe('findEndorsements', () => {
  it('finds endorsement objects and JWTs at any depth, not inside the endorsements themselves', () => {
    const inner = { type: ['VerifiableCredential', 'EndorsementCredential'], issuer: { endorsement: [{ id: 'nested' }] } };
    const found = findEndorsements({
      endorsement: [inner],
      issuer: { endorsementJwt: ['a.b.c', 42] },
      credentialSubject: { achievement: { creator: { endorsement: { id: 'single' } } } },
      proof: { endorsement: [{ id: 'ignored' }] },
    });
    expect(found.objects).toEqual([inner, { id: 'single' }]);
    expect(found.jwts).toEqual(['a.b.c']);
  });
});
