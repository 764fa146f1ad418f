/** Sharing without a server: share links carrying the badges, and LinkedIn links. Pure. */
export * from './link';
export * from './linkedin';
