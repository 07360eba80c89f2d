import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { EXTENSION_DIR, expect, expectPainted, openPopupFor, paintedTexts, pointOfText, test } from './fixtures';

const article = knowledgeBase.articles[0]!;

test('highlights the companies of the English demo page, and not the look-alikes', async ({ page, origin }) => {
  await page.goto(`${origin}/cloud-rivals.html`);
  const texts = await expectPainted(page, (t) => t.includes('Aliyun') && t.includes('Jack Ma'), 'mentions painted');
  for (const name of ['Alibaba', 'Alibaba Cloud', 'Aliyun', 'Amazon Web Services', 'AWS', 'Microsoft Azure', 'Google Cloud', 'Huawei', 'ZTE', 'Trump administration', 'The Information']) {
    expect(texts, name).toContain(name);
  }
  // The last paragraph is all look-alikes (heraldry, the folk tale, the ICO, the river): none is counted.
  const count = (name: string) => texts.filter((text) => text === name).length;
  expect(count('Alibaba')).toBe(4);
  expect(count('The Information')).toBe(1);
  expect(count('AWS')).toBe(2);
  expect(count('Azure')).toBe(0);
  expect(texts.some((text) => /Amazon$|Commissioner|thieves/.test(text))).toBe(false);
});

test('a hover card appears over a mention and names its entity', async ({ page, origin }) => {
  await page.goto(`${origin}/article.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'Aliyun painted');
  const { x, y } = await pointOfText(page, 'Aliyun');
  await page.mouse.move(x, y);
  const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
  await expect(card).toBeVisible();
  await expect(card).toContainText(knowledgeBase.entities.find((e) => e.id === 'alibaba-cloud')!.description.en.slice(0, 40));
  // The card quotes the article's own sentence.
  await expect(card.locator('blockquote').first()).toContainText('Aliyun');
  // Leaving the mention closes the card after the grace period.
  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();
});

test('the popup shows the article and its summary', async ({ page, context, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect(page.getByTestId('summary')).toHaveText(article.summary.en);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('summary')).toHaveText(article.summary.fr);
  void context;
});

test('turning off every topic of an entity removes its highlights in an open tab, and leaves the others', async ({ page, context, origin, extensionId }) => {
  await page.goto(`${origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Huawei') && t.includes('Aliyun'), 'mentions painted');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const huawei = knowledgeBase.entities.find((e) => e.id === 'huawei')!;
  for (const topic of huawei.topics) {
    await options.locator(`input[data-topic="${topic}"]`).uncheck();
  }
  await page.bringToFront();
  const remaining = await expectPainted(page, (t) => !t.includes('Huawei') && t.length > 0, 'Huawei unpainted');
  // Entities with a topic still on keep their highlights.
  const stillOn = knowledgeBase.entities.filter((e) => e.topics.some((topic) => !huawei.topics.includes(topic)));
  expect(stillOn.some((e) => e.id === 'alibaba-cloud')).toBe(true);
  expect(remaining).toContain('Aliyun');
  // And turning one topic back on brings Huawei back without a reload.
  await options.locator(`input[data-topic="${huawei.topics[0]}"]`).check();
  await expectPainted(page, (t) => t.includes('Huawei'), 'Huawei painted again');
  expect(await paintedTexts(page)).toContain('Aliyun');
});

test('the popup lists the mentions of a real tab', async ({ page, context, origin, extensionId, serviceWorker }) => {
  await page.goto(`${origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
  const popup = await openPopupFor(page, context, extensionId, serviceWorker);
  const list = popup.getByRole('region', { name: 'On this page' });
  await expect(list.getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();
  await expect(list.getByRole('button', { name: /Huawei/ })).toBeVisible();
});

test('the content script, which runs in every frame of every page, stays within 30 KiB gzipped', () => {
  // The card, the pack builder and their libraries are scripts and pages of their own, loaded when needed.
  const gzipped = gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts/mentions.js')), { level: 9 }).length;
  expect(gzipped).toBeLessThanOrEqual(30 * 1024);
  expect(readFileSync(join(EXTENSION_DIR, 'content-scripts/mentions.js'), 'utf8')).not.toMatch(/readabilityDataTable|compromise/);
});
