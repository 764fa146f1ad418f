/** classifyBrowserError with a fake page (the real one runs in Chromium later). */
import { describe, expect, it } from 'vitest';
import { classifyBrowserError, type BrowserProbe } from '../../src/platform/browserNet';

const page = (onLine: boolean, probe: () => Promise<{ type: ResponseType }>) => {
  const calls: RequestInit[] = [];
  const fake: BrowserProbe = {
    onLine: () => onLine,
    fetch: (_url, init) => {
      calls.push(init);
      return probe();
    },
  };
  return { fake, calls };
};
const failedToFetch = new TypeError('Failed to fetch');

describe('classifyBrowserError', () => {
  it('names an abort TIMEOUT without probing', async () => {
    const { fake, calls } = page(true, async () => ({ type: 'opaque' }));
    expect(await classifyBrowserError(new DOMException('x', 'AbortError'), 'https://a.example/', fake)).toBe('TIMEOUT');
    expect(calls).toHaveLength(0);
  });

  it('names OFFLINE when the browser says so, without probing', async () => {
    const { fake, calls } = page(false, async () => ({ type: 'opaque' }));
    expect(await classifyBrowserError(failedToFetch, 'https://a.example/', fake)).toBe('OFFLINE');
    expect(calls).toHaveLength(0);
  });

  it('names CORS_BLOCKED when a no-cors probe gets an opaque answer', async () => {
    const { fake, calls } = page(true, async () => ({ type: 'opaque' }));
    expect(await classifyBrowserError(failedToFetch, 'https://a.example/', fake)).toBe('CORS_BLOCKED');
    expect(calls[0]).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
  });

  it('names NETWORK when the probe fails too, or for other errors', async () => {
    expect(await classifyBrowserError(failedToFetch, 'https://a.example/', page(true, () => Promise.reject(failedToFetch)).fake)).toBe('NETWORK');
    expect(await classifyBrowserError(new Error('odd'), 'https://a.example/', page(true, async () => ({ type: 'opaque' })).fake)).toBe('NETWORK');
  });
});
