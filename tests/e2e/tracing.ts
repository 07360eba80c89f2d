import { expect, test, type Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

/**
 * Runs `during` while Chromium traces the page's main thread, and returns the
 * durations (ms) of the script calls that ran our extension's code. The page
 * cannot see these: Long Animation Frame entries leave content scripts out.
 */
export async function extensionScriptDurations(page: Page, extensionId: string, during: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
  const ours = `chrome-extension://${extensionId}/`;
  return events
    .filter((event) => event.ph === 'X' && ['FunctionCall', 'EvaluateScript', 'v8.compile'].includes(event.name))
    .filter((event) => (event.args?.data?.url ?? event.args?.data?.scriptName ?? '').startsWith(ours))
    .map((event) => (event.dur ?? 0) / 1000);
}

/** Runs a scenario while tracing; none of our script calls may take over 100 ms. */
export async function withoutLongTasks(page: Page, extensionId: string, scenario: () => Promise<void>): Promise<void> {
  const durations = await extensionScriptDurations(page, extensionId, scenario);
  expect(durations.length, 'the trace saw our content script run').toBeGreaterThan(0);
  console.log(`${test.info().title}: ${durations.length} calls into the extension, longest ${Math.max(...durations).toFixed(1)} ms`);
  expect(Math.max(...durations), `longest of ${durations.length} calls into the extension (ms)`).toBeLessThanOrEqual(100);
}
