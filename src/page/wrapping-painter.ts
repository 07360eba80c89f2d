import { LOOKS, type HighlightStyle } from './highlight-styles';
import { AdoptedSheet } from './adopted-sheet';
import { sameMention, type PageMention } from './page-mentions';
import type { MentionPainter, PageNodes } from './painter';
import { MARK_TAG } from './text-runs';

/** The characters of a text node's data a mention covers: `[start, end)`. */
export interface Part {
  start: number;
  end: number;
}

/** One piece of a wrapped text node: page text (`part` null), or the text of the mark for `parts[part]`. */
export interface Piece {
  start: number;
  end: number;
  part: number | null;
}

/**
 * Cuts a text node's `length` characters into the pieces that replace it: a mark for
 * each part, page text between them. Parts may come in any order; one that is empty,
 * runs past the end or overlaps another gets no mark (mentions never overlap: this
 * only keeps a wrong input from making wrong elements).
 */
export function piecesAround(length: number, parts: readonly Part[]): Piece[] {
  const order = parts.map((_, index) => index).sort((a, b) => parts[a]!.start - parts[b]!.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const index of order) {
    const { start, end } = parts[index]!;
    if (start < at || end <= start || end > length) continue;
    if (start > at) pieces.push({ start: at, end: start, part: null });
    pieces.push({ start, end, part: index });
    at = end;
  }
  if (at < length) pieces.push({ start: at, end: length, part: null });
  return pieces;
}

/** What a mention covers of each text node it spans (the whole of those in the middle). */
export function mentionParts(mention: Pick<PageMention, 'nodes' | 'startOffset' | 'endOffset'>): Array<Part & { node: Text }> {
  const last = mention.nodes.length - 1;
  return mention.nodes.map((node, index) => ({
    node,
    start: index === 0 ? mention.startOffset : 0,
    end: index === last ? mention.endOffset : node.data.length,
  }));
}

/** One part of a paint: where in which node, and (once wrapped) the text node inside its mark. */
interface PlannedPart extends Part {
  node: Text;
  text: Text | null;
}

/** A page text node we replaced with pieces; the node itself waits, detached and unchanged, to be put back. */
interface Wrap {
  original: Text;
  /** Where the pieces stand: the original's parent. */
  parent: Node;
  /** The original's data when wrapped. */
  data: string;
  /** The parts wrapped, as `start:end;…` in order: a paint that wants the same keeps this wrap. */
  layout: string;
  pieces: ChildNode[];
  /** The text node of each piece (the piece itself, or the one inside the mark) and the text it was given. */
  texts: Text[];
  slices: string[];
  /** Each mark and the text node inside it, in the order of the parts. */
  marks: Array<{ element: Element; text: Text }>;
}

const layoutOf = (parts: readonly Part[]) => parts.map((part) => `${part.start}:${part.end};`).join('');

const ACTIVE = 'active';
/**
 * The same looks as the highlight styles. `!important` because these are elements in
 * the page, in reach of its rules (`* { all: unset !important }`: an adopted sheet comes
 * after the page's own, so ours wins a tie of importance).
 */
const important = (declarations: string) => declarations.replaceAll(';', ' !important;');
const cssFor = (style: HighlightStyle) =>
  `${MARK_TAG} { display: inline !important; ${important(LOOKS[style])} }\n` +
  `${MARK_TAG}[${ACTIVE}] { ${important(LOOKS.active)} }`;


/**
 * The fallback where the CSS Custom Highlight API is missing: each mention is wrapped
 * in `<backstory-mark>` elements, one per text node it spans.
 *
 * A page text node is never changed: it is replaced by pieces (new text nodes, and
 * marks holding new text nodes) and kept aside, detached, with its data intact.
 * Unwrapping puts that same node back, so the mentions the scanner holds (on the
 * page's nodes) stay true, and teardown leaves the DOM exactly as it was: the same
 * node objects with the same data. The scanner, before it reads a subtree again, has
 * the page's nodes put back there (`restoreWithin`), and finds where the others stand
 * with `standIn`.
 *
 * What is displayed are mentions over our own text nodes (those in the marks), the
 * same objects from one paint to the next, so hit-testing, the card and navigation
 * work on them unchanged.
 */
export class WrappingPainter implements MentionPainter, PageNodes {
  private readonly wraps = new Map<Text, Wrap>();
  private readonly wrapOfMark = new WeakMap<Element, Wrap>();
  /** Each displayed mention by the scanner's mention it shows. */
  private displays = new Map<PageMention, PageMention>();
  private active: PageMention | null = null;
  private activeMarks: Element[] = [];
  private readonly sheet: AdoptedSheet;
  private destroyed = false;
  /**
   * Watches the detached originals: a page script that holds one (a framework updating
   * the text node it rendered) still writes to it. When it does, the node goes back in
   * place of our pieces with the page's new text; the scanner sees that change and
   * reads the paragraph again.
   */
  private readonly originals: MutationObserver;

