import { area } from './area';

/** Messages of the detail part of the app. Keys start with 'detail.'. */
export const detail = area({
  en: {},
  fr: {},
});
