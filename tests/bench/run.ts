/**
 * `npm run bench`: speed and memory figures, side by side with the libraries users would
 * otherwise reach for, in one run. Figures are printed, never asserted (tests hold no timings).
 */
import { benchApp } from './app';
import { benchBaking } from './baking';
import { benchShareSizes } from './share-sizes';
import { benchProofs } from './verify-proofs';

const sections: [string, () => Promise<void>][] = [
  ['Extraction (unbaking) vs pngjs pixel decode', benchBaking],
  ['Verification per proof format, and vs @digitalcredentials/verifier-core', benchProofs],
  ['The backpack app in Chromium: shell size, importing 1,000 badges, search', benchApp],
  ['Share links: length and QR version, and vs VPQR (@digitalcredentials/vpqr)', benchShareSizes],
];

for (const [title, run] of sections) {
  console.log(`\n## ${title}\n`);
  await run();
}
