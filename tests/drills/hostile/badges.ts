/**
 * Badge files and share links made for the hostile drills: credentials baked into PNG and SVG with
 * the app's own `bake()` (src/core/baking), PNGs whose chunk lengths lie (tests/fixtures/ours/png-tools),
 * and share links written with `encodeShare` (src/core/share) or by hand when the link itself is the attack.
 */
import { base64urlnopad } from '@scure/base';
import { deflateSync } from 'fflate';
import { createHash } from 'node:crypto';
import { bake } from '../../../src/core/baking';
import { encodeShare, type Share, type ShareItem } from '../../../src/core/share/link';
import { assemblePng, encodeChunk, iTXt, makePng, splitPng, tEXt, withChunks } from '../../fixtures/ours/png-tools';

/** A file as a drop hands it to the page. */
export interface DropFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** The id the backpack gives a file: the SHA-256 of its bytes. */
export const badgeIdOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * A credential baked into a fresh PNG by the app's baker; when the baker refuses the payload (it
 * checks it is JSON it can classify), the iTXt chunk is written by hand, as a hostile issuer would.
 */
export function pngBadge(json: string, seed: number): Uint8Array {
  const png = makePng(48, 48, { seed });
  const baked = bake(png, json, '3.0');
  return baked.ok ? baked.value.bytes : withChunks(png, [iTXt('openbadgecredential', json)]);
}

/**
 * A credential baked into an SVG by the app's baker; when it refuses the image (a DOCTYPE, say), the
 * `<openbadges:credential>` element is put after the root's start tag by hand.
 */
export function svgBadge(svg: string, json: string): Uint8Array {
  const baked = bake(utf8(svg), json, '3.0');
  if (baked.ok) return baked.value.bytes;
  const element = `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><![CDATA[${json.replace(/]]>/g, ']]]]><![CDATA[>')}]]></openbadges:credential>`;
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('no <svg> start tag');
  const at = root.index + root[0].length;
  return utf8(`${svg.slice(0, at)}${element}${svg.slice(at)}`);
}

/** A chunk written with a length field that may lie (and a CRC that may be wrong). */
function lyingChunk(type: string, data: Uint8Array, length: number, crc?: number): Uint8Array {
  const honest = encodeChunk(type, data);
  const out = Buffer.from(honest);
  out.writeUInt32BE(length >>> 0, 0);
  if (crc !== undefined) out.writeUInt32BE(crc >>> 0, out.length - 4);
  return new Uint8Array(out);
}

/** PNGs with lying chunk lengths, each with a badge in it somewhere. */
export function lyingPngs(json: (i: number) => string, size: 'small' | 'full'): { label: string; bytes: Uint8Array }[] {
  const base = splitPng(makePng(32, 32, { seed: 7 }));
  const [ihdr, ...rest] = base;
  const iend = rest.at(-1)!;
  const idats = rest.slice(0, -1);
  const badgeChunk = (i: number) => iTXt('openbadgecredential', json(i));
  const badgeBytes = (i: number) => encodeChunk('iTXt', badgeChunk(i).data);
  const png = (...parts: (Uint8Array | { type: string; data: Uint8Array })[]) => assemblePng(parts);
  const cases: { label: string; bytes: Uint8Array }[] = [
    { label: 'a chunk after the badge claims 4 GB', bytes: png(ihdr!, badgeChunk(0), ...idats, lyingChunk('tEXt', utf8('x\0y'), 0xffffffff), iend) },
    { label: 'a chunk before the badge runs past the end', bytes: png(ihdr!, lyingChunk('tEXt', utf8('x\0y'), 1_000_000), badgeChunk(1), ...idats, iend) },
    {
      label: 'the badge chunk says it is half its length',
      bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(2).data, Math.floor(badgeChunk(2).data.length / 2)), ...idats, iend),
    },
    { label: 'the badge chunk says it is longer than it is', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(3).data, badgeChunk(3).data.length + 100), ...idats, iend) },
    { label: 'the badge chunk claims 2^31 - 1 bytes', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(4).data, 0x7fffffff), ...idats, iend) },
  ];
  if (size === 'full') {
    const badge5 = badgeBytes(5);
    // A tEXt chunk whose length swallows a whole decoy badge chunk: a reader that skips by length never sees it.
    const decoyData = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.from(badgeBytes(6))]);
    cases.push(
      { label: 'IHDR says it is empty', bytes: png(lyingChunk('IHDR', ihdr!.data, 0), badgeChunk(7), ...idats, iend) },
      { label: 'the badge chunk claims 0xFFFFFFFF bytes', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(8).data, 0xffffffff), ...idats, iend) },
      { label: 'the badge chunk claims 2^31 bytes', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(9).data, 0x80000000), ...idats, iend) },
      { label: 'the badge chunk says zero', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(10).data, 0), ...idats, iend) },
      { label: 'IDAT claims 2^31 - 1 bytes after the badge', bytes: png(ihdr!, badgeChunk(11), lyingChunk('IDAT', idats[0]!.data, 0x7fffffff), iend) },
      { label: 'a length that lands inside the next chunk', bytes: png(ihdr!, lyingChunk('tEXt', utf8('Comment\0hello'), 20), badgeChunk(12), ...idats, iend) },
      { label: 'a decoy badge hidden inside a comment', bytes: png(ihdr!, encodeChunk('tEXt', new Uint8Array(decoyData)), badge5, ...idats, iend) },
      { label: 'the badge chunk with a wrong CRC', bytes: png(ihdr!, lyingChunk('iTXt', badgeChunk(13).data, badgeChunk(13).data.length, 0xdeadbeef), ...idats, iend) },
      { label: 'cut in the middle of the badge chunk', bytes: png(ihdr!, badgeChunk(14), ...idats, iend).slice(0, 33 + 40) },
      { label: 'no IEND, garbage after the last chunk', bytes: new Uint8Array(Buffer.concat([Buffer.from(png(ihdr!, badgeChunk(15), ...idats)), Buffer.alloc(5000, 0xff)])) },
      {
        label: 'twenty thousand empty chunks before the badge',
        bytes: png(ihdr!, ...Array.from({ length: 20_000 }, () => tEXt('k', '')), badgeChunk(16), ...idats, iend),
      },
    );
  }
  return cases;
}

