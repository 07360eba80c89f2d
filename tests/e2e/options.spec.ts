import type { BrowserContext, ConsoleMessage, Page, Worker } from '@playwright/test';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { MENTION_HIGHLIGHT } from '../../src/page/highlight-styles';
import { colouredPixels } from '../pixels';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { cardOpenAfterPointerMove, expect, expectPainted, paintedTexts, pointOfText, tabIdOf, test } from './fixtures';

const entity = (id: string) => knowledgeBase.entities.find((e) => e.id === id)!;

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  return options;
}

/**
 * The rule that paints the page's mentions now: the style's highlight is registered under its own name, styled by
 * its own rule in the stylesheet the content script adopted (read from the page's own world); '' when none is.
 */
function highlightRules(page: Page): Promise<string> {
  return page.evaluate((names) => {
    const registered = names.filter((name) => CSS.highlights.has(name));
    return document.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .filter((text) => registered.some((name) => text.startsWith(`::highlight(${name})`)))
      .join('\n');
  }, Object.values(MENTION_HIGHLIGHT).filter((name) => name !== null));
}

async function storedSettings(serviceWorker: Worker): Promise<Record<string, unknown>> {
  return (await serviceWorker.evaluate(() => chrome.storage.local.get('settings'))).settings as Record<string, unknown>;
}

const count = (texts: string[], ...names: string[]) => texts.filter((text) => names.includes(text)).length;

test.describe('options: topics and entities', () => {
  test('each topic has a labelled switch and each entity its own toggle, applied at once to an open tab', async ({ page, context, origin, extensionId }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('ZTE') && t.includes('Jack Ma'), 'mentions painted');
    const options = await openOptions(context, extensionId);

    for (const topic of knowledgeBase.topics) await expect(options.getByRole('switch', { name: topic.label.en })).toBeChecked();
    // ZTE is listed under each of its topics; any of its toggles switches the one setting.
    const zte = options.getByRole('checkbox', { name: 'ZTE', exact: true });
    await expect(zte).toHaveCount(entity('zte').topics.length);
    await zte.first().uncheck();
    await expect(zte.last()).not.toBeChecked();
    await expectPainted(page, (t) => !t.includes('ZTE') && t.includes('Huawei'), 'ZTE unpainted, Huawei kept');
    await zte.last().check();
    await expectPainted(page, (t) => t.includes('ZTE'), 'ZTE painted again');

    // Jack Ma has one topic: switching it off leaves him on but not highlighted, and the page says why.
    await options.getByRole('switch', { name: 'E-commerce' }).uncheck();
    const jackMa = options.getByRole('checkbox', { name: 'Jack Ma' });
    await expect(jackMa).toBeChecked();
    await expect(jackMa).toHaveAccessibleDescription('(not highlighted: all its topics are off)');
    await expectPainted(page, (t) => !t.includes('Jack Ma') && t.includes('Alibaba'), 'Jack Ma unpainted; Alibaba kept for its other topics');
    await options.getByRole('switch', { name: 'E-commerce' }).check();
    await expectPainted(page, (t) => t.includes('Jack Ma'), 'Jack Ma painted again');
  });
});

