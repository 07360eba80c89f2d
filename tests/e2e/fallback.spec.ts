import type { Page } from '@playwright/test';
import { browserWithoutHighlightApi, expect, expectFound, extensionErrorsIn, pageReportOf, pointOfText, tabIdOf, test as shared } from './fixtures';
import { withoutLongTasks } from './tracing';

/**
 * The fallback where the CSS Custom Highlight API is missing: mentions wrapped in
 * `<backstory-mark>`, the DOM put back exactly on teardown. A browser of its own, with
 * the API removed (see `launchWithExtension`).
 */
const test = shared.extend({ extensionContext: [browserWithoutHighlightApi, { scope: 'worker' }] });

/** Each mark's text with the id of the element it is in (`shadow:<host id>` inside a shadow root). */
async function marks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot, label: string | null) => {
      for (const mark of root.querySelectorAll('backstory-mark')) {
        found.push(`${mark.textContent}@${label ?? mark.parentElement!.closest('[id]')?.id ?? mark.parentElement!.localName}`);
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot && host.localName !== 'backstory-ui') visit(host.shadowRoot, `shadow:${host.id}`);
    };
    visit(document, null);
    return found;
  });
}

/** Waits until the page's marks satisfy `check`; returns them. */
function expectMarks(page: Page, check: (marks: string[]) => boolean, message: string): Promise<string[]> {
  return expectFound(() => marks(page), 'marks', check, message);
}

const count = (list: string[], item: string) => list.filter((x) => x === item).length;

/** Marks inside marks, and marks with anything but one text node in them: what wrapping twice would leave. */
async function malformedMarks(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('backstory-mark')].filter((mark) =>
    mark.parentElement!.closest('backstory-mark') !== null || mark.childNodes.length !== 1 || mark.firstChild!.nodeType !== Node.TEXT_NODE).length);
}

