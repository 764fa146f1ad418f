/**
 * Once per test run, before the browser tests (tests/browser/): make sure Debian's Chromium is there
 * (installing it when we are root, as CI is) and build the app for production into dist/.
 *
 * BESACE_DIST_FRESH=1 skips the build and uses the dist/ that is there (say, right after `npm run build`).
 * The build goes to a fresh folder that then replaces dist/ in one rename, so a test run never serves a
 * half-written dist/ while another run (or `npm run build`) in the same working tree is building.
 *
 * A missing browser or a failed build fails the browser tests with its message (through
 * `browserSetup()` in tests/support/browser.ts), not the whole run: the other tests still run.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './support/ensureChromium';
import { buildProduction } from './support/build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build the browser tests serve (absolute path of dist/). */
    besaceDist: string;
    chromiumPath: string;
    /** Why there is no browser or no build ('' when all is well): the browser tests fail with it, the others run. */
    browserSetupError: string;
  }
}

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

async function buildInto(outDir: string): Promise<void> {
  await buildProduction(outDir);
}

/** Build elsewhere, then swap it in: dist/ is never half-written. */
async function buildDist(): Promise<void> {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  // Beside dist/ on the same file system (for rename), in a folder git already ignores.
  const scratch = fileURLToPath(new URL('../node_modules/.cache/besace-browser-tests/', import.meta.url));
  await mkdir(scratch, { recursive: true });
  const fresh = `${scratch}dist-building-${tag}`;
  const old = `${scratch}dist-old-${tag}`;
  try {
    await buildInto(fresh);
    // Another run may put its own dist/ back between our two renames: move it aside and try again.
    for (let attempt = 1; ; attempt++) {
      await rm(old, { recursive: true, force: true });
      await rename(DIST, old).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      try {
        await rename(fresh, DIST);
        break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
      }
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const fresh = process.env.BESACE_DIST_FRESH === '1';
  let chromiumPath = '';
  let error = '';
  try {
    chromiumPath = await ensureChromium();
    if (!fresh) await buildDist();
    else if (!existsSync(`${DIST}/index.html`)) {
      throw new Error('BESACE_DIST_FRESH=1 but dist/index.html is missing: run `npm run build` or unset BESACE_DIST_FRESH');
    }
  } catch (cause) {
    // Not thrown from here, which would stop every test: only the browser tests need a browser and a build.
    error = cause instanceof Error ? cause.message : String(cause);
  }
  project.provide('besaceDist', DIST);
  project.provide('chromiumPath', chromiumPath);
  project.provide('browserSetupError', error);
  process.stdout.write(
    error
      ? `[browser tests] will fail: ${error}\n`
      : `[browser tests] chromium ${chromiumPath}, ${fresh ? 'dist/ as it is (BESACE_DIST_FRESH=1)' : 'fresh production build in dist/'} (${Date.now() - started} ms)\n`,
  );
}
