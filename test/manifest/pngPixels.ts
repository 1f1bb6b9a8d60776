import type { PNG } from 'pngjs';

export type Pixel = { x: number; y: number; r: number; g: number; b: number; a: number };

/** Every pixel of a decoded PNG, row by row, as RGBA (pngjs decodes every colour type to RGBA). */
export function pixels(png: PNG): Pixel[] {
  const result: Pixel[] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      result.push({ x, y, r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
    }
  }
  return result;
}
