import { area } from './area';

/** Messages of the profile part of the app. Keys start with 'profile.'. */
export const profile = area({
  en: {},
  fr: {},
});
