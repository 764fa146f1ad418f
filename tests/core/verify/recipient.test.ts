/** Recipient matching (SPECS §2.5, §4.2, §8.7) on the published vectors. */
import { describe, expect, it } from 'vitest';
import type { BadgeRecipient } from '../../../src/core/model/badge';
import { recipientCheck } from '../../../src/core/verify/recipient';
import type { Identities } from '../../../src/core/verify/types';

const r = (type: string, identity: string, salt: string | null = null, hashed = true): BadgeRecipient => ({
  type,
  identity,
  salt,
  hashed,
});
const ids = (emails: string[], urls: string[] = [], others: string[] = []): Identities => ({ emails, urls, others });
const run = (recipients: BadgeRecipient[], identities: Identities, subjectId: string | null = null) =>
  recipientCheck({ recipients, subjectId, identities });

// 1EdTech OB 2.0 samples: SHA-256("nobody@example.org" + "deadsea")
const NOBODY_HASH = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';
// OB 3.0 spec example: SHA-256("a@example.com" + "Kosher")
const KOSHER_HASH = 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399';
// validator-core 0.5.1 sample: SHA-256("test@example.com" + "sel gris")
const SEL_GRIS_HASH = 'sha256$85c4196c5516561cef673642157499b70066cb1070852b2a37fdbf3cc599b087';

describe('hashed identities', () => {
  it('salted SHA-256, lower- and upper-case hex', async () => {
    expect(await run([r('email', NOBODY_HASH, 'deadsea')], ids(['nobody@example.org']))).toEqual({
      id: 'recipient',
      status: 'pass',
      code: 'RECIPIENT_MATCH',
      params: { identity: 'nobody@example.org' },
    });
    const upper = `sha256$${NOBODY_HASH.slice(7).toUpperCase()}`;
    expect((await run([r('email', upper, 'deadsea')], ids(['nobody@example.org']))).code).toBe('RECIPIENT_MATCH');
    expect((await run([r('email', SEL_GRIS_HASH, 'sel gris')], ids(['test@example.com']))).code).toBe('RECIPIENT_MATCH');
  });

  it('OB 3.0 identityType emailAddress', async () => {
    expect((await run([r('emailAddress', KOSHER_HASH, 'Kosher')], ids(['a@example.com']))).code).toBe('RECIPIENT_MATCH');
  });

  it('unsalted SHA-256 and MD5 (FIPS 180-2 / RFC 1321 vectors), any hex case', async () => {
    const sha = 'sha256$BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'; // SHA-256("abc")
    expect((await run([r('url', sha)], ids([], ['abc']))).code).toBe('RECIPIENT_MATCH');
    const md5 = 'md5$900150983CD24FB0D6963F7D28E17F72'; // MD5("abc")
    expect((await run([r('telephone', md5)], ids([], [], ['abc']))).code).toBe('RECIPIENT_MATCH');
    // MD5("message digest"): identifier "message" salted with " digest"
    expect((await run([r('email', 'md5$f96b697d7cb7938d525a2f31aaf161d0', ' digest')], ids(['message']))).code).toBe('RECIPIENT_MATCH');
  });

  it('an e-mail typed with other case or spaces is tried trimmed and lower-cased', async () => {
    expect(await run([r('email', NOBODY_HASH, 'deadsea')], ids([' Nobody@Example.ORG ']))).toMatchObject({
      code: 'RECIPIENT_MATCH',
      params: { identity: ' Nobody@Example.ORG ' },
    });
  });

  it('the wrong salt, the wrong person, a malformed hash → no match (a warning, not a forgery)', async () => {
    expect(await run([r('email', NOBODY_HASH, 'deadsee')], ids(['nobody@example.org']))).toEqual({
      id: 'recipient',
      status: 'warn',
      code: 'RECIPIENT_NO_MATCH',
    });
    expect((await run([r('email', NOBODY_HASH, 'deadsea')], ids(['somebody@example.org']))).code).toBe('RECIPIENT_NO_MATCH');
    expect((await run([r('email', 'sha256$abc', 'deadsea')], ids(['nobody@example.org']))).code).toBe('RECIPIENT_NO_MATCH');
  });

  it('only identities of the recipient’s type are compared', async () => {
    expect((await run([r('email', NOBODY_HASH, 'deadsea')], ids([], ['nobody@example.org']))).code).toBe('RECIPIENT_NO_MATCH');
  });
});

describe('plaintext identities and subject ids', () => {
  it('plaintext e-mail (OB 1.0 samples), case-insensitive for e-mails only', async () => {
    expect((await run([r('email', 'test@example.com', null, false)], ids(['test@example.com']))).code).toBe('RECIPIENT_MATCH');
    expect((await run([r('email', 'Test@Example.com', null, false)], ids(['test@example.com']))).code).toBe('RECIPIENT_MATCH');
    expect((await run([r('url', 'https://me.test/A', null, false)], ids([], ['https://me.test/a']))).code).toBe('RECIPIENT_NO_MATCH');
    expect((await run([r('url', 'https://me.test/a', null, false)], ids([], ['https://me.test/a']))).code).toBe('RECIPIENT_MATCH');
  });

  it('OB 3.0 credentialSubject.id equality', async () => {
    expect(await run([], ids([], [], ['did:example:ebfeb1f712ebc6f1c276e12ec21']), 'did:example:ebfeb1f712ebc6f1c276e12ec21')).toEqual({
      id: 'recipient',
      status: 'pass',
      code: 'RECIPIENT_MATCH',
      params: { identity: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
    });
    expect((await run([], ids(['a@b.c']), 'did:example:other')).code).toBe('RECIPIENT_NO_MATCH');
  });

  it('OB 2.0 type id: compared with URLs and other identifiers', async () => {
    expect((await run([r('id', 'did:example:123', null, false)], ids([], [], ['did:example:123']))).code).toBe('RECIPIENT_MATCH');
  });
});

describe('when there is nothing to compare', () => {
  it('no identities → unchecked NO_IDENTITIES', async () => {
    expect(await run([r('email', NOBODY_HASH, 'deadsea')], ids([]))).toEqual({
      id: 'recipient',
      status: 'unchecked',
      code: 'NO_IDENTITIES',
    });
  });
  it('no recipient at all → unchecked NOT_CHECKED', async () => {
    expect((await run([], ids(['a@b.c']))).code).toBe('NOT_CHECKED');
  });
  it('an unknown identity type: every identity is tried; no match → unchecked RECIPIENT_UNKNOWN_TYPE', async () => {
    expect(await run([r('shoeSize', '42', null, false)], ids(['a@b.c'], [], ['41']))).toEqual({
      id: 'recipient',
      status: 'unchecked',
      code: 'RECIPIENT_UNKNOWN_TYPE',
      params: { type: 'shoeSize' },
    });
    expect((await run([r('shoeSize', '42', null, false)], ids([], [], ['42']))).code).toBe('RECIPIENT_MATCH');
  });
});
