import { expect, test } from 'vitest';
import { FIREFOX_EXTENSION_DIR, cardIn, expectCard, expectPainted, firefoxSession, pointOfText, waitUntil } from './harness';
import { colouredPixels } from '../pixels';

/**
 * Installing, updating and removing Backstory with a tab open, as Firefox does it: the
 * add-on installed (again) and uninstalled through WebDriver BiDi. Firefox starts the new
 * content script in open tabs by itself, and stops the old one at once without a word.
 */

const session = firefoxSession({ launch: async () => ({ install: false }) });

test('install, update and removal with a tab open: painted once, no card or highlight left behind', async () => {
  const { firefox, origin } = session;
  const page = await firefox.browser.newPage();
  await page.goto(`${origin}/cloud-rivals.html`);
  const pixels = async () => colouredPixels(await (await page.$('p:nth-of-type(3)'))!.screenshot());
  expect(await pixels(), 'nothing painted before Backstory is installed').toBe(0);

  const id = await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR);
  await expectPainted(page, (t) => t.includes('Huawei'), 'the open tab painted after the install');
  await waitUntil(async () => (await pixels()) > 500, 'the highlights visible');
  const hosts = () => page.evaluate(() => document.querySelectorAll('backstory-ui').length);

  // An update while a card is open: the old card goes, the new script paints once and opens its own cards.
  const { x, y } = await pointOfText(page, 'Huawei');
  await page.mouse.move(x, y);
  await expectCard(page, 'Huawei');
  await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR);
  await waitUntil(async () => (await hosts()) === 0, 'the old card removed by the new script');
  expect(await cardIn(page)).toBeNull();
  const painted = await expectPainted(page, (t) => t.includes('Huawei'), 'painted by the new script');
  expect(painted.filter((text) => text === 'Huawei')).toHaveLength(1);
  await page.mouse.move(5, 5);
  await page.mouse.move(x, y);
  await expectCard(page, 'Huawei');
  expect(await hosts()).toBe(1);

  // Removal: Firefox takes the declared stylesheet away, and with it every highlight and the open card.
  await firefox.browser.uninstallExtension(id);
  await waitUntil(async () => (await pixels()) === 0, 'no highlight visible after the removal');
  await waitUntil(async () => (await cardIn(page)) === null, 'no card visible after the removal');
  // The page keeps working.
  expect(await page.evaluate(() => document.title)).toBe('Cloud rivals regroup as trade tensions bite — The Demo Ledger');
});
