import { autoUpdate, computePosition, flip, hide, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Space between the mention and the card. */
const GAP = 6;
/** The card keeps this far from the viewport's edges. */
const EDGE = 8;
/** Below this the card would be a sliver; at this size it may leave the viewport, never cover the mention. */
const MIN_HEIGHT = 96;

const isPainted = (rect: DOMRect) => rect.width > 0 && rect.height > 0;

/** Index of the rectangle closest to `to` (the line box under the pointer when the card was asked for). */
export function nearestRect(rects: readonly DOMRect[], to: DOMRect): number {
  let best = 0;
  let bestDistance = Infinity;
  rects.forEach((rect, index) => {
    const distance = Math.abs(rect.top - to.top) + Math.abs(rect.left - to.left);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** The painted line boxes of a range (a range also reports empty boxes at line ends). */
export function lineBoxes(range: Range): DOMRect[] {
  const rects = [...range.getClientRects()].filter(isPainted);
  return rects.length > 0 ? rects : [range.getBoundingClientRect()];
}

/**
 * The box the card is placed against. Horizontally, the line box the reader is on, so
 * the card opens where the pointer is, not at the far end of a mention that wraps onto
 * the next line; vertically, every line of the mention next to it, so that a card
 * placed below the first line of a wrapped mention does not cover its second line.
 */
export function anchorBox(lines: readonly DOMRect[], line: number): DOMRect {
  const chosen = lines[Math.min(line, lines.length - 1)]!;
  const reach = chosen.height * 2;
  let top = chosen.top;
  let bottom = chosen.bottom;
  for (const rect of lines) {
    // Lines far away belong to another column or region: the mention does not wrap there, it jumps.
    if (rect.bottom < chosen.top - reach || rect.top > chosen.bottom + reach) continue;
    top = Math.min(top, rect.top);
    bottom = Math.max(bottom, rect.bottom);
  }
  return new DOMRect(chosen.left, top, chosen.width, bottom - top);
}

export interface Placement {
  /** The mention is out of view (scrolled away, or clipped by a scrolling container). */
  referenceHidden: boolean;
}

/**
 * Keeps `card` next to `anchor` and off it: below, else above, shifted to stay in the
 * viewport and shortened to the room left. Follows scrolling, resizing and layout
 * changes (autoUpdate) until the returned function is called.
 */
export function followAnchor(
  anchor: () => DOMRect,
  contextElement: Element | undefined,
  card: HTMLElement,
  onPlaced: (placement: Placement) => void,
): () => void {
  const reference: VirtualElement = { getBoundingClientRect: anchor, contextElement };
  let stopped = false;
  const place = () =>
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        // Above when there is no room below; sideways is shift's job, which moves the card only as far as it must
        // (flipping to an "-end" placement would throw it a whole card's width away from the pointer).
        flip({ padding: EDGE, crossAxis: false, fallbackPlacements: ['top-start'], fallbackStrategy: 'bestFit' }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply: ({ availableHeight }) => {
            card.style.setProperty('--available-height', `${Math.max(MIN_HEIGHT, Math.floor(availableHeight))}px`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (stopped) return;
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
      onPlaced({ referenceHidden: middlewareData.hide?.referenceHidden === true });
    });
  const stop = autoUpdate(reference, card, place, { animationFrame: false });
  return () => {
    stopped = true;
    stop();
  };
}
