import type { Page } from '@playwright/test';
import { BENCH_GLOBAL, type PageBench } from './protocol';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Calls the page side of the bench (page-entry.ts) by method name. */
export function call<K extends keyof PageBench>(page: Page, method: K, ...args: Parameters<PageBench[K]>): Promise<ReturnType<PageBench[K]>> {
  return page.evaluate(
    ([global, name, rest]) => {
      const bench = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global]!;
      return bench[name]!(...rest);
    },
    [BENCH_GLOBAL, method, args] as const,
  ) as Promise<ReturnType<PageBench[K]>>;
}

export async function openWithBench(page: Page, url: string, bundle: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // Evaluated, not added as a <script>: the page's CSP blocks script elements, and the
  // bundle must not become a node of the DOM it measures.
  await page.evaluate(bundle);
}
