import type { MentionMatcher } from '../matching/mention-matcher';
import { mentionsInRun, startNode, type PageMention } from './page-mentions';
import { PAGE_AS_IS, type PageNodes } from './painter';
import { isInline, MARK_TAG, TextRunWalker, UI_HOST_TAG } from './text-runs';

/** Longest stretch of work before giving the page its main thread back. */
const SLICE_MS = 8;

function isOurs(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === UI_HOST_TAG;
}

/** The nearest ancestor that is not inline: where a run that contains `node` starts. */
function blockOf(node: Node): Node {
  let climb: Node = node;
  while (isInline(climb) && climb.parentNode) climb = climb.parentNode;
  return climb;
}

type IdleScheduler = (task: (deadline: () => boolean) => void) => void;

/** Idle time when the browser has it (with a bound so work is not starved), a task otherwise. */
const scheduleIdle: IdleScheduler = (task) => {
  if (typeof requestIdleCallback === 'function') {
    // An idle period can last 50 ms, and one that comes from the timeout has no time left at all:
    // either way, work at most one slice.
    requestIdleCallback(
      (deadline) => {
        const start = performance.now();
        task(() => performance.now() - start > SLICE_MS || (!deadline.didTimeout && deadline.timeRemaining() < 1));
      },
      { timeout: 200 },
    );
  } else {
    setTimeout(() => {
      const start = performance.now();
      task(() => performance.now() - start > SLICE_MS);
    }, 0);
  }
};

/**
 * Finds and keeps the mentions of a document: a first scan in time slices, then
 * only the subtrees that change (added, removed or edited text), coalesced and
 * processed in idle time. Open shadow roots get a scanner of their own, found
 * after each subtree is read.
 *
 * Where mentions are painted by wrapping them in elements (no Custom Highlight API),
 * the scanner reads the page's own nodes and never takes our changes for the page's:
 * a subtree about to be read gets the page's nodes back first (`restoreWithin`; its
 * mentions are forgotten at that moment anyway), and a walk only ever sees wraps made
 * behind it (of mentions it found). What a slice and `unnoticed` change is dropped from
 * the observer's records: all synchronous, so what is dropped is ours.
 */
export class PageScanner {
  /** Mentions by the block they were found in. */
  private readonly byBlock = new Map<Node, PageMention[]>();
  private readonly queue: Node[] = [];
  /** Where the queue is read from: the nodes before it are done. */
  private queueHead = 0;
  /** Nodes were queued since the queue was last pruned (of nodes gone, or inside another queued one). */
  private queueGrew = false;
  private walker: TextRunWalker | null = null;
  private scheduled = false;
  private checkDisconnected = false;
  private stopped = false;
  private observer: MutationObserver | null = null;
  private signal: AbortSignal | null = null;
  private started = false;
  /** Subtrees read but not yet searched for shadow roots, and the search under way. */
  private toSearchForShadowRoots: Node[] = [];
  private shadowSearch: TreeWalker | null = null;
  private readonly shadowScanners = new Map<ShadowRoot, PageScanner>();

  constructor(
    private readonly root: Node,
    private readonly matcher: MentionMatcher,
    private readonly language: () => string | undefined,
    private readonly onChange: () => void,
    /** Called for each open shadow root found, before it is scanned (to style highlights inside it). */
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => {},
    /** Where the page's own nodes stand, when a painter puts nodes of its own in the page. */
    private readonly pageNodes: PageNodes = PAGE_AS_IS,
  ) {}

  start(signal: AbortSignal): void {
    this.started = true;
    this.signal = signal;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.enqueue(this.root);
  }

