import { browser } from 'wxt/browser';

/** The content script's built file (WXT types the path: a rename fails to compile). */
const CONTENT_SCRIPT = '/content-scripts/mentions.js';

/**
 * Starts the content script in the tabs that were already open when Backstory was
 * installed, updated or reloaded. Firefox does this by itself; Chrome injects
 * declared content scripts only into pages loaded afterwards, so without this the
 * reader's open articles would lose their highlights until reloaded. The new
 * script's start makes an older one still running in the page stop (WXT's
 * content-script context), and an orphaned one cleans up on its own.
 */
export async function startInOpenTabs(): Promise<void> {
  // Only Chrome's build asks for `scripting`: without it there is nothing to do.
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (!scripting) return;
  // A discarded tab is not loaded: it gets the script when the reader comes back to it.
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT] }).catch(() => {
            // A page we may not script (the browser's own pages, the web store, a file): nothing to take over.
          }),
    ),
  );
}

/** Only a new version of Backstory starts scripts: a browser update leaves the running ones in place. */
export function isNewVersion(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}
