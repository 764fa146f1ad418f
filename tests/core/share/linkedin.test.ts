/** LinkedIn links (SPECS §6): every value encoded, months 1–12 in UTC, empty values left out. */
import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share';

const params = (url: string) => {
  const u = new URL(url);
  expect(`${u.origin}${u.pathname}`).toBe('https://www.linkedin.com/profile/add');
  return Object.fromEntries(u.searchParams);
};

describe('linkedInAddToProfileUrl', () => {
  it('encodes names with &, #, accents and emoji so that they come back exactly', () => {
    const name = 'R&D #1 — Été 🎓 a=b?c';
    const org = 'Café & Co #2 🚀';
    const url = linkedInAddToProfileUrl({ name, organizationName: org, issuedOn: '2026-03-15T12:00:00Z' });
    expect(url).not.toContain('#');
    expect(url).not.toMatch(/&(?!(name|organizationName|issueYear|issueMonth)=)/);
    expect(params(url)).toEqual({ startTask: 'CERTIFICATION_NAME', name, organizationName: org, issueYear: '2026', issueMonth: '3' });
  });

  it('gives months 1 and 12 (not 0–11), from the UTC date', () => {
    expect(params(linkedInAddToProfileUrl({ name: 'A', issuedOn: '2026-01-01T00:00:00Z' }))).toMatchObject({ issueYear: '2026', issueMonth: '1' });
    expect(params(linkedInAddToProfileUrl({ name: 'A', issuedOn: new Date(Date.UTC(2025, 11, 31, 23, 59)) }))).toMatchObject({ issueYear: '2025', issueMonth: '12' });
    // 23:30 on 31 December at UTC-5 is already January in UTC.
    expect(params(linkedInAddToProfileUrl({ name: 'A', issuedOn: '2025-12-31T23:30:00-05:00' }))).toMatchObject({ issueYear: '2026', issueMonth: '1' });
  });

  it('adds the expiration only when the badge expires', () => {
    const expiring = params(linkedInAddToProfileUrl({ name: 'A', issuedOn: '2024-12-01T00:00:00Z', expires: '2027-01-31T00:00:00Z' }));
    expect(expiring).toMatchObject({ expirationYear: '2027', expirationMonth: '1' });
    const lasting = params(linkedInAddToProfileUrl({ name: 'A', issuedOn: '2024-12-01T00:00:00Z', expires: null }));
    expect(lasting).not.toHaveProperty('expirationYear');
    expect(lasting).not.toHaveProperty('expirationMonth');
  });

  it('prefers organizationId when known, and leaves out empty and invalid values', () => {
    const withId = params(linkedInAddToProfileUrl({ name: 'A', organizationName: 'Org', organizationId: 1337 }));
    expect(withId).toMatchObject({ organizationId: '1337' });
    expect(withId).not.toHaveProperty('organizationName');
    const sparse = params(linkedInAddToProfileUrl({ name: 'A', organizationName: '', organizationId: '', issuedOn: 'not a date', certUrl: ' ', certId: null }));
    expect(sparse).toEqual({ startTask: 'CERTIFICATION_NAME', name: 'A' });
    const full = params(linkedInAddToProfileUrl({ name: 'A', certUrl: 'https://b.example/#v1.abc', certId: 'urn:uuid:1' }));
    expect(full).toMatchObject({ certUrl: 'https://b.example/#v1.abc', certId: 'urn:uuid:1' });
  });
});

describe('linkedInShareUrl', () => {
  it('carries only the page URL, encoded', () => {
    const page = 'https://b.example/p?a=1&b=2#x';
    const url = new URL(linkedInShareUrl(page));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/sharing/share-offsite/');
    expect([...url.searchParams]).toEqual([['url', page]]);
    expect(url.hash).toBe('');
  });
});
