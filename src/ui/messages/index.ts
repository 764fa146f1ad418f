import { en, type Catalogue, type MessageKey } from './en';
import { fr } from './fr';

export type Lang = 'en' | 'fr';
export type { MessageKey, Catalogue };
export const catalogues: Readonly<Record<Lang, Catalogue>> = { en, fr };
export const languages: readonly Lang[] = ['en', 'fr'];

/** French for browsers whose first preferred language is French, English otherwise. */
export function pickLang(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** Look a message up and fill its {named} parameters. Parameters are plain text, never HTML. */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
