import type { ContentScriptContext } from 'wxt/utils/content-script-context';

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
