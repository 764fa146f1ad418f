import { area } from './area';

/** Messages of the library part of the app. Keys start with 'library.'. */
export const library = area({
  en: {},
  fr: {},
});
