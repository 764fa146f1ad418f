import { describe, expect, it } from 'vitest';
import { BACKPACK_ERROR_CODES } from '../../src/app/types';
import { storage } from '../../src/ui/messages/areas/storage';

describe('storage messages', () => {
  it('say something, in English and French, for every BackpackErrorCode', () => {
    for (const code of BACKPACK_ERROR_CODES) {
      const key = `storage.error.${code}` as keyof typeof storage.en;
      expect(storage.en[key], key).toMatch(/\S/);
      expect(storage.fr[key], key).toMatch(/\S/);
    }
  });
});
