import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, test } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import {
  WINDOW,
  cardIn,
  expectCard,
  expectPainted,
  firefoxSession,
  openExtensionPage,
  paintedTexts,
  pointOfText,
  sendToTab,
  tabIdOf,
  waitUntil,
} from './harness';

const SCREENSHOTS = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));

const session = firefoxSession();
let page: Page;

afterEach(async () => {
  for (const open of await session.firefox.browser.pages()) await open.close();
});

async function open(path: string, painted: string[]): Promise<Page> {
  page = await session.firefox.browser.newPage();
  await page.goto(`${session.origin}/${path}`);
  await expectPainted(page, (texts) => painted.every((text) => texts.includes(text)), `${painted.join(', ')} painted`);
  return page;
}

async function hover(text: string, name: string): Promise<void> {
  const { x, y } = await pointOfText(page, text);
  await page.mouse.move(x, y);
  await expectCard(page, name);
}

describe('the hover card in Firefox', () => {
  test('opens over a mention, named after its entity, within the viewport, and closes on Escape', async () => {
    await open('card-basic.html', ['Aliyun']);
    await hover('Aliyun', 'Alibaba Cloud');
    const card = (await cardIn(page))!;
    expect(card.box.left).toBeGreaterThanOrEqual(0);
    expect(card.box.top).toBeGreaterThanOrEqual(0);
    expect(card.box.right).toBeLessThanOrEqual(WINDOW.width);
    expect(card.box.bottom).toBeLessThanOrEqual(WINDOW.height);
    // It quotes the article and says what the entity is.
    const text = await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.querySelector('[role="dialog"]')!.textContent);
    expect(text).toContain(knowledgeBase.entities.find((e) => e.id === 'alibaba-cloud')!.description.en.slice(0, 40));
    if (process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 500)); // past the card's fade-in
      await page.screenshot({ path: `${SCREENSHOTS}firefox-card.png` });
    }
    await page.keyboard.press('Escape');
    await waitUntil(async () => (await cardIn(page)) === null, 'the card closed on Escape');
  });

  test('leaving the mention closes the card after the grace period', async () => {
    await open('cloud-rivals.html', ['Huawei']);
    await hover('Huawei', 'Huawei');
    await page.mouse.move(5, 5);
    await waitUntil(async () => (await cardIn(page)) === null, 'the card closed');
  });

  test('a card in a same-origin frame', async () => {
    await open('card-frames.html', ['ZTE']);
    const frameHandle = await page.$('iframe');
    const frame = (await frameHandle!.contentFrame())!;
    await expectPainted(frame, (texts) => texts.includes('Huawei'), 'the frame painted');
    const inFrame = await pointOfText(frame, 'Huawei');
    const box = (await frameHandle!.boundingBox())!;
    await page.mouse.move(box.x + inFrame.x, box.y + inFrame.y);
    await expectCard(frame, 'Huawei');
    expect(await cardIn(page), 'no card in the top document').toBeNull();
  });

  test('the next/previous command opens each mention’s card with focus inside, and Escape returns focus', async () => {
    await open('card-basic.html', ['Aliyun', 'Huawei']);
    await page.focus('#start');
    const extension = await openExtensionPage(session.firefox.browser, 'options.html');
    // Firefox took the suggested shortcuts (none of its own clashes with them).
    const commands = await extension.evaluate(() => browser.commands.getAll());
    expect(Object.fromEntries(commands.map(({ name, shortcut }) => [name, shortcut]))).toEqual({ 'next-mention': 'Alt+Shift+N', 'previous-mention': 'Alt+Shift+P' });
    const tabId = await tabIdOf(extension, page.url());
    await page.bringToFront();
    // What background.ts sends on commands.onCommand: a browser shortcut that BiDi's synthesized keys do not reach.
    expect(await sendToTab(extension, tabId, 'stepMention', { direction: 1 })).toBe(true);
    const first = await expectCard(page, 'Alibaba Cloud');
    expect(first.focused).toBe(true);
    await sendToTab(extension, tabId, 'stepMention', { direction: 1 });
    await expectCard(page, 'Alibaba Cloud');
    await sendToTab(extension, tabId, 'stepMention', { direction: -1 });
    await waitUntil(async () => (await cardIn(page))?.focused === true, 'focus in the card');
    await page.keyboard.press('Escape');
    await waitUntil(async () => (await cardIn(page)) === null, 'the card closed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
  });

  test('"Not this company here" stops highlighting that name on the site at once, and Undo brings it back', async () => {
    await open('card-basic.html', ['Jack Ma']);
    await hover('Jack Ma', 'Jack Ma');
    await page.evaluate(() => {
      const root = document.querySelector('backstory-ui')!.shadowRoot!;
      [...root.querySelectorAll('button')].find((button) => /Not this (company|person) here/.test(button.textContent ?? ''))!.click();
    });
    await expectPainted(page, (texts) => !texts.includes('Jack Ma') && texts.includes('Aliyun'), 'Jack Ma no longer painted');
    await page.evaluate(() => {
      const root = document.querySelector('backstory-ui')!.shadowRoot!;
      [...root.querySelectorAll('button')].find((button) => /Undo/.test(button.textContent ?? ''))!.click();
    });
    await expectPainted(page, (texts) => texts.includes('Jack Ma'), 'Jack Ma painted again');
    expect((await paintedTexts(page)).length).toBeGreaterThan(3);
  });
});
