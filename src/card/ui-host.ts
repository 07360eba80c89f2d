import { AdoptedSheet } from '../page/adopted-sheet';
import { FIREFOX_HOST_CONTENTS_CSS } from '../page/highlight-styles';
import { UI_HOST_TAG } from '../page/text-runs';

/**
 * Our one element in the page: a host whose shadow root holds all our UI, so that
 * page styles do not reach it and ours do not leak out. Its styles are an adopted sheet
 * (no `<style>` to be blocked by the page's content security policy; in Firefox, adopted
 * on the page's side of the Xray wrapper: see AdoptedSheet). Removed when `signal` aborts.
 */
export function createUiHost(document: Document, css: string, signal: AbortSignal): ShadowRoot {
  const host = document.createElement(UI_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new AdoptedSheet(document, import.meta.env.FIREFOX ? `${css}\n${FIREFOX_HOST_CONTENTS_CSS}` : css);
  sheet.add(shadow);
  sheet.install();
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return shadow;
}
