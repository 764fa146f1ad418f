import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLang, t } from '../../src/ui/messages';
import { en as eagerEn } from '../../src/ui/messages/en';
import { fr as eagerFr } from '../../src/ui/messages/fr';
import { LAZY_AREAS } from '../support/allMessages';

// The whole catalogue: the shell's messages and every part loaded with its page.
const en: Record<string, string> = Object.assign({}, eagerEn, ...LAZY_AREAS.map((a) => a.en));
const fr: Record<string, string> = Object.assign({}, eagerFr, ...LAZY_AREAS.map((a) => a.fr));

describe('message catalogues', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty, and both use the same {parameters}', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) {
      expect(en[key]!.trim(), key).not.toBe('');
      expect(fr[key]!.trim(), key).not.toBe('');
      expect(params(fr[key]!), key).toEqual(params(en[key]!));
    }
  });

  it('every part’s slice is in the shell’s catalogue, or loaded with the pages that use it', async () => {
    const dir = join(import.meta.dirname, '../../src/ui/messages/areas');
    const lazySource = readFileSync(join(import.meta.dirname, '../../src/ui/lazy.tsx'), 'utf8');
    for (const file of readdirSync(dir).filter((f) => f !== 'area.ts')) {
      const name = file.replace(/\.ts$/, '');
      const slice = (await import(join(dir, file)))[name] as { en: Record<string, string> };
      const eager = Object.keys(slice.en).every((k) => k in eagerEn);
      const lazy = LAZY_AREAS.some((a) => a.en === slice.en);
      expect(eager !== lazy, `${name}: exactly one of eager or lazy`).toBe(true);
      if (lazy) expect(lazySource, `${name}: loaded by a page in src/ui/lazy.tsx`).toContain(`./messages/areas/${name}'`);
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
