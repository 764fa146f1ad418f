/**
 * Persistent storage: a browser may clear a site's data when the device runs low on space, unless
 * the site's storage is "persisted". A backpack of credentials asks for it, and shows the answer.
 *
 *   const status = await storageStatus();       // { persisted, usage, quota }
 *   const answer = await requestPersistence();  // 'granted' | 'denied' | 'unsupported'
 *
 * Neither ever throws: a browser without the StorageManager API, or one that refuses to answer,
 * reads as 'unsupported' / null.
 */

/** The part of the StorageManager API used here (navigator.storage, or a fake in tests). */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export type Persistence = 'persisted' | 'not-persisted' | 'unsupported';

export interface StorageStatus {
  readonly persistence: Persistence;
  /** Bytes this site uses, when the browser tells. */
  readonly usage: number | null;
  /** Bytes this site may use, when the browser tells. */
  readonly quota: number | null;
}

function defaultStorage(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? (navigator.storage as StorageManagerLike | undefined) : undefined;
}

const finite = (n: unknown): number | null => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null);

export async function storageStatus(storage: StorageManagerLike | undefined = defaultStorage()): Promise<StorageStatus> {
  let persistence: Persistence = 'unsupported';
  if (typeof storage?.persisted === 'function') {
    try {
      persistence = (await storage.persisted()) ? 'persisted' : 'not-persisted';
    } catch {
      persistence = 'unsupported';
    }
  }
  let usage: number | null = null;
  let quota: number | null = null;
  if (typeof storage?.estimate === 'function') {
    try {
      const estimate = await storage.estimate();
      usage = finite(estimate.usage);
      quota = finite(estimate.quota);
    } catch {
      /* no estimate: shown as unknown */
    }
  }
  return { persistence, usage, quota };
}

/**
 * Ask the browser to keep this site's data. Chromium answers at once from its own heuristics
 * (installed, bookmarked, engagement); Firefox may ask the user. Already persisted → 'granted'.
 */
export async function requestPersistence(storage: StorageManagerLike | undefined = defaultStorage()): Promise<'granted' | 'denied' | 'unsupported'> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
