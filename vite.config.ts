/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

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

export default defineConfig({
  plugins: [preact(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: true,
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
