/** The list's text folding, the address of its view, and the app's routes. */
import { describe, expect, it } from 'vitest';
import { foldText, queryWords, readQuery, writeQuery } from '../../src/ui/library/search';
import { STATUS_KINDS } from '../../src/ui/library/status';
import { parseRoute } from '../../src/ui/router';

describe('foldText', () => {
  it('ignores case, accents and ligatures', () => {
    expect(foldText('Méneur')).toBe('meneur');
    expect(foldText('CŒUR de Ville')).toBe('coeur de ville');
    expect(foldText('Ærø  Straße')).toBe('aero strasse');
    expect(foldText('l’Enseignement')).toBe("l'enseignement");
    expect(foldText('ﬁnance')).toBe('finance');
    expect(queryWords('  Jeu   MÉNEUR ')).toEqual(['jeu', 'meneur']);
  });
});

describe('the list’s view in the address', () => {
  it('reads and writes ?q, status and sort, and ignores junk', () => {
    expect(readQuery('?q=meneur&status=expired&sort=issuer', STATUS_KINDS)).toEqual({ q: 'meneur', status: 'expired', sort: 'issuer' });
    expect(readQuery('?status=<script>&sort=evil&share-target=abc', STATUS_KINDS)).toEqual({ q: '', status: 'all', sort: 'newest' });
    expect(writeQuery({ q: 'cœur de', status: 'all', sort: 'newest' })).toBe('?q=c%C5%93ur+de');
    expect(writeQuery({ q: '', status: 'all', sort: 'newest' })).toBe('');
    expect(writeQuery({ q: '', status: 'revoked', sort: 'oldest' })).toBe('?status=revoked&sort=oldest');
  });
});

describe('routes', () => {
  it('routes by path, never by fragment', () => {
    const id = 'a'.repeat(64);
    expect(parseRoute('/')).toEqual({ name: 'library' });
    expect(parseRoute('/index.html')).toEqual({ name: 'library' });
    expect(parseRoute(`/badge/${id}`)).toEqual({ name: 'badge', id });
    expect(parseRoute(`/badge/${id}/`)).toEqual({ name: 'badge', id });
    expect(parseRoute('/import')).toEqual({ name: 'import' });
    expect(parseRoute('/profile')).toEqual({ name: 'profile' });
    expect(parseRoute('/badges/some-badge')).toEqual({ name: 'notFound' });
    expect(parseRoute('/badge/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(parseRoute('/badge/<script>')).toEqual({ name: 'notFound' });
    expect(parseRoute('/badge/a/b')).toEqual({ name: 'notFound' });
  });
});
