/**
 * Identity keys (SPECS §4.2 "Equality for storage/dedup") and the classification of the earner's
 * identities; the in-process verifier's mapping of identities.
 */
import { describe, expect, it } from 'vitest';
import { identityKeyOf, identityKind, normaliseId, ob2Key, ob3Key, supersedes } from '../../src/app/identity';
import { toIdentities } from '../../src/app/inProcessVerifier';
import type { Extracted } from '../../src/core/baking/types';
import type { Badge } from '../../src/core/model/badge';

const badge = (over: Partial<Badge> & { issuerId?: string | null }): Badge =>
  ({ obVersion: '3.0', id: 'urn:uuid:1', issuer: { id: over.issuerId === undefined ? 'https://issuer.example/' : over.issuerId }, issuedOn: null, ...over }) as Badge;

const json = (doc: unknown): Extracted => ({ container: 'json', obVersionHint: 'unknown', payloadKind: 'json', payload: JSON.stringify(doc), warnings: [] });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('identity keys', () => {
  it('percent-decode and trim the ids (OB 3.0 equality)', () => {
    expect(normaliseId('  https://example.org/caf%C3%A9 ')).toBe('https://example.org/café');
    expect(normaliseId('%E0%A4%A')).toBe('%E0%A4%A'); // a malformed escape stays as written
    expect(ob3Key(' https://issuer.example/ ', 'urn:uuid:%31')).toBe(ob3Key('https://issuer.example/', 'urn:uuid:1'));
    expect(ob3Key('', 'x')).toBeNull();
    expect(ob2Key('  ')).toBeNull();
  });

  it('OB 3.0: issuer id and credential id; OB 2.0: the assertion id', () => {
    expect(identityKeyOf(badge({}), null)).toBe('["ob3","https://issuer.example/","urn:uuid:1"]');
    expect(identityKeyOf(badge({ issuerId: null }), null)).toBeNull();
    expect(identityKeyOf(badge({ obVersion: '2.0', issuerId: null, id: 'https://example.org/a.json' }), null)).toBe('["ob2","https://example.org/a.json"]');
    expect(identityKeyOf(badge({ obVersion: '1.0', id: null }), null)).toBeNull();
    // A key cannot be forged across versions or by a separator inside an id.
    expect(ob3Key('a","b', 'c')).not.toBe(ob3Key('a', 'b","c'));
  });

  it('fall back to the payload when verification built no badge', () => {
    const credential = { type: ['VerifiableCredential', 'OpenBadgeCredential'], id: 'urn:uuid:1', issuer: { id: 'https://issuer.example/' } };
    expect(identityKeyOf(null, json(credential))).toBe(identityKeyOf(badge({}), null));
    expect(identityKeyOf(null, json({ type: 'Assertion', id: 'https://example.org/a.json' }))).toBe(ob2Key('https://example.org/a.json'));
    const jwt: Extracted = { container: 'jws', obVersionHint: '3.0', payloadKind: 'jwt', payload: `${b64({ alg: 'ES256' })}.${b64({ vc: { issuer: 'https://issuer.example/' }, jti: 'urn:uuid:1' })}.sig`, warnings: [] };
    expect(identityKeyOf(null, jwt)).toBe(identityKeyOf(badge({}), null));
    const url: Extracted = { container: 'png', obVersionHint: '1.x', payloadKind: 'url', payload: 'https://example.org/a.json', warnings: [] };
    expect(identityKeyOf(null, url)).toBe(ob2Key('https://example.org/a.json'));
    expect(identityKeyOf(null, { ...json({}), payload: '{ not json' })).toBeNull();
  });

  it('supersede only OB 3.0 with a strictly later validFrom', () => {
    const at = (issuedOn: string | null, obVersion: Badge['obVersion'] = '3.0') => badge({ issuedOn, obVersion });
    expect(supersedes(at('2025-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'))).toBe(true);
    expect(supersedes(at('2024-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'))).toBe(false);
    expect(supersedes(at('2023-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'))).toBe(false);
    expect(supersedes(at(null), at('2024-01-01T00:00:00Z'))).toBe(false);
    expect(supersedes(at('2025-01-01T00:00:00Z', '2.0'), at('2024-01-01T00:00:00Z', '2.0'))).toBe(false);
    expect(supersedes(null, at('2024-01-01T00:00:00Z'))).toBe(false);
  });
});

describe("the earner's identities", () => {
  it('are classified as e-mail, URL or other', () => {
    expect(identityKind('ann@example.org')).toBe('email');
    expect(identityKind('https://ann.example.org/')).toBe('url');
    expect(identityKind('http://ann.example.org')).toBe('url');
    expect(identityKind('did:web:ann.example.org')).toBe('other');
    expect(identityKind('mailto:ann@example.org')).toBe('other');
    expect(identityKind('+33123456789')).toBe('other');
    expect(identityKind('ann@localhost')).toBe('other');
  });

  it('reach the recipient check as e-mails, URLs and others', () => {
    const addedAt = '2026-01-01T00:00:00.000Z';
    expect(
      toIdentities([
        { value: 'ann@example.org', kind: 'email', addedAt },
        { value: 'https://ann.example.org/', kind: 'url', addedAt },
        { value: 'did:example:ann', kind: 'other', addedAt },
      ]),
    ).toEqual({ emails: ['ann@example.org'], urls: ['https://ann.example.org/'], others: ['did:example:ann'] });
  });
});
