/**
 * The only two doors from a badge's untrusted strings to a URL attribute.
 *
 * - `safeLinkHref` → for `<a href>`: an absolute https: URL, or null (show the text, no link).
 * - `safeImageSrc` → for `<img src>`: an https: URL, or a data: URI of a PNG or SVG image, or null.
 *
 * Everything else is refused: http: (mixed content, and a network attacker's playground),
 * javascript:, vbscript:, file:, blob: (a badge must not point at this app's own blobs), relative
 * URLs (they would resolve against Besace's origin), URLs with a user name or password (a
 * "https://bank.example@evil.example" disguise), and anything too long to be honest.
 *
 * The URL is parsed with the WHATWG parser, so leading control characters, tabs and new lines
 * hidden in "java\tscript:" are handled exactly as the browser would handle them; the value
 * returned is the parser's serialisation (`URL.href`), never the raw input.
 */

/** Longest link accepted (browsers and servers start to disagree beyond a few kilobytes). */
export const MAX_LINK_LENGTH = 4096;
/** Longest data: image accepted (a badge image embedded in JSON; larger ones are not shown). */
export const MAX_DATA_IMAGE_LENGTH = 2 * 1024 * 1024;

function parseHttps(raw: string): URL | null {
  if (raw.length > MAX_LINK_LENGTH) return null;
  const value = raw.trim();
  // Stricter than the parser, which forgives what an honest issuer never writes: control characters
  // (a tab inside "java\tscript:"), and "https:///host" or "https:\\host" for "https://host".
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  if (!/^https:\/\/[^/\\]/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value); // no base: a relative URL throws
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '') return null;
  return url;
}

/** An https: link a badge may carry, normalised; null for anything else. */
export function safeLinkHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  return parseHttps(raw)?.href ?? null;
}

/**
 * `data:` + `image/png` or `image/svg+xml`, optional parameters (`;charset=utf-8`), optional
 * `;base64`, then the comma. Anything else in the header (another type, a quote, a space) refuses it.
 */
const DATA_IMAGE = /^data:(image\/png|image\/svg\+xml)((?:;[a-z0-9._-]+=[a-z0-9._-]+)*)(;base64)?,/i;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** An image source a badge may carry: https:, or a PNG/SVG data: URI; null for anything else. */
export function safeImageSrc(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (/^data:/i.test(value)) {
    if (value.length > MAX_DATA_IMAGE_LENGTH) return null;
    const header = DATA_IMAGE.exec(value);
    if (!header) return null;
    const body = value.slice(header[0].length);
    if (header[3] !== undefined && !BASE64_BODY.test(body.replace(/\s+/g, ''))) return null;
    // Lower-case the media type; keep the rest as written (the body is data, not markup we render).
    const type = header[1]!.toLowerCase();
    const params = (header[2] ?? '').toLowerCase();
    const base64 = header[3] !== undefined ? ';base64' : '';
    // Spaces and new lines in a data: URI are not allowed in an attribute value we build: encode them.
    const safeBody = base64 ? body.replace(/\s+/g, '') : body.replace(/[\s"'<>]/g, (c) => encodeURIComponent(c));
    return `data:${type}${params}${base64},${safeBody}`;
  }
  return parseHttps(value)?.href ?? null;
}

/** The host name of a safe link, for display next to it ("issuer.example"); null when unsafe. */
export function linkHost(raw: unknown): string | null {
  const href = safeLinkHref(raw);
  return href === null ? null : new URL(href).host;
}
