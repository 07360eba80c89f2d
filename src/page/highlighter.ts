import type { HighlightStyle } from '../settings/settings';
import { endNode, startNode, type PageMention } from './page-mentions';
import { AdoptedSheet } from './adopted-sheet';
import type { MentionPainter } from './painter';

const MENTION = 'backstory-mention';
const ACTIVE = 'backstory-active';

const STYLES: Record<HighlightStyle, string> = {
  underline: `::highlight(${MENTION}) { text-decoration: underline dotted 2px rgb(217 119 6); }`,
  background: `::highlight(${MENTION}) { background-color: rgb(250 204 21 / 0.35); }`,
  none: '',
};
const cssFor = (style: HighlightStyle) => `${STYLES[style]}\n${ACTIVE_STYLE}`;
const ACTIVE_STYLE = `::highlight(${ACTIVE}) { background-color: rgb(59 130 246 / 0.3); text-decoration: underline solid 2px rgb(37 99 235); }`;

/** Whether this browser paints highlights without touching the DOM. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Paints mentions with the CSS Custom Highlight API: ranges registered in
 * `CSS.highlights` and a `::highlight()` rule in a stylesheet adopted by the
 * document, so the page's DOM is never changed. Owns everything it registers and
 * removes it all when `signal` aborts.
 */
export class Highlighter implements MentionPainter {
  private readonly mentions = new Highlight();
  private readonly active = new Highlight();
  /** Our ::highlight() rules: they paint only in the trees (document, shadow roots) that adopted them. */
  private readonly sheet: AdoptedSheet;
  private readonly ranges = new WeakMap<PageMention, StaticRange>();

  constructor(document: Document, signal: AbortSignal) {
    this.sheet = new AdoptedSheet(document, cssFor('underline'));
    this.active.priority = 1;
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  private install(): void {
    if (this.sheet.installed) return;
    this.sheet.install();
    CSS.highlights.set(MENTION, this.mentions);
    CSS.highlights.set(ACTIVE, this.active);
  }

  styleShadowRoot(root: ShadowRoot): void {
    this.sheet.addShadowRoot(root);
  }

  setStyle(style: HighlightStyle): void {
    this.sheet.setCss(cssFor(style));
  }

  /** Returns `mentions`: displayed as they are, the DOM untouched. */
  paint(mentions: PageMention[]): PageMention[] {
    if (mentions.length === 0 && !this.sheet.installed) return mentions;
    this.install();
    this.mentions.clear();
    for (const mention of mentions) this.mentions.add(this.rangeOf(mention));
    return mentions;
  }

  /** Marks the mention the reader is on (hovered or reached with the keyboard). */
  setActive(mention: PageMention | null): void {
    if (mention) this.install();
    this.active.clear();
    if (mention) this.active.add(this.rangeOf(mention));
  }

  private rangeOf(mention: PageMention): StaticRange {
    let range = this.ranges.get(mention);
    if (!range) {
      range = new StaticRange({
        startContainer: startNode(mention),
        startOffset: mention.startOffset,
        endContainer: endNode(mention),
        endOffset: mention.endOffset,
      });
      this.ranges.set(mention, range);
    }
    return range;
  }

  private destroy(): void {
    if (!this.sheet.installed) return;
    if (CSS.highlights.get(MENTION) === this.mentions) CSS.highlights.delete(MENTION);
    if (CSS.highlights.get(ACTIVE) === this.active) CSS.highlights.delete(ACTIVE);
    this.sheet.remove();
  }
}
