import type { Locator, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { cardOpenAfterPointerMove, expect, expectPainted, pointOfText, tabIdOf, test } from './fixtures';

/**
 * The hover card, end to end: the built extension in Chromium, on test pages served
 * from 127.0.0.1 (tests/e2e/pages/card-*.html).
 */

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GRACE_MS = 300;
const SCREENSHOTS = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));

const entity = (id: string) => knowledgeBase.entities.find((e) => e.id === id)!;
const topicLabel = (id: string) => knowledgeBase.topics.find((t) => t.id === id)!.label.en;
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name, exact: true });
const anyDialog = (page: Page) => page.getByRole('dialog');

async function open(page: Page, path: string, painted: string[]): Promise<void> {
  await page.goto(path);
  await expectPainted(page, (texts) => painted.every((text) => texts.includes(text)), `${painted.join(', ')} painted`);
}

/** Hovers the `occurrence`-th `text` on the page and waits for the card named `name`. */
async function hover(page: Page, text: string, name: string, occurrence = 0): Promise<Locator> {
  const { x, y } = await pointOfText(page, text, occurrence);
  await page.mouse.move(x, y);
  const card = dialog(page, name);
  await expect(card).toBeVisible();
  return card;
}

/** The line boxes of the text of the element `selector` (for a mention alone in its element: the mention's). */
async function lineBoxesOf(page: Page, selector: string, text?: string): Promise<Box[]> {
  return page.evaluate(
    ([selector, text]) => {
      const element = document.querySelector(selector)!;
      const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE && (!text || child.textContent!.includes(text)))!;
      const range = document.createRange();
      const start = text ? node.textContent!.indexOf(text) : 0;
      range.setStart(node, start);
      range.setEnd(node, text ? start + text.length : node.textContent!.length);
      return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    },
    [selector, text ?? ''] as const,
  );
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = (await locator.boundingBox())!;
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const centre = (box: Box) => ({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });

