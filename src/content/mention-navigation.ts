/**
 * The mention "next" and "previous" lead to (the keyboard command, the popup's list).
 * From an open card: the one after or before it, wrapping around. With no card open:
 * from where the reader is, not from the top of the page: "next" is the first mention
 * at or below the top of the window, "previous" the last one above its bottom.
 */
export function stepTarget<M>(
  mentions: readonly M[],
  from: M | null,
  direction: 1 | -1,
  /** Where a mention is in the window (its top and bottom, in viewport coordinates), and the window's height. */
  where: (mention: M) => { top: number; bottom: number },
  viewportHeight: number,
): M | undefined {
  if (mentions.length === 0) return undefined;
  const at = from === null ? -1 : mentions.indexOf(from);
  if (at !== -1) return mentions[(at + direction + mentions.length) % mentions.length];
  if (direction === 1) return mentions.find((mention) => where(mention).bottom > 0) ?? mentions[0];
  return mentions.findLast((mention) => where(mention).top < viewportHeight) ?? mentions[mentions.length - 1];
}
