import { UI_HOST_TAG } from './text-runs';

/** The looks a reader can choose for mentions (settings store one; options lists them). */
export const HIGHLIGHT_STYLES = ['tint', 'underline', 'background', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * The names our highlights are registered under in `CSS.highlights`, one per style. The
 * rules for every style are in the stylesheet from the start and never change: changing
 * the style moves the mentions' highlight to another name, where replacing the rules
 * would make the browser restyle the whole page. `none` registers no highlight at all.
 * The default style keeps the name `backstory-mention`.
 */
export const MENTION_HIGHLIGHT: Record<HighlightStyle, string | null> = {
  tint: 'backstory-mention',
  underline: 'backstory-mention-underline',
  background: 'backstory-mention-background',
  none: null,
};
/** The mention the reader is on (hovered, or reached with the keyboard or the popup). */
export const ACTIVE_HIGHLIGHT = 'backstory-active';

export type StyledBrowser = 'chromium' | 'firefox';

/**
 * Each style's look, as declarations (the highlights', and the fallback's marks' in
 * src/page/wrapping-painter.ts). Colours only, but for the underline that a reader may choose in Chromium:
 * - A `text-decoration` in a `::highlight()` rule makes Chromium walk the whole page at
 *   every change of that highlight (its compositing inputs, about 40 ms on the generated
 *   5 MB page), which is a frame over 50 ms each time a long page's highlights follow the
 *   reader (tests/bench/README.md). So the default is a light amber tint, and the active
 *   mention is a blue tint, which change in no time.
 * - Firefox (140 to at least 153) paints only `color` and `background-color` there: an
 *   underline paints nothing. Options offers no underline in Firefox, and an underline
 *   chosen elsewhere is the tint there.
 */
export const LOOKS: Readonly<Record<HighlightStyle | 'active', string>> = {
  tint: 'background-color: rgb(217 119 6 / 0.22);',
  underline: 'text-decoration: underline dotted 2px rgb(217 119 6);',
  background: 'background-color: rgb(250 204 21 / 0.35);',
  none: '',
  active: 'background-color: rgb(59 130 246 / 0.3);',
};

/**
 * Every highlight rule for `engine`, static: the stylesheet of the document and of each shadow root painted.
 * (Not named `browser`: WXT's auto-imports would take that for its `browser` object and bundle the
 * extension API's polyfill into the card's script.)
 */
export function highlightCss(engine: StyledBrowser): string {
  const underline = engine === 'firefox' ? LOOKS.tint : LOOKS.underline;
  return [
    `::highlight(${MENTION_HIGHLIGHT.tint}) { ${LOOKS.tint} }`,
    `::highlight(${MENTION_HIGHLIGHT.underline}) { ${underline} }`,
    `::highlight(${MENTION_HIGHLIGHT.background}) { ${LOOKS.background} }`,
    `::highlight(${ACTIVE_HIGHLIGHT}) { ${LOOKS.active} }`,
  ].join('\n');
}

/**
 * Firefox: when Backstory is removed, Firefox stops its content script before it can take
 * its UI host out of the page, and takes away only the stylesheet declared with it. So there
 * the host's contents show only while that sheet sets this property on the host (inherited
 * into its shadow root; `all` resets no custom property): a card left open goes with the sheet.
 */
const SHOWN_WHILE_DECLARED = '--backstory-declared-display';

/** The stylesheet Firefox adds with the content script (wxt.config.ts): the highlights, and the host shown. */
export function firefoxDeclaredCss(): string {
  return `${highlightCss('firefox')}\n${UI_HOST_TAG} { ${SHOWN_WHILE_DECLARED}: block; }`;
}

/** Firefox: the rule of our UI host's shadow root that hides its contents once the declared sheet is gone. */
export const FIREFOX_HOST_CONTENTS_CSS = `:host > * { display: var(${SHOWN_WHILE_DECLARED}, none); }`;