async function expectBeside(page: Page, card: Locator, mention: Box[], where: string): Promise<void> {
  const box = await boxOf(card);
  const viewport = page.viewportSize()!;
  for (const line of mention) expect(intersects(box, line), `${where}: card ${JSON.stringify(box)} covers the mention ${JSON.stringify(line)}`).toBe(false);
  expect(box.left, `${where}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.top, `${where}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.right, `${where}: right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box.bottom, `${where}: bottom edge`).toBeLessThanOrEqual(viewport.height);
}

/**
 * Sends the message the keyboard command sends. The command itself (Alt+Shift+N / P) is
 * a browser-level shortcut that headless Chromium cannot be made to press, so the test
 * sends what background.ts sends on `commands.onCommand`, from the service worker.
 */
async function step(serviceWorker: Worker, tabId: number, direction: 1 | -1): Promise<boolean> {
  return serviceWorker.evaluate(
    ([tabId, direction]) => chrome.tabs.sendMessage(tabId, { backstory: 1, type: 'stepMention', payload: { direction } }) as Promise<boolean>,
    [tabId, direction] as const,
  );
}

/** A tap of one finger, as a touch screen sends it (pointer, touch, then mouse-compatible events and a click). */
async function tapper(page: Page): Promise<(point: { x: number; y: number }) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  return async ({ x, y }) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
}

/** Opens the options page in a new tab (the page under test stays open). */
async function optionsPage(page: Page, extensionId: string): Promise<Page> {
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options;
}

/** The card's own styles, for comparing a card on two pages. */
async function cardLook(card: Locator) {
  await card.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
  return card.evaluate((element) => {
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return { font: s.font, color: s.color, background: s.backgroundColor, padding: s.padding, border: s.border, letterSpacing: s.letterSpacing, textTransform: s.textTransform };
    };
    const rect = element.getBoundingClientRect();
    return {
      // Sizes to the pixel: text lays out on fractions of one that depend on where the card sits.
      width: Math.round(rect.width),
      height: Math.round(rect.height),
      card: style(element),
      heading: style(element.querySelector('h2')!),
      button: style(element.querySelector('button')!),
      quote: style(element.querySelector('blockquote')!),
    };
  });
}

test.describe('showing and hiding', () => {
  test('opens after the dwell set in options, not before', async ({ page, origin, extensionId, serviceWorker }) => {
    const options = await optionsPage(page, extensionId);
    await options.getByLabel('Card delay (milliseconds)').fill('1200');
    await options.getByLabel('Card delay (milliseconds)').press('Tab');
    await expect.poll(() => serviceWorker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { cardDelayMs?: number })?.cardDelayMs)).toBe(1200);
    await page.bringToFront();
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const { x, y } = await pointOfText(page, 'Aliyun');
    // 600 ms is past the default dwell (300 ms): the setting, not the default, is in force.
    const samples = await cardOpenAfterPointerMove(page, [100, 600]);
    await page.mouse.move(x, y);
    expect(await samples(), 'card open at these times into a 1200 ms dwell').toEqual({ '100 ms': false, '600 ms': false });
    await expect(dialog(page, 'Alibaba Cloud')).toBeVisible();
  });

  test('a pointer that only passes over a mention opens nothing', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x, y);
    await page.mouse.move(page.viewportSize()!.width - 5, y); // the empty margin beside the text
    await page.waitForTimeout(700);
    await expect(anyDialog(page)).toHaveCount(0);
  });

  test('leaving the mention closes the card after the grace period', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x, y - 300);
    await expect(card).toBeHidden();
  });

  test('moving from the mention into the card keeps it open', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const from = await pointOfText(page, 'Aliyun');
    const box = await boxOf(card);
    // Through the gap between mention and card, then well inside the card.
    await page.mouse.move(box.left + 30, box.top + 40, { steps: 8 });
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    // Leaving the card starts the grace again.
    await page.mouse.move(from.x, box.bottom + 200 > page.viewportSize()!.height ? 5 : box.bottom + 200, { steps: 4 });
    await expect(card).toBeHidden();
  });

  test('coming back onto the mention during the grace period keeps the same card', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const element = await card.elementHandle();
    const { x, y } = await pointOfText(page, 'Aliyun');
    // Off the mention, away from the card, and back before the grace runs out: both moves sent at once, so that
    // a busy machine cannot put the grace period between them.
    await Promise.all([page.mouse.move(x, y - 60), page.mouse.move(x, y)]);
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    // The very same card: it was never closed and reopened.
    expect(await element!.evaluate((node) => node.isConnected)).toBe(true);
  });

  test('Escape closes the card, which stays closed while the pointer rests on the mention', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x + 1, y);
    await page.waitForTimeout(700);
    await expect(card).toBeHidden();
    // Leaving and coming back opens it again.
    await page.mouse.move(x, y - 80);
    await page.mouse.move(x, y);
    await expect(card).toBeVisible();
  });

  test('a click outside closes the card; a click inside does not', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    // Opened from the keyboard, the card ignores the pointer's wanderings: only the click can close it.
    const tabId = await tabIdOf(serviceWorker, page.url());
    expect(await step(serviceWorker, tabId, 1)).toBe(true);
    const card = dialog(page, 'Alibaba Cloud');
    await expect(card).toBeVisible();
    const box = await boxOf(card);
    await page.mouse.move(box.right + 40, box.bottom + 40, { steps: 3 });
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    await card.getByRole('heading', { name: 'Alibaba Cloud' }).click();
    await expect(card).toBeVisible();
    await page.mouse.click(box.right + 40, box.bottom + 40);
    await expect(card).toBeHidden();
  });

  test('a native title tooltip is held back while the card is open, and restored exactly', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['AWS']);
    const titles = () => page.evaluate(() => [document.querySelector('#aws')!.getAttribute('title'), document.querySelector('#p2')!.getAttribute('title')]);
    expect(await titles()).toEqual(['Amazon Web Services', 'A paragraph title']);
    const card = await hover(page, 'AWS', 'Amazon Web Services (AWS)');
    // Both: without the nearest title, the browser would show the next one up.
    expect(await titles()).toEqual([null, null]);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    expect(await titles()).toEqual(['Amazon Web Services', 'A paragraph title']);
  });

  test('closes when its mention leaves the page', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    await page.evaluate(() => document.querySelector('#p1')!.remove());
    await expect(card).toBeHidden();
  });

  test('stays open when the page edits text elsewhere in the mention’s paragraph', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    // A live page rewrites a sibling text node: the paragraph is scanned again, the mention is still there.
    await page.evaluate(() => document.querySelector('#p1')!.append(' Updated.'));
    await page.waitForTimeout(500);
    await expect(card).toBeVisible();
  });

  test('a tap opens the card and a tap elsewhere closes it', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const tap = await tapper(page);
    await tap(await pointOfText(page, 'Aliyun'));
    const card = dialog(page, 'Alibaba Cloud');
    await expect(card).toBeVisible();
    // No hover on touch: the card waits for the next tap, however long that takes.
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    const box = await boxOf(card);
    await tap({ x: page.viewportSize()!.width - 10, y: (box.top + box.bottom) / 2 });
    await expect(card).toBeHidden();
  });

  test('a first tap on a mention in a link opens its card instead of following the link; a second tap follows it', async ({ page, origin }) => {
    await open(page, `${origin}/card-links.html`, ['Huawei']);
    const tap = await tapper(page);
    // Taps on links without a mention are left alone.
    await tap(await pointOfText(page, 'read further'));
    await expect(page).toHaveURL(/card-links\.html#further$/);

    await tap(await pointOfText(page, 'Huawei'));
    const card = dialog(page, 'Huawei');
    await expect(card).toBeVisible();
    await page.waitForTimeout(500);
    expect(page.url(), 'the first tap did not follow the link').toMatch(/card-links\.html#further$/);
    await expect(card).toBeVisible();

    // With its card open, a tap on the mention is a tap on the link.
    await tap(await pointOfText(page, 'Huawei'));
    await expect(page).toHaveURL(/card-plain\.html$/);
  });
});

test.describe('placement', () => {
  const edges = ['top-left', 'top', 'top-right', 'left', 'right', 'bottom-left', 'bottom', 'bottom-right'];

  for (const viewport of [
    { width: 1200, height: 900 },
    { width: 1024, height: 600 },
    { width: 320, height: 568 },
  ]) {
    test(`never covers its mention and stays in a ${viewport.width}×${viewport.height} viewport, at every edge`, async ({ page, origin }) => {
      await page.setViewportSize(viewport);
      await open(page, `${origin}/card-edges.html`, ['Huawei', 'The Information']);
      for (const edge of edges) {
        const mention = await lineBoxesOf(page, `#${edge}`);
        const name = await page.locator(`#${edge}`).textContent();
        const entityName = knowledgeBase.entities.find((e) => e.aliases.some((a) => a.text === name))!.name.en;
        await page.mouse.move(...(Object.values(centre(mention[0]!)) as [number, number]));
        const card = dialog(page, entityName);
        await expect(card).toBeVisible();
        await expectBeside(page, card, mention, edge);
        if (viewport.width === 320) expect((await boxOf(card)).right - (await boxOf(card)).left).toBeLessThanOrEqual(320 - 16);
        await page.keyboard.press('Escape');
        await expect(card).toBeHidden();
      }
    });
  }

  test('a mention that wraps: the card sits by the line under the pointer and covers neither line', async ({ page, origin }) => {
    await open(page, `${origin}/card-wrapped.html`, ['Alibaba Cloud']);
    for (const paragraph of ['#middle', '#low']) {
      const lines = await lineBoxesOf(page, paragraph, 'Alibaba Cloud');
      expect(lines, 'the test page wraps "Alibaba Cloud" onto two lines').toHaveLength(2);
      for (const [index, line] of lines.entries()) {
        await page.mouse.move(...(Object.values(centre(line)) as [number, number]));
        const card = dialog(page, 'Alibaba Cloud');
        await expect(card).toBeVisible();
        await expectBeside(page, card, lines, `${paragraph}, line ${index + 1}`);
        // Anchored to the hovered line: the card starts within the line's horizontal extent.
        const box = await boxOf(card);
        expect(box.left, `${paragraph}, line ${index + 1}: card next to the hovered line`).toBeLessThanOrEqual(line.right);
        expect(box.right).toBeGreaterThanOrEqual(line.left);
        await page.keyboard.press('Escape');
        await expect(card).toBeHidden();
        // Off the mention: a card closed with Escape stays closed while the pointer is on its mention.
        await page.mouse.move(5, 5);
      }
    }
  });

  test('follows its mention when the page scrolls, and closes once the mention is scrolled away', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Huawei']);
    const card = await hover(page, 'Huawei', 'Huawei');
    await card.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    const huawei = async () => (await lineBoxesOf(page, '#p4', 'Huawei'))[0]!;
    const gap = (await boxOf(card)).top - (await huawei()).bottom;
    const before = await boxOf(card);
    // A small scroll leaves the pointer on the mention: the card moves with it, keeping its distance.
    await page.evaluate(() => scrollBy(0, 10));
    await expect.poll(async () => (await boxOf(card)).top).toBeCloseTo(before.top - 10, 0);
    expect((await boxOf(card)).top - (await huawei()).bottom).toBeCloseTo(gap, 0);
    await page.evaluate(() => scrollBy(0, 2000));
    await expect(card).toBeHidden();
  });

  test('closes once its mention is scrolled out of sight inside a scrolling box, though the box is still in view', async ({ page, origin }) => {
    await open(page, `${origin}/card-clipping.html`, ['Huawei']);
    const card = await hover(page, 'Huawei', 'Huawei');
    // The pointer rests in the card (which keeps a hover card open), so only the mention's own visibility can close it.
    const box = await boxOf(card);
    await page.mouse.move(box.left + 20, box.top + 20, { steps: 4 });
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    // Scrolled just past the box's top edge: out of sight, yet well inside the window.
    const mentionTop = await page.evaluate(() => {
      const scroller = document.querySelector('#scroller')!;
      const line = document.querySelector('#boxed')!.getBoundingClientRect();
      scroller.scrollTop += line.top - scroller.getBoundingClientRect().top + line.height;
      return document.querySelector('#boxed')!.getBoundingClientRect().top;
    });
    expect(mentionTop, 'the mention is still inside the window').toBeGreaterThan(100);
    expect(await page.evaluate(() => scrollY), 'the page itself did not scroll').toBe(0);
    await expect(card).toBeHidden();
  });

  test('a mention in a fixed box escapes the box that clips its parent: its card closes when it, not the box, goes out of view', async ({ page, origin }) => {
    await open(page, `${origin}/card-clipping.html`, ['Jack Ma']);
    // The banner's parent is 0 px high and clips its overflow, but a fixed box's containing block is the viewport:
    // the mention is in view, so its card is one that closes when the mention leaves the window.
    const card = await hover(page, 'Jack Ma', 'Jack Ma');
    await expectBeside(page, card, await lineBoxesOf(page, '#banner', 'Jack Ma'), 'banner');
    const box = await boxOf(card);
    await page.mouse.move(box.left + 20, box.top + (box.bottom - box.top) / 2, { steps: 4 });
    await page.waitForTimeout(GRACE_MS * 2);
    await expect(card).toBeVisible();
    // The page moves the banner out of the window (the card follows it down, and stays under the pointer).
    await page.evaluate(() => (document.querySelector<HTMLElement>('#banner')!.style.bottom = '-80px'));
    await expect(card).toBeHidden();
  });

  test('follows its mention when the page moves it without a scroll (content inserted above)', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-clipping.html`, ['ZTE']);
    // Opened from the keyboard: the pointer plays no part.
    expect(await step(serviceWorker, await tabIdOf(serviceWorker, page.url()), 1)).toBe(true);
    const card = dialog(page, 'ZTE');
    await expect(card).toBeFocused();
    // Past the fade-in, which moves the card by up to 2 px.
    await card.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
    const zte = async () => (await lineBoxesOf(page, '#moving', 'ZTE'))[0]!;
    const gap = (await boxOf(card)).top - (await zte()).bottom;
    await page.evaluate(() => (document.querySelector<HTMLElement>('#above')!.style.height = '150px'));
    expect((await zte()).top, 'the mention moved down').toBeGreaterThan(150);
    expect(await page.evaluate(() => scrollY), 'without a scroll').toBe(0);
    await expect.poll(async () => (await boxOf(card)).top - (await zte()).bottom).toBeCloseTo(gap, 0);
  });
});

test.describe('keyboard', () => {
  test('the next/previous command cycles through the mentions, opens each card with focus inside, and Escape returns focus', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-basic.html`, ['Huawei']);
    await page.locator('#start').focus();
    const tabId = await tabIdOf(serviceWorker, page.url());
    const order = ['Alibaba Cloud', 'Alibaba Cloud', 'Amazon Web Services (AWS)', 'Alibaba Group', 'Jack Ma', 'Huawei'];
    const inView = (name: string) =>
      page.evaluate((mention) => {
        const highlight = CSS.highlights.get('backstory-active');
        const range = [...(highlight ?? [])][0];
        if (!range) return `no active mention (wanted ${mention})`;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const rect = live.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight ? 'in view' : `out of view at ${rect.top}`;
      }, name);

    for (const name of [...order, order[0]!]) {
      expect(await step(serviceWorker, tabId, 1)).toBe(true);
      const card = dialog(page, name);
      await expect(card).toBeVisible();
      await expect(card).toBeFocused();
      await expect.poll(() => inView(name), { message: `${name} scrolled into view` }).toBe('in view');
    }
    // Back from the first mention wraps to the last.
    expect(await step(serviceWorker, tabId, -1)).toBe(true);
    await expect(dialog(page, 'Huawei')).toBeFocused();
    expect(await step(serviceWorker, tabId, -1)).toBe(true);
    await expect(dialog(page, 'Jack Ma')).toBeFocused();

    // Tab moves through the card's own controls.
    await page.keyboard.press('Tab');
    await expect(dialog(page, 'Jack Ma').getByRole('button', { name: 'Close' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(anyDialog(page)).toHaveCount(0);
    await expect(page.locator('#start')).toBeFocused();
  });

  test('Tab onto a link that names a company opens its card, focus staying on the link; Escape closes it', async ({ page, origin }) => {
    await open(page, `${origin}/card-links.html`, ['Huawei', 'ZTE']);
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    const link = page.locator('#story');
    await expect(link).toBeFocused();
    const card = dialog(page, 'Huawei');
    await expect(card).toBeVisible();
    await expect(link, 'the card did not take focus').toBeFocused();
    await expectBeside(page, card, await lineBoxesOf(page, '#story', 'Huawei'), 'link');

    // Focus moving on to a link without a mention closes it; coming back opens it again.
    await page.keyboard.press('Tab');
    await expect(page.locator('#elsewhere')).toBeFocused();
    await expect(card).toBeHidden();
    await page.keyboard.press('Shift+Tab');
    await expect(link).toBeFocused();
    await expect(card).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(link).toBeFocused();
    await page.waitForTimeout(500);
    await expect(card).toBeHidden();
  });

  test('focus that follows the mouse, not the keyboard, opens no card', async ({ page, origin }) => {
    await open(page, `${origin}/card-links.html`, ['Huawei']);
    // After a mouse click, focus the page moves by script is not shown (no :focus-visible), and opens nothing.
    await page.locator('#before').click();
    await page.evaluate(() => document.querySelector<HTMLElement>('#story')!.focus());
    await expect(page.locator('#story')).toBeFocused();
    await page.waitForTimeout(500);
    await expect(anyDialog(page)).toHaveCount(0);
  });

  test('from a card its link opened, the next/previous command takes focus into that card first, and Escape gives it back to the link', async ({ page, origin, serviceWorker }) => {
    // ZTE comes after the link: a plain "next" would go there.
    await open(page, `${origin}/card-links.html`, ['Huawei', 'ZTE']);
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    const card = dialog(page, 'Huawei');
    await expect(card).toBeVisible();
    expect(await step(serviceWorker, await tabIdOf(serviceWorker, page.url()), 1)).toBe(true);
    await expect(card).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(page.locator('#story')).toBeFocused();
    // Focus given back is not the reader tabbing onto the link: the card stays closed.
    await page.waitForTimeout(500);
    await expect(card).toBeHidden();
  });

  test('with no card open, "next" starts from where the reader is, not from the top of the page', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-basic.html`, ['Huawei']);
    await page.evaluate(() => document.querySelector('#p4')!.scrollIntoView({ block: 'center' }));
    const tabId = await tabIdOf(serviceWorker, page.url());
    expect(await step(serviceWorker, tabId, 1)).toBe(true);
    await expect(dialog(page, 'Huawei')).toBeFocused();
  });

  test('the command opens one card, in the top document, not one more in each embedded frame', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-frames.html`, ['ZTE']);
    const frame = page.frames().find((f) => f.url().endsWith('/card-plain.html'))!;
    await expect.poll(() => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { message: 'the frame has its own mention' }).toBeGreaterThan(0);
    const tabId = await tabIdOf(serviceWorker, page.url());
    await step(serviceWorker, tabId, 1);
    await expect(dialog(page, 'ZTE')).toBeFocused();
    await page.waitForTimeout(300);
    await expect(frame.getByRole('dialog')).toHaveCount(0);
  });

  test('"Not this company here" from the keyboard: focus follows to the Undo, and Escape takes it back where it was', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    await page.locator('#start').focus();
    const tabId = await tabIdOf(serviceWorker, page.url());
    await step(serviceWorker, tabId, 1); // "Alibaba Cloud"
    await step(serviceWorker, tabId, 1); // "Aliyun"
    const card = dialog(page, 'Alibaba Cloud');
    await expect(card).toBeFocused();
    await expect(card.getByText(/Matched “Aliyun”/)).toBeVisible();
    await card.getByRole('button', { name: 'Not this company here' }).press('Enter');
    await expectPainted(page, (t) => !t.includes('Aliyun'), 'Aliyun unpainted');
    await expect(card).toBeHidden();
    const undo = page.getByRole('status').getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(undo).toBeHidden();
    await expect(page.locator('#start')).toBeFocused();
  });

  test('a related entity’s chip swaps the card, keeps focus in it, and Back returns', async ({ page, origin, serviceWorker }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const tabId = await tabIdOf(serviceWorker, page.url());
    await step(serviceWorker, tabId, 1);
    const card = dialog(page, 'Alibaba Cloud');
    await expect(card).toBeFocused();
    await card.getByRole('button', { name: /Alibaba Group/ }).press('Enter');
    const swapped = dialog(page, 'Alibaba Group');
    await expect(swapped).toBeVisible();
    await expect(swapped).toBeFocused();
    // No "why" nor "not this company here": this entity is not the one that matched.
    await expect(swapped.getByRole('button', { name: 'Not this company here' })).toHaveCount(0);
    await swapped.getByRole('button', { name: 'Back to Alibaba Cloud' }).click();
    await expect(dialog(page, 'Alibaba Cloud')).toBeVisible();
  });
});

