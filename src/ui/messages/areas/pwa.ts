import { area } from './area';

/** Messages of the pwa part of the app. Keys start with 'pwa.'. */
export const pwa = area({
  en: {},
  fr: {},
});
