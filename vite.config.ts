/// <reference types="vitest/config" />
import { defineConfig, type LogLevel, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';

const port = Number(process.env.PORT ?? 4173);

/**
 * Content-Security-Policy of the production build: a <meta> in index.html (build only: the dev
 * server injects inline scripts for HMR) and a header from `vite preview`. Nothing inline, nothing
 * third-party but what verification needs: issuer documents over https (connect-src) and issuer
 * images over https, or stored ones as blob:/data: (img-src). Plain-http issuers are blocked (as
 * mixed content on an https origin anyway); localhost is allowed for local issuers and tests.
 * A font or worker that Vite inlines as a data: URL would be blocked: keep them as files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data: https:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Headers for servers that can send them (`vite preview`; copy them to the real host). frame-ancestors works only as a header. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'besace:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (/<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=/i.test(html)) {
          throw new Error('besace:csp: index.html has an inline script or style, which the Content-Security-Policy forbids');
        }
        // Right after <meta charset>, before any script or stylesheet: a policy applies only to what follows it.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        const withPolicy = html.replace(/^(\s*)(<meta charset[^>]*>)/im, `$1$2\n$1${meta}`);
        if (withPolicy === html) throw new Error('besace:csp: index.html needs a <meta charset> to put the policy after');
        return withPolicy;
      },
    },
  };
}

/**
 * Open Graph (index.html's head): LinkedIn and other crawlers want an absolute og:image, and the
 * address of the app is only known where it is deployed. Build with the env var BESACE_PUBLIC_URL
 * set to it (e.g. `BESACE_PUBLIC_URL=https://besace.example/ npm run build`): og:image becomes
 * absolute and og:url is added. Without it, og:image stays the path /og-image.png (the app works
 * the same; only link previews lack the image).
 */
export function withPublicUrl(html: string, publicUrl: string): string {
  let base: URL | null = null;
  try {
    base = new URL(publicUrl.trim());
  } catch {
    base = null;
  }
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:')) {
    throw new Error(`besace:open-graph: BESACE_PUBLIC_URL must be an absolute https:// address, not "${publicUrl}"`);
  }
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const image = /(<meta property="og:image" content=")([^"]*)(")/;
  const path = image.exec(html)?.[2];
  if (path === undefined) throw new Error('besace:open-graph: index.html has no <meta property="og:image">');
  return html
    .replace(image, (_, open: string, _path: string, close: string) => `${open}${attr(new URL(path.replace(/&amp;/g, '&'), base).href)}${close}`)
    .replace(/^(\s*)(<meta property="og:image" )/m, `$1<meta property="og:url" content="${attr(base.href)}" />\n$1$2`);
}

function openGraph(): Plugin {
  return {
    name: 'besace:open-graph',
    apply: 'build',
    transformIndexHtml: {
      order: 'post', // after Vite has put the build's base in front of the public file's path
      handler: (html) => {
        const publicUrl = process.env.BESACE_PUBLIC_URL?.trim();
        return publicUrl ? withPublicUrl(html, publicUrl) : html;
      },
    },
  };
}

/**
 * The web app manifest (one language per manifest: the description says it in both). Colours are
 * src/ui/style.css's --accent and --bg. Shared files arrive as a POST that src/sw.ts answers (the
 * static host never sees it); launched files come through window.launchQueue (src/platform/launchQueue.ts).
 */
export const WEB_MANIFEST: Partial<ManifestOptions> = {
  id: '/',
  name: 'Besace — sac à badges',
  short_name: 'Besace',
  description: 'Keep and verify your Open Badges on your device. / Gardez et vérifiez vos Open Badges sur votre appareil.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: '#8a4b14',
  background_color: '#faf7f2',
  categories: ['education', 'productivity'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
  share_target: {
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      url: 'url',
      files: [
        {
          name: 'badges',
          accept: ['image/png', 'image/svg+xml', 'application/json', '.png', '.svg', '.json', '.jws', '.jwt', 'text/plain'],
        },
      ],
    },
  },
  file_handlers: [
    {
      action: '/',
      accept: {
        'image/png': ['.png'],
        'image/svg+xml': ['.svg'],
        'application/json': ['.json'],
        'text/plain': ['.jws', '.jwt'],
      },
    },
  ],
};

/**
 * The service worker (src/sw.ts, Workbox injectManifest), production builds only. It precaches
 * every file of the build — the shell, the verification worker (jsonld, the proof suites) and the
 * chunks it loads lazily (each bundled JSON-LD context) — so that the app opens and verifies
 * offline after the first visit. Registered by src/platform/sw-register.ts: no script is injected into
 * index.html (the CSP forbids inline scripts), only the <link rel="manifest">.
 */
function serviceWorker(): Plugin[] {
  let logLevel: LogLevel | undefined;
  const around: Plugin = {
    name: 'besace:pwa-build',
    apply: 'build',
    configResolved: (config) => {
      logLevel = config.logLevel;
    },
  };
  const pwa = VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    manifestFilename: 'manifest.webmanifest',
    manifest: WEB_MANIFEST,
    includeManifestIcons: false, // globPatterns below already take every icon
    injectManifest: {
      rollupFormat: 'iife', // a classic script: every browser runs it, whatever its module-worker support
      globPatterns: ['**/*.{html,js,css,svg,png,json,woff2}'], // and the manifest, which the plugin adds itself
      globIgnores: ['**/*.map'],
      // The largest file, the verification worker, is about 0.3 MB. A file over this limit fails the
      // build (vite-plugin-pwa's default) rather than being left out of the precache.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
    devOptions: { enabled: false },
    // The service worker's own build speaks as loudly as the app's (quiet in the tests' builds).
    integration: {
      configureCustomSWViteBuild: (config) => {
        if (logLevel) config.logLevel = logLevel;
      },
    },
  });
  return [around, ...pwa];
}

export default defineConfig({
  plugins: [preact(), contentSecurityPolicy(), openGraph(), serviceWorker()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  // Module workers: the verification worker loads each JSON-LD context as a chunk of its own, on
  // demand (an 'iife' worker would inline them all).
  worker: {
    format: 'es',
  },
  preview: {
    port,
    strictPort: true,
    host: 'localhost',
    headers: { ...SECURITY_HEADERS },
  },
  server: {
    host: 'localhost',
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/browser/**', '**/node_modules/**'],
          setupFiles: ['tests/setup/flushEffects.ts'],
        },
      },
      {
        // Headless Chromium against the production build: brings Debian's chromium and builds once.
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/globalSetup.browser.ts'] },
      },
    ],
  },
});
