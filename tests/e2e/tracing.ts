import type { Page } from '@playwright/test';

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
