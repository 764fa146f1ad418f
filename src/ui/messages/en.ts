/**
 * English catalogue. Every user-facing string of the app lives here and in fr.ts.
 * Keys are typed: fr.ts must provide exactly the same keys (a compile error and a test otherwise).
 * Messages take named parameters written {like_this}.
 */
export const en = {
  'app.name': 'Besace',
  'app.tagline': 'Your Open Badges, kept and verified on your device.',
  'app.intro':
    'Besace keeps the digital badges you have earned — volunteering, sport, 3D printing, a university skill — checks that they are genuine, and helps you show them on a CV, on LinkedIn or at an interview.',
  'app.privacy':
    'Everything stays on this device: no account, no server of ours. Nothing leaves unless you choose to share it.',
  'app.versions': 'Reads Open Badges 1.x, 2.0 and 3.0 baked into PNG and SVG images, JSON, JWS and JWT.',
  'app.comingSoon': 'The backpack itself is on its way: importing, verifying and sharing badges.',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.fr': 'Français',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = { readonly [K in MessageKey]: string };