test.describe('options: sites', () => {
  test('disabled sites and ignored aliases are listed, each removable, and removing one applies at once', async ({ page, context, origin, extensionId, serviceWorker }) => {
    const site = new URL(origin).host;
    await serviceWorker.evaluate(
      ([site]) =>
        chrome.storage.local.set({
          settings: { disabledSites: [site, 'news.example.com'], ignoredAliases: [{ site, entityId: 'alibaba-cloud', alias: 'Aliyun' }] },
          'settings$': { v: 2 },
        }),
      [site] as const,
    );
    await page.goto(`${origin}/cloud-rivals.html`);
    const options = await openOptions(context, extensionId);
    const sites = options.getByRole('list', { name: 'Backstory is off on these sites' });
    await expect(sites.getByRole('listitem')).toHaveText([new RegExp(site.replace(/\./g, '\\.')), /news\.example\.com/]);
    expect(await paintedTexts(page)).toEqual([]);

    await sites.getByRole('button', { name: `Remove ${site}` }).click();
    await expect(sites.getByRole('listitem')).toHaveCount(1);
    // Back on, but "Aliyun" stays ignored on this site.
    const texts = await expectPainted(page, (t) => t.includes('Alibaba Cloud'), 'page painted again');
    expect(texts).not.toContain('Aliyun');

    const ignored = options.getByRole('list', { name: 'Names ignored on a site' });
    await expect(ignored.getByRole('listitem')).toHaveText([new RegExp(`“Aliyun” \\(Alibaba Cloud\\) on ${site.replace(/\./g, '\\.')}`)]);
    await ignored.getByRole('button', { name: /Remove “Aliyun”/ }).click();
    await expect(options.getByText('No name is ignored.')).toBeVisible();
    await expectPainted(page, (t) => t.includes('Aliyun'), 'Aliyun painted again');

    // A site can be added by hand, as a host or a whole address.
    await options.getByLabel('Turn Backstory off on a site').fill('not a site at all');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(options.getByText('Not a web address')).toBeVisible();
    await options.getByLabel('Turn Backstory off on a site').fill(`http://${site}/cloud-rivals.html`);
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(sites.getByRole('listitem')).toHaveCount(2);
    await expectPainted(page, (t) => t.length === 0, 'highlights removed again');
  });
});

