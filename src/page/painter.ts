import type { HighlightStyle } from './highlight-styles';
import { compareMentions, startNode, type PageMention } from './page-mentions';

/**
 * What the content script asks of whatever paints mentions: the Custom Highlight API
 * (`Highlighter`, the DOM untouched) or, where that API is missing, elements wrapped
 * around the mentions (`WrappingPainter`). Everything a painter adds goes away when the
 * signal it was made with aborts.
 */
export interface MentionPainter {
  /**
   * Paints these mentions, and only these, and returns them as displayed, in the same
   * order (leaving out any it cannot show: one whose text the page changed since it was
   * found). Hit-testing, the card and navigation work on what it returns. A painter that
   * leaves the DOM alone returns its input; one that wraps text returns mentions over its
   * own text nodes, the same objects from one paint to the next for the same mention (the
   * card holds on to the one it is open on).
   */
  paint(mentions: PageMention[]): PageMention[];
  /** Marks the mention the reader is on (one returned by `paint`), or none. */
  setActive(mention: PageMention | null): void;
  setStyle(style: HighlightStyle): void;
  /** A shadow root with mentions in it: styles apply per tree, so it gets ours too. */
  styleShadowRoot(root: ShadowRoot): void;
}

/**
 * What the scanner needs from a painter that puts nodes of its own in the page (the
 * fallback) to keep working on the page's own: where a page text node stands now, and
 * the page's own nodes back in a subtree before reading it again.
 */
export interface PageNodes {
  /** The node standing in the page for a page text node: the node itself, or the first of ours that replaced it. */
  standIn(node: Text): Node;
  /** Puts the page's own text nodes back in place of ours inside `root` (the scanner forgets its mentions there). */
  restoreWithin(root: Node): void;
}

/** The page's nodes are all in place: the Custom Highlight API paints without touching them. */
export const PAGE_AS_IS: PageNodes = {
  standIn: (node) => node,
  restoreWithin: () => {},
};

/** Document order of mentions (on the page's own nodes), wherever those nodes stand now. */
export function pageOrder(pageNodes: PageNodes): (a: PageMention, b: PageMention) => number {
  if (pageNodes === PAGE_AS_IS) return compareMentions;
  return (a, b) => {
    if (startNode(a) === startNode(b)) return a.startOffset - b.startOffset;
    const nodeA = pageNodes.standIn(startNode(a));
    const nodeB = pageNodes.standIn(startNode(b));
    return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  };
}
