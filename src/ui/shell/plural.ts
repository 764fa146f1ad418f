import type { Lang } from '../messages';

const rules = new Map<Lang, Intl.PluralRules>();

/** 'one' or 'other' for a count in the language (French says "0 badge", English "0 badges"). */
export function pluralCategory(lang: Lang, n: number): 'one' | 'other' {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n) === 'one' ? 'one' : 'other';
}
