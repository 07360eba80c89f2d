import type { CDPSession, Frame, Page, Worker } from '@playwright/test';
import { browserWith, expect, expectPainted, extensionErrorsIn, pageReportOf, paintedTexts, pointOfText, tabIdOf, test } from './fixtures';

/**
 * Runs of the card's script (card.js) in a page's frames, as the DevTools protocol sees
 * them: every script parsed, in the extension's isolated world too, with the frame it
 * ran in. (The factory it leaves on the isolated world's global is taken at once, so
 * the global cannot tell.)
 */
async function cardScriptRuns(page: Page): Promise<{ frames: () => string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const frames: string[] = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.url.endsWith('/card.js')) frames.push(String((event.executionContextAuxData as { frameId?: string } | undefined)?.frameId));
  });
  await cdp.send('Debugger.enable');
  return { frames: () => [...frames], cdp };
}

async function frameIdOf(cdp: CDPSession, frame: Frame | null): Promise<string> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  type Tree = typeof frameTree;
  const url = frame?.url();
  const find = (tree: Tree): string | undefined =>
    (url === undefined || tree.frame.url === url ? tree.frame.id : undefined) ?? tree.childFrames?.map(find).find(Boolean);
  return find(frameTree)!;
}

async function open(page: Page, url: string, painted: string): Promise<void> {
  await page.goto(url);
  await expectPainted(page, (texts) => texts.includes(painted), `${painted} painted`);
}

const inFrame = (page: Page, url: string) => page.frames().find((f) => f.url().endsWith(url))!;

test('a page that names no company never gets the card script, in any frame', async ({ page, origin, serviceWorker }) => {
  const runs = await cardScriptRuns(page);
  await page.goto(`${origin}/card-none.html`);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(async () => (await pageReportOf(serviceWorker, tabId)).scanning, { message: 'the scan is over' }).toBe(false);
  expect((await pageReportOf(serviceWorker, tabId)).entities).toEqual([]);
  // Past the idle load's deadline (1 s after a first paint), with the pointer moving over the page.
  await page.mouse.move(100, 100);
  await page.mouse.move(200, 150);
  await page.waitForTimeout(1500);
  expect(runs.frames()).toEqual([]);
  await expect(page.locator('backstory-ui')).toHaveCount(0);

  // The same watch sees it when a page has mentions: without any input, in its idle time.
  await page.goto(`${origin}/card-plain.html`);
  await expect.poll(runs.frames, { message: 'card.js ran in the top frame' }).toHaveLength(1);
  expect(runs.frames()).toEqual([await frameIdOf(runs.cdp, null)]);
});

test('a page with mentions gets the card script once, and a working card', async ({ page, origin }) => {
  const runs = await cardScriptRuns(page);
  await page.goto(`${origin}/card-plain.html`);
  await expect.poll(runs.frames, { message: 'card.js ran' }).toHaveLength(1);
  const { x, y } = await pointOfText(page, 'Huawei');
  await page.mouse.move(x, y);
  await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.mouse.move(x + 1, y + 30);
  await page.mouse.move(x, y);
  await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeVisible();
  expect(runs.frames(), 'still one run').toHaveLength(1);
});

