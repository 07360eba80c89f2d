import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { iconFile, iconForDarkToolbarsFile } from '../../src/cli/icon-files';
import { iconRenderings, PUBLIC_DIR, renderIcon } from '../../src/cli/icons';

const decode = (png: Buffer) => PNG.sync.read(png);
const pixel = (png: PNG, x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)] as [number, number, number];

/** WCAG's relative luminance and contrast ratio of two sRGB colours. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Toolbars the icon sits on: Chrome's and Firefox's light ones, and their dark themes' (#35363a, #2b2a33). */
const WHITE: [number, number, number] = [255, 255, 255];
const CHROME_DARK: [number, number, number] = [0x35, 0x36, 0x3a];
const FIREFOX_DARK: [number, number, number] = [0x2b, 0x2a, 0x33];

describe('icon files', () => {
  it.each(iconRenderings().map((rendering) => [rendering.file, rendering] as const))(
    '%s is what assets/icon/backstory.svg renders today (rerun npm run icons after changing the SVG)',
    (file, { size, svg }) => {
      const committed = decode(readFileSync(`${PUBLIC_DIR}/${file}`));
      const rendered = decode(renderIcon(svg, size));
      expect([committed.width, committed.height]).toEqual([size, size]);
      expect(Buffer.compare(committed.data, rendered.data), `${file} differs from the SVG's rendering`).toBe(0);
    },
  );

  it.each([iconFile(16), iconForDarkToolbarsFile(16)])('%s: the tile fills the icon, its text and highlighted name stand out of it', (file) => {
    const icon = decode(readFileSync(`${PUBLIC_DIR}/${file}`));
    const tile = pixel(icon, 2, 13);
    expect(contrast(pixel(icon, 5, 4), tile), 'text line').toBeGreaterThan(4.5);
    expect(contrast(pixel(icon, 4, 7), tile), 'highlighted name').toBeGreaterThan(3);
    expect(icon.data[3], 'the corner outside the rounded tile is transparent').toBe(0);
  });

  it('the blue tile stands out of light toolbars, its pale variant out of dark ones (3:1, WCAG for graphics)', () => {
    const tile = pixel(decode(readFileSync(`${PUBLIC_DIR}/${iconFile(16)}`)), 2, 13);
    const paleTile = pixel(decode(readFileSync(`${PUBLIC_DIR}/${iconForDarkToolbarsFile(16)}`)), 2, 13);
    expect(contrast(tile, WHITE)).toBeGreaterThan(3);
    expect(contrast(paleTile, FIREFOX_DARK)).toBeGreaterThan(3);
    // Chrome has no theme icons: on its dark toolbar the blue tile is told apart by its white lines more than by its
    // edge (2.3:1), a compromise with the light toolbar (5:1 there).
    expect(contrast(tile, CHROME_DARK)).toBeGreaterThan(2);
  });
});
