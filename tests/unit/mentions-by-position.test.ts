import { describe, expect, it } from 'vitest';
import { MentionsByPosition, type Extent } from '../../src/page/mentions-by-position';
import type { PageMention } from '../../src/page/page-mentions';

/** A mention in a block standing for a box from `top` to `bottom` (only identity matters here). */
function mentionIn(block: object, text: string): PageMention {
  return { entityId: text, alias: 0, block: block as Node, nodes: [], startOffset: 0, endOffset: 0, text, sense: 'ours' };
}

describe('MentionsByPosition', () => {
  const first = { top: 0, bottom: 100 };
  const tall = { top: 150, bottom: 5000 };
  const last = { top: 6000, bottom: 6100 };
  const mentions = [mentionIn(first, 'a'), mentionIn(tall, 'b'), mentionIn(tall, 'c'), mentionIn(last, 'd')];

  it('finds the mentions whose block overlaps a stretch of the page, a tall block from inside it too', () => {
    const byPosition = new MentionsByPosition(mentions, (block) => block as unknown as Extent);
    expect(byPosition.overlapping(0, 120).map((m) => m.text)).toEqual(['a']);
    expect(byPosition.overlapping(2000, 3000).map((m) => m.text)).toEqual(['b', 'c']);
    expect(byPosition.overlapping(4900, 6050).map((m) => m.text)).toEqual(['b', 'c', 'd']);
    expect(byPosition.overlapping(5000, 6000)).toEqual([]);
  });

  it('measures each block once, however many mentions it holds', () => {
    const measured: unknown[] = [];
    new MentionsByPosition(mentions, (block) => {
      measured.push(block);
      return block as unknown as Extent;
    });
    expect(measured).toEqual([first, tall, last]);
  });
});
