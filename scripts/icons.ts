import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws the Teams app icons: a shield with a tick (a safeguarding decision), no text.
 * Run once with `npx tsx scripts/icons.ts`; the PNGs in manifest/ are its output. Drawing is pure
 * arithmetic (no fonts, no randomness), so running it again gives the same pixels.
 */

/** The colour icon's background; the manifest's accentColor is the same, so Teams blends them. */
export const ACCENT = { r: 0x1f, g: 0x5c, b: 0x99 } as const;

type Rgba = readonly [number, number, number, number];

/** Shield in unit coordinates: u across (-1..1), v down (0..1). Flat sides, then a curve to a point. */
function insideShield(u: number, v: number): boolean {
  if (v < 0 || v > 1) return false;
  // The top dips slightly towards the middle, like a heater shield's top edge.
  const top = 0.07 * (1 - u * u);
  if (v < top) return false;
  const curveStart = 0.42;
  const halfWidth = v <= curveStart ? 1 : 1 - ((v - curveStart) / (1 - curveStart)) ** 2;
  return Math.abs(u) <= halfWidth;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The tick, in the shield's unit coordinates (u is stretched by the shield's half-width). */
function insideTick(u: number, v: number, halfThickness: number): boolean {
  return (
    distanceToSegment(u, v, -0.48, 0.5, -0.12, 0.74) <= halfThickness ||
    distanceToSegment(u, v, -0.12, 0.74, 0.5, 0.26) <= halfThickness
  );
}

/** Renders `size`x`size` pixels; `shade` gives the colour at a sample point (x, y), or null for the background. */
function render(size: number, shade: (x: number, y: number) => Rgba | null, background: Rgba): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  // 4x4 supersampling per pixel gives smooth edges without any randomness.
  const grid = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [red, green, blue, coverage] = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const [r, g, b, a] = shade(x + (sx + 0.5) / grid, y + (sy + 0.5) / grid) ?? background;
          // Premultiplied so transparent samples do not darken the edge colour.
          red += r * a;
          green += g * a;
          blue += b * a;
          coverage += a;
        }
      }
      const offset = (y * size + x) * 4;
      png.data[offset] = coverage ? Math.round(red / coverage) : 0;
      png.data[offset + 1] = coverage ? Math.round(green / coverage) : 0;
      png.data[offset + 2] = coverage ? Math.round(blue / coverage) : 0;
      png.data[offset + 3] = Math.round(coverage / (grid * grid));
    }
  }
  return png;
}

const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const ACCENT_RGBA: Rgba = [ACCENT.r, ACCENT.g, ACCENT.b, 255];

/** 192x192: a white shield with an accent-coloured tick on a full accent background. */
export function drawColorIcon(): PNG {
  const size = 192;
  // Teams shows the symbol inside a safe area; keep the shield well inside it.
  const [left, top, width, height] = [48, 36, 96, 120];
  return render(
    size,
    (x, y) => {
      const u = ((x - left) / width) * 2 - 1;
      const v = (y - top) / height;
      if (!insideShield(u, v)) return null;
      return insideTick(u, v, 0.09) ? ACCENT_RGBA : WHITE;
    },
    ACCENT_RGBA,
  );
}

/** 32x32: a white shield outline with a white tick on a transparent background, as Teams requires. */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const [left, top, width, height] = [5, 2, 22, 28];
  const stroke = 2.2;
  return render(
    size,
    (x, y) => {
      const u = ((x - left) / width) * 2 - 1;
      const v = (y - top) / height;
      if (!insideShield(u, v)) return null;
      // Inner shield: the same shape shrunk by the stroke width, so the outline stays even.
      const innerU = ((x - left - stroke) / (width - 2 * stroke)) * 2 - 1;
      const innerV = (y - top - stroke) / (height - 2.6 * stroke);
      if (!insideShield(innerU, innerV)) return WHITE;
      // The tick sits in the inner shield, shrunk so a gap separates it from the outline.
      return insideTick(innerU / 0.8, (innerV - 0.5) / 0.8 + 0.5, 0.14) ? WHITE : null;
    },
    CLEAR,
  );
}

async function main(): Promise<void> {
  const targets = [
    ['../manifest/color.png', drawColorIcon()],
    ['../manifest/outline.png', drawOutlineIcon()],
  ] as const;
  for (const [relative, png] of targets) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    await writeFile(path, PNG.sync.write(png));
    console.log(`wrote ${path} (${png.width}x${png.height})`);
  }
}

// Only draw files when run as a script, so tests can import the drawing functions.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main();
}