test.describe('options: display', () => {
  test('highlight style changes the ::highlight rule in an open tab, without touching the stylesheet; with none, cards still open', async ({ page, context, origin, extensionId }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
    // The default: a tint, which a highlight change repaints cheaply (src/page/highlight-styles.ts).
    expect(await highlightRules(page)).toContain('background-color: rgba(217, 119, 6, 0.22)');
    // The stylesheet holds every style's rule from the start: a change of style moves the highlight, and restyles nothing.
    const sheetOf = () => page.evaluate(() => document.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n'));
    const sheet = await sheetOf();
    const options = await openOptions(context, extensionId);
    await expect(options.getByRole('radio', { name: 'Light tint' })).toBeChecked();

    await options.getByRole('radio', { name: 'Underline' }).check();
    await expect.poll(() => highlightRules(page)).toMatch(/text-decoration/);

    await options.getByRole('radio', { name: 'Background' }).check();
    await expect.poll(() => highlightRules(page)).toMatch(/background-color: rgba\(250, 204, 21/);
    expect(await highlightRules(page)).not.toContain('text-decoration');

    await options.getByRole('radio', { name: 'None (cards only)' }).check();
    await expect.poll(() => highlightRules(page)).toBe('');
    expect(await paintedTexts(page)).toEqual([]);
    // Nothing is painted, yet the mentions are still known: hovering one opens its card.
    await page.bringToFront();
    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x, y);
    await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();

    await options.getByRole('radio', { name: 'Light tint' }).check();
    await expect.poll(() => highlightRules(page)).toMatch(/background-color: rgba\(217, 119, 6/);
    expect(await paintedTexts(page)).toContain('Aliyun');
    expect(await sheetOf()).toBe(sheet);
  });

  test('each highlight style is visible by its pixels, the looks differ, and "none" paints nothing', async ({ page, context, origin, extensionId }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Huawei'), 'mentions painted');
    const options = await openOptions(context, extensionId);
    // A paragraph with mentions and no link (a link's blue would count too).
    const paragraph = page.locator('p').nth(2);
    const pixels: Record<string, number> = {};
    const rules = { background: /rgba\(250, 204, 21/, none: /^$/, underline: /text-decoration/, tint: /rgba\(217, 119, 6/ };
    for (const [label, style] of [['Background', 'background'], ['None (cards only)', 'none'], ['Underline', 'underline'], ['Light tint', 'tint']] as const) {
      await options.getByRole('radio', { name: label }).check();
      await expect.poll(() => highlightRules(page)).toMatch(rules[style]);
      await page.bringToFront();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      pixels[style] = colouredPixels(await paragraph.screenshot());
    }
    expect(pixels.none).toBe(0);
    expect(pixels.underline).toBeGreaterThan(100);
    expect(pixels.background).toBeGreaterThan(500);
    expect(pixels.tint).toBeGreaterThan(500);
    expect(new Set([pixels.underline, pixels.background, pixels.tint]).size, 'the three looks differ').toBe(3);
  });

  test('"only the first mention" leaves one painted range per entity, and "every mention" brings the rest back', async ({ page, context, origin, extensionId }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    const every = await expectPainted(page, (t) => count(t, 'Alibaba') === 4, 'every mention painted');
    expect(count(every, 'AWS', 'Amazon Web Services')).toBe(3);
    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: 'Only the first mention of each company' }).check();
    const first = await expectPainted(page, (t) => t.length < every.length, 'fewer mentions');
    expect(count(first, 'Alibaba', 'Alibaba’s')).toBe(1);
    expect(count(first, 'AWS', 'Amazon Web Services')).toBe(1);
    expect(count(first, 'Alibaba Cloud', 'Aliyun')).toBe(1);
    expect(new Set(first).size).toBe(first.length);

    await options.getByRole('radio', { name: 'Every mention' }).check();
    await expectPainted(page, (t) => t.length === every.length, 'every mention painted again');
  });

  test('card delay holds the card back for as long as chosen', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
    const options = await openOptions(context, extensionId);
    const delay = options.getByRole('spinbutton', { name: 'Card delay (milliseconds)' });
    await expect(delay).toHaveValue('300');
    await delay.fill('1800');
    await delay.press('Tab');
    await expect.poll(async () => (await storedSettings(serviceWorker))?.cardDelayMs).toBe(1800);

    await page.bringToFront();
    const { x, y } = await pointOfText(page, 'Aliyun');
    const samples = await cardOpenAfterPointerMove(page, [1000]);
    await page.mouse.move(x, y);
    expect(await samples(), 'card open 1 s into an 1800 ms delay').toEqual({ '1000 ms': false });
    const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
    await expect(card).toBeVisible();

    // Out of range is clamped, on screen and in storage.
    await delay.fill('99999');
    await delay.press('Tab');
    await expect(delay).toHaveValue('2000');
    await expect.poll(async () => (await storedSettings(serviceWorker))?.cardDelayMs).toBe(2000);
  });

  test('language switches the options page, the cards of an open tab and the popup to French', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
    const options = await openOptions(context, extensionId);
    await options.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Options de Backstory');
    await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(options.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');

    await page.bringToFront();
    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x, y);
    const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
    await expect(card).toBeVisible();
    await expect(card).toContainText(entity('alibaba-cloud').description.fr.slice(0, 40));
    await expect(card.getByRole('button', { name: 'Fermer' }).first()).toBeAttached();

    const tabId = await tabIdOf(serviceWorker, page.url());
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('region', { name: 'Sur cette page' }).getByRole('button', { name: /^Alibaba Cloud\W+3 mentions$/ })).toBeVisible();
    await expect(popup.getByRole('switch', { name: /Surligner sur ce site/ })).toBeChecked();

    // Back to the browser's language (English here), live.
    await options.getByRole('combobox', { name: 'Langue' }).selectOption('auto');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Backstory options');
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
  });

  test('reset to defaults restores every choice, in the page and in open tabs', async ({ page, context, origin, extensionId, serviceWorker }) => {
    const site = new URL(origin).host;
    await serviceWorker.evaluate(
      ([site]) =>
        chrome.storage.local.set({
          settings: { disabledTopics: ['telecom-sanctions', 'us-china-trade-war'], disabledSites: ['a.example'], ignoredAliases: [{ site, entityId: 'alibaba-cloud', alias: 'Aliyun' }], highlightStyle: 'background', firstMentionOnly: true, cardDelayMs: 0, language: 'fr' },
          'settings$': { v: 2 },
        }),
      [site] as const,
    );
    await page.goto(`${origin}/cloud-rivals.html`);
    const before = await expectPainted(page, (t) => t.length > 0, 'painted');
    expect(before).not.toContain('Huawei');
    const options = await openOptions(context, extensionId);
    await options.getByRole('button', { name: 'Rétablir les réglages par défaut' }).click();
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Backstory options');
    await expect(options.getByRole('status')).toHaveText('Settings reset to their defaults. Open tabs are updated.');
    await expect(options.getByRole('switch', { name: 'Telecom sanctions' })).toBeChecked();
    await expect(options.getByRole('radio', { name: 'Light tint' })).toBeChecked();
    await expect(options.getByRole('radio', { name: 'Every mention' })).toBeChecked();
    await expect(options.getByRole('spinbutton', { name: 'Card delay (milliseconds)' })).toHaveValue('300');
    await expect(options.getByText('Backstory is on everywhere.')).toBeVisible();
    await expectPainted(page, (t) => t.includes('Huawei') && t.includes('Aliyun') && count(t, 'Alibaba') === 4, 'everything painted again');
    await expect.poll(() => highlightRules(page)).toMatch(/rgba\(217, 119, 6/);
  });
});

