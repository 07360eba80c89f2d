import { mentionRange, type PageMention } from './page-mentions';

/** Mentions by each text node they cover, for hit-testing without elements. */
export class MentionIndex {
  private readonly byNode = new Map<Node, PageMention[]>();
  /** Shadow roots holding mentions: the caret lookup only enters those it is given. */
  readonly shadowRoots: ShadowRoot[];

  constructor(mentions: readonly PageMention[]) {
    const shadowRoots = new Set<ShadowRoot>();
    for (const mention of mentions) {
      const root = mention.nodes[0]!.getRootNode();
      if (root instanceof ShadowRoot) shadowRoots.add(root);
      for (const node of mention.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
    this.shadowRoots = [...shadowRoots];
  }

  /** The first mention in an element's text (a link that names a company), if any. */
  firstIn(element: Element): PageMention | undefined {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const mention = this.byNode.get(node)?.[0];
      if (mention) return mention;
    }
    return undefined;
  }

  /** The mention covering a caret position, if any. */
  at(node: Node, offset: number): PageMention | undefined {
    return this.byNode.get(node)?.find((mention) => {
      const first = mention.nodes[0] === node;
      const last = mention.nodes[mention.nodes.length - 1] === node;
      return (!first || offset >= mention.startOffset) && (!last || offset <= mention.endOffset);
    });
  }
}

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(document: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Caret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Safari and older Chromium only have the WebKit variant.
  const range = (document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const contains = (rect: DOMRect, x: number, y: number) =>
  x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * The mention under a point and the line box of it under the point (a mention
 * may wrap onto two lines). The caret lookup finds the nearest text even when the
 * pointer is in a margin, so the hit is confirmed against the range's rectangles.
 */
export function mentionAtPoint(
  document: Document,
  index: MentionIndex,
  x: number,
  y: number,
): { mention: PageMention; rect: DOMRect } | null {
  const caret = caretAt(document, x, y, index.shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const mention = index.at(caret.node, caret.offset);
  if (!mention) return null;
  for (const rect of mentionRange(mention).getClientRects()) {
    if (contains(rect, x, y)) return { mention, rect };
  }
  return null;
}
