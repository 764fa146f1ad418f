/**
 * Draws the app icons (PNG) from the design of public/icon.svg — a cream bag with a handle and a
 * round clasp on the accent brown — with pngjs, so they are reproducible without a graphics tool:
 *
 *   npx tsx src/node/tools/make-icons.ts
 *
 * icons/icon-{192,512}.png          "any": the SVG's rounded square, transparent corners.
 * icons/icon-maskable-{192,512}.png "maskable": a full square of brown, the bag scaled into the
 *                                   central safe circle (radius 40 % of the size), so any mask shape
 *                                   keeps it whole.
 * og-image.png                      1200×627, the Open Graph image of index.html (what a link to
 *                                   Besace shows on LinkedIn and elsewhere): the bag and the name
 *                                   "Besace" in cream on the brown. Not needed offline, but
 *                                   precached with every file of the build: keep it small.
 *
 * Shapes are drawn in the SVG's 64×64 coordinates and anti-aliased by supersampling (4×4 per pixel);
 * the name is drawn with a few strokes (segments and arcs, round ends), no font file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
const BROWN: Rgb = [0x8a, 0x4b, 0x14]; // --accent, the manifest's theme_color
const CREAM: Rgb = [0xfa, 0xf7, 0xf2]; // --bg, the manifest's background_color

/** The handle: the SVG's cubic "M24 26 c0-10 16-10 16 0", as a polyline. */
const HANDLE: ReadonlyArray<readonly [number, number]> = Array.from({ length: 49 }, (_, i) => {
  const t = i / 48;
  const u = 1 - t;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = [24, 26, 24, 16, 40, 16, 40, 26];
  return [u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3] as const;
});
const HANDLE_HALF_WIDTH = 2; // stroke-width 4

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Inside the rounded square (x, y in 0..64, corner radius 14)? */
function inRoundedSquare(x: number, y: number, r = 14): boolean {
  if (x < 0 || y < 0 || x > 64 || y > 64) return false;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** The bag's colour at (x, y) in the SVG's coordinates, or null where the background shows. */
function bagAt(x: number, y: number): Rgb | null {
  // The clasp: a brown disc on the bag (circle cx=32 cy=39 r=6).
  if (Math.hypot(x - 32, y - 39) <= 6) return BROWN;
  // The body: the trapezoid M16 26 h32 l-3 26 H19 z.
  if (y >= 26 && y <= 52) {
    const inset = ((y - 26) / 26) * 3;
    if (x >= 16 + inset && x <= 48 - inset) return CREAM;
  }
  // The handle (only near it: the bounding box of the curve plus the stroke).
  if (x >= 21 && x <= 43 && y >= 16 && y <= 28) {
    for (let i = 1; i < HANDLE.length; i++) {
      const [ax, ay] = HANDLE[i - 1]!;
      const [bx, by] = HANDLE[i]!;
      if (distanceToSegment(x, y, ax, ay, bx, by) <= HANDLE_HALF_WIDTH) return CREAM;
    }
  }
  return null;
}

type Sampler = (x: number, y: number) => { readonly rgb: Rgb; readonly alpha: number };

/** "any": the SVG as it is, the rounded square on transparency. */
const anyIcon: Sampler = (x, y) => {
  if (!inRoundedSquare(x, y)) return { rgb: BROWN, alpha: 0 };
  return { rgb: bagAt(x, y) ?? BROWN, alpha: 1 };
};

/**
 * "maskable": full bleed. The bag's bounds (x 16..48, y ≈16.5..52) are centred and scaled so their
 * farthest corner sits at 80 % of the safe circle's radius.
 */
const MASKABLE_CENTRE = { x: 32, y: 34.25 };
const BAG_RADIUS = Math.hypot(48 - 32, 52 - 34.25); // the farthest corner from the centre
const MASKABLE_SCALE = (0.4 * 64 * 0.8) / BAG_RADIUS;
const maskableIcon: Sampler = (x, y) => {
  const bx = MASKABLE_CENTRE.x + (x - 32) / MASKABLE_SCALE;
  const by = MASKABLE_CENTRE.y + (y - 32) / MASKABLE_SCALE;
  return { rgb: bagAt(bx, by) ?? BROWN, alpha: 1 };
};

const SUPERSAMPLE = 4;

/** A width × height PNG; the sampler takes positions in pixels (fractional: supersampled). */
function rasterize(width: number, height: number, sampler: Sampler, opaque: boolean): Buffer {
  const png = new PNG({ width, height, colorType: 6 });
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const { rgb, alpha } = sampler(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE);
          // Premultiplied, so transparent samples do not darken the edge.
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * width + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  // Opaque: RGB without the alpha channel, deflated hard (the Open Graph image stays small).
  return PNG.sync.write(png, opaque ? { colorType: 2, deflateLevel: 9 } : { colorType: 6 });
}

/** A square icon of `size` pixels from a sampler in the SVG's 64×64 coordinates. */
export function render(size: number, sampler: Sampler): Buffer {
  const unit = 64 / size;
  return rasterize(size, size, (x, y) => sampler(x * unit, y * unit), false);
}

// ---------------------------------------------------------------------------------------------
// The Open Graph image: 1200×627 (LinkedIn's 1.91:1), the bag on the left, "Besace" on the right.

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 627;

/** A stroke of a letter, in units of the x-height, y upwards from the baseline. */
type Stroke =
  | { readonly kind: 'line'; readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }
  /** An arc of a circle, counter-clockwise from `from` to `to` (degrees, 0 = right, 90 = up). */
  | { readonly kind: 'arc'; readonly cx: number; readonly cy: number; readonly r: number; readonly from: number; readonly to: number };

const line = (x0: number, y0: number, x1: number, y1: number): Stroke => ({ kind: 'line', x0, y0, x1, y1 });
const arc = (cx: number, cy: number, r: number, from: number, to: number): Stroke => ({ kind: 'arc', cx, cy, r, from, to });

/** Half the stroke width, in x-heights. */
const PEN = 0.1;
/** Space between letters, in x-heights. */
const TRACKING = 0.14;

/** The letters of "Besace": their strokes (x from 0) and their width, round ends included. */
const GLYPHS: Readonly<Record<string, { readonly width: number; readonly strokes: readonly Stroke[] }>> = {
  // Cap height 1.4: a stem, a small upper bowl and a larger lower one.
  B: {
    width: 0.975 + PEN,
    strokes: [
      line(0.1, 0.1, 0.1, 1.4),
      line(0.1, 1.4, 0.45, 1.4),
      arc(0.45, 1.075, 0.325, -90, 90),
      line(0.1, 0.75, 0.5, 0.75),
      arc(0.5, 0.425, 0.325, -90, 90),
      line(0.1, 0.1, 0.5, 0.1),
    ],
  },
  e: { width: 1.1, strokes: [line(0.1, 0.5, 1.0, 0.5), arc(0.55, 0.5, 0.45, 0, 320)] },
  s: { width: 0.74, strokes: [arc(0.37, 0.735, 0.235, 30, 270), arc(0.37, 0.265, 0.235, -150, 90)] },
  a: { width: 1.1, strokes: [arc(0.55, 0.5, 0.45, 0, 360), line(1.0, 0.05, 1.0, 0.95)] },
  c: { width: 1.1, strokes: [arc(0.55, 0.5, 0.45, 45, 315)] },
};

function distanceToStroke(x: number, y: number, s: Stroke): number {
  if (s.kind === 'line') return distanceToSegment(x, y, s.x0, s.y0, s.x1, s.y1);
  const angle = (Math.atan2(y - s.cy, x - s.cx) * 180) / Math.PI;
  const span = s.to - s.from;
  const along = (((angle - s.from) % 360) + 360) % 360;
  if (span >= 360 || along <= span) return Math.abs(Math.hypot(x - s.cx, y - s.cy) - s.r);
  // Outside the arc: the nearer of its two round ends.
  const end = (deg: number) => {
    const rad = (deg * Math.PI) / 180;
    return Math.hypot(x - (s.cx + s.r * Math.cos(rad)), y - (s.cy + s.r * Math.sin(rad)));
  };
  return Math.min(end(s.from), end(s.to));
}

/** The strokes of a word laid out from x = 0, and its width. */
function layout(word: string): { strokes: Stroke[]; width: number } {
  const strokes: Stroke[] = [];
  let x = 0;
  for (const letter of word) {
    const glyph = GLYPHS[letter];
    if (!glyph) throw new Error(`make-icons: no glyph for ${letter}`);
    for (const s of glyph.strokes) {
      strokes.push(s.kind === 'line' ? { ...s, x0: s.x0 + x, x1: s.x1 + x } : { ...s, cx: s.cx + x });
    }
    x += glyph.width + TRACKING;
  }
  return { strokes, width: x - TRACKING };
}

/** Bag 300 px tall; the name with an x-height of 100 px; the two centred together. */
function ogImage(): Sampler {
  const bagScale = 300 / (52 - 16.5); // pixels per SVG unit
  const bagWidth = 32 * bagScale;
  const xHeight = 100;
  const word = layout('Besace');
  const gap = 80;
  const left = (OG_WIDTH - (bagWidth + gap + word.width * xHeight)) / 2;
  const bagTop = (OG_HEIGHT - 300) / 2;
  const textLeft = left + bagWidth + gap;
  // The capital's top (1.5) to the baseline, centred.
  const baseline = OG_HEIGHT / 2 + (1.5 * xHeight) / 2;
  const textBox = { x0: textLeft - 2, x1: textLeft + word.width * xHeight + 2, y0: baseline - 1.5 * xHeight - 2, y1: baseline + 0.1 * xHeight + 2 };
  return (px, py) => {
    const bag = bagAt(16 + (px - left) / bagScale, 16.5 + (py - bagTop) / bagScale);
    if (bag) return { rgb: bag, alpha: 1 };
    if (px >= textBox.x0 && px <= textBox.x1 && py >= textBox.y0 && py <= textBox.y1) {
      const x = (px - textLeft) / xHeight;
      const y = (baseline - py) / xHeight;
      for (const s of word.strokes) if (distanceToStroke(x, y, s) <= PEN) return { rgb: CREAM, alpha: 1 };
    }
    return { rgb: BROWN, alpha: 1 };
  };
}

/** The Open Graph image (opaque RGB). */
export const renderOgImage = (): Buffer => rasterize(OG_WIDTH, OG_HEIGHT, ogImage(), true);

const here = (name: string) => fileURLToPath(new URL(`../../../public/${name}`, import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const size of [192, 512]) {
    writeFileSync(here(`icons/icon-${size}.png`), render(size, anyIcon));
    writeFileSync(here(`icons/icon-maskable-${size}.png`), render(size, maskableIcon));
  }
  writeFileSync(here('og-image.png'), renderOgImage());
  process.stdout.write('public/icons: icon-192.png icon-512.png icon-maskable-192.png icon-maskable-512.png\npublic: og-image.png\n');
}