test('a card in a same-origin frame: the frame gets its own card script and card', async ({ page, origin }) => {
  const runs = await cardScriptRuns(page);
  await page.goto(`${origin}/card-frames.html`);
  const frame = inFrame(page, '/card-plain.html');
  await expect.poll(runs.frames, { message: 'card.js ran in the top frame and in the embed' }).toHaveLength(2);
  expect(new Set(runs.frames())).toEqual(new Set([await frameIdOf(runs.cdp, null), await frameIdOf(runs.cdp, frame)]));
  await hoverInFrame(page, 'iframe', frame, 'Huawei');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

/** Hovers `text` in a frame (its iframe element in the top document is `iframe`) and waits for its card there. */
async function hoverInFrame(page: Page, iframe: string, frame: Frame, text: string): Promise<void> {
  const { x, y } = await pointOfText(frame, text);
  const box = (await page.locator(iframe).boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  await expect(frame.getByRole('dialog', { name: text, exact: true })).toBeVisible();
}

// The content script runs in frames without an address of their own (matchAboutBlank); the background reaches
// them too by their frame id (Chromium 156), so their mentions open cards like any frame's.
test('srcdoc and about:blank frames get the card script and their cards', async ({ page, origin }) => {
  const runs = await cardScriptRuns(page);
  await page.goto(`${origin}/card-inline-frames.html`);
  const srcdoc = inFrame(page, 'about:srcdoc');
  const blank = inFrame(page, 'about:blank');
  await expect.poll(runs.frames, { message: 'card.js ran in both frames' }).toHaveLength(2);
  expect(new Set(runs.frames())).toEqual(new Set([await frameIdOf(runs.cdp, srcdoc), await frameIdOf(runs.cdp, blank)]));
  await hoverInFrame(page, '#srcdoc', srcdoc, 'Huawei');
  await hoverInFrame(page, '#blank', blank, 'ZTE');
  await expect(srcdoc.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

/** Sends what background.ts sends on the keyboard command (see card.spec.ts), to the top frame. */
function step(serviceWorker: Worker, tabId: number): Promise<boolean> {
  return serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { backstory: 1, type: 'stepMention', payload: { direction: 1 } }, { frameId: 0 }) as Promise<boolean>,
    tabId,
  );
}

test.describe('before the card is loaded in idle time', () => {
  // Once mentions are painted, idle callbacks never come in this browser's extension world: the card is loaded
  // only when something needs it.
  const lazy = test.extend({ extensionContext: [browserWith({ noIdleAfterPaint: true }), { scope: 'worker' }] });

  lazy('the keyboard command loads the card and opens it with focus inside', async ({ page, origin, serviceWorker }) => {
    const runs = await cardScriptRuns(page);
    await open(page, `${origin}/card-plain.html`, 'Huawei');
    await page.waitForTimeout(1500);
    expect(runs.frames(), 'no idle load in this browser').toEqual([]);
    expect(await step(serviceWorker, await tabIdOf(serviceWorker, page.url()))).toBe(true);
    await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeFocused();
    expect(runs.frames()).toHaveLength(1);
  });

  lazy('the keyboard command on a focused link that names a company takes the reader into that link’s card', async ({ page, origin, serviceWorker }) => {
    // ZTE comes first in the page: a plain step would open ZTE's card.
    await page.route(`${origin}/focused-link.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><body><p>ZTE is named first.</p><p><button id="before">Before</button></p><p>Read <a id="story" href="#story">the Huawei story</a>.</p></body></html>',
      }),
    );
    const runs = await cardScriptRuns(page);
    await open(page, `${origin}/focused-link.html`, 'Huawei');
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('#story')).toBeFocused();
    expect(runs.frames(), 'no card yet: focus opened nothing').toEqual([]);
    expect(await step(serviceWorker, await tabIdOf(serviceWorker, page.url()))).toBe(true);
    await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeFocused();
    await expect(page.getByRole('dialog', { name: 'ZTE', exact: true })).toHaveCount(0);
  });

  lazy('a tap on a mention loads the card and opens that mention’s card', async ({ page, origin }) => {
    const runs = await cardScriptRuns(page);
    await open(page, `${origin}/card-plain.html`, 'Huawei');
    await page.waitForTimeout(1500);
    expect(runs.frames(), 'no idle load in this browser').toEqual([]);
    const { x, y } = await pointOfText(page, 'Huawei');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeVisible();
    expect(runs.frames()).toHaveLength(1);
  });

  lazy('the popup’s list loads the card, reveals the mention and opens its card', async ({ page, origin, serviceWorker }) => {
    const runs = await cardScriptRuns(page);
    await open(page, `${origin}/card-plain.html`, 'Huawei');
    await page.waitForTimeout(1500);
    expect(runs.frames(), 'no idle load in this browser').toEqual([]);
    const tabId = await tabIdOf(serviceWorker, page.url());
    const revealed = await serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { backstory: 1, type: 'revealMention', payload: { entityId: 'huawei' } }, { frameId: 0 }),
      tabId,
    );
    expect(revealed).toBe(true);
    await expect(page.getByRole('dialog', { name: 'Huawei', exact: true })).toBeFocused();
    expect(runs.frames()).toHaveLength(1);
  });
});

test.describe('when the card script cannot be run', () => {
  const refused = test.extend({ extensionContext: [browserWith({ withoutCardScript: true }), { scope: 'worker' }] });

  refused('mentions are still painted and listed, no card opens, and nothing is thrown into the page', async ({ page, origin, serviceWorker, extensionId }) => {
    const errors = extensionErrorsIn(page, extensionId);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await open(page, `${origin}/card-plain.html`, 'Huawei');
    const tabId = await tabIdOf(serviceWorker, page.url());
    expect((await pageReportOf(serviceWorker, tabId)).entities).toEqual([{ entityId: 'huawei', count: 1 }]);
    const { x, y } = await pointOfText(page, 'Huawei');
    await page.mouse.move(x, y);
    expect(await step(serviceWorker, tabId), 'the command finds no card to open').toBe(false);
    await page.waitForTimeout(800);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('backstory-ui')).toHaveCount(0);
    // Still painted, and still answering.
    expect(await paintedTexts(page)).toEqual(['Huawei']);
    expect((await pageReportOf(serviceWorker, tabId)).entities).toEqual([{ entityId: 'huawei', count: 1 }]);
    expect(errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
