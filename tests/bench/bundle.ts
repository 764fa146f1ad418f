/**
 * What the page downloads before its first screen, in gzip bytes: the entry chunk and every chunk it
 * imports statically (transitively), as the production build makes them. Used by the budget test
 * (tests/bench/budget.test.ts, asserted) and by `npm run bench` (tests/bench/app.ts, printed).
 *
 *   const build = await buildApp(outDir);      // vite's build API, production mode
 *   const figures = measureBundle(build);
 *   figures.firstLoadGzip <= SHELL_BUDGET_GZIP
 *
 * Bytes are deterministic for a given tree: nothing here is a timing.
 */
import { gzipSync } from 'node:zlib';
import { buildProduction } from '../support/build';

/** The goal for the shell's JavaScript: 60 KB of gzip (KB = 1000 bytes, as Vite prints them). */
export const SHELL_BUDGET_GZIP = 60_000;

/**
 * Strings only the JSON-LD and proof libraries carry (jsonld, rdf-canonize, the RDF vocabulary they
 * build on): none may be in the first load. The verification worker holds them all (the test checks,
 * so that the search cannot pass by looking for the wrong thing).
 */
export const PROOF_LIBRARY_MARKERS: readonly string[] = ['jsonld', 'rdf-canonize', 'URDNA2015', 'RDFC-1.0', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'];


/** A chunk or an asset of the build, as emitted. */
export interface BuiltFile {
  readonly fileName: string;
  readonly code: string;
  /** Static imports (chunks only). */
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  /** Absolute module ids bundled in it (chunks only). */
  readonly moduleIds: readonly string[];
  readonly isEntry: boolean;
  /** Stylesheets Vite loads with this chunk. */
  readonly css: readonly string[];
}

export interface AppBuild {
  readonly outDir: string;
  readonly files: ReadonlyMap<string, BuiltFile>;
}

/** Build the app for production into `outDir` (emptied first), quietly, through vite's API. */
export async function buildApp(outDir: string): Promise<AppBuild> {
  const result = await buildProduction(outDir, { logLevel: 'silent' });
  const outputs = Array.isArray(result) ? result : [result];
  const files = new Map<string, BuiltFile>();
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('buildApp: vite returned a watcher, not a build');
    for (const item of output.output) {
      if (item.type === 'chunk') {
        const meta = (item as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
        files.set(item.fileName, {
          fileName: item.fileName,
          code: item.code,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          moduleIds: item.moduleIds,
          isEntry: item.isEntry,
          css: meta?.importedCss ? [...meta.importedCss] : [],
        });
      } else {
        const code = typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
        files.set(item.fileName, { fileName: item.fileName, code, imports: [], dynamicImports: [], moduleIds: [], isEntry: false, css: [] });
      }
    }
  }
  return { outDir, files };
}

export interface Sized {
  readonly fileName: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface BundleFigures {
  /** The page's entry chunk (index.html's module script). */
  readonly entry: string;
  /** The entry and its static imports, transitively: what loads before the first screen. */
  readonly firstLoad: readonly Sized[];
  readonly firstLoadBytes: number;
  readonly firstLoadGzip: number;
  /** The stylesheets of the first load. */
  readonly css: readonly Sized[];
  /** The verification worker (jsonld and the proof suites), loaded on the first verification. */
  readonly worker: Sized | undefined;
  /** Chunks the page loads on demand (pages, extraction, backups…), with their own static imports. */
  readonly lazy: readonly Sized[];
  /** Marker strings of the proof libraries found in the first load, as "file: marker". */
  readonly proofLibrariesInFirstLoad: readonly string[];
  /** Modules from jsonld / rdf-canonize / @digitalbazaar bundled in the first load. */
  readonly proofModulesInFirstLoad: readonly string[];
}

const size = (file: BuiltFile): Sized => ({
  fileName: file.fileName,
  bytes: Buffer.byteLength(file.code),
  gzip: gzipSync(file.code).length,
});

const PROOF_MODULE = /[\\/]node_modules[\\/](jsonld|rdf-canonize|@digitalbazaar)[\\/]/;

export function measureBundle(app: AppBuild): BundleFigures {
  const chunks = [...app.files.values()];
  const entries = chunks.filter((f) => f.isEntry && f.fileName.endsWith('.js'));
  const html = app.files.get('index.html')?.code ?? '';
  const entry = entries.find((f) => html.includes(`/${f.fileName}"`)) ?? entries[0];
  if (!entry) throw new Error('measureBundle: the build has no entry chunk');

  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of app.files.get(name)?.imports ?? []) visit(next);
  };
  visit(entry.fileName);
  const firstLoadFiles = [...seen].map((name) => app.files.get(name)).filter((f): f is BuiltFile => f !== undefined);
  const firstLoad = firstLoadFiles.map(size);

  const lazySeen = new Set<string>();
  const visitLazy = (name: string): void => {
    if (seen.has(name) || lazySeen.has(name)) return;
    lazySeen.add(name);
    const file = app.files.get(name);
    for (const next of [...(file?.imports ?? []), ...(file?.dynamicImports ?? [])]) visitLazy(next);
  };
  for (const f of firstLoadFiles) for (const d of f.dynamicImports) visitLazy(d);

  const cssNames = new Set(firstLoadFiles.flatMap((f) => f.css));
  const workerFile = chunks.find((f) => /^assets\/verify\.worker-[\w-]+\.js$/.test(f.fileName));

  return {
    entry: entry.fileName,
    firstLoad,
    firstLoadBytes: firstLoad.reduce((n, f) => n + f.bytes, 0),
    firstLoadGzip: firstLoad.reduce((n, f) => n + f.gzip, 0),
    css: [...cssNames].map((name) => app.files.get(name)).filter((f): f is BuiltFile => f !== undefined).map(size),
    worker: workerFile ? size(workerFile) : undefined,
    lazy: [...lazySeen].map((name) => app.files.get(name)).filter((f): f is BuiltFile => f !== undefined).map(size),
    proofLibrariesInFirstLoad: firstLoadFiles.flatMap((f) => PROOF_LIBRARY_MARKERS.filter((m) => f.code.includes(m)).map((m) => `${f.fileName}: ${m}`)),
    proofModulesInFirstLoad: firstLoadFiles.flatMap((f) => f.moduleIds.filter((id) => PROOF_MODULE.test(id))),
  };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
