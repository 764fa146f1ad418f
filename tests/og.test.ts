/**
 * Open Graph in index.html: static tags (crawlers run no JavaScript) that make a link to Besace
 * unfurl on LinkedIn, with an image of the app in public/ at LinkedIn's 1200×627; and the build's
 * rewrite of og:image to an absolute URL when BESACE_PUBLIC_URL is set.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { withPublicUrl } from '../vite.config';

const ROOT = new URL('../', import.meta.url);
const indexHtml = () => readFile(new URL('index.html', ROOT), 'utf8');

/** The content of each <meta property|name=… content=…> of the head, by property or name. */
function metas(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf('</head>'));
  const found = new Map<string, string>();
  for (const m of head.matchAll(/<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"\s*\/?>/g)) found.set(m[1]!, m[2]!);
  return found;
}

describe('Open Graph tags', () => {
  it('are in index.html: type, site name, title, description, image with its size and alt, a large Twitter card', async () => {
    const tags = metas(await indexHtml());
    expect(tags.get('og:type')).toBe('website');
    expect(tags.get('og:site_name')).toBe('Besace');
    expect(tags.get('og:title')).toBe('Besace — verified Open Badges');
    expect(tags.get('og:description')).toMatch(/Open Badges.*\/.*Open Badges/); // English / French
    expect(tags.get('og:image')).toBe('/og-image.png');
    expect(tags.get('og:image:type')).toBe('image/png');
    expect([tags.get('og:image:width'), tags.get('og:image:height')]).toEqual(['1200', '627']);
    expect(tags.get('og:image:alt')?.trim()).not.toBe('');
    expect(tags.get('twitter:card')).toBe('summary_large_image');
  });

  it('point at a PNG of 1200×627 in public/, small enough to precache', async () => {
    const tags = metas(await indexHtml());
    const bytes = await readFile(new URL(`public${tags.get('og:image')}`, ROOT));
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1200, 627]);
    expect(bytes.length).toBeLessThan(60 * 1024);
    // The brand colour in the corner, as the manifest's theme_color.
    expect([...png.data.subarray(0, 3)]).toEqual([0x8a, 0x4b, 0x14]);
  });

  it('get an absolute og:image and an og:url when built with BESACE_PUBLIC_URL', async () => {
    const html = await indexHtml();
    const out = metas(withPublicUrl(html, 'https://besace.example'));
    expect(out.get('og:image')).toBe('https://besace.example/og-image.png');
    expect(out.get('og:url')).toBe('https://besace.example/');
    expect(out.get('og:title')).toBe('Besace — verified Open Badges');
    // A path after the host is kept for og:url; og:image keeps the build's own path.
    expect(metas(withPublicUrl(html.replace('content="/og-image.png"', 'content="/app/og-image.png"'), 'https://x.example/app?q=1#f')).get('og:image')).toBe(
      'https://x.example/app/og-image.png',
    );
    expect(metas(withPublicUrl(html, 'https://x.example/app')).get('og:url')).toBe('https://x.example/app/');
    expect(() => withPublicUrl(html, 'besace.example')).toThrow(/BESACE_PUBLIC_URL/);
    expect(() => withPublicUrl(html, 'javascript:alert(1)')).toThrow(/BESACE_PUBLIC_URL/);
  });
});
