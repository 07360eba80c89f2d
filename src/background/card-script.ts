import { browser } from 'wxt/browser';

/** The card's built script (entrypoints/card.ts; WXT types the path: a rename fails to compile). */
const CARD_SCRIPT = '/card.js';

/**
 * Runs the card's script in one frame of a tab, in the extension's isolated world
 * (the content script's), when that frame's content script asks (src/content/card-slot.ts).
 * True once it has run there; false when the frame cannot be scripted (it navigated
 * away, or the browser refuses it).
 */
export async function runCardScript(tabId: number, frameId: number): Promise<boolean> {
  try {
    // At once: by default the browser would wait for the page's idle point (its images loaded, say), and the frame
    // asks only once its document is parsed and painted, or when the reader wants a card now.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_SCRIPT], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}
