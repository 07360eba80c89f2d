import type { HighlightStyle } from '../settings/settings';
import { UI_HOST_TAG } from './text-runs';

/**
 * The names our highlights are registered under in `CSS.highlights`, one per style. The
 * rules for every style are in the stylesheet from the start and never change: changing
 * the style moves the mentions' highlight to another name, where replacing the rules
 * would make the browser restyle the whole page. `none` registers no highlight at all.
 */
export const MENTION_HIGHLIGHT: Record<HighlightStyle, string | null> = {
  underline: 'backstory-mention',
  background: 'backstory-mention-background',
  none: null,
};
/** The mention the reader is on (hovered, or reached with the keyboard or the popup). */
export const ACTIVE_HIGHLIGHT = 'backstory-active';

export type StyledBrowser = 'chromium' | 'firefox';

/**
 * Firefox (140 to at least 153) paints only `color` and `background-color` in `::highlight()`:
 * an underline or a text shadow paints nothing there. Its "underline" is a light amber tint of the
 * underline's own colour, apart from the yellow of "background"; options says so (see
 * `styleNoteFor`). The active mention is then a blue tint without its underline.
 */
const DECLARATIONS: Record<StyledBrowser, { underline: string; background: string; active: string }> = {
  chromium: {
    underline: 'text-decoration: underline dotted 2px rgb(217 119 6);',
    background: 'background-color: rgb(250 204 21 / 0.35);',
    active: 'background-color: rgb(59 130 246 / 0.3); text-decoration: underline solid 2px rgb(37 99 235);',
  },
  firefox: {
    underline: 'background-color: rgb(217 119 6 / 0.22);',
    background: 'background-color: rgb(250 204 21 / 0.35);',
    active: 'background-color: rgb(59 130 246 / 0.3);',
  },
};

/** Every highlight rule of `browser`, static: the stylesheet of the document and of each shadow root painted. */
export function highlightCss(browser: StyledBrowser): string {
  const rules = DECLARATIONS[browser];
  return [
    `::highlight(${MENTION_HIGHLIGHT.underline}) { ${rules.underline} }`,
    `::highlight(${MENTION_HIGHLIGHT.background}) { ${rules.background} }`,
    `::highlight(${ACTIVE_HIGHLIGHT}) { ${rules.active} }`,
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
