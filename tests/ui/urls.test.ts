/** The two doors from a badge's strings to URL attributes: https links, and https or PNG/SVG data images. */
import { describe, expect, it } from 'vitest';
import { linkHost, MAX_LINK_LENGTH, safeImageSrc, safeLinkHref } from '../../src/ui/shell/urls';

const PNG_DATA = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('safeLinkHref', () => {
  it('accepts https links and returns the parser’s serialisation', () => {
    expect(safeLinkHref('https://issuer.example/criteria')).toBe('https://issuer.example/criteria');
    expect(safeLinkHref('  https://ISSUER.example:443/a b?x=1#f  ')).toBe('https://issuer.example/a%20b?x=1#f');
    expect(safeLinkHref('HTTPS://issuer.example')).toBe('https://issuer.example/');
    expect(safeLinkHref('https://université.example/')).toBe('https://xn--universit-j4a.example/');
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const bad of [
      'http://issuer.example/',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001https://issuer.example',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      PNG_DATA,
      'file:///etc/passwd',
      'blob:https://besace.example/uuid',
      'ftp://issuer.example/',
      'mailto:someone@example.org',
      'intent://x#Intent;end',
    ]) {
      expect(safeLinkHref(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses relative links (they would point inside Besace), credentials, junk and non-strings', () => {
    for (const bad of ['/badge/123', '//evil.example/x', 'issuer.example', '#share', '?q=1', '', '   ', 'https://', 'https:///path', 'https:\\\\evil.example', 'https:/evil.example', 'https://user:pass@issuer.example/', 'https://bank.example@evil.example/', 'https://[::1', null, undefined, 42, {}, ['https://a.example']]) {
      expect(safeLinkHref(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses links too long to be honest', () => {
    expect(safeLinkHref(`https://issuer.example/${'a'.repeat(MAX_LINK_LENGTH)}`)).toBeNull();
    expect(safeLinkHref(`https://issuer.example/${'a'.repeat(100)}`)).not.toBeNull();
  });

  it('gives the host of a safe link, and nothing for an unsafe one', () => {
    expect(linkHost('https://www.issuer.example/x')).toBe('www.issuer.example');
    expect(linkHost('javascript:alert(1)')).toBeNull();
  });
});

describe('safeImageSrc', () => {
  it('accepts https images', () => {
    expect(safeImageSrc('https://issuer.example/badge.png')).toBe('https://issuer.example/badge.png');
  });

  it('accepts PNG and SVG data: URIs, in canonical form', () => {
    expect(safeImageSrc(PNG_DATA)).toBe(PNG_DATA);
    expect(safeImageSrc('DATA:IMAGE/PNG;BASE64,iVBORw0K')).toBe('data:image/png;base64,iVBORw0K');
    expect(safeImageSrc('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toBe('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=');
    expect(safeImageSrc('data:image/svg+xml;charset=utf-8,%3Csvg%3E%3C/svg%3E')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%3E%3C/svg%3E');
    // Characters that do not belong in an attribute are percent-encoded.
    expect(safeImageSrc('data:image/svg+xml,<svg onload="x"></svg>')).toBe('data:image/svg+xml,%3Csvg%20onload=%22x%22%3E%3C/svg%3E');
    // Base64 with line breaks, as some issuers write it.
    expect(safeImageSrc('data:image/png;base64,iVBO\nRw0K')).toBe('data:image/png;base64,iVBORw0K');
  });

  it('refuses every other image source', () => {
    for (const bad of [
      'http://issuer.example/badge.png',
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'data:image/jpeg;base64,/9j/4AAQ',
      'data:image/svg+xml;base64,!!!notbase64',
      'data:image/png',
      'data:;base64,iVBORw0K',
      'data:image/png;base64;foo,iVBO',
      'data:image/svg+xml;charset="x",<svg/>',
      'blob:https://besace.example/uuid',
      'file:///badge.png',
      '/icon.svg',
      'badge.png',
      '',
      null,
      7,
    ]) {
      expect(safeImageSrc(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('refuses data: images over the size cap', () => {
    expect(safeImageSrc(`data:image/png;base64,${'A'.repeat(3 * 1024 * 1024)}`)).toBeNull();
  });
});
