import { endNode, mentionRange, startNode, type PageMention } from './page-mentions';
import { MentionsByPosition, type Extent } from './mentions-by-position';
import { AdoptedSheet } from './adopted-sheet';
import { ACTIVE_HIGHLIGHT, MENTION_HIGHLIGHT, highlightCss, type HighlightStyle } from './highlight-styles';
import type { MentionPainter } from './painter';

/**
 * Firefox: the document's rules come with the content script, declared in the manifest
 * (wxt.config.ts): a sheet adopted through the Xray wrapper would be the page's object,
 * left painting after Backstory is removed, where Firefox takes its declared sheets away.
 * Shadow roots, which declared sheets do not reach, adopt ours in both browsers.
 */
const DOCUMENT_STYLED_BY_MANIFEST = import.meta.env.FIREFOX;

/**
 * Any change to a highlight makes Chromium redo every range registered, about 20 ms a
 * thousand on a large page, and a frame over 50 ms is a stutter the reader sees. Up to
 * this many mentions are all registered; beyond, only those around the viewport.
 */
const PAINT_ALL_UP_TO = 1000;
/**
 * On a long page: the mentions registered reach this many screens above and below the
 * viewport, and are registered again only once the screen above or below the viewport
 * is no longer covered. Any change to a highlight also makes Chromium walk the whole
 * page before painting (40 ms on a 5 MB page): it should come every few screens, not at
 * every step of the scroll.
 */
const REGISTER_SCREENS_ABOVE = 2;
const REGISTER_SCREENS_BELOW = 4;
/**
 * …and only once the page has been still for this long: that walk, in the same frame as
 * a scroll, is a stutter. Mentions scrolled to in one go light up as the reader stops.
 */