  constructor(private readonly document: Document, signal: AbortSignal) {
    this.sheet = new AdoptedSheet(document, cssFor('tint'));
    this.sheet.add(document);
    this.originals = new MutationObserver((records) => this.onOriginalsChanged(records));
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  styleShadowRoot(root: ShadowRoot): void {
    this.sheet.add(root);
  }

  setStyle(style: HighlightStyle): void {
    this.sheet.setCss(cssFor(style));
  }

  setActive(mention: PageMention | null): void {
    this.active = mention;
    this.showActive();
  }

  standIn(node: Text): Node {
    return this.wraps.get(node)?.pieces[0] ?? node;
  }

  restoreWithin(root: Node): void {
    if (this.wraps.size === 0 || !('querySelectorAll' in root)) return;
    for (const mark of (root as ParentNode).querySelectorAll(MARK_TAG)) {
      const wrap = this.wrapOfMark.get(mark);
      if (wrap && this.wraps.get(wrap.original) === wrap) this.unwrap(wrap);
    }
    this.originals.takeRecords(); // Our own writes to originals.
  }

  paint(mentions: PageMention[]): PageMention[] {
    if (this.destroyed || (mentions.length === 0 && this.wraps.size === 0)) return [];
    this.onOriginalsChanged(this.originals.takeRecords());
    // Wraps the page has changed are given up first, and their nodes not painted again until read again
    // (the mentions on them were found in the text before the change).
    const changed = new Set<Text>();
    for (const wrap of [...this.wraps.values()]) {
      if (this.isAsPut(wrap)) continue;
      changed.add(wrap.original);
      this.unwrap(wrap);
    }

    const plans = new Map<Text, PlannedPart[]>();
    const shown: Array<{ mention: PageMention; parts: PlannedPart[] }> = [];
    for (const mention of mentions) {
      const parts: PlannedPart[] = [];
      for (const { node, start, end } of mentionParts(mention)) if (end > start) parts.push({ node, start, end, text: null });
      // A mention whose text left the page or changed since it was found: the scanner drops it soon.
      const placeable = parts.length > 0 && parts.every((part) =>
        !changed.has(part.node) &&
        part.end <= part.node.data.length &&
        this.standIn(part.node).isConnected &&
        !plans.get(part.node)?.some((other) => other.start < part.end && part.start < other.end));
      if (!placeable) continue;
      for (const part of parts) {
        const planned = plans.get(part.node);
        if (planned) planned.push(part);
        else plans.set(part.node, [part]);
      }
      shown.push({ mention, parts });
    }
    for (const parts of plans.values()) parts.sort((a, b) => a.start - b.start);

    // Wraps that already show what is wanted stay as they are: a repaint after a scan changes nothing of theirs.
    for (const wrap of [...this.wraps.values()]) {
      const parts = plans.get(wrap.original);
      if (parts && layoutOf(parts) === wrap.layout) {
        parts.forEach((part, i) => (part.text = wrap.marks[i]!.text));
        plans.delete(wrap.original);
      } else this.unwrap(wrap);
    }
    for (const [node, parts] of plans) this.wrap(node, parts);
    this.originals.takeRecords(); // Our own writes to originals (putting back edited text) are not the page's.

    const previous = this.displays;
    this.displays = new Map();
    let index: Map<Text, PageMention[]> | null = null;
    const byFirstNode = () => {
      if (index) return index;
      index = new Map();
      for (const earlier of previous.keys()) {
        const list = index.get(earlier.nodes[0]!);
        if (list) list.push(earlier);
        else index.set(earlier.nodes[0]!, [earlier]);
      }
      return index;
    };
    const displayed: PageMention[] = [];
    for (const { mention, parts } of shown) {
      if (parts.some((part) => part.text === null)) continue; // Its node could not be wrapped (out of the page).
      const display = this.displayFor(mention, previous, byFirstNode);
      const texts = parts.map((part) => part.text!);
      Object.assign(display, {
        entityId: mention.entityId,
        alias: mention.alias,
        block: mention.block,
        text: mention.text,
        nodes: texts,
        startOffset: 0,
        endOffset: texts[texts.length - 1]!.data.length,
      });
      this.displays.set(mention, display);
      displayed.push(display);
    }
    this.showActive();
    return displayed;
  }

  /**
   * The display of `mention`: its own from the last paint, or that of the same words
   * found again (a rescan of the paragraph makes new mention objects), else a new one.
   */
  private displayFor(mention: PageMention, previous: Map<PageMention, PageMention>, byFirstNode: () => Map<Text, PageMention[]>): PageMention {
    const own = previous.get(mention);
    if (own) {
      previous.delete(mention);
      return own;
    }
    const found = byFirstNode().get(mention.nodes[0]!)?.find((earlier) => previous.has(earlier) && sameMention(earlier, mention));
    if (!found) return { ...mention };
    const display = previous.get(found)!;
    previous.delete(found);
    return display;
  }

  /**
   * True when the wrap's pieces stand where we put them with the text we gave them, and
   * the page has not written to the original meanwhile. Checked for every wrap on every
   * paint: kept to a few property reads each.
   */
  private isAsPut(wrap: Wrap): boolean {
    if (wrap.original.data !== wrap.data || !this.piecesIntact(wrap)) return false;
    for (let i = 0; i < wrap.texts.length; i++) if (wrap.texts[i]!.data !== wrap.slices[i]) return false;
    return true;
  }

  /** True when the pieces stand in a row where we put them, each mark holding its one text node. */
  private piecesIntact(wrap: Wrap): boolean {
    const { pieces, texts, parent } = wrap;
    let previous: Node | null = null;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece.parentNode !== parent || (previous !== null && previous.nextSibling !== piece)) return false;
      const text = texts[i]!;
      if (text !== piece && (text.parentNode !== (piece as Node) || piece.firstChild !== text || text.nextSibling !== null)) return false;
      previous = piece;
    }
    return true;
  }

  private piecesText(wrap: Wrap): string {
    let text = '';
    for (const piece of wrap.texts) text += piece.data;
    return text;
  }

  /**
   * Gives a wrap up and leaves the page's text in place: the original goes back with
   * the latest text (the page's write to the node it holds, else its edit of the text it
   * saw in our pieces), unless the page moved or removed our pieces: then its text stays
   * where the page put it, out of our marks, and the original stays out as the page left it.
   */
  private unwrap(wrap: Wrap): void {
    this.wraps.delete(wrap.original);
    if (!this.piecesIntact(wrap)) {
      for (const { element } of wrap.marks) if (element.parentNode) element.replaceWith(...element.childNodes);
      return;
    }
    const { original, parent, pieces } = wrap;
    if (original.data === wrap.data) {
      const text = this.piecesText(wrap);
      if (text !== wrap.data) original.data = text;
    }
    parent.insertBefore(original, pieces[0]!);
    for (const piece of pieces) parent.removeChild(piece);
  }

  private wrap(node: Text, parts: PlannedPart[]): void {
    const parent = node.parentNode;
    if (!parent) return;
    const document = node.ownerDocument;
    const data = node.data;
    const pieces: ChildNode[] = [];
    const texts: Text[] = [];
    const slices: string[] = [];
    const marks: Wrap['marks'] = [];
    for (const piece of piecesAround(data.length, parts)) {
      const slice = data.slice(piece.start, piece.end);
      const text = document.createTextNode(slice);
      texts.push(text);
      slices.push(slice);
      if (piece.part === null) {
        pieces.push(text);
        continue;
      }
      const mark = document.createElement(MARK_TAG);
      mark.append(text);
      pieces.push(mark);
      marks.push({ element: mark, text });
      parts[piece.part]!.text = text;
    }
    if (marks.length === 0) return;
    this.sheet.install();
    node.replaceWith(...pieces);
    this.originals.observe(node, { characterData: true });
    const wrap: Wrap = { original: node, parent, data, layout: layoutOf(parts), pieces, texts, slices, marks };
    this.wraps.set(node, wrap);
    for (const { element } of marks) this.wrapOfMark.set(element, wrap);
  }

  /**
   * The page wrote to originals it holds. Observers are told at the end of the page's
   * task, before any of ours runs (and `paint` takes what is pending first), so the
   * scanner sees the node going back as a change of the page's and reads it again.
   */
  private onOriginalsChanged(records: MutationRecord[]): void {
    for (const record of records) {
      const wrap = this.wraps.get(record.target as Text);
      if (wrap && wrap.original.data !== wrap.data) this.unwrap(wrap);
    }
  }

  private showActive(): void {
    for (const mark of this.activeMarks) mark.removeAttribute(ACTIVE);
    this.activeMarks = [];
    const active = this.active;
    if (!active || this.destroyed) return;
    for (const node of active.nodes) {
      const mark = node.parentElement;
      if (mark?.localName === MARK_TAG) {
        mark.setAttribute(ACTIVE, '');
        this.activeMarks.push(mark);
      }
    }
  }

  private destroy(): void {
    this.destroyed = true;
    this.originals.disconnect();
    for (const wrap of [...this.wraps.values()]) this.unwrap(wrap);
    this.displays.clear();
    this.activeMarks = [];
    this.sheet.remove();
  }
}
