import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { readTemplate } from '../../manifest/buildPackage.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/icons.js';
import { pixels } from './pngPixels.js';

async function readIcon(name: string): Promise<PNG> {
  return PNG.sync.read(await readFile(new URL(`../../manifest/${name}`, import.meta.url)));
}

describe('the app icons', () => {
  test('color.png is 192x192 and its background is the manifest accent colour', async () => {
    const color = await readIcon('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const corner = pixels(color)[0]!;
    const template = (await readTemplate()) as { accentColor: string };
    const hex = `#${[corner.r, corner.g, corner.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(hex.toUpperCase()).toBe(template.accentColor.toUpperCase());
    expect(corner.a).toBe(255);
  });

  test('outline.png is 32x32, white on a transparent background', async () => {
    const outline = await readIcon('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    // Every pixel is transparent or white (partly transparent white is the anti-aliased edge).
    const offending = all.filter((p) => p.a > 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255));
    expect(offending).toEqual([]);
    // The background, including all four corners, is fully transparent, and there is a shape.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(all[y * 32 + x]!.a, `${x},${y}`).toBe(0);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 3);
    expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(50);
  });

  test('the committed icons are exactly what scripts/icons.ts draws', async () => {
    expect((await readIcon('color.png')).data.equals(drawColorIcon().data)).toBe(true);
    expect((await readIcon('outline.png')).data.equals(drawOutlineIcon().data)).toBe(true);
  });
});
