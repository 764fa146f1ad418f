import { en, type Catalogue, type LazyAreas, type MessageKey } from './en';
import { fr } from './fr';

export type Lang = 'en' | 'fr';
export type { MessageKey, Catalogue };
/** The messages loaded so far: the shell's, then each lazy part's as its chunk arrives (addMessages). */
const loaded: Record<Lang, Record<string, string>> = { en: { ...en }, fr: { ...fr } };
export const catalogues = loaded as unknown as Readonly<Record<Lang, Catalogue>>;

/** Add a part's messages (its chunk has loaded). Idempotent. */
export function addMessages(slice: LazyAreas): void {
  Object.assign(loaded.en, slice.en);
  Object.assign(loaded.fr, slice.fr);
}
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
  const message = loaded[lang][key];
  if (message === undefined) {
    // A part's page rendered before its messages were added: a bug (see src/ui/lazy.tsx), shown, not thrown.
    console.error(`Besace: no message ${key} (its part's messages were not loaded)`);
    return key;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
