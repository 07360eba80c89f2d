/**
 * The card's styles. Sizes are in px, never rem: a page that sets a huge
 * `font-size` on `html` must not change the card. `:host { all: initial !important }`
 * wins over the page's own `!important` rules on our host element.
 */
export const CARD_CSS = `
:host { all: initial !important; }
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b45309; --chip: #f6f8fa; --focus: #2563eb;
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: max-content; max-width: min(380px, calc(100vw - 16px)); max-height: min(460px, calc(100vh - 16px));
  overflow: auto; padding: 14px 16px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; direction: ltr;
  animation: appear 120ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2328; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #f59e0b; --chip: #2d333b; --focus: #60a5fa; }
}
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@keyframes appear { from { opacity: 0; } to { opacity: 1; } }
*, *::before, *::after { box-sizing: border-box; }
header { display: flex; align-items: baseline; gap: 8px; margin: 0 0 6px; }
h2 { margin: 0; font-size: 16px; line-height: 1.3; font-weight: 650; }
h3 { margin: 12px 0 4px; font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
p { margin: 0 0 6px; }
.type { font-size: 12px; color: var(--muted); }
.close { margin-left: auto; }
button { font: inherit; font-size: 13px; color: inherit; background: var(--chip); border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:hover { border-color: var(--muted); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.note { font-size: 13px; color: var(--muted); border-left: 3px solid var(--accent); padding-left: 8px; }
blockquote { margin: 4px 0 8px; padding-left: 10px; border-left: 3px solid var(--line); font-style: italic; color: var(--fg); }
ul.chips { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.chip { font-size: 12px; border-radius: 999px; padding: 1px 8px; background: var(--chip); border: 1px solid var(--line); }
.relation { color: var(--muted); }
details { margin-top: 10px; }
summary { cursor: pointer; font-size: 13px; color: var(--accent); }
.why { margin-top: 10px; font-size: 12px; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
`;
