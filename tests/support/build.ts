/**
 * The one production build the tests and the bench make through Vite's API: the app, for
 * production, into `outDir` (emptied first). Vitest sets NODE_ENV=test, and Vite's isProduction
 * reads it, so it is 'production' for the build's duration and restored after.
 */
import { fileURLToPath } from 'node:url';
import type { LogLevel, PluginOption } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function buildProduction(
  outDir: string,
  options: { logLevel?: LogLevel; plugins?: PluginOption[] } = {},
): Promise<Awaited<ReturnType<typeof import('vite').build>>> {
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build({
      root: ROOT,
      configFile: `${ROOT}vite.config.ts`,
      mode: 'production',
      logLevel: options.logLevel ?? 'warn',
      build: { outDir, emptyOutDir: true },
      ...(options.plugins ? { plugins: options.plugins } : {}),
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
