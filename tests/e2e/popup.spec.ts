import type { Page } from '@playwright/test';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { expect, expectPainted, openPopupFor, test } from './fixtures';

const entity = (id: string) => knowledgeBase.entities.find((e) => e.id === id)!;

/** The accessible name of a page-list entry: "Huawei , 1 mention" (the count is read, not just shown). */
const entry = (name: string, count: number) =>
  new RegExp(`^${name.replace(/[()]/g, '\\$&')}\\W+${count} mentions?$`);

/** The "On this page" region of the popup. */
const pageList = (popup: Page) => popup.getByRole('region', { name: 'On this page' });

/** How many of the page's painted ranges the active (revealed) highlight holds. */
const activeRanges = (page: Page) => page.evaluate(() => CSS.highlights.get('backstory-active')?.size ?? 0);

test.describe('popup: on this page', () => {
  test('lists the entities of a real tab by topic, with counts that add up to what is painted', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    const painted = await expectPainted(page, (t) => t.includes('Jack Ma') && t.includes('Aliyun'), 'mentions painted');
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);
    const list = pageList(popup);
    await expect(list.getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();

    // Grouped under the first topic each entity is highlighted for.
    const group = (topicId: string) => list.getByRole('list', { name: new RegExp(knowledgeBase.topics.find((t) => t.id === topicId)!.label.en) });
    await expect(group('telecom-sanctions').getByRole('button')).toHaveText([/Huawei/, /ZTE/]);
    await expect(group('e-commerce').getByRole('button', { name: /Jack Ma/ })).toBeVisible();
    await expect(group('cloud-computing').getByRole('button', { name: entry('Alibaba Cloud', 3) })).toBeVisible();
    await expect(group('telecom-sanctions').getByRole('button', { name: entry('Huawei', 1) })).toBeVisible();

    // Each entity once, and the counts sum to the ranges painted on the page.
    const counts = await list.locator('button .count').allTextContents();
    expect(counts.reduce((sum, count) => sum + Number(count), 0)).toBe(painted.length);
    await expect(list.getByRole('button')).toHaveCount(new Set(await list.locator('button[data-entity]').evaluateAll((b) => b.map((x) => x.getAttribute('data-entity')))).size);
  });

  test('follows the page live: a mention added while the popup is open appears in its list', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/popup-live.html`);
    await expectPainted(page, (t) => t.includes('Huawei'), 'Huawei painted');
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);
    const list = pageList(popup);
    await expect(list.getByRole('button', { name: entry('Huawei', 1) })).toBeVisible();
    await expect(list.getByRole('button')).toHaveCount(1);

    await page.evaluate(() => {
      const more = document.getElementById('more')!;
      more.innerHTML = '<p>Now ZTE is named too, next to Huawei.</p>';
    });
    await expect(list.getByRole('button', { name: entry('Huawei', 2) })).toBeVisible();
    await expect(list.getByRole('button', { name: entry('ZTE', 1) })).toBeVisible();

    await page.evaluate(() => document.getElementById('more')!.remove());
    await expect(list.getByRole('button', { name: entry('Huawei', 1) })).toBeVisible();
    await expect(list.getByRole('button', { name: /ZTE/ })).toHaveCount(0);
  });

  test('activating an entity scrolls the page to its next mention, flashes it and opens its card', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/popup-long.html`);
    await expectPainted(page, (t) => t.filter((x) => x === 'ZTE').length === 2, 'both ZTE mentions painted');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);

    // Sample the active highlight while the reveal runs: it blinks off and on, and ends on. Sampled until the
    // blink has come and gone (marked, unmarked, marked again for 600 ms), not for a fixed window that a busy
    // machine could end before the reveal starts. Started (awaited) before the key is pressed.
    type Sampling = { __blinkSamples: Promise<number[]> };
    await page.evaluate(() => {
      (window as unknown as Sampling).__blinkSamples = (async () => {
        const seen: number[] = [];
        const giveUp = performance.now() + 15_000;
        let markedSince = Infinity;
        while (performance.now() < giveUp) {
          const size = CSS.highlights.get('backstory-active')?.size ?? 0;
          seen.push(size);
          const blinked = seen.includes(1) && seen.slice(seen.indexOf(1)).includes(0);
          markedSince = size === 1 ? Math.min(markedSince, performance.now()) : Infinity;
          if (blinked && performance.now() - markedSince >= 600) break;
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
        return seen;
      })();
    });
    await pageList(popup).getByRole('button', { name: /ZTE/ }).press('Enter'); // The keyboard works as well as a click.
    const seen = await page.evaluate(() => (window as unknown as Sampling).__blinkSamples);
    expect(seen, 'the mention is marked, blinks, and stays marked').toContain(1);
    expect(seen.slice(seen.indexOf(1))).toContain(0);
    expect(seen.at(-1)).toBe(1);

    await page.bringToFront();
    const card = page.getByRole('dialog', { name: 'ZTE' });
    await expect(card).toBeVisible();
    const inView = (id: string) =>
      page.evaluate((id) => {
        const rect = document.getElementById(id)!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      }, id);
    await expect.poll(() => inView('first-zte'), { message: 'the first ZTE is scrolled into view' }).toBe(true);
    const firstScroll = await page.evaluate(() => scrollY);
    expect(firstScroll).toBeGreaterThan(500);
    expect(await activeRanges(page)).toBe(1);

    // Activating it again moves on to the next mention.
    await pageList(popup).getByRole('button', { name: /ZTE/ }).click();
    await expect.poll(() => inView('second-zte'), { message: 'the second ZTE is scrolled into view' }).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(firstScroll);
    await expect(page.getByRole('dialog', { name: 'ZTE' })).toBeVisible();
  });

  test('the per-site switch removes the highlights from the open tab and brings them back', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    const before = await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);
    const site = new URL(origin).host;
    const toggle = popup.getByRole('switch', { name: /Highlight on this site/ });
    await expect(toggle).toBeChecked();
    await expect(popup.getByText(`(${site})`)).toBeVisible();

    await toggle.uncheck();
    await expectPainted(page, (t) => t.length === 0, 'highlights removed');
    await expect(pageList(popup).getByText(`Backstory is off on ${site}`)).toBeVisible();
    await expect(pageList(popup).getByRole('button')).toHaveCount(0);
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { disabledSites: string[] }).disabledSites).toEqual([site]);

    await toggle.check();
    await expectPainted(page, (t) => t.length === before.length, 'highlights back');
    await expect(pageList(popup).getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();
  });

  test('on a page Backstory cannot read, says why there is no list, and the summary and search still work', async ({ page, context, extensionId, serviceWorker }) => {
    // A data: page is like a browser page or a store: no content script runs there.
    await page.goto('data:text/html,<title>Not readable</title><p>Huawei</p>');
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);
    await expect(pageList(popup)).toContainText('Backstory cannot read this page');
    await expect(popup.getByRole('switch')).toHaveCount(0);
    await expect(popup.getByTestId('summary')).toHaveText(knowledgeBase.articles[0]!.summary.en);
    await popup.getByRole('searchbox').fill('huawey');
    await expect(popup.getByRole('list', { name: 'Results' }).getByRole('button').first()).toContainText('Huawei');
  });
});

