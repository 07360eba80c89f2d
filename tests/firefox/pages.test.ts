import type { Frame, Page } from 'puppeteer-core';
import { afterEach, describe, expect, test } from 'vitest';
import { expectCard, expectPainted, firefoxSession, observePageMutations, pageMutations, paintedTexts, pointOfText, waitUntil } from './harness';
import { colouredPixels } from '../pixels';

/**
 * Firefox replaces the first document of a frame without an address once the frame has loaded, so
 * card-inline-frames.html's write during parsing is lost there (with or without Backstory): this page
 * writes its about:blank frame once loaded, as ad slots do.
 */
const INLINE_FRAMES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames without an address</title></head><body>
<iframe id="srcdoc" srcdoc="<p>In a srcdoc frame: Huawei was hit hard.</p>" width="500" height="80" title="srcdoc"></iframe>
<iframe id="blank" width="500" height="80" title="about:blank"></iframe>
<script>addEventListener('load', () => { document.getElementById('blank').contentDocument.body.innerHTML = '<p>In an about:blank frame: ZTE was hit hard.</p>'; });</script>
</body></html>`;

/** 3,000 mentions: more than are ever registered at once (see Highlighter). */
const LONG_PAGE = `<!doctype html><html lang="en"><body>${Array.from({ length: 1500 }, (_, i) => `<p id="p${i}">Report ${i}: Huawei and ZTE answered questions.</p>`).join('')}</body></html>`;

const session = firefoxSession({ pages: { '/inline-frames.html': INLINE_FRAMES, '/long-page.html': LONG_PAGE } });
let page: Page;

afterEach(async () => {
  await page?.close();
});

async function childFrame(parent: Page | Frame, selector: string): Promise<Frame> {
  const element = await parent.$(selector);
  const frame = await element!.contentFrame();
  return frame!;
}

describe('pages in Firefox', () => {
  test('painting leaves the page’s DOM as it was: no change seen by its own observer, no stylesheet of ours in it', async () => {
    page = await session.firefox.browser.newPage();
    await page.evaluateOnNewDocument(observePageMutations);
    await page.goto(`${session.origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Jack Ma'), 'mentions painted');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const seen = await pageMutations(page);
    const { styles, sheets, adopted } = await page.evaluate(() => ({
      styles: document.querySelectorAll('style, link[rel="stylesheet"]').length,
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
    }));
    expect(seen.mutations, seen.first).toBe(0);
    // The demo page's one <style>; our rules come with the content script, outside the page's DOM and style sheets.
    expect(styles).toBe(1);
    expect(sheets).toBe(1);
    expect(adopted).toBe(0);
  });

  test('on a page with thousands of mentions, those near the viewport are registered, and follow the reader to the end', async () => {
    page = await session.firefox.browser.newPage();
    await page.goto(`${session.origin}/long-page.html`);
    const top = await expectPainted(page, (t) => t.length > 10 && t.length < 600, 'only the mentions near the top');
    const paragraphOf = (index: number) => page.evaluate((id) => {
      const mentions = [...(CSS.highlights.get('backstory-mention') ?? [])];
      return mentions.some((range) => (range.startContainer as Text).parentElement?.id === id);
    }, `p${index}`);
    expect(await paragraphOf(0)).toBe(true);
    await page.evaluate(() => document.getElementById('p1499')!.scrollIntoView());
    await waitUntil(() => paragraphOf(1499), 'the end of the page registered once scrolled to');
    expect(await paragraphOf(0)).toBe(false);
    expect((await paintedTexts(page)).length).toBeLessThan(600);
  });

  test('open shadow roots are painted, visibly, at both levels; a closed one is not read', async () => {
    page = await session.firefox.browser.newPage();
    await page.goto(`${session.origin}/hostile/nested-roots.html`);
    const texts = await expectPainted(page, (t) => t.includes('Huawei') && t.includes('Jack Ma'), 'both shadow levels painted');
    expect(texts).not.toContain('Alibaba');
    // Visible inside the shadow tree too, where the declared sheet does not reach: our sheet adopted there.
    const outer = await page.evaluateHandle(() => document.getElementById('outer')!.shadowRoot!.querySelector('p')!);
    expect(colouredPixels(await outer.asElement()!.screenshot())).toBeGreaterThan(100);
    for (const [selector, name] of [['#frame', 'AWS']] as const) {
      const frame = await childFrame(page, selector);
      await expectPainted(frame, (t) => t.includes(name), `${name} in the frame`);
      const inner = await childFrame(frame, 'iframe');
      await expectPainted(inner, (t) => t.includes('ZTE'), 'ZTE two frames down');
    }
  });

  test('srcdoc and about:blank frames get their mentions painted and their own card', async () => {
    page = await session.firefox.browser.newPage();
    await page.goto(`${session.origin}/inline-frames.html`);
    for (const [selector, name] of [['#srcdoc', 'Huawei'], ['#blank', 'ZTE']] as const) {
      const frame = await childFrame(page, selector);
      await expectPainted(frame, (t) => t.includes(name), `${name} painted in ${selector}`);
      const inFrame = await pointOfText(frame, name);
      const box = (await (await page.$(selector))!.boundingBox())!;
      await page.mouse.move(1, 1);
      await page.mouse.move(box.x + inFrame.x, box.y + inFrame.y);
      await expectCard(frame, name);
    }
  });

  test('* { all: unset !important } and overridden built-ins do not stop it; the page keeps working', async () => {
    page = await session.firefox.browser.newPage();
    await page.goto(`${session.origin}/hostile/all-unset.html`);
    await expectPainted(page, (t) => t.includes('Microsoft Azure') && t.includes('Google Cloud'), 'mentions painted');
    await page.goto(`${session.origin}/hostile/overridden-prototypes.html`);
    // The page broke its own CSS object, so the registry cannot be read from its world: its pixels tell.
    await waitUntil(async () => colouredPixels(await (await page.$('p'))!.screenshot()) > 100, 'Jack Ma and Huawei painted');
    const beat = await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat);
    await waitUntil(async () => (await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat)) > beat + 2, 'the page’s heartbeat');
  });
});
