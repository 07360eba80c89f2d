import type { PageMention } from './page-mentions';

/** How far down the page something is: its top and bottom edges in page coordinates. */
export interface Extent {
  top: number;
  bottom: number;
}

/**
 * Where the mentions of a long page are, to find those near the viewport as the
 * reader scrolls. Measured by the block each is in: a block's box is cheap to read,
 * a text range's is not (reading thousands of those was itself a long task).
 */
export class MentionsByPosition {
  private readonly extents: Extent[];

  constructor(private readonly mentions: readonly PageMention[], extentOfBlock: (block: Node, mention: PageMention) => Extent) {
    const byBlock = new Map<Node, Extent>();
    this.extents = mentions.map((mention) => {
      let extent = byBlock.get(mention.block);
      if (!extent) {
        extent = extentOfBlock(mention.block, mention);
        byBlock.set(mention.block, extent);
      }
      return extent;
    });
  }

  /** The mentions whose block overlaps [from, to) (a plain scan: thousands of numbers take microseconds). */
  overlapping(from: number, to: number): PageMention[] {
    return this.mentions.filter((_, index) => this.extents[index]!.top < to && this.extents[index]!.bottom > from);
  }
}