async function setSettings(serviceWorker: import('@playwright/test').Worker, settings: Record<string, unknown>): Promise<void> {
  await serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

test.describe('fallback without the Custom Highlight API', () => {
  test('the browser lacks the API in the page and in the content script’s world', async ({ page, origin, extensionId }) => {
    await page.goto(`${origin}/fallback.html`);
    await expectMarks(page, (m) => m.length > 0, 'marks painted');
    expect(await page.evaluate(() => 'highlights' in CSS || typeof Highlight !== 'undefined')).toBe(false);
    // The content script's isolated world, asked directly through the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const isolated = contexts.filter((context) => context.origin === `chrome-extension://${extensionId}` && context.auxData?.type === 'isolated');
    expect(isolated.length).toBeGreaterThan(0);
    for (const context of isolated) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `'highlights' in CSS || typeof Highlight !== 'undefined'`, contextId: context.id });
      expect(result.value).toBe(false);
    }
    await cdp.detach();
  });

  test('wraps mentions in backstory-mark, across inline elements, in shadow roots and frames, and nowhere else', async ({ page, origin, serviceWorker }) => {
    await page.goto(`${origin}/adapter-structure.html`);
    const found = await expectMarks(page, (m) => m.includes('Alibaba@cell-1') && m.includes('ZTE@shadow:shadow-host'), 'marks painted');
    // `Alibaba <b>Cloud</b>`: one mention, a mark in each text node it spans.
    expect(found).toEqual(expect.arrayContaining(['Alibaba @inline', 'Cloud@inline', 'Jack @inline', 'Ma@inline', 'Alibaba@cell-1', 'Huawei@shadow:shadow-host']));
    expect(await page.locator('#inline b > backstory-mark').textContent()).toBe('Cloud');
    // Not across cells, list items or blocks; not in code, form controls, editable content or scripts.
    expect(found.filter((m) => m.startsWith('Cloud@cell') || m.startsWith('Google') || m.startsWith('Amazon'))).toEqual([]);
    expect(found.filter((m) => m.startsWith('Huawei'))).toEqual(['Huawei@shadow:shadow-host']);
    // The page reads the same: its text is all there, in order.
    expect(await page.locator('#inline').textContent()).toBe('Investors watched Alibaba Cloud and Jack Ma closely.');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => frame.evaluate(() => [...document.querySelectorAll('backstory-mark')].map((m) => m.textContent).join(''))).toBe('Microsoft Azure');

    // Once the page is read (its scan over, as reported), it stays still: our own wrapping is never taken for a
    // change of the page's to read again.
    const tabId = await tabIdOf(serviceWorker, page.url());
    await expect.poll(async () => (await pageReportOf(serviceWorker, tabId)).scanning, { message: 'the scan is over' }).toBe(false);
    const settled = await page.evaluate(async () => {
      const seen = () => (window as unknown as { __mutations: unknown[] }).__mutations.length;
      const before = seen();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return seen() - before;
    });
    expect(settled).toBe(0);

    // The page's own observer saw our marks and our UI host, and nothing else of ours.
    const box = await page.locator('#inline b').boundingBox();
    await page.mouse.move(box!.x + 5, box!.y + box!.height / 2);
    await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: Array<{ type: string; target: string; added: string[]; removed: string[]; attribute: string | null }> }).__mutations);
    const notOurs = mutations.filter((m) =>
      !(m.type === 'childList' && [...m.added, ...m.removed].every((name) => name === '#text' || name === 'BACKSTORY-MARK' || name === 'BACKSTORY-UI')) &&
      !(m.type === 'attributes' && m.target === 'BACKSTORY-MARK' && m.attribute === 'active'));
    expect(notOurs).toEqual([]);
  });

  test('hovering a mention opens its card and marks it active; keyboard and popup reach wrapped mentions', async ({ page, origin, serviceWorker }) => {
    await page.goto(`${origin}/fallback.html`);
    await expectMarks(page, (m) => m.includes('ZTE@shadow:shadow-host'), 'marks painted');
    await page.locator('#inline b backstory-mark').hover();
    const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
    await expect(card).toBeVisible();
    // Both marks of the one mention are active.
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('backstory-mark[active]')].map((m) => m.textContent))).toEqual(['Alibaba ', 'Cloud']);
    // The page changes the mention's paragraph: it is read again and wrapped anew, and the card stays on it.
    await page.evaluate(() => document.getElementById('inline')!.append(' Shares rose.'));
    await expect.poll(() => page.locator('#inline').textContent()).toBe('Investors watched Alibaba Cloud and Jack Ma closely. Shares rose.');
    await page.waitForTimeout(500);
    await expect(card).toBeVisible();
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('backstory-mark[active]')].map((m) => m.textContent))).toEqual(['Alibaba ', 'Cloud']);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('backstory-mark[active]').length)).toBe(0);

    // A mention inside a shadow root opens its card too.
    const inShadow = page.locator('#shadow-host i');
    await inShadow.hover();
    await expect(page.getByRole('dialog', { name: 'Huawei' })).toBeVisible();
    await page.mouse.move(5, 5);
    await expect(page.getByRole('dialog', { name: 'Huawei' })).toBeHidden();

    const tabId = await tabIdOf(serviceWorker, page.url());
    const report = await pageReportOf(serviceWorker, tabId);
    expect(report.scanning).toBe(false);
    expect(Object.fromEntries(report.entities.map(({ entityId, count }) => [entityId, count]))).toMatchObject({ 'alibaba-cloud': 2, huawei: 4, zte: 2, aws: 1, 'jack-ma': 1 });

    // The keyboard command: the first mention in view, its card open with focus inside.
    const stepped = await serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { backstory: 1, type: 'stepMention', payload: { direction: 1 } }), tabId);
    expect(stepped).toBe(true);
    const opened = page.getByRole('dialog', { name: 'Alibaba Cloud' });
    await expect(opened).toBeVisible();
    await expect(opened).toBeFocused();
    // The popup's list: reveal a mention of ZTE.
    const revealed = await serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { backstory: 1, type: 'revealMention', payload: { entityId: 'zte' } }), tabId);
    expect(revealed).toBe(true);
    await expect(page.getByRole('dialog', { name: 'ZTE' })).toBeVisible();
  });

  test('settings changes apply at once: entities off and on, highlight style', async ({ page, origin, serviceWorker }) => {
    await page.goto(`${origin}/fallback.html`);
    await expectMarks(page, (m) => count(m, 'Huawei@many') === 2, 'marks painted');
    const textBefore = await page.evaluate(() => document.body.textContent);

    await setSettings(serviceWorker, { disabledEntities: ['huawei'] });
    const without = await expectMarks(page, (m) => !m.some((x) => x.startsWith('Huawei')), 'Huawei unwrapped');
    expect(count(without, 'ZTE@many')).toBe(1);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);

    await setSettings(serviceWorker, { disabledEntities: [], highlightStyle: 'background' });
    await expectMarks(page, (m) => count(m, 'Huawei@many') === 2, 'Huawei wrapped again');
    const look = () => page.locator('#many backstory-mark').first().evaluate((mark) => {
      const style = getComputedStyle(mark);
      return { background: style.backgroundColor, decoration: style.textDecorationLine };
    });
    await expect.poll(look).toEqual({ background: 'rgba(250, 204, 21, 0.35)', decoration: 'none' });
    await setSettings(serviceWorker, { highlightStyle: 'none' });
    await expect.poll(look).toEqual({ background: 'rgba(0, 0, 0, 0)', decoration: 'none' });
    await setSettings(serviceWorker, { highlightStyle: 'underline' });
    await expect.poll(look).toEqual({ background: 'rgba(0, 0, 0, 0)', decoration: 'underline' });
    await setSettings(serviceWorker, { highlightStyle: 'tint' });
    await expect.poll(look).toEqual({ background: 'rgba(217, 119, 6, 0.22)', decoration: 'none' });

    await setSettings(serviceWorker, { firstMentionOnly: true });
    await expectMarks(page, (m) => count(m, 'Huawei@many') === 1 && !m.includes('Huawei@framework'), 'first mentions only');
    expect(await malformedMarks(page)).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
  });

  test('follows added, removed and edited text without wrapping anything twice', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-dynamic.html`);
    await expectMarks(page, (m) => count(m, 'Huawei@first') === 1 && count(m, 'Huawei@editable') === 1, 'initial marks');

    await page.evaluate(() => (window as unknown as { appendStories: (n: number) => void }).appendStories(40));
    await expectMarks(page, (m) => count(m, 'ZTE@feed') === 40 && count(m, 'Alibaba@feed') === 40 && count(m, ' Cloud@feed') === 40, '40 appended stories wrapped');

    // The page rewrites a paragraph it sees wrapped.
    await page.evaluate(() => (document.getElementById('editable')!.textContent = 'This sentence names nobody now.'));
    await expectMarks(page, (m) => !m.includes('Huawei@editable'), 'rewritten text unwrapped');

    // The page edits the text of one of our marks (it sees it as its own text).
    await page.evaluate(() => ((document.querySelector('#first backstory-mark')!.firstChild as Text).data = 'ZTE'));
    await expectMarks(page, (m) => count(m, 'ZTE@first') === 1 && !m.includes('Huawei@first'), 'edited mark text followed');
    expect(await page.locator('#first').textContent()).toBe('ZTE opened the first story.');

    await page.evaluate(() => document.getElementById('first')!.remove());
    await page.evaluate(() => {
      document.getElementById('feed')!.lastElementChild!.remove();
      document.body.insertAdjacentHTML('beforeend', '<p id="late">A late word on Jack Ma.</p>');
    });
    await expectMarks(page, (m) => count(m, 'Jack Ma@late') === 1 && count(m, 'ZTE@feed') === 39 && !m.includes('ZTE@first'), 'later changes followed');

    // A name completed by an edit is one mention, wrapped once.
    await page.evaluate(() => {
      const p = document.getElementById('late')!;
      p.innerHTML = 'Now about Alibaba <i>Cl</i>';
      (p.querySelector('i')!.firstChild as Text).appendData('oud');
    });
    await expectMarks(page, (m) => count(m, 'Alibaba @late') === 1 && count(m, 'Cloud@late') === 1, 'completed name wrapped');
    expect(await malformedMarks(page)).toBe(0);
    expect(await page.locator('#late').textContent()).toBe('Now about Alibaba Cloud');
  });

  test('a text node the page holds and updates in place (as frameworks do) shows its new text, wrapped anew', async ({ page, origin }) => {
    await page.goto(`${origin}/fallback.html`);
    await expectMarks(page, (m) => m.includes('Huawei@framework'), 'marks painted');
    await page.evaluate(() => ((window as unknown as { frameworkText: Text }).frameworkText.data = 'Backed by ZTE since.'));
    await expectMarks(page, (m) => m.includes('ZTE@framework') && !m.includes('Huawei@framework'), 'updated text wrapped');
    expect(await page.locator('#framework').textContent()).toBe('Backed by ZTE since.');
    await page.evaluate(() => (window as unknown as { frameworkText: Text }).frameworkText.appendData(' And Huawei.'));
    await expectMarks(page, (m) => m.includes('ZTE@framework') && m.includes('Huawei@framework'), 'appended text wrapped');
    expect(await page.locator('#framework').textContent()).toBe('Backed by ZTE since. And Huawei.');
    expect(await malformedMarks(page)).toBe(0);
  });
});

/**
 * Teardown reloads the extension, which does not come back under Playwright: a browser of its own
 * (a worker fixture overriding the one above is a different fixture, so a worker of its own).
 */
const teardownTest = test.extend({ extensionContext: [browserWithoutHighlightApi, { scope: 'worker' }] });

teardownTest('teardown puts the page back exactly: the same text nodes with the same data, no mark left', async ({ page, origin, serviceWorker }) => {
  await page.goto(`${origin}/fallback.html`);
  await expectMarks(page, (m) => m.includes('ZTE@shadow:shadow-host') && m.includes('Ma@inline'), 'marks painted');
  expect(await page.evaluate(() => (window as unknown as { before: { body: HTMLElement } }).before.body.querySelector('backstory-mark'))).toBeNull();
  // A card open on a mention with a title (held back while the card is open).
  const { x, y } = await pointOfText(page, 'Ma');
  await page.mouse.move(x, y);
  await expect(page.getByRole('dialog', { name: 'Jack Ma' })).toBeVisible();
  expect(await page.locator('#inline a').getAttribute('title')).toBeNull();

  // The worker dies with the reload, so the evaluation may never answer.
  void serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});

  const state = () => page.evaluate(() => {
    const { before } = window as unknown as { before: { body: HTMLElement; shadowHtml: string; texts: Text[]; data: string[] } };
    const texts = (window as unknown as { textNodes: () => Text[] }).textNodes();
    const shadow = document.getElementById('shadow-host')!.shadowRoot!;
    return {
      marks: document.querySelectorAll('backstory-mark').length + shadow.querySelectorAll('backstory-mark').length,
      host: document.querySelectorAll('backstory-ui').length,
      sheets: document.adoptedStyleSheets.length + shadow.adoptedStyleSheets.length,
      sameTextNodes: texts.length === before.texts.length && texts.every((node, i) => node === before.texts[i]),
      sameData: before.texts.every((node, i) => node.data === before.data[i]),
      bodyEqual: document.body.isEqualNode(before.body),
      shadowEqual: shadow.innerHTML === before.shadowHtml,
    };
  });
  await expect.poll(state, { timeout: 10_000 }).toEqual({
    marks: 0, host: 0, sheets: 0, sameTextNodes: true, sameData: true, bodyEqual: true, shadowEqual: true,
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud rivals regroup');
});

test.describe('fallback on hostile pages', () => {
  test('200,000 text nodes', async ({ page, origin, extensionId }) => {
    const errors = extensionErrorsIn(page, extensionId);
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/many-nodes.html`);
      await expectMarks(page, (m) => count(m, 'Huawei@root') === 20, 'all 20 mentions wrapped');
    });
    expect(errors).toEqual([]);
  });

  test('a mutation storm', async ({ page, origin, extensionId }) => {
    const errors = extensionErrorsIn(page, extensionId);
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/mutation-storm.html`);
      await expectMarks(page, (m) => m.includes('ZTE@stable'), 'stable mention wrapped');
      await page.waitForFunction(() => (window as unknown as { __stormDone: boolean }).__stormDone, undefined, { timeout: 10_000 });
    });
    // After the storm, what is wrapped matches what is on the page, once each.
    const onPage = await page.evaluate(() => [...document.querySelectorAll('#storm p')].filter((p) => p.textContent!.startsWith('Huawei')).length);
    await expectMarks(page, (m) => count(m, 'Huawei@storm') === onPage, `${onPage} Huawei wrapped after the storm`);
    expect(await malformedMarks(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('5,000 levels of nesting', async ({ page, origin, extensionId }) => {
    const errors = extensionErrorsIn(page, extensionId);
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/deep-nesting.html`);
      await expectMarks(page, (m) => m.some((x) => x.startsWith('Alibaba')), 'the deepest mention wrapped');
    });
    expect(errors).toEqual([]);
  });
});
