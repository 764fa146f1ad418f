import type { Catalogue } from './en';

/** Catalogue français. Mêmes clés que en.ts, vérifiées par le compilateur et par un test. */
export const fr: Catalogue = {
  'app.name': 'Besace',
  'app.tagline': 'Vos Open Badges, conservés et vérifiés sur votre appareil.',
  'app.intro':
    'Besace garde les badges numériques que vous avez obtenus — bénévolat, sport, impression 3D, une compétence universitaire —, vérifie qu’ils sont authentiques et vous aide à les montrer sur un CV, sur LinkedIn ou en entretien.',
  'app.privacy':
    'Tout reste sur cet appareil : pas de compte, pas de serveur à nous. Rien ne sort sans que vous choisissiez de le partager.',
  'app.versions': 'Lit les Open Badges 1.x, 2.0 et 3.0 intégrés dans des images PNG et SVG, en JSON, JWS et JWT.',
  'app.comingSoon': 'Le sac à badges lui-même arrive : importer, vérifier et partager vos badges.',
  'lang.label': 'Langue',
  'lang.en': 'English',
  'lang.fr': 'Français',
};
