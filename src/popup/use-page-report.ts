import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { followPageReport, type PageReport } from '../messaging/protocol';

/**
 * The tab the popup reports on: the active tab of its window, or `?tab=ID`. Tests
 * open the popup as a page of its own, where the "active tab" would be the popup
 * itself; the parameter points it at the real tab under test.
 */
async function targetTabId(): Promise<number | undefined> {
  const requested = new URLSearchParams(location.search).get('tab');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export interface PageReportState {
  tabId: number | undefined;
  /** undefined while connecting; null when no content script answers (a page we cannot read). */
  report: PageReport | null | undefined;
}

/** Follows the tab's page report live, for as long as the popup is open. */
export function usePageReport(): PageReportState {
  const [state, setState] = useState<PageReportState>({ tabId: undefined, report: undefined });
  useEffect(() => {
    const controller = new AbortController();
    void targetTabId()
      .catch(() => undefined)
      .then((tabId) => {
        if (controller.signal.aborted) return;
        if (tabId === undefined) return setState({ tabId, report: null });
        setState({ tabId, report: undefined });
        followPageReport(
          tabId,
          {
            onReport: (report) => setState({ tabId, report }),
            onUnavailable: () => setState({ tabId, report: null }),
          },
          controller.signal,
        );
      });
    return () => controller.abort();
  }, []);
  return state;
}

/** The address of the popup's tab (host access shows it; undefined until known, or for a page we may not read). */
export function useTabUrl(tabId: number | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (tabId === undefined) return;
    let current = true;
    browser.tabs.get(tabId).then((tab) => current && setUrl(tab.url), () => undefined);
    return () => void (current = false);
  }, [tabId]);
  return url;
}