test.describe('settings storage', () => {
  test('a corrupted stored value is repaired at once, reported once, and crashes no context', async ({ page, context, origin, extensionId, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    const painted = await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
    const warnings: string[] = [];
    const errors: string[] = [];
    const listen = (message: ConsoleMessage) => {
      if (message.type() === 'warning' && message.text().includes('Backstory')) warnings.push(message.text());
      if (message.type() === 'error') errors.push(message.text());
    };
    serviceWorker.on('console', listen);
    page.on('pageerror', (error) => errors.push(error.message));

    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: '{"disabledTopics": [garbage' }));
    await expect.poll(() => storedSettings(serviceWorker)).toEqual({ ...DEFAULT_SETTINGS });
    await expect.poll(() => warnings.length).toBe(1);
    expect(warnings[0]).toContain('settings were string, not an object');

    // The open tab goes on; a reload and a freshly opened options page start clean.
    expect((await paintedTexts(page)).length).toBe(painted.length);
    await page.reload();
    await expectPainted(page, (t) => t.length === painted.length, 'painted after a reload');
    const options = await openOptions(context, extensionId);
    options.on('pageerror', (error) => errors.push(error.message));
    await expect(options.getByRole('radio', { name: 'Light tint' })).toBeChecked();

    // A value bad in some fields only keeps the good ones.
    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { highlightStyle: 'neon', cardDelayMs: -4, disabledTopics: ['e-commerce', 'no-such-topic'], language: 'fr' } }));
    await expect.poll(async () => (await storedSettings(serviceWorker))?.highlightStyle).toBe('tint');
    expect(await storedSettings(serviceWorker))?.toMatchObject({ cardDelayMs: 300, disabledTopics: ['e-commerce'], language: 'fr' });
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Options de Backstory');
    await expectPainted(page, (t) => !t.includes('Jack Ma') && t.length > 0, 'the good field (e-commerce off) applied');
    await expect.poll(() => warnings.length).toBe(2);
    serviceWorker.off('console', listen);
    expect(errors).toEqual([]);
  });

  test('a value written by version 1 is migrated, not thrown away', async ({ page, origin, serviceWorker }) => {
    await page.goto(`${origin}/cloud-rivals.html`);
    await expectPainted(page, (t) => t.includes('Jack Ma'), 'mentions painted');
    await serviceWorker.evaluate(() =>
      chrome.storage.local.set({ settings: { topics: { 'e-commerce': false, 'cloud-computing': true }, style: 'highlight', hoverDelay: 0.5 }, 'settings$': { v: 1 } }),
    );
    await expect.poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('settings$'))).toEqual({ 'settings$': { v: 2 } });
    expect(await storedSettings(serviceWorker))?.toMatchObject({ disabledTopics: ['e-commerce'], highlightStyle: 'background', cardDelayMs: 500 });
    await expectPainted(page, (t) => !t.includes('Jack Ma') && t.includes('Aliyun'), 'e-commerce off in the open tab');
    await expect.poll(() => highlightRules(page)).toMatch(/background-color/);
  });
});
