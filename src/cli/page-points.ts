import type { Frame, Page } from '@playwright/test';

/**
 * Runs in the page: the viewport box (in a frame, the frame's) of the `nth` occurrence of
 * `needle` in the body, scrolled into view; null when it is not there. Playwright's and
 * puppeteer-core's `evaluate` (the Firefox tests) both take it as it is.
 */
export function boxOfTextInPage([needle, nth]: readonly [string, number]): { x: number; y: number; width: number; height: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, at + 1)) {
      if (seen++ < nth) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    }
  }
  return null;
}

/** The centre of an occurrence of `text`: where to put the pointer to hover a mention (the demo and the end-to-end tests). */
export async function pointOfText(page: Page | Frame, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(boxOfTextInPage, [text, occurrence] as const);
  if (!box) throw new Error(`"${text}" is not on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
