import { expect, test, type Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** The same call's time on its thread's clock: the work itself, without the time the thread waited for a core. */
  tdur?: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

export interface CallDuration {
  /** Wall-clock time (ms): what a reader waits, which a busy machine stretches. */
  wallMs: number;
  /** Thread time (ms): the work our code did, the same on a quiet or a busy machine. */
  threadMs: number;
}

/**
 * Runs `during` while Chromium traces the page's main thread, and returns the
 * durations of the script calls that ran our extension's code. The page
 * cannot see these: Long Animation Frame entries leave content scripts out.
 */
export async function extensionScriptDurations(page: Page, extensionId: string, during: () => Promise<void>): Promise<CallDuration[]> {
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
    .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, threadMs: (event.tdur ?? event.dur ?? 0) / 1000 }));
}

/**
 * Runs a scenario while tracing; none of our script calls may do over 100 ms of work. The limit
 * is on thread time, so that a machine busy with other work (CI beside other jobs) cannot fail it,
 * while a call that really works that long still does. Wall time is logged beside it.
 */
export async function withoutLongTasks(page: Page, extensionId: string, scenario: () => Promise<void>): Promise<void> {
  const calls = await extensionScriptDurations(page, extensionId, scenario);
  expect(calls.length, 'the trace saw our content script run').toBeGreaterThan(0);
  const longest = (key: keyof CallDuration) => Math.max(...calls.map((call) => call[key]));
  console.log(`${test.info().title}: ${calls.length} calls into the extension, longest ${longest('threadMs').toFixed(1)} ms of work (${longest('wallMs').toFixed(1)} ms wall)`);
  expect(longest('threadMs'), `longest of ${calls.length} calls into the extension (ms of work)`).toBeLessThanOrEqual(100);
}
