/**
 * npm run icons: renders assets/icon/backstory.svg to the PNGs the manifests declare
 * (src/cli/icon-files.ts), in assets/public/icon/. Rerun it when the SVG changes; a unit
 * test fails while the PNGs differ from what the SVG renders (tests/unit/icons.test.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, iconFile, iconForDarkToolbarsFile, type IconSize } from './icon-files';

export const ICON_SVG = fileURLToPath(new URL('../../assets/icon/backstory.svg', import.meta.url));
export const PUBLIC_DIR = fileURLToPath(new URL('../../assets/public', import.meta.url));

/** The SVG's palette for dark toolbars is a class on its root element (see the SVG's comment). */
const FOR_DARK_TOOLBARS = 'for-dark-toolbars';

/** Every PNG the export writes: its path under assets/public and the SVG to render at its size. */
export function iconRenderings(svg: string = readFileSync(ICON_SVG, 'utf8')): Array<{ file: string; size: IconSize; svg: string }> {
  if (!svg.includes(`.${FOR_DARK_TOOLBARS} `)) throw new Error(`${ICON_SVG}: no .${FOR_DARK_TOOLBARS} rules for the dark toolbars' palette`);
  const forDarkToolbars = svg.replace(/<svg\b/, `<svg class="${FOR_DARK_TOOLBARS}"`);
  return ICON_SIZES.flatMap((size) => [
    { file: iconFile(size), size, svg },
    { file: iconForDarkToolbarsFile(size), size, svg: forDarkToolbars },
  ]);
}

/** The SVG rendered as a PNG `size` pixels square. */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { file, size, svg } of iconRenderings()) {
    const path = join(PUBLIC_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    const png = renderIcon(svg, size);
    writeFileSync(path, png);
    console.log(`${file}: ${size}×${size}, ${png.length} B`);
  }
}
