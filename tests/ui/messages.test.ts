import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/messages/en';
import { fr } from '../../src/ui/messages/fr';
import { pickLang, t } from '../../src/ui/messages';

describe('message catalogues', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty, and both use the same {parameters}', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(fr[key].trim(), key).not.toBe('');
      expect(params(fr[key]), key).toEqual(params(en[key]));
    }
  });

  it('picks French for French browsers and English otherwise', () => {
    expect(pickLang(['fr-CA', 'en'])).toBe('fr');
    expect(pickLang(['de-DE', 'fr'])).toBe('fr');
    expect(pickLang(['en-GB', 'fr'])).toBe('en');
    expect(pickLang([])).toBe('en');
  });

  it('fills named parameters as plain text', () => {
    expect(t('en', 'app.name')).toBe('Besace');
  });
});

describe('every code the core can return has words in both languages', () => {
  it('extraction and baking codes', async () => {
    const { EXTRACT_ERROR_CODES, EXTRACT_WARNING_CODES, BAKE_ERROR_CODES } = await import('../../src/core/baking/types');
    const keys = new Set(Object.keys(en));
    const missing = [
      ...EXTRACT_ERROR_CODES.map((c) => `extract.error.${c}`),
      ...EXTRACT_WARNING_CODES.map((c) => `extract.warning.${c}`),
      ...BAKE_ERROR_CODES.map((c) => `bake.error.${c}`),
    ].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });
});
