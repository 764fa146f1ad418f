import { area } from './area';

/** Messages of the storage part of the app. Keys start with 'storage.'. */
export const storage = area({
  en: {},
  fr: {},
});
