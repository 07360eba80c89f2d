/**
 * Functions that run in a test page's own world, shared by the Playwright tests (Chromium)
 * and the Firefox tests (puppeteer-core): both drivers' `evaluate` take them as they are.
 */
import { MENTION_HIGHLIGHT } from '../src/page/highlight-styles';

/** The names the mentions' highlight is registered under, one per highlight style. */
export const MENTION_HIGHLIGHT_NAMES = Object.values(MENTION_HIGHLIGHT).filter((name) => name !== null);

/** Texts of the ranges painted as mentions, in whichever style's highlight is registered (pass MENTION_HIGHLIGHT_NAMES). */
export function paintedTextsInPage(names: string[]): string[] {
  const highlight = names.map((name) => CSS.highlights.get(name)).find(Boolean);
  if (!highlight) return [];
  return [...highlight].map((abstract) => {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    return range.toString();
  });
}
