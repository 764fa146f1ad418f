/**
 * Preact runs effects after paint: on a ~100 ms timer where there is no requestAnimationFrame, as in
 * jsdom. A component test that ends right after a render leaves such a timer behind, and it used to
 * fire after vitest had torn the DOM environment down ("window is not defined", an unhandled error
 * that fails the run). Let the last ones run while the DOM is still there.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, 150));
});