test.describe('popup: search', () => {
  test('finds entities despite typos, and opens one inside the popup', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const search = popup.getByRole('searchbox', { name: 'Search the knowledge base' });
    const results = popup.getByRole('list', { name: 'Results' }).getByRole('button');

    for (const [query, name] of [['huawey', 'Huawei'], ['alibba', 'Alibaba Group'], ['amazon web', 'Amazon Web Services (AWS)']] as const) {
      await search.fill(query);
      await expect(results.first(), query).toContainText(name);
    }
    await search.fill('aliyun');
    await expect(results.first()).toContainText('Alibaba Cloud · as “Aliyun”');
    await search.fill('qxzvwk');
    await expect(popup.getByText('Nothing found.').first()).toBeVisible();

    await search.fill('huawey');
    await results.first().click();
    const details = popup.getByRole('article', { name: 'Huawei' });
    await expect(details).toBeVisible();
    await expect(details).toContainText(entity('huawei').description.en);
    await expect(details).toContainText(entity('huawei').articles[0]!.role.en);
    // A related entity opens in its place; Back returns step by step.
    await details.getByRole('button', { name: /ZTE/ }).first().click();
    await expect(popup.getByRole('article', { name: 'ZTE' })).toBeVisible();
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect(popup.getByRole('article', { name: 'Huawei' })).toBeVisible();
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect(search).toHaveValue('huawey');
    await expect(results.first()).toBeFocused();
  });

  test('an entity found by search and mentioned on the page can be shown there from its details', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/popup-long.html`);
    await expectPainted(page, (t) => t.filter((x) => x === 'ZTE').length === 2, 'both ZTE mentions painted');
    const popup = await openPopupFor(page, context, extensionId, serviceWorker);
    await popup.getByRole('searchbox').fill('zet');
    await popup.getByRole('list', { name: 'Results' }).getByRole('button', { name: /ZTE/ }).click();
    await popup.getByRole('button', { name: 'Show on the page (2 mentions)' }).click();
    await page.bringToFront();
    await expect(page.getByRole('dialog', { name: 'ZTE' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
    // An entity the page does not mention offers no such button.
    await popup.getByRole('button', { name: 'Back' }).click();
    await popup.getByRole('searchbox').fill('jack ma');
    await popup.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
    await expect(popup.getByRole('article', { name: 'Jack Ma' })).toBeVisible();
    await expect(popup.getByRole('button', { name: /Show on the page/ })).toHaveCount(0);
  });

  test('is fully usable with the keyboard: arrows through the results, Enter to open, Escape to come back', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const search = popup.getByRole('searchbox');
    await search.focus();
    await popup.keyboard.type('alibba');
    const results = popup.getByRole('list', { name: 'Results' }).getByRole('button');
    await expect(results).toHaveCount(2);

    await popup.keyboard.press('ArrowDown');
    await expect(results.nth(0)).toBeFocused();
    await popup.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await popup.keyboard.press('ArrowDown'); // Stays on the last.
    await expect(results.nth(1)).toBeFocused();
    await popup.keyboard.press('Home');
    await expect(results.nth(0)).toBeFocused();
    await popup.keyboard.press('ArrowUp'); // Back to the field.
    await expect(search).toBeFocused();

    // Enter in the field opens the best result; focus lands on its heading.
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('heading', { name: 'Alibaba Group', level: 2 })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(search).toBeFocused();

    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('article', { name: 'Alibaba Cloud' })).toBeVisible();
    await expect(popup.getByRole('heading', { name: 'Alibaba Cloud', level: 2 })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(results.nth(1)).toBeFocused();
  });
});

test.describe('popup: article and language', () => {
  test('shows the title, the language, the full summary with a switch, key points and topics', async ({ context, extensionId }) => {
    const article = knowledgeBase.articles[0]!;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(article.title);
    await expect(popup.getByText('Article in French')).toBeVisible();
    const english = popup.getByRole('button', { name: 'English' });
    const french = popup.getByRole('button', { name: 'Français' });
    await expect(english).toHaveAttribute('aria-pressed', 'true');
    await expect(popup.getByTestId('summary')).toHaveText(article.summary.en);
    await expect(popup.locator('.key-points li')).toHaveText(article.keyPoints.map((p) => p.en));
    await french.click();
    await expect(french).toHaveAttribute('aria-pressed', 'true');
    await expect(popup.getByTestId('summary')).toHaveText(article.summary.fr);
    await expect(popup.locator('.key-points li').first()).toHaveText(article.keyPoints[0]!.fr);
    await english.click();
    await expect(popup.getByTestId('summary')).toHaveText(article.summary.en);
    const topics = popup.getByRole('region', { name: 'Summary' }).locator('.chip');
    await expect(topics).toHaveText(article.topics.map((id) => knowledgeBase.topics.find((t) => t.id === id)!.label.en));
  });

  test('speaks French when French is chosen, summary first in French', async ({ context, extensionId, serviceWorker }) => {
    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'fr' }, 'settings$': { v: 2 } }));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    await expect(popup.getByRole('heading', { name: 'Sur cette page' })).toBeVisible();
    await expect(popup.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(popup.getByTestId('summary')).toHaveText(knowledgeBase.articles[0]!.summary.fr);
    await expect(popup.getByRole('searchbox', { name: 'Rechercher dans la base' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Options' })).toBeVisible();
  });

  test('links to the options page', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    const [options] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Options' }).click()]);
    await expect(options).toHaveURL(/options\.html/);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Backstory options');
  });
});

