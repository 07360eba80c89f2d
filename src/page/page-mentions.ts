import type { LocalSense, MentionMatcher } from '../matching/mention-matcher';
import { positionInRun, TextRunWalker, type TextRun } from './text-runs';

/** A mention found on the page, addressed by text nodes and offsets (the page's DOM is never changed). */
export interface PageMention {
  entityId: string;
  /** Index of the alias in the matcher: which alias and rule fired. */
  alias: number;
  /** The block the mention's run belongs to. */
  block: Node;
  /** Every text node the mention spans, first to last. */
  nodes: Text[];
  startOffset: number;
  endOffset: number;
  /** The mention's text as it reads on the page. */
  text: string;
  /** How its own neighbourhood reads it; the page's other mentions settle an open one (src/matching/page-sense.ts). */
  sense: LocalSense;
}

export function mentionsInRun(run: TextRun, matcher: MentionMatcher, language: string | undefined): PageMention[] {
  const found = matcher.find(run.text, language);
  if (found.length === 0) return found as never[];
  return found.map((mention) => {
    const start = positionInRun(run, mention.start, false);
    const end = positionInRun(run, mention.end, true);
    const first = run.nodes.indexOf(start.node);
    const last = run.nodes.indexOf(end.node, first);
    return {
      entityId: mention.entityId,
      alias: mention.alias,
      block: run.block,
      nodes: run.nodes.slice(first, last + 1),
      startOffset: start.offset,
      endOffset: end.offset,
      text: run.text.slice(mention.start, mention.end),
      sense: mention.sense,
    };
  });
}

/**
 * Every mention in a subtree, read in one go (the scan CLI and tests; the extension scans in
 * slices), those its neighbourhood reads in another sense included: see `settlePageSense`.
 */
export function findPageMentions(root: Node, matcher: MentionMatcher, language: string | undefined): PageMention[] {
  const mentions: PageMention[] = [];
  new TextRunWalker(root).collect((run) => {
    for (const mention of mentionsInRun(run, matcher, language)) mentions.push(mention);
  });
  return mentions;
}

/** The language of a document, from `<html lang>` (absent: every alias applies). */
export function documentLanguage(document: Document): string | undefined {
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  return lang ? lang.slice(0, 2).toLowerCase() : undefined;
}

/** The same words at the same place, found again (a rescan makes new mention objects). */
export function sameMention(a: PageMention, b: PageMention): boolean {
  return (
    a.entityId === b.entityId &&
    a.alias === b.alias &&
    a.startOffset === b.startOffset &&
    a.endOffset === b.endOffset &&
    a.nodes.length === b.nodes.length &&
    a.nodes.every((node, i) => node === b.nodes[i])
  );
}

export function startNode(mention: PageMention): Text {
  return mention.nodes[0]!;
}

export function endNode(mention: PageMention): Text {
  return mention.nodes[mention.nodes.length - 1]!;
}

/** Document order, for "next mention" and "first mention of each entity". */
export function compareMentions(a: PageMention, b: PageMention): number {
  const nodeA = startNode(a);
  const nodeB = startNode(b);
  if (nodeA === nodeB) return a.startOffset - b.startOffset;
  return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function mentionRange(mention: PageMention): Range {
  const range = startNode(mention).ownerDocument.createRange();
  range.setStart(startNode(mention), mention.startOffset);
  range.setEnd(endNode(mention), mention.endOffset);
  return range;
}
