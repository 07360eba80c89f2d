/**
 * The card's styles, adopted by our shadow root. Sizes are in px, never rem or em from
 * the page: a page that sets a huge `font-size` on `html` must not change the card.
 * `:host { all: initial !important }` wins over the page's own `!important` rules on our
 * host element (in the cascade, an important declaration from the shadow tree beats one
 * from the page), so `* { all: unset !important }` on a page leaves us alone too.
 */
export const CARD_CSS = `
:host { all: initial !important; }
:host {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #9a3412; --chip: #f6f8fa; --chip-hover: #eaeef2;
  --focus: #2563eb; --quote: #f6f8fa; --shadow: 0 8px 28px rgb(0 0 0 / 0.18);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :host {
    --bg: #1f2328; --fg: #e6edf3; --muted: #9ea7b3; --line: #3d444d; --accent: #fdba74; --chip: #2d333b; --chip-hover: #373e47;
    --focus: #60a5fa; --quote: #262c33; --shadow: 0 8px 28px rgb(0 0 0 / 0.55);
    color-scheme: dark;
  }
}
*, *::before, *::after { box-sizing: border-box; }

.frame { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.card {
  display: block; width: min(416px, calc(100vw - 16px));
  max-height: min(520px, var(--available-height, calc(100vh - 16px)));
  overflow: auto; overscroll-behavior: contain;
  margin: 0; padding: 10px 14px 12px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: var(--shadow);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: left; direction: ltr; text-transform: none; letter-spacing: normal; word-spacing: normal; white-space: normal;
  overflow-wrap: break-word; hyphens: manual; cursor: auto; user-select: text;
  animation: backstory-appear 120ms ease-out;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
@keyframes backstory-appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card, .notice { animation: none; } }

header { display: flex; align-items: baseline; gap: 8px; margin: 0 0 2px; }
h2 { margin: 0; font-size: 15px; line-height: 1.3; font-weight: 650; }
h3 { margin: 8px 0 2px; font-size: 11px; line-height: 1.4; font-weight: 650; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
p { margin: 0 0 4px; }
.type { font-size: 12px; color: var(--muted); white-space: nowrap; }
.description { margin-bottom: 2px; }
.note { font-size: 12px; color: var(--muted); border-left: 3px solid var(--accent); padding-left: 8px; }
.role { margin-bottom: 4px; }

button {
  font: inherit; font-size: 12px; line-height: 1.4; color: inherit; background: var(--chip);
  border: 1px solid var(--line); border-radius: 6px; padding: 1px 8px; margin: 0; cursor: pointer;
}
button:hover { background: var(--chip-hover); border-color: var(--muted); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.close { margin-left: auto; align-self: center; padding: 0 6px; font-size: 15px; line-height: 1.2; background: transparent; border-color: transparent; }
.back { margin: 0 0 6px; padding: 0 6px; font-size: 12px; color: var(--muted); background: transparent; }

figure { margin: 0 0 4px; }
blockquote { margin: 0; padding: 3px 8px; border-left: 3px solid var(--line); background: var(--quote); border-radius: 0 6px 6px 0; font-style: italic; }
blockquote p { margin: 0; }

dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 5px 10px; margin: 8px 0 0; align-items: baseline; }
dt { font-size: 11px; line-height: 20px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
dd { margin: 0; min-width: 0; }
ul.inline { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
ul.inline > li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px; }
.relation { color: var(--muted); font-size: 12px; }
.chip { border-radius: 999px; padding: 0 8px; }
.topic.hidden .topic-label { text-decoration: line-through; color: var(--muted); }
.mini { font-size: 11px; padding: 0 6px; color: var(--muted); }

details { margin: 2px 0 0; }
summary { cursor: pointer; font-size: 12px; color: var(--accent); width: max-content; max-width: 100%; }
details p { margin-top: 4px; }

footer { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--line); }
.why { flex: 1 1 180px; margin: 0; font-size: 12px; color: var(--muted); }
.why-label { font-weight: 600; }
.why-label::after { content: ":"; }
/* French sets a (non-breaking) space before a colon. The card's own lang decides, not the page's. */
.why-label:lang(fr)::after { content: "\\00a0:"; }
.action { font-weight: 600; }

.notice-region { position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); z-index: 2147483647; width: max-content; max-width: calc(100vw - 16px); }
.notice {
  display: flex; align-items: center; gap: 8px; padding: 8px 10px 8px 14px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: var(--shadow);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  animation: backstory-appear 120ms ease-out;
}
.notice p { margin: 0; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0;
}
`;
