/** Counted messages: `….one` / `….other` pairs in the catalogue, picked by the language's plural rules. */
import type { LangState } from '../context';
import type { Lang, MessageKey } from '../messages';
import { pluralCategory } from '../shell/plural';

/** Every key prefix B for which both `B.one` and `B.other` exist. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

export const pluralKey = (lang: Lang, base: PluralBase, count: number): MessageKey =>
  pluralCategory(lang, count) === 'one' ? `${base}.one` : `${base}.other`;

/** `t` for a counted message: `{count}` is filled in (formatted for the language), with any other parameters. */
export function plural(
  { lang, t }: Pick<LangState, 'lang' | 't'>,
  base: PluralBase,
  count: number,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return t(pluralKey(lang, base, count), { ...params, count: new Intl.NumberFormat(lang).format(count) });
}

/** "a, b, c" as a list of quantities in the language ("12 badges added, 3 merged"). */
export const listOf = (lang: Lang, parts: readonly string[]): string =>
  new Intl.ListFormat(lang, { style: 'long', type: 'unit' }).format(parts);