test.describe('content', () => {
  test('says what the entity is, what the article says with its own quoted sentences, and why it matched', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const cloud = entity('alibaba-cloud');
    await expect(card.getByText('Company', { exact: true })).toBeVisible();
    await expect(card.locator('.description')).toHaveText(/^Cloud computing subsidiary of Alibaba Group[^.]*\.$/);
    await expect(card.getByRole('region', { name: 'In the article' })).toContainText(cloud.articles[0]!.role.en);
    const quote = card.locator('blockquote').first();
    await expect(quote).toHaveAttribute('lang', 'fr');
    await expect(quote).toContainText(`«\u00a0${cloud.articles[0]!.evidence[0]!.sentence}\u00a0»`);
    await expect(card.getByRole('button', { name: /Alibaba Group/ })).toBeVisible();
    await expect(card.getByText('Cloud computing', { exact: true })).toBeVisible();
    await expect(card.getByText(/Matched “Aliyun”/)).toBeVisible();
    const summary = card.getByText('Full summary of the article');
    await summary.click();
    await expect(card.getByText(knowledgeBase.articles[0]!.summary.en)).toBeVisible();
  });

  test('the key content fits without scrolling in a 1366×768 window', async ({ page, origin }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const cardBox = await boxOf(card);
    for (const part of [card.getByRole('heading', { name: 'Alibaba Cloud' }), card.locator('.description'), card.locator('.role'), card.locator('blockquote').first()]) {
      const box = await boxOf(part);
      expect(box.bottom, 'visible without scrolling the card').toBeLessThanOrEqual(cardBox.bottom);
    }
  });

  test('speaks French when options say so', async ({ page, origin, extensionId }) => {
    const options = await optionsPage(page, extensionId);
    await options.getByLabel('Language').selectOption('fr');
    await page.bringToFront();
    await open(page, `${origin}/card-basic.html`, ['Aliyun']);
    const card = await hover(page, 'Aliyun', entity('alibaba-cloud').name.fr);
    await expect(card).toHaveAttribute('lang', 'fr');
    await expect(card.getByRole('region', { name: 'Dans l’article' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Pas cette entreprise ici' })).toBeVisible();
  });
});

test.describe('one-click actions', () => {
  test('"Not this company here" unpaints the alias on this site at once; Undo and options bring it back', async ({ page, origin, extensionId }) => {
    await open(page, `${origin}/card-basic.html`, ['Aliyun', 'Alibaba Cloud']);
    let card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    await card.getByRole('button', { name: 'Not this company here' }).click();
    // The alias goes, not the entity: "Alibaba Cloud" itself stays highlighted.
    await expectPainted(page, (t) => !t.includes('Aliyun') && t.includes('Alibaba Cloud'), 'Aliyun unpainted, Alibaba Cloud kept');
    await expect(card).toBeHidden();
    const site = new URL(origin).host;
    const notice = page.getByRole('status');
    await expect(notice).toContainText(`“Aliyun” is no longer highlighted on ${site}`);

    // Undo, right there.
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expectPainted(page, (t) => t.includes('Aliyun'), 'Aliyun painted again');

    // Again, and this time undone from options, as a reader would days later.
    card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    await card.getByRole('button', { name: 'Not this company here' }).click();
    await expectPainted(page, (t) => !t.includes('Aliyun'), 'Aliyun unpainted');
    const options = await optionsPage(page, extensionId);
    // The entry the card's button made, listed with its site, and its button to take it back.
    const remove = options.getByRole('listitem').filter({ hasText: '“Aliyun”' }).filter({ hasText: site }).getByRole('button', { name: /Remove/ });
    await expect(remove).toBeVisible();
    await remove.click();
    await page.bringToFront();
    await expectPainted(page, (t) => t.includes('Aliyun'), 'Aliyun painted after the options undo');
  });

  test('"Hide this topic" unpaints what only that topic showed, at once; options bring it back', async ({ page, origin, extensionId }) => {
    await open(page, `${origin}/card-basic.html`, ['Jack Ma', 'Alibaba']);
    expect(entity('jack-ma').topics).toEqual(['e-commerce']);
    const card = await hover(page, 'Jack Ma', 'Jack Ma');
    await card.getByRole('button', { name: `Hide this topic: ${topicLabel('e-commerce')}` }).click();
    // Jack Ma had no other topic; Alibaba has (cloud computing, the trade war) and stays.
    await expectPainted(page, (t) => !t.includes('Jack Ma') && t.includes('Alibaba'), 'Jack Ma unpainted, Alibaba kept');
    await expect(card).toBeHidden();
    await expect(page.getByRole('status')).toContainText(`Topic hidden: ${topicLabel('e-commerce')}`);

    const options = await optionsPage(page, extensionId);
    const topic = options.locator('input[data-topic="e-commerce"]');
    await expect(topic).not.toBeChecked();
    await topic.check();
    await page.bringToFront();
    await expectPainted(page, (t) => t.includes('Jack Ma'), 'Jack Ma painted again');
  });

  test('hiding one of several topics keeps the card, shows the topic hidden, and can show it again', async ({ page, origin }) => {
    await open(page, `${origin}/card-basic.html`, ['Huawei']);
    const huawei = entity('huawei');
    expect(huawei.topics.length).toBeGreaterThan(1);
    const [first] = huawei.topics as [string];
    const card = await hover(page, 'Huawei', 'Huawei');
    await card.getByRole('button', { name: `Hide this topic: ${topicLabel(first)}` }).click();
    await expect(card.getByRole('button', { name: `Show this topic again: ${topicLabel(first)}` })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Huawei stays highlighted for its other topics');
    await card.getByRole('button', { name: `Show this topic again: ${topicLabel(first)}` }).click();
    await expect(card.getByRole('button', { name: `Hide this topic: ${topicLabel(first)}` })).toBeVisible();
  });
});

test.describe('look and isolation', () => {
  test('light and dark themes follow prefers-color-scheme; reduced motion turns off the animation', async ({ page, origin }) => {
    await page.setViewportSize({ width: 900, height: 640 });
    await open(page, `${origin}/card-theme.html`, ['Aliyun']);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    const card = await hover(page, 'Aliyun', 'Alibaba Cloud');
    const background = () => card.evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await background();
    expect(await card.evaluate((element) => getComputedStyle(element).animationName)).not.toBe('none');
    await saveScreenshot(page, card, 'card-light.png');

    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const dark = await background();
    expect(dark).not.toBe(light);
    // Dark means dark: the background's luminance drops.
    const luminance = (color: string) => color.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    expect(luminance(dark)).toBeLessThan(luminance(light));
    expect(await card.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    await saveScreenshot(page, card, 'card-dark.png');
  });

  test('hostile page styles do not change the card, and the card’s styles do not leak into the page', async ({ page, origin }) => {
    await open(page, `${origin}/card-plain.html`, ['Huawei']);
    const pageLook = () =>
      page.evaluate(() =>
        ['#page-heading', '#page-button', 'p'].map((selector) => {
          const s = getComputedStyle(document.querySelector(selector)!);
          return [s.font, s.color, s.backgroundColor, s.padding, s.border, s.margin].join(' | ');
        }),
      );
    const before = await pageLook();
    const plain = await cardLook(await hover(page, 'Huawei', 'Huawei'));
    expect(await pageLook(), 'the page looks the same with the card open').toEqual(before);

    await open(page, `${origin}/card-hostile.html`, ['Huawei']);
    const hostile = await cardLook(await hover(page, 'Huawei', 'Huawei'));
    expect(hostile).toEqual(plain);
    expect(hostile.card.font).toContain('13px');
  });
});

/** Writes a screenshot of the card and its surroundings for the README, only when asked (UPDATE_SCREENSHOTS=1). */
async function saveScreenshot(page: Page, card: Locator, file: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.waitForTimeout(200); // past the fade-in
  const box = await boxOf(card);
  const viewport = page.viewportSize()!;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: `${SCREENSHOTS}${file}`,
    animations: 'disabled',
    clip: { x: 0, y: Math.max(0, box.top - 120), width: viewport.width, height: Math.min(viewport.height, box.bottom + 24) - Math.max(0, box.top - 120) },
  });
}
