import type { BrowserContext } from '@playwright/test';
import { keepLocal, launchWithExtension } from './browser';

/** A long task or long animation frame as the page observed it. */
export interface ObservedFrame {
  type: 'long-animation-frame' | 'longtask';
  start: number;
  duration: number;
  /**
   * Scripts that ran in the frame (LoAF only; those over 5 ms). Content scripts are not
   * listed here (Chromium 156 leaves them out), so they cannot attribute work to us.
   */
  scripts: Array<{ url: string; invoker: string; duration: number }>;
}

export interface PageLoadObservation {
  loadEnd: number;
  /** Long tasks and frames that started after the load event. */
  afterLoad: ObservedFrame[];
  /** Mentions registered once the extension's scan settled (on a long page, those near the viewport; 0 without the extension). */
  highlights: number;
  /** From the load event to the last change of the highlight count. */
  settleMs: number;
}

const MENTION_HIGHLIGHT = 'backstory-mention';
const SCROLL_STEPS = 30;
const SCROLL_STEP_PX = 800;
const SCROLL_EVERY_MS = 100;

/**
 * Installed before any of the page's or the extension's code runs. Buffered observers
 * would also do, but a long page can overflow the buffer (the longtask buffer holds 200).
 */
const OBSERVE_LONG_WORK = `(() => {
  const frames = (globalThis.__benchFrames = []);
  const record = (list) => {
    for (const entry of list.getEntries()) {
      frames.push({
        type: entry.entryType,
        start: entry.startTime,
        duration: entry.duration,
        scripts: (entry.scripts || []).map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration })),
      });
    }
  };
  for (const type of ['long-animation-frame', 'longtask']) {
    try { new PerformanceObserver(record).observe({ type, buffered: true }); } catch {}
  }
})();`;

/**
 * Loads `url` in a fresh profile, with or without the extension, scrolls down through
 * it for three seconds, and reports the long work seen after the load event. With the
 * extension, then waits until the scan has settled: the page's `CSS.highlights` (shared with the content script) holds a
 * mention highlight whose size has not changed for `quietMs`.
 */
export async function observePageLoad(url: string, extensionDir: string | undefined, quietMs = 1500, timeoutMs = 120_000): Promise<PageLoadObservation> {
  const context: BrowserContext = await launchWithExtension(extensionDir);
  try {
    await keepLocal(context);
    if (extensionDir) {
      // The content script only runs once the extension's service worker is up.
      if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    }
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(OBSERVE_LONG_WORK);
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const loadEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    // A reader scrolls while the page is read: new mentions come into view and are painted (only those near
    // the viewport are registered), so the frames of scrolling count too, with and without the extension.
    for (let step = 0; step < SCROLL_STEPS; step++) {
      await page.mouse.wheel(0, SCROLL_STEP_PX);
      await page.waitForTimeout(SCROLL_EVERY_MS);
    }

    let highlights = 0;
    let changedAt = await page.evaluate(() => performance.now());
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await page.waitForTimeout(100);
      const [size, now] = await page.evaluate((name) => [CSS.highlights.get(name)?.size ?? 0, performance.now()] as const, MENTION_HIGHLIGHT);
      if (size !== highlights) {
        highlights = size;
        changedAt = now;
      }
      // Without the extension nothing will appear: waiting the same quiet time still
      // lets any late work of the page itself show up.
      if ((highlights > 0 || !extensionDir) && now - changedAt >= quietMs) break;
      if (Date.now() > deadline) throw new Error(`no stable highlights after ${timeoutMs} ms on ${url}`);
    }
    const frames = await page.evaluate(() => (globalThis as unknown as { __benchFrames: ObservedFrame[] }).__benchFrames);
    return { loadEnd, afterLoad: frames.filter((frame) => frame.start >= loadEnd), highlights, settleMs: changedAt - loadEnd };
  } finally {
    await context.close();
  }
}

export function longest(frames: readonly ObservedFrame[], type: ObservedFrame['type']): number {
  return frames.filter((frame) => frame.type === type).reduce((max, frame) => Math.max(max, frame.duration), 0);
}
