import { area } from './area';

/** Messages of the shell part of the app. Keys start with 'shell.'. */
export const shell = area({
  en: {},
  fr: {},
});
