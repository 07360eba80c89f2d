import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { UI_HOST_TAG } from '../page/text-runs';

/** How often an orphaned content script checks whether its extension is gone. */
const CHECK_EVERY_MS = 2000;

/**
 * When the extension is reloaded, updated or removed, Chrome leaves the old
 * content script running, orphaned, and tells it nothing. WXT's context notices
 * when asked (`isInvalid` reads `runtime.id`); asking now and then is what turns
 * that into an aborted `ctx.signal`, so the old script removes its highlights and UI.
 */
export function abortWhenOrphaned(ctx: ContentScriptContext): void {
  const timer = setInterval(() => {
    if (ctx.isInvalid) clearInterval(timer);
  }, CHECK_EVERY_MS);
  ctx.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/**
 * Firefox stops the content script of a removed or updated Backstory at once and tells it
 * nothing, so that script cannot take its UI host (a card left open) out of the page: the
 * next one does, at its start. (In Chrome the old script removes its own; twice is harmless.)
 */
export function removeLeftoverUiHosts(document: Document): void {
  for (const host of document.querySelectorAll(UI_HOST_TAG)) host.remove();
}
