/**
 * Draws the app icons (PNG) from the design of public/icon.svg — a cream bag with a handle and a
 * round clasp on the accent brown — with pngjs, so they are reproducible without a graphics tool:
 *
 *   npx tsx src/node/tools/make-icons.ts
 *
 * icon-{192,512}.png          "any": the SVG's rounded square, transparent corners.
 * icon-maskable-{192,512}.png "maskable": a full square of brown, the bag scaled into the central
 *                             safe circle (radius 40 % of the size), so any mask shape keeps it whole.
 *
 * Shapes are drawn in the SVG's 64×64 coordinates and anti-aliased by supersampling (4×4 per pixel).
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

export function render(size: number, sampler: Sampler): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const unit = 64 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const { rgb, alpha } = sampler((px + (sx + 0.5) / SUPERSAMPLE) * unit, (py + (sy + 0.5) / SUPERSAMPLE) * unit);
          // Premultiplied, so transparent samples do not darken the edge.
          r += rgb[0] * alpha;
          g += rgb[1] * alpha;
          b += rgb[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const here = (name: string) => fileURLToPath(new URL(`../../../public/icons/${name}`, import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const size of [192, 512]) {
    writeFileSync(here(`icon-${size}.png`), render(size, anyIcon));
    writeFileSync(here(`icon-maskable-${size}.png`), render(size, maskableIcon));
  }
  process.stdout.write('public/icons: icon-192.png icon-512.png icon-maskable-192.png icon-maskable-512.png\n');
}
