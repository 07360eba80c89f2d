import { browser } from 'wxt/browser';

/** The content script's built file (WXT types the path: a rename fails to compile). */
const CONTENT_SCRIPT = '/content-scripts/mentions.js';

/**
 * Firefox starts declared content scripts in the tabs already open when an extension is
 * installed or updated; Chrome does not. (Both builds ask for `scripting` now, for the card's
 * script: its presence says nothing about this.)
 */
const BROWSER_STARTS_CONTENT_SCRIPTS_ON_INSTALL = import.meta.env.FIREFOX;

/**
 * Starts the content script in the tabs that were already open when Backstory was
 * installed, updated or reloaded. Firefox does this by itself; Chrome injects
 * declared content scripts only into pages loaded afterwards, so without this the
 * reader's open articles would lose their highlights until reloaded. The new
 * script's start makes an older one still running in the page stop (WXT's
 * content-script context), and an orphaned one cleans up on its own.
 */
export async function startInOpenTabs(): Promise<void> {
  // Run a second time there, each page would get two new scripts, one stopping the other.
  if (BROWSER_STARTS_CONTENT_SCRIPTS_ON_INSTALL) return;
  // A discarded tab is not loaded: it gets the script when the reader comes back to it.
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT] }).catch(() => {
            // A page we may not script (the browser's own pages, the web store, a file): nothing to take over.
          }),
    ),
  );
}

/** Only a new version of Backstory starts scripts: a browser update leaves the running ones in place. */
export function isNewVersion(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}
