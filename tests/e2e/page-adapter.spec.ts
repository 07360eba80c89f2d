import type { Page, Worker } from '@playwright/test';
import { expect, expectPainted, pageReportOf, paintedTexts, tabIdOf, test } from './fixtures';

/** Painted texts with the id (or tag) of the element each one is in. */
async function paintedWhere(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('backstory-mention') ?? [])].map((abstract) => {
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      const element = (abstract.startContainer as Text).parentElement!;
      const root = element.getRootNode();
      const where = element.closest('[id]')?.id ?? (root instanceof ShadowRoot ? `shadow:${root.host.id}` : element.localName);
      return `${range.toString()}@${root instanceof ShadowRoot ? `shadow:${root.host.id}` : where}`;
    }),
  );
}

async function scanOver(page: Page, serviceWorker: Worker): Promise<void> {
  // A first mention painted: the content script is there to answer.
  await expectPainted(page, (texts) => texts.length > 0, 'a first mention painted');
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(async () => (await pageReportOf(serviceWorker, tabId)).scanning, { message: 'the scan is over' }).toBe(false);
}

test.describe('page adapter in Chromium', () => {
  test('matches across inline elements, never across blocks, cells or list items', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-structure.html`);
    // Scanning is sliced: wait for the last of the expected mentions before judging the rest.
    await expect.poll(() => paintedWhere(page)).toContain('Alibaba@cell-1');
    const painted = await paintedWhere(page);
    expect(painted).toContain('Alibaba Cloud@inline');
    expect(painted).toContain('Jack Ma@inline');
    expect(painted).toContain('Alibaba@cell-1'); // the company, but not "Alibaba Cloud" across two cells
    expect(painted.filter((p) => p.includes('Cloud@cell') || p.startsWith('Google Cloud'))).toEqual([]);
    expect(painted.some((p) => p.startsWith('Amazon Web Services'))).toBe(false);
  });

  test('skips code, form controls, editable content and scripts', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-structure.html`);
    await expect.poll(() => paintedWhere(page)).toContain('ZTE@shadow:shadow-host');
    const painted = await paintedWhere(page);
    // The only Huawei painted is the one in the shadow root.
    expect(painted.filter((p) => p.startsWith('Huawei'))).toEqual(['Huawei@shadow:shadow-host']);
  });

  test('reaches open shadow roots and same-origin frames', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-structure.html`);
    await expectPainted(page, (t) => t.includes('ZTE') && t.includes('Huawei'), 'shadow root painted');
    const frame = page.frameLocator('#same-origin');
    await expect(frame.locator('p')).toHaveText('In a frame: Microsoft Azure.');
    const inFrame = page.frames().find((f) => f !== page.mainFrame())!;
    await expect
      .poll(() => inFrame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0))
      .toBe(1);
  });

  test('never changes the page’s DOM beyond its one UI host', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-structure.html`);
    await expectPainted(page, (t) => t.includes('Jack Ma'), 'mentions painted');
    // Open a card too: it is the one moment we add an element.
    const box = await page.locator('#inline b').boundingBox();
    await page.mouse.move(box!.x + 5, box!.y + box!.height / 2);
    await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: Array<{ type: string; target: string; added: string[]; removed: string[] }> }).__mutations);
    expect(mutations).toEqual([{ type: 'childList', target: 'HTML', added: ['BACKSTORY-UI'], removed: [], attribute: null }]);
  });

  test('follows added, removed and edited text (infinite scroll)', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-dynamic.html`);
    await expectPainted(page, (t) => t.filter((x) => x === 'Huawei').length === 2, 'initial mentions');

    await page.evaluate(() => (window as unknown as { appendStories: (n: number) => void }).appendStories(40));
    await expectPainted(page, (t) => t.filter((x) => x === 'Alibaba Cloud').length === 40 && t.filter((x) => x === 'ZTE').length === 40, '40 appended stories painted');

    await page.evaluate(() => {
      const text = document.getElementById('editable')!.firstChild as Text;
      text.data = 'This sentence names nobody now.';
    });
    await expectPainted(page, (t) => t.filter((x) => x === 'Huawei').length === 1, 'edited text unpainted');

    await page.evaluate(() => document.getElementById('first')!.remove());
    await expectPainted(page, (t) => !t.includes('Huawei'), 'removed text unpainted');

    await page.evaluate(() => {
      document.getElementById('feed')!.lastElementChild!.remove();
      document.body.insertAdjacentHTML('beforeend', '<p>A late word on Jack Ma.</p>');
    });
    await expectPainted(page, (t) => t.includes('Jack Ma') && t.filter((x) => x === 'ZTE').length === 39, 'later changes followed');
  });

  test('a text edit that completes a name is found', async ({ page, origin }) => {
    await page.goto(`${origin}/adapter-dynamic.html`);
    await expectPainted(page, (t) => t.includes('Huawei'), 'initial mentions');
    await page.evaluate(() => {
      const p = document.getElementById('editable')!;
      p.innerHTML = 'Now about Alibaba <i>Cl</i>';
      (p.querySelector('i')!.firstChild as Text).appendData('oud');
    });
    await expectPainted(page, (t) => t.includes('Alibaba Cloud'), 'completed name painted');
    expect(await paintedTexts(page)).not.toContain('Alibaba');
  });

  test('on a page with thousands of mentions, only those near the viewport are registered, following the scroll once the page is still', async ({ page, origin, serviceWorker }) => {
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `<p id="p${i}">Report ${i}: Huawei and ZTE answered questions.</p>`).join('');
    await page.route(`${origin}/long-page.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${paragraphs}</body></html>` }),
    );
    await page.goto(`${origin}/long-page.html`);
    await scanOver(page, serviceWorker);
    const registered = () => paintedWhere(page);
    // 3,000 mentions: far more than a frame can afford to redo; only the first screens are registered (while the page
    // is read, the first few hundred are painted all at once).
    await expect.poll(async () => (await registered()).length, { message: 'only mentions near the top registered' }).toBeLessThan(600);
    const top = await registered();
    expect(top.length).toBeGreaterThan(10);
    expect(top).toContain('Huawei@p0');
    expect(top).not.toContain('Huawei@p1499');

    await page.evaluate(() => document.getElementById('p1499')!.scrollIntoView());
    await expect.poll(registered, { message: 'the end of the page registered once scrolled to' }).toContain('Huawei@p1499');
    const bottom = await registered();
    expect(bottom).not.toContain('Huawei@p0');
    expect(bottom.length).toBeLessThan(600);

    // While the reader scrolls, the highlight is left alone (any change costs the browser a walk of the whole page):
    // scrolled back up in steps 30 ms apart, it changes only once the page has been still for 150 ms. The extension
    // learns of a step only from its scroll event, a frame later: a change seen after a step is wrong when even the
    // step before it was under 150 ms ago. A busy machine that delays the steps makes a still page, which may change.
    const heldWhileScrolling = await page.evaluate(async () => {
      const STILL_MS = 150;
      const highlight = CSS.highlights.get('backstory-mention')!;
      let shown = [...highlight][0];
      let changedWhileMoving = false;
      let steps = 0;
      let stepBeforeAt = -Infinity;
      for (let step = 0; step < 25 && scrollY > 0; step++) {
        const stepAt = performance.now();
        scrollBy(0, -Math.ceil(scrollY / (25 - step)));
        await new Promise((resolve) => setTimeout(resolve, 30));
        steps++;
        if ([...highlight][0] !== shown) {
          changedWhileMoving ||= performance.now() - stepBeforeAt < STILL_MS;
          shown = [...highlight][0];
        }
        stepBeforeAt = stepAt;
      }
      return { changedWhileMoving, atTop: scrollY === 0, scrolled: steps > 5 };
    });
    expect(heldWhileScrolling).toEqual({ changedWhileMoving: false, atTop: true, scrolled: true });
    await expect.poll(registered, { message: 'the top registered again once the page is still' }).toContain('Huawei@p0');
  });

  test('on a long page, mentions measured while the page scrolls itself are placed where they are', async ({ page, origin, serviceWorker }) => {
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `<p id="p${i}">Report ${i}: Huawei and ZTE answered questions.</p>`).join('');
    // While "jumping" is on, the page's own observer moves the page between top and bottom at each frame, as it is
    // told of the frame's boxes: when it is told before ours (browsers do not promise an order), the page is no longer
    // where those boxes were read by the time ours is.
    const jumper = `<div id="blinker" style="position:fixed;top:0;width:1px;height:1px"></div><script>
      const blinker = document.getElementById('blinker');
      new IntersectionObserver(() => {
        if (!window.jumping) return;
        scrollTo(0, scrollY === 0 ? document.documentElement.scrollHeight : 0);
        requestAnimationFrame(() => { blinker.hidden = !blinker.hidden; });
      }).observe(blinker);
    </script>`;
    await page.route(`${origin}/jumping-page.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${jumper}${paragraphs}</body></html>` }),
    );
    await page.goto(`${origin}/jumping-page.html`);
    await scanOver(page, serviceWorker);
    await expect.poll(async () => (await paintedWhere(page)).length, { message: 'only mentions near the top registered' }).toBeLessThan(600);
    // Which observer hears first varies from frame to frame: a few rounds make a misplaced measure all but certain.
    for (const round of [1, 2, 3]) {
      const [to, away] = round % 2 ? ['p1499', 'p0'] : ['p0', 'p1499'];
      await page.evaluate(async ({ round, to }) => {
        const jumping = (on: boolean) => Object.assign(window, { jumping: on });
        jumping(true);
        document.getElementById('blinker')!.hidden = !document.getElementById('blinker')!.hidden;
        // A name for a name, nothing resized: the extension measures the page again, while it jumps.
        (document.getElementById(`p${round * 10}`)!.firstChild as Text).replaceData(`Report ${round * 10}: `.length, 6, 'Aliyun');
        await new Promise((resolve) => setTimeout(resolve, 600));
        jumping(false);
        document.getElementById(to)!.scrollIntoView();
      }, { round, to });
      await expect.poll(() => paintedWhere(page), { message: `round ${round}: ${to} registered once scrolled to` }).toContain(`Huawei@${to}`);
      expect(await paintedWhere(page)).not.toContain(`Huawei@${away}`);
    }
  });

  test('a long page with a box that scrolls itself all the time still gets its mentions registered', async ({ page, origin }) => {
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `<p id="p${i}">Report ${i}: Huawei and ZTE answered questions.</p>`).join('');
    // A stock ticker: scrolled by the page every 16 ms, for ever. It is not the reader scrolling.
    const ticker = `<div id="ticker" style="overflow:hidden;white-space:nowrap;width:200px">${'NASDAQ +0.4% · '.repeat(40)}</div>
      <script>setInterval(() => { const box = document.getElementById('ticker'); box.scrollLeft = (box.scrollLeft + 3) % 400; }, 16);</script>`;
    await page.route(`${origin}/ticker-page.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${ticker}${paragraphs}</body></html>` }),
    );
    await page.goto(`${origin}/ticker-page.html`);
    expect(await page.evaluate(() => new Promise((resolve) => document.getElementById('ticker')!.addEventListener('scroll', () => resolve(true), { once: true })))).toBe(true);
    await expect.poll(async () => (await paintedWhere(page)).length, { message: 'mentions near the top registered' }).toBeGreaterThan(10);
    expect(await paintedWhere(page)).toContain('Huawei@p0');
  });
});

test.describe('one sense per page', () => {
  test('a name first left out lights up when later content settles its sense, and the other way round', async ({ page, origin }) => {
    await page.goto(`${origin}/page-sense.html`);
    // "Alibaba" has no word of either sense around it: the company, by default. "Azure" alone needs the page's word.
    await expectPainted(page, (texts) => texts.includes('Alibaba'), 'Alibaba painted by default');
    expect(await paintedTexts(page)).not.toContain('Azure');

    await page.evaluate(() => {
      const more = document.createElement('p');
      more.textContent = 'Most of the retailer’s servers now run on Microsoft Azure, it said.';
      document.getElementById('later')!.append(more);
    });
    await expectPainted(page, (texts) => texts.includes('Azure') && texts.includes('Microsoft Azure'), 'the heading’s Azure settled by the page');

    await page.evaluate(() => {
      const tale = document.createElement('p');
      tale.textContent = 'In the tale, the woodcutter Alibaba watches the forty thieves open their cave, and the robbers never see him.';
      const again = document.createElement('p');
      again.textContent = 'Years later, Alibaba told the story to his grandchildren.';
      document.getElementById('later')!.append(tale, again);
    });
    await expectPainted(page, (texts) => !texts.includes('Alibaba'), 'every Alibaba read as the tale’s hero');
    expect(await paintedTexts(page)).toContain('Azure');
  });
});
