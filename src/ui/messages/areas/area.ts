/**
 * A slice of the message catalogue, owned by one part of the app. English and French are written
 * side by side and must have exactly the same keys (a compile error otherwise); en.ts and fr.ts
 * gather every slice into the one typed catalogue per language.
 */
export function area<const E extends Readonly<Record<string, string>>>(slice: {
  readonly en: E;
  readonly fr: { readonly [K in keyof E]: string };
}) {
  return slice;
}
