import type { MentionMatcher } from '../matching/mention-matcher';
import { mentionsInRun, startNode, type PageMention } from './page-mentions';
import { isInline, TextRunWalker, UI_HOST_TAG } from './text-runs';

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
    requestIdleCallback((deadline) => task(() => deadline.timeRemaining() < 1), { timeout: 200 });
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
 * processed in idle time.
 */
export class PageScanner {
  /** Mentions by the block they were found in. */
  private readonly byBlock = new Map<Node, PageMention[]>();
  private readonly queue: Node[] = [];
  private walker: TextRunWalker | null = null;
  private scheduled = false;
  private checkDisconnected = false;
  private stopped = false;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly root: Node,
    private readonly matcher: MentionMatcher,
    private readonly language: () => string | undefined,
    private readonly onChange: () => void,
  ) {}

  start(signal: AbortSignal): void {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.enqueue(this.root);
  }

  private stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.byBlock.clear();
    this.queue.length = 0;
    this.walker = null;
  }

  /** Current mentions, in no particular order. */
  mentions(): PageMention[] {
    return [...this.byBlock.values()].flat();
  }

  /** True while the first scan or a rescan is still running. */
  get busy(): boolean {
    return this.walker !== null || this.queue.length > 0;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (isOurs(record.target) || (record.target as Element).closest?.(UI_HOST_TAG)) continue;
      if (record.type === 'characterData') {
        this.enqueue(blockOf(record.target));
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOurs(node)) continue;
        this.enqueue(isInline(node) ? blockOf(record.target) : node);
      }
      for (const node of record.removedNodes) {
        if (isOurs(node)) continue;
        this.checkDisconnected = true;
        // Removing an inline piece can join the text around it into a new name.
        if (isInline(node)) this.enqueue(blockOf(record.target));
      }
    }
    this.schedule();
  }

  private enqueue(node: Node): void {
    this.queue.push(node);
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
    let changed = false;
    if (this.checkDisconnected) {
      this.checkDisconnected = false;
      for (const [block, mentions] of this.byBlock) {
        const kept = mentions.filter((mention) => mention.nodes.every((node) => node.isConnected));
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
      if (finished) this.walker = null;
    }
    if (this.busy) this.schedule();
    if (changed) this.onChange();
  }

  /** The next queued subtree still in the document, skipping those inside another queued one. */
  private nextRoot(): Node | undefined {
    if (this.queue.length > 1) {
      const queued = new Set(this.queue);
      this.queue.length = 0;
      for (const node of queued) {
        let ancestor = node.parentNode;
        while (ancestor !== null && !queued.has(ancestor)) ancestor = ancestor.parentNode;
        if (ancestor === null) this.queue.push(node);
      }
    }
    let next = this.queue.shift();
    while (next !== undefined && !next.isConnected) next = this.queue.shift();
    return next;
  }

  /** Drops the mentions found in a subtree before it is read again. */
  private forget(root: Node): boolean {
    let forgot = false;
    for (const [block, mentions] of this.byBlock) {
      if (root === block || root.contains(block) || mentions.some((mention) => root.contains(startNode(mention)))) {
        this.byBlock.delete(block);
        forgot = true;
      }
    }
    return forgot;
  }
}
