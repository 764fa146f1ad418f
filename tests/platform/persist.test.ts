/** Persistent storage (src/platform/persist.ts) with fake StorageManagers: it never throws. */
import { describe, expect, it } from 'vitest';
import { requestPersistence, storageStatus, type StorageManagerLike } from '../../src/platform/persist';

describe('storageStatus', () => {
  it('reads persistence and the estimate', async () => {
    const storage: StorageManagerLike = { persisted: async () => true, estimate: async () => ({ usage: 1234, quota: 1_000_000 }) };
    expect(await storageStatus(storage)).toEqual({ persistence: 'persisted', usage: 1234, quota: 1_000_000 });
  });

  it('says unsupported and unknown when there is no API, or it fails', async () => {
    expect(await storageStatus(undefined)).toEqual({ persistence: 'unsupported', usage: null, quota: null });
    const broken: StorageManagerLike = {
      persisted: async () => {
        throw new Error('no');
      },
      estimate: async () => {
        throw new Error('no');
      },
    };
    expect(await storageStatus(broken)).toEqual({ persistence: 'unsupported', usage: null, quota: null });
    expect(await storageStatus({ persisted: async () => false, estimate: async () => ({ usage: Number.NaN }) })).toEqual({
      persistence: 'not-persisted',
      usage: null,
      quota: null,
    });
  });
});

describe('requestPersistence', () => {
  it('asks, and reports the answer', async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => true })).toBe('granted');
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe('denied');
  });

  it('does not ask again when already persisted', async () => {
    let asked = false;
    const storage: StorageManagerLike = {
      persisted: async () => true,
      persist: async () => {
        asked = true;
        return true;
      },
    };
    expect(await requestPersistence(storage)).toBe('granted');
    expect(asked).toBe(false);
  });

  it('says unsupported without the API, denied when asking fails', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(
      await requestPersistence({
        persist: async () => {
          throw new Error('no');
        },
      }),
    ).toBe('denied');
  });
});
