import { area } from './area';

/** Messages of the importer part of the app. Keys start with 'importer.'. */
export const importer = area({
  en: {},
  fr: {},
});