  private stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.shadowScanners.clear();
    this.byBlock.clear();
    this.queue.length = 0;
    this.queueHead = 0;
    this.walker = null;
    this.shadowSearch = null;
  }

  /** Current mentions, shadow roots' included, in no particular order. */
  mentions(): PageMention[] {
    const own = [...this.byBlock.values()].flat();
    for (const scanner of this.shadowScanners.values()) own.push(...scanner.mentions());
    return own;
  }

  /** Open shadow roots being scanned (hit-testing needs them to see inside). */
  shadowRoots(): ShadowRoot[] {
    return [...this.shadowScanners.entries()].flatMap(([root, scanner]) => [root, ...scanner.shadowRoots()]);
  }

  /** True until the first scan is done, and while a rescan runs. */
  get busy(): boolean {
    return !this.started || this.walker !== null || this.queueHead < this.queue.length || [...this.shadowScanners.values()].some((s) => s.busy);
  }

  /**
   * Runs a change of ours to the page's DOM (painting marks) so that no scanner, this
   * one or those of its shadow roots, takes it for the page's: the page's own records
   * are handled first, the change's records dropped after.
   */
  unnoticed<T>(change: () => T): T {
    const scanners = this.withShadowScanners();
    for (const scanner of scanners) scanner.takePageRecords();
    try {
      return change();
    } finally {
      for (const scanner of scanners) scanner.observer?.takeRecords();
    }
  }

  private withShadowScanners(): PageScanner[] {
    return [this, ...[...this.shadowScanners.values()].flatMap((scanner) => scanner.withShadowScanners())];
  }

  /** Handles the records the observer holds and has not delivered yet: until now, every change was the page's. */
  private takePageRecords(): void {
    const records = this.observer?.takeRecords() ?? [];
    if (records.length > 0) this.onMutations(records);
  }

  private onMutations(records: MutationRecord[]): void {
    this.note(records);
    this.schedule();
  }

  /** Queues what the page's changes call for reading again. */
  private note(records: MutationRecord[]): void {
    for (const record of records) {
      // Our UI lives in the host's shadow root, whose changes this observer never sees; text a page might put
      // inside the host is skipped by the walker anyway.
      if (isOurs(record.target)) continue;
      // Text in one of our marks counts as text of the mark's parent (marks are inline for `blockOf`).
      if (record.type === 'characterData') {
        this.queueNode(blockOf(record.target));
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOurs(node)) continue;
        this.queueNode(isInline(node) ? blockOf(record.target) : node);
      }
      for (const node of record.removedNodes) {
        if (isOurs(node)) continue;
        this.checkDisconnected = true;
        // Removing an inline piece can join the text around it into a new name.
        if (isInline(node)) this.queueNode(blockOf(record.target));
      }
    }
  }

  private queueNode(node: Node): void {
    this.queue.push(node);
    this.queueGrew = true;
  }

  private enqueue(node: Node): void {
    this.queueNode(node);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    scheduleIdle((shouldYield) => {
      this.scheduled = false;
      if (!this.stopped) this.work(shouldYield);
    });
  }

  /** Runs queued scans until the slice is used up; reports a change when something changed. */
  private work(shouldYield: () => boolean): void {
    // The page's changes not yet delivered come first: every record from here to the end of the read is ours.
    this.note(this.observer?.takeRecords() ?? []);
    const { changed, finished } = this.read(shouldYield);
    // Putting the page's nodes back before reading made records: ours, not the page's.
    this.observer?.takeRecords();
    if (!finished) this.schedule();
    // The end of a scan is news too (a page report says "still reading" until then).
    if (changed || finished) this.onChange();
  }

  /** The slice's work: what it reads is the page's own DOM. */
  private read(shouldYield: () => boolean): { changed: boolean; finished: boolean } {
    let changed = false;
    if (this.checkDisconnected) {
      this.checkDisconnected = false;
      for (const shadow of this.shadowScanners.keys()) {
        if (!shadow.host.isConnected) {
          this.shadowScanners.delete(shadow);
          changed = true;
        }
      }
      for (const [block, mentions] of this.byBlock) {
        const kept = mentions.filter((mention) => mention.nodes.every((node) => this.pageNodes.standIn(node).isConnected));
        if (kept.length !== mentions.length) {
          changed = true;
          if (kept.length === 0) this.byBlock.delete(block);
          else this.byBlock.set(block, kept);
        }
      }
    }
    while (!shouldYield()) {
      if (this.walker === null) {
        const next = this.nextRoot();
        if (next === undefined) break;
        changed = this.forget(next) || changed;
        this.pageNodes.restoreWithin(next);
        this.walker = new TextRunWalker(next);
      }
      const finished = this.walker.collect((run) => {
        const found = mentionsInRun(run, this.matcher, this.language());
        if (found.length === 0) return;
        changed = true;
        const existing = this.byBlock.get(run.block);
        if (existing) existing.push(...found);
        else this.byBlock.set(run.block, found);
      }, shouldYield);
      if (finished) {
        // The page took out the node a paused walk stood on: read that subtree again rather than miss its end.
        if (this.walker.lost) this.queueNode(this.walker.root);
        else this.toSearchForShadowRoots.push(this.walker.root);
        this.walker = null;
      }
    }
    const finished = this.walker === null && this.queueHead === this.queue.length && this.searchShadowRoots(shouldYield);
    return { changed, finished };
  }

  /**
   * Looks for open shadow roots (closed ones are closed to us too) in the subtrees
   * read, in slices like the text; each one found gets a scanner of its own.
   * Returns true when the search is done.
   */
  private searchShadowRoots(shouldYield: () => boolean): boolean {
    for (;;) {
      if (this.shadowSearch === null) {
        const root = this.toSearchForShadowRoots.shift();
        if (root === undefined) return true;
        if (!root.isConnected) continue;
        this.shadowSearch = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      }
      let count = 0;
      // A resumed search starts again at its current node: scanners already made are skipped.
      for (let node = this.shadowSearch.currentNode as Element | null; node !== null; node = this.shadowSearch.nextNode() as Element | null) {
        const shadow = node.shadowRoot;
        if (shadow && node.localName !== UI_HOST_TAG && !this.shadowScanners.has(shadow)) {
          const scanner = new PageScanner(shadow, this.matcher, this.language, this.onChange, this.onShadowRoot, this.pageNodes);
          this.shadowScanners.set(shadow, scanner);
          this.onShadowRoot(shadow);
          scanner.start(this.signal!);
        }
        if ((++count & 255) === 0 && shouldYield()) {
          // Never paused on one of our marks: a repaint may take it out of the page, and a walk resumed from a node
          // out of the page ends there.
          while ((this.shadowSearch.currentNode as Element).localName === MARK_TAG) {
            if (this.shadowSearch.previousNode() === null) break;
          }
          return false;
        }
      }
      this.shadowSearch = null;
    }
  }

  /**
   * The next queued subtree still in the document, skipping those inside another queued one.
   * A storm of changes can queue tens of thousands of nodes, most of them gone already: the
   * queue is pruned in one pass when it has grown, not once per node taken, and read from
   * an index (a shift would move the whole queue each time).
   */
  private nextRoot(): Node | undefined {
    if (this.queueGrew) {
      this.queueGrew = false;
      const queued = new Set(this.queue.slice(this.queueHead));
      this.queue.length = 0;
      this.queueHead = 0;
      for (const node of queued) {
        if (!node.isConnected) continue;
        let ancestor = node.parentNode;
        while (ancestor !== null && !queued.has(ancestor)) ancestor = ancestor.parentNode;
        if (ancestor === null) this.queue.push(node);
      }
    }
    while (this.queueHead < this.queue.length) {
      const next = this.queue[this.queueHead++]!;
      if (next.isConnected) return next;
    }
    this.queue.length = 0;
    this.queueHead = 0;
    return undefined;
  }

  /** Drops the mentions found in a subtree before it is read again. */
  private forget(root: Node): boolean {
    let forgot = false;
    for (const [block, mentions] of this.byBlock) {
      if (root === block || root.contains(block) || mentions.some((mention) => root.contains(this.pageNodes.standIn(startNode(mention))))) {
        this.byBlock.delete(block);
        forgot = true;
      }
    }
    return forgot;
  }
}
