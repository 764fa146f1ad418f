/**
 * src/core must stay pure so that the same code runs in the page, a worker and Node:
 * no preact, no idb, no UI, no Node built-ins, no DOM globals, no global fetch.
 * This test fails the build when a file breaks the rule, naming the file and the line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const coreDir = join(root, 'src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Blank out comments and string/template contents so that words inside them do not count. */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      out += c;
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\\') i++;
        out += source[i] === '\n' ? '\n' : ' ';
        i++;
      }
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const forbiddenImports: [RegExp, string][] = [
  [/^(preact|preact\/.*)$/, 'preact (UI)'],
  [/^idb(\/.*)?$/, 'idb (storage)'],
  [/^node:|^(fs|path|os|zlib|crypto|http|https|url|buffer|stream|child_process)$/, 'a Node built-in'],
  [/(^|\/)(ui|storage|platform|node)(\/|$)/, 'the UI, storage, platform or Node layers'],
  [/^workbox-/, 'workbox (service worker)'],
];

// `window` and `document` are not declared at all for src/core: its tsconfig has no DOM library, so
// the type check (part of `npm test`) rejects them — and a local variable named `document` (a JSON-LD
// document) stays allowed. The globals below exist in the worker library too, so they are caught here.
const forbiddenGlobals: [RegExp, string][] = [
  [/(?<![.\w$])localStorage\b/, 'localStorage'],
  [/(?<![.\w$])indexedDB\b/, 'indexedDB'],
  [/(?<![.\w$])navigator\b/, 'navigator'],
  [/(?<![.\w$])Buffer\b/, 'Buffer'],
  [/(?<![.\w$])process\./, 'process'],
  [/(?<![.\w$])require\(/, 'require'],
  [/(?<![.\w$])fetch\s*\(/, 'the global fetch'],
  [/\b(globalThis|self)\s*\.\s*fetch\b/, 'the global fetch'],
];

interface Violation {
  file: string;
  line: number;
  what: string;
}

export function findViolations(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  const importRe = /(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? '';
    for (const [re, what] of forbiddenImports) {
      if (re.test(spec)) {
        const line = source.slice(0, m.index).split('\n').length;
        found.push({ file, line, what: `imports ${what} ('${spec}')` });
      }
    }
  }
  codeOnly(source)
    .split('\n')
    .forEach((text, index) => {
      // A method signature such as `fetch(url: string): Promise<…>` in an interface is not a call.
      const line = text.replace(/^\s*(async\s+)?fetch\s*\(\s*[\w$]+\??\s*:/, '');
      for (const [re, what] of forbiddenGlobals) {
        if (re.test(line)) found.push({ file, line: index + 1, what: `uses ${what}` });
      }
    });
  return found;
}

describe('src/core purity', () => {
  it('has source files to check', () => {
    expect(sourceFiles(coreDir).length).toBeGreaterThan(3);
  });

  it('imports no UI, storage or Node module and touches no DOM global or global fetch', () => {
    const violations = sourceFiles(coreDir).flatMap((path) =>
      findViolations(relative(root, path), readFileSync(path, 'utf8')),
    );
    expect(violations.map((v) => `${v.file}:${v.line} ${v.what}`)).toEqual([]);
  });

  it('is type-checked without the DOM library, so window and document do not exist there', () => {
    const config = JSON.parse(readFileSync(join(coreDir, 'tsconfig.json'), 'utf8')) as { compilerOptions: { lib: string[]; types: string[] } };
    expect(config.compilerOptions.lib.map((l) => l.toLowerCase())).not.toContain('dom');
    expect(config.compilerOptions.types).toEqual([]);
  });

  it('catches the things it is meant to catch (the rule itself)', () => {
    const bad = [
      "import { h } from 'preact';",
      "import { openDB } from 'idb';",
      "import { readFile } from 'node:fs/promises';",
      "import { App } from '../../ui/App';",
      'const r = await fetch(url);',
      'const r = await globalThis.fetch(url);',
      'const b = Buffer.from(x);',
      'const db = indexedDB.open(name);',
      'if (navigator.onLine) go();',
    ].join('\n');
    expect(findViolations('x.ts', bad).length).toBe(9);
    const good = [
      '// window and document are mentioned in a comment only',
      "const s = 'fetch(url) in a string, window too';",
      'const { config, document } = proofConfigAndDocument(run, proof);',
      'const r = await net.fetch(url);',
      'const r = await ctx.net.fetch(url, { accept });',
      '  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;',
    ].join('\n');
    expect(findViolations('y.ts', good)).toEqual([]);
  });
});
