/**
 * Text runs: the text of one block (a paragraph, a list item, a table cell),
 * concatenated across its inline elements so that `Alibaba <b>Cloud</b>` reads as
 * one name, and never across blocks.
 */

/** A run is only valid during the `onRun` call that receives it: copy what you keep. */
export interface TextRun {
  block: Node;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

/** The element the fallback painter wraps mentions in (where the Custom Highlight API is missing). */
export const MARK_TAG = 'backstory-mark';

/** Elements that flow inside a line: text on both sides of them belongs to one run. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'var', 'wbr',
  // Ours: read as the page text it holds, should a walk ever meet one (the scanner takes them out before reading).
  MARK_TAG,
]);

// Read once: `ELEMENT_NODE` is a lookup on the global `Node` at every use, in the hottest loop we have.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True for text that is only white space (most text nodes of a page: the indentation between tags). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d && code !== 0xa0) return false;
  }
  return true;
}

/** Our own UI host: never scanned. */
export const UI_HOST_TAG = 'backstory-ui';

/**
 * Text we never read: code and scripts, form controls (the reader's own input),
 * machine formats (SVG, MathML) and our own UI.
 */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'object', 'head', 'title', UI_HOST_TAG,
]);

/** Text, or an element that flows inside a line. */
export function isInline(node: Node): boolean {
  return node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && INLINE.has((node as Element).localName));
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/**
 * Walks the text of a subtree run by run. Resumable: `collect` stops when `shouldYield`
 * says so and continues where it stopped on the next call, so that long pages are
 * scanned in slices.
 */
export class TextRunWalker {
  private readonly walker: TreeWalker;
  private readonly skipCache = new Map<Node, boolean>();
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  private lastSkipped = false;
  /** The run being collected (`pending` says whether it holds anything). */
  private readonly run: TextRun = { block: null as unknown as Node, nodes: [], starts: [], text: '' };
  private pending = false;
  done = false;

  constructor(readonly root: Node) {
    const document = root.ownerDocument ?? (root as Document);
    this.walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  /** True when `node`'s subtree must not be read (cached per element). */
  private isSkipped(node: Node | null): boolean {
    if (node === null || node.nodeType !== ELEMENT_NODE) return false;
    const cached = this.skipCache.get(node);
    if (cached !== undefined) return cached;
    const element = node as Element;
    const skipped = SKIPPED.has(element.localName) || isEditable(element) || this.isSkipped(element.parentNode);
    this.skipCache.set(node, skipped);
    return skipped;
  }

  /** Calls `onRun` for each run; returns true when the whole subtree has been read. */
  collect(onRun: (run: TextRun) => void, shouldYield: () => boolean = () => false): boolean {
    const walker = this.walker;
    let count = 0;
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      const parent = node.parentNode!;
      let block: Node;
      let skipped: boolean;
      if (parent === this.lastParent) {
        block = this.lastBlock!;
        skipped = this.lastSkipped;
      } else {
        let climb: Node = parent;
        while (climb.nodeType === ELEMENT_NODE && INLINE.has((climb as Element).localName) && climb !== this.root) {
          if (isEditable(climb as Element)) break;
          climb = climb.parentNode!;
        }
        block = climb;
        skipped = this.isSkipped(parent);
        this.lastParent = parent;
        this.lastBlock = block;
        this.lastSkipped = skipped;
      }
      if (!skipped) {
        const run = this.run;
        if (this.pending && run.block === block && !brokenBetween(run.nodes[run.nodes.length - 1]!, node)) {
          run.starts.push(run.text.length);
          run.nodes.push(node);
          run.text += node.data;
        } else {
          if (this.pending) onRun(run);
          // A run never starts with blank text: no name starts with white space, and most runs would be blank.
          this.pending = !isBlank(node.data);
          if (this.pending) {
            // One run object, reused: a page has tens of thousands of runs, and garbage means GC pauses.
            run.block = block;
            run.nodes.length = 0;
            run.starts.length = 0;
            run.nodes.push(node);
            run.starts.push(0);
            run.text = node.data;
          }
        }
      }
      // Skipped text counts too: a page can hide most of its text in code or scripts.
      if ((++count & 63) === 0 && shouldYield()) return false;
    }
    if (this.pending) onRun(this.run);
    this.pending = false;
    this.done = true;
    return true;
  }
}

/** The node after `node` in document order. */
function following(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let climb: Node | null = node; climb !== null; climb = climb.parentNode) {
    if (climb.nextSibling) return climb.nextSibling;
  }
  return null;
}

/**
 * True when something other than inline elements stands between two text nodes of
 * one block: a line break, a rule, an image, an empty block, skipped code. Text on
 * either side of it is not one name (`Jack<br>Ma`, `Alibaba <div></div> Cloud`).
 */
function brokenBetween(previous: Text, next: Text): boolean {
  if (next.previousSibling === previous) return false;
  for (let node = following(previous); node !== null && node !== next; node = following(node)) {
    if (node.nodeType === ELEMENT_NODE && !INLINE.has((node as Element).localName)) return true;
  }
  return false;
}

/** The node and offset of a position in a run (`end` picks the earlier node at a boundary). */
export function positionInRun(run: TextRun, offset: number, end: boolean): { node: Text; offset: number } {
  const { starts, nodes } = run;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (end ? starts[middle]! < offset : starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { node: nodes[low]!, offset: offset - starts[low]! };
}
