import { PNG } from 'pngjs';

/**
 * Pixels that carry a colour, in a screenshot of black or grey text on white: what our
 * highlight styles paint (an amber tint or dotted underline, a yellow or blue background),
 * and what a page without highlights lacks. Visibility is checked by pixels, not by the
 * registry: a registered highlight with no rule that Firefox can draw shows nothing.
 */
export function colouredPixels(screenshot: Uint8Array): number {
  const png = PNG.sync.read(Buffer.from(screenshot));
  let count = 0;
  for (let at = 0; at < png.data.length; at += 4) {
    const [r, g, b] = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 24) count++;
  }
  return count;
}
