import type { Frame, Page } from '@playwright/test';

/**
 * The centre of an occurrence of `text` in a page's body, in viewport coordinates, scrolled
 * into view: where to put the pointer to hover a mention (the demo and the end-to-end tests; in a frame, in the
 * frame's viewport).
 */
export async function pointOfText(page: Page | Frame, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([needle, nth]) => {
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
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    [text, occurrence] as const,
  );
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}
