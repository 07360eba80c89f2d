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

/**
 * True for text that is only white space (most text nodes of a page: the indentation
 * between tags, a quarter of the text of real pages). `trim` runs in the engine: a loop
 * over the characters made the walk 15 % slower on the saved pages.
 */
function isBlank(text: string): boolean {
  return text.trim() === '';
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

const BLOCK = 0;
const INLINE_KIND = 1;
const SKIPPED_KIND = 2;
/** Inline and skipped elements by name, in one lookup for the walk (any other element is a block). */
const ELEMENT_KINDS = new Map<string, number>([
  ...[...INLINE].map((name) => [name, INLINE_KIND] as const),
  ...[...SKIPPED].map((name) => [name, SKIPPED_KIND] as const),
]);

/** True for an element whose text is never read, by its name (editable content aside). */
export function isSkippedTag(localName: string): boolean {
  return SKIPPED.has(localName);
}

/** Text, or an element that flows inside a line. */
export function isInline(node: Node): boolean {
  return node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && INLINE.has((node as Element).localName));
}

/** Editable content is the reader's own writing (`contenteditable="false"` turns it off again). */
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

function isEditable(element: Element): boolean {
  return element.matches(EDITABLE);
}

/** True when the text under `element` is never read: skipped itself, or inside something skipped. */
function isInsideSkipped(node: Node | null): boolean {
  for (let climb = node; climb !== null; climb = climb.parentNode) {
    if (climb.nodeType === ELEMENT_NODE && (SKIPPED.has((climb as Element).localName) || isEditable(climb as Element))) return true;
  }
  return false;
}

/**
 * Walks the text of a subtree run by run. Resumable: `collect` stops when `shouldYield`
 * says so and continues where it stopped on the next call, so that long pages are
 * scanned in slices.
 *
 * It walks the tree itself (first child, next sibling, parent) rather than with a
 * TreeWalker over text: entering and leaving elements is then free to see, so the
 * block of each text and the breaks between runs are known without looking up the
 * ancestors of every text node, and skipped subtrees (scripts, styles, SVG) are never
 * entered at all. That was two thirds of the scan on real pages.
 */
export class TextRunWalker {
  /** The next node to visit; null when the walk is over. */
  private next: Node | null;
  /** `blocks[d]` is the block that text at depth d (below the root) belongs to. */
  private readonly blocks: Node[];
  private depth = 0;
  /** Something other than inline elements came since the last text: the next text starts a run. */
  private broken = false;
  /** The run being collected (`pending` says whether it holds anything). */
  private readonly run: TextRun = { block: null as unknown as Node, nodes: [], starts: [], text: '' };
  private pending = false;
  done = false;
  /** The walk could not go on because the page moved the node it had stopped at: read the root again. */
  lost = false;

  /**
   * Editable elements under the root, found once by the browser: asking each element for
   * its attribute, in the walk, cost more than the rest of the element's visit.
   */
  private readonly editables: ReadonlySet<Element>;

  constructor(readonly root: Node) {
    this.blocks = [root];
    const scope = root as Partial<ParentNode>;
    this.editables = new Set(scope.querySelectorAll?.(EDITABLE) ?? []);
    this.next = isInsideSkipped(root) ? null : root.firstChild;
  }

  /** Calls `onRun` for each run; returns true when the whole subtree has been read. */
  collect(onRun: (run: TextRun) => void, shouldYield: () => boolean = () => false): boolean {
    const root = this.root;
    const blocks = this.blocks;
    const run = this.run;
    let node = this.next;
    let depth = this.depth;
    let broken = this.broken;
    // Resumed after the page had its turn: the node we stopped at may have been taken out.
    if (node !== null && !root.contains(node)) {
      this.lost = true;
      node = null;
    }
    const editables = this.editables.size > 0 ? this.editables : null;
    let pending = this.pending;
    let count = 0;
    // Every DOM property read crosses into the browser: each is read once per node.
    while (node !== null) {
      let child: Node | null = null;
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const text = (node as Text).data;
        if (pending && !broken) {
          run.starts.push(run.text.length);
          run.nodes.push(node as Text);
          run.text += text;
        } else {
          if (pending) onRun(run);
          // A run never starts with blank text: no name starts with white space, and most runs would be blank.
          pending = !isBlank(text);
          if (pending) {
            // One run object, reused: a page has tens of thousands of runs, and garbage means GC pauses.
            run.block = blocks[depth]!;
            run.nodes.length = 0;
            run.starts.length = 0;
            run.nodes.push(node as Text);
            run.starts.push(0);
            run.text = text;
          }
        }
        broken = false;
      } else if (type === ELEMENT_NODE) {
        const kind = ELEMENT_KINDS.get((node as Element).localName) ?? BLOCK;
        // A line break, an image, a rule, a block or skipped code: text on either side is not one name
        // (`Jack<br>Ma`, `Alibaba <div></div> Cloud`).
        if (kind !== INLINE_KIND) broken = true;
        if (kind !== SKIPPED_KIND && (editables === null || !editables.has(node as Element))) {
          child = node.firstChild;
          if (child !== null) blocks[depth + 1] = kind === INLINE_KIND ? blocks[depth]! : node;
        }
      }
      if (child !== null) {
        depth++;
        node = child;
      } else {
        // Climb to the nearest ancestor with a next sibling; leaving a block breaks the run.
        let next: Node | null = node.nextSibling;
        while (next === null) {
          const parent: Node | null = node!.parentNode;
          depth--;
          if (parent === null || parent === root || depth < 0) break;
          if (blocks[depth + 1] === parent) broken = true;
          node = parent;
          next = parent.nextSibling;
        }
        node = next;
      }
      // Skipped elements count too: a page can hide most of its markup in code or SVG.
      if ((++count & 63) === 0 && node !== null && shouldYield()) {
        this.next = node;
        this.depth = depth;
        this.broken = broken;
        this.pending = pending;
        return false;
      }
    }
    this.pending = pending;
    if (this.pending) onRun(run);
    this.pending = false;
    this.next = null;
    this.done = true;
    return true;
  }
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
