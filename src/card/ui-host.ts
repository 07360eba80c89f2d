import { UI_HOST_TAG } from '../page/text-runs';

/**
 * Our one element in the page: a host whose shadow root holds all our UI, so that
 * page styles do not reach it and ours do not leak out. Removed when `signal` aborts.
 */
export function createUiHost(document: Document, css: string, signal: AbortSignal): ShadowRoot {
  const host = document.createElement(UI_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new (document.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return shadow;
}
