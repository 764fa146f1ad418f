/**
 * The shell's bundle-size budget (STYLE practice 11; printed by `npm run bench`, asserted here).
 * Bytes, not timings: a production build of this tree always weighs the same.
 *
 * - the first-load JavaScript (the entry chunk and its static imports) is at most 60 KB of gzip;
 * - none of it is JSON-LD or proof-suite code (jsonld, rdf-canonize): only the verification worker has it;
 * - the Markdown renderer, the ZIP and inflate code and SHA-256 stay in lazily loaded chunks;
 * - every lazily loaded chunk is in the service worker's precache, so the app still works offline.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, kB, measureBundle, PROOF_LIBRARY_MARKERS, SHELL_BUDGET_GZIP, type AppBuild, type BundleFigures } from './bundle';

let outDir = '';
let app: AppBuild;
let figures: BundleFigures;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'besace-budget-'));
  app = await buildApp(outDir);
  figures = measureBundle(app);
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const describeFirstLoad = (): string => figures.firstLoad.map((f) => `${f.fileName} ${kB(f.gzip)}`).join(', ');

describe('the shell’s JavaScript budget', () => {
  it(`loads at most ${kB(SHELL_BUDGET_GZIP)} of gzip JavaScript before the first screen`, () => {
    expect(figures.firstLoad.length).toBeGreaterThanOrEqual(1);
    expect(figures.firstLoad.map((f) => f.fileName)).toContain(figures.entry);
    expect(
      figures.firstLoadGzip,
      `first-load JS is ${kB(figures.firstLoadGzip)} gzip (${describeFirstLoad()}); make what the first screen does not need a lazy import (src/ui/lazy.tsx)`,
    ).toBeLessThanOrEqual(SHELL_BUDGET_GZIP);
  });

  it('keeps the JSON-LD and proof libraries out of the first load (the verification worker has them)', () => {
    expect(figures.proofModulesInFirstLoad).toEqual([]);
    expect(figures.proofLibrariesInFirstLoad).toEqual([]);
    // The markers are the right ones: the worker, which bundles those libraries, carries each of them.
    const worker = figures.worker && app.files.get(figures.worker.fileName);
    expect(worker, 'the build has no verification worker (assets/verify.worker-*.js)').toBeDefined();
    for (const marker of PROOF_LIBRARY_MARKERS) expect(worker!.code.includes(marker), marker).toBe(true);
  });

  it('keeps the Markdown renderer, ZIP/inflate and SHA-256 code in lazily loaded chunks', () => {
    const firstLoadModules = figures.firstLoad.flatMap((f) => app.files.get(f.fileName)?.moduleIds ?? []);
    const lazyModules = figures.lazy.flatMap((f) => app.files.get(f.fileName)?.moduleIds ?? []);
    for (const lib of ['marked', 'fflate', '@noble/hashes']) {
      const inLib = (id: string) => id.replaceAll('\\', '/').includes(`/node_modules/${lib}/`);
      expect(firstLoadModules.filter(inLib), `${lib} in the first load`).toEqual([]);
      expect(lazyModules.some(inLib), `${lib} in a lazy chunk`).toBe(true);
    }
  });

  it('precaches every lazily loaded chunk in the service worker, so offline use is unchanged', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8');
    const wanted = [...figures.firstLoad, ...figures.lazy, ...figures.css].map((f) => f.fileName);
    expect(figures.lazy.length).toBeGreaterThanOrEqual(3);
    expect(wanted.filter((name) => !sw.includes(`"${name}"`))).toEqual([]);
  });
});