/** The base every share link is made on (the app's origin and `/`). */
export const shareLink = (share: Share, origin: string): string => encodeShare(share, `${origin}/`);

export const CREATED_AT = '2026-03-01T09:00:00Z';

/** A share of JSON credentials, with optional title and name. */
export function jsonShare(payloads: readonly string[], extra: Partial<Share> = {}): Share {
  return { createdAt: CREATED_AT, badges: payloads.map((p): ShareItem => ({ kind: 'json', payload: p })), ...extra };
}

/** A v1 link written by hand (base64url of raw DEFLATE of any JSON): the first release's format, still read. */
export function v1Fragment(doc: unknown): string {
  return v1Text(JSON.stringify(doc));
}

/** A v1 link of JSON text as written (keys such as `__proto__` that an object literal cannot hold). */
export function v1Text(json: string): string {
  return `v1.${base64urlnopad.encode(deflateSync(utf8(json), { level: 9 }))}`;
}

/** A v1 link whose body inflates to `bytes` zeros (a deflate bomb). */
export function v1Bomb(bytes: number): string {
  return `v1.${base64urlnopad.encode(deflateSync(new Uint8Array(bytes), { level: 9 }))}`;
}

/** Share links that are themselves the attack: hand-made fragments and hostile share fields. */
export function hostileFragments(origin: string, credential: (i: number) => string, size: 'small' | 'full'): { label: string; fragment: string }[] {
  const fragmentOf = (link: string) => new URL(link).hash.slice(1);
  const pwn = 'window.__pwned=1';
  const good = shareLink(jsonShare([credential(0)]), origin);
  const body = fragmentOf(good).slice(3);
  const cases: { label: string; fragment: string }[] = [
    { label: 'script in the fragment', fragment: `v2.<script>${pwn}</script>` },
    { label: 'unknown version', fragment: 'v9999.AAAA' },
    {
      label: 'hostile title, name and recipient (v2)',
      fragment: fragmentOf(
        shareLink(
          jsonShare([credential(1)], {
            title: `<img src=x onerror=${pwn} data-pwn>\u202Eeltit`,
            displayName: `<script>${pwn}</script>`,
            recipient: `"><svg onload=${pwn}>@example.org`,
          }),
          origin,
        ),
      ),
    },
    {
      label: 'javascript:, data: and vbscript: as hosted badge URLs',
      fragment: fragmentOf(
        shareLink(
          {
            createdAt: CREATED_AT,
            badges: [
              { kind: 'url', payload: `javascript:${pwn}` },
              { kind: 'url', payload: `data:text/html,<script>top.__pwned=1</script>` },
              { kind: 'url', payload: 'vbscript:msgbox(1)' },
            ],
          },
          origin,
        ),
      ),
    },
    { label: 'a flipped character (checksum)', fragment: `v2.${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}` },
  ];
  if (size === 'full') {
    cases.push(
      { label: 'empty v2 body', fragment: 'v2.' },
      { label: 'percent-encoded markup', fragment: `v2.%3Cimg%20src%3Dx%20onerror%3D${encodeURIComponent(pwn)}%3E` },
      { label: 'javascript: after the version', fragment: `v2.javascript:${pwn}` },
      { label: 'cut short', fragment: `v2.${body.slice(0, Math.floor(body.length / 2))}` },
      { label: 'too long (70,000 characters)', fragment: `v2.${'A'.repeat(70_000)}` },
      { label: 'a v1 deflate bomb (20 MB of zeros)', fragment: v1Bomb(20 * 1024 * 1024) },
      { label: '51 badges', fragment: fragmentOf(shareLink(jsonShare(Array.from({ length: 51 }, (_, i) => credential(10 + i))), origin)) },
      {
        label: 'v1 with hostile title and name',
        fragment: v1Fragment({ t: `</title><script>${pwn}</script>`, c: CREATED_AT, b: [{ k: 'json', p: credential(2) }], n: `javascript:${pwn}` }),
      },
      { label: 'v1 with a hostile date', fragment: v1Fragment({ t: 'dates', c: `<script>${pwn}</script>`, b: [{ k: 'json', p: credential(3) }] }) },
      {
        label: 'v1 with prototype keys',
        fragment: v1Text(`{"c":"${CREATED_AT}","b":[{"k":"json","p":${JSON.stringify(credential(4))},"__proto__":{"k":"url"}}],"__proto__":{"t":"polluted"}}`),
      },
      {
        label: 'a title of 1,024 direction overrides',
        fragment: fragmentOf(shareLink(jsonShare([credential(5)], { title: '\u202E'.repeat(1024), displayName: '\u202D'.repeat(1024) }), origin)),
      },
      {
        label: 'garbage JWS and JWT items',
        fragment: fragmentOf(
          shareLink(
            {
              createdAt: CREATED_AT,
              badges: [
                { kind: 'jws', payload: `<script>${pwn}</script>.e30.x` },
                { kind: 'jwt', payload: `eyJhbGciOiJub25lIn0.${base64urlnopad.encode(utf8(JSON.stringify({ vc: JSON.parse(credential(6)) })))}.` },
              ],
            },
            origin,
          ),
        ),
      },
    );
  }
  return cases;
}