const STILL_MS = 150;
/** A page that never stands still (a feed that keeps growing) has them worked out again this often. */
const LONGEST_WAIT_MS = 1000;

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
  /** Where the mentions' highlight is registered: the current style's name (see MENTION_HIGHLIGHT). */
  private mentionsName: string | null = MENTION_HIGHLIGHT.tint;
  private readonly ranges = new WeakMap<PageMention, StaticRange>();
  /** On a long page, every mention to paint, and where each is; on any page, those whose ranges are in the highlight. */
  private all: PageMention[] = [];
  private byPosition: MentionsByPosition | null = null;
  private inHighlight = new Set<PageMention>();
  /** The part of a long page whose mentions are registered, in page coordinates. */
  private registered: Extent | null = null;
  private following = false;
  /** When the page last scrolled (`performance.now()`); see STILL_MS. */
  private scrolledAt = -Infinity;
  private measuring: IntersectionObserver | null = null;
  /** Whether our highlights are in `CSS.highlights` (from the first mention on). */
  private highlightsRegistered = false;

  /**
   * Adopts our stylesheet at once: the content script starts before the page has
   * content, when adding a sheet costs nothing. Added later to a large page, the same
   * sheet makes the browser recompute the style of every element (a 200 ms frame on a
   * 5 MB page), though its rules only style our highlights.
   */
  constructor(private readonly document: Document, private readonly signal: AbortSignal) {
    this.sheet = new AdoptedSheet(document, highlightCss(import.meta.env.FIREFOX ? 'firefox' : 'chromium'));
    if (!DOCUMENT_STYLED_BY_MANIFEST) this.sheet.add(document);
    this.sheet.install();
    this.active.priority = 1;
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Registers our highlights with the first mention: most pages name none of our companies. */
  private install(): void {
    if (this.highlightsRegistered) return;
    this.highlightsRegistered = true;
    if (this.mentionsName) CSS.highlights.set(this.mentionsName, this.mentions);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  styleShadowRoot(root: ShadowRoot): void {
    this.sheet.add(root);
  }

  /** Moves the mentions' highlight to the style's name: the rules stay, so the page is not restyled. */
  setStyle(style: HighlightStyle): void {
    const name = MENTION_HIGHLIGHT[style];
    if (name === this.mentionsName) return;
    this.unregister(this.mentionsName, this.mentions);
    this.mentionsName = name;
    if (this.highlightsRegistered && name) CSS.highlights.set(name, this.mentions);
  }

  private unregister(name: string | null, highlight: Highlight): void {
    if (name && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  }

  /** Returns `mentions`: displayed as they are, the DOM untouched. */
  paint(mentions: PageMention[]): PageMention[] {
    if (mentions.length === 0 && !this.highlightsRegistered) return mentions;
    this.install();
    if (mentions.length <= PAINT_ALL_UP_TO) {
      // No longer a long page: a measure under way would bring back the viewport's subset.
      this.measuring?.disconnect();
      this.measuring = null;
      this.byPosition = null;
      this.inHighlight = new Set(mentions);
      this.mentions.clear();
      for (const mention of mentions) this.mentions.add(this.rangeOf(mention));
    } else {
      this.all = mentions;
      this.followViewport();
      this.measure();
    }
    return mentions;
  }

  /**
   * Where each mention is on the page, read again when the layout may have moved them.
   * Read from a one-time IntersectionObserver: it reports the blocks' boxes as computed
   * for the next frame, where reading them ourselves would force a layout of the whole
   * page (hundreds of milliseconds on a long one, while it is still settling). The
   * boxes are placed against the root element's box of the same frame, not against
   * `scrollY` when we hear of them: the page may have scrolled in between.
   */
  private measure(): void {
    this.measuring?.disconnect();
    const mentions = this.all;
    const root = this.document.documentElement;
    const boxes = new Map<Node, DOMRectReadOnly>();
    const finish = () => {
      this.measuring?.disconnect();
      this.measuring = null;
      const rootTop = boxes.get(root)?.top ?? root.getBoundingClientRect().top;
      this.byPosition = new MentionsByPosition(mentions, (block, mention) => {
        // A document or shadow root holding text straight under it has no box: the mention's own range, read now.
        const box = boxes.get(block);
        if (box) return { top: box.top - rootTop, bottom: box.bottom - rootTop };
        const now = mentionRange(mention).getBoundingClientRect();
        const nowRootTop = root.getBoundingClientRect().top;
        return { top: now.top - nowRootTop, bottom: now.bottom - nowRootTop };
      });
      // Positions changed: what is registered no longer matches them. While the page scrolls, the scroll's own
      // update registers them once it is still.
      this.registered = null;
      if (!this.isScrolling()) this.registerNearViewport();
    };
    const blocks = new Set<Element>([root]);
    for (const mention of mentions) if (mention.block.nodeType === Node.ELEMENT_NODE) blocks.add(mention.block as Element);
    const measuring = new IntersectionObserver((entries) => {
      for (const { target, boundingClientRect } of entries) boxes.set(target, boundingClientRect);
      if (boxes.size >= blocks.size) finish();
    });
    for (const block of blocks) measuring.observe(block);
    this.measuring = measuring;
  }

  private isScrolling(): boolean {
    return performance.now() - this.scrolledAt < STILL_MS;
  }

  /**
   * Registers the mentions around the viewport and only those, changing no more than
   * what moved in or out; nothing while the screens around the viewport are covered.
   */
  private registerNearViewport(): void {
    if (!this.byPosition) return;
    const { scrollY, innerHeight } = this.document.defaultView!;
    const covered = this.registered;
    if (covered && covered.top <= scrollY - innerHeight && scrollY + 2 * innerHeight <= covered.bottom) return;
    const zone = { top: scrollY - REGISTER_SCREENS_ABOVE * innerHeight, bottom: scrollY + (1 + REGISTER_SCREENS_BELOW) * innerHeight };
    this.registered = zone;
    const near = new Set(this.byPosition.overlapping(zone.top, zone.bottom));
    for (const mention of this.inHighlight) if (!near.has(mention)) this.mentions.delete(this.rangeOf(mention));
    for (const mention of near) if (!this.inHighlight.has(mention)) this.mentions.add(this.rangeOf(mention));
    this.inHighlight = near;
  }

  /**
   * Follows the reader through a long page: scrolling the page brings other mentions
   * near; scrolling a box that holds mentions, or a layout change (images loading, a
   * resize), moves them, so they are measured again. Once the page is still (STILL_MS),
   * or at the latest after LONGEST_WAIT_MS: a page whose feed keeps growing would
   * otherwise put it off for ever.
   */
  private followViewport(): void {
    if (this.following) return;
    this.following = true;
    const view = this.document.defaultView!;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingSince = 0;
    let moved = false;
    /** Boxes scrolled since the last update (a ticker scrolling itself holds no mention: nothing moved). */
    const scrolledBoxes = new Set<Node>();
    const run = () => {
      timer = undefined;
      // A page that now has few mentions has them all registered: nothing to follow.
      if (this.byPosition === null) return;
      // The reader is still scrolling (the wait ran out on other changes): any change now would land in a scroll's frame.
      if (this.isScrolling()) {
        timer = setTimeout(run, STILL_MS);
        return;
      }
      const boxMoved = [...scrolledBoxes].some((box) => this.all.some((mention) => box.contains(mention.block)));
      scrolledBoxes.clear();
      if (moved || boxMoved) this.measure();
      else this.registerNearViewport();
      moved = false;
    };
    const update = (layoutMoved: boolean) => {
      moved ||= layoutMoved;
      const now = performance.now();
      if (timer === undefined) waitingSince = now;
      else if (now - waitingSince >= LONGEST_WAIT_MS) return;
      clearTimeout(timer);
      timer = setTimeout(run, STILL_MS);
    };
    const options = { capture: true, passive: true, signal: this.signal };
    this.document.addEventListener('scroll', (event) => {
      // Only the page's own scrolling is the reader's; a box may scroll by itself all the time.
      if (event.target === this.document) this.scrolledAt = performance.now();
      else if (event.target instanceof Node) scrolledBoxes.add(event.target);
      update(false);
    }, options);
    view.addEventListener('resize', () => update(true), options);
    const resizes = new ResizeObserver(() => update(true));
    resizes.observe(this.document.documentElement);
    this.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resizes.disconnect();
      this.measuring?.disconnect();
    }, { once: true });
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
    this.sheet.remove();
    if (!this.highlightsRegistered) return;
    this.unregister(this.mentionsName, this.mentions);
    this.unregister(ACTIVE_HIGHLIGHT, this.active);
  }
}
