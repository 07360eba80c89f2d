import { computePosition, flip, hide, offset, shift, size, type Platform, type Rect } from '@floating-ui/core';

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

/** The visual viewport (what is on screen, pinch-zoom included), in the coordinates of a fixed box. */
function viewportRect(view: Window): Rect {
  const visual = view.visualViewport;
  return visual
    ? { x: visual.offsetLeft, y: visual.offsetTop, width: visual.width, height: visual.height }
    : { x: 0, y: 0, width: view.document.documentElement.clientWidth, height: view.document.documentElement.clientHeight };
}

const intersection = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
};

/** The element a node hangs from in the flat tree: into the slot it is assigned to, out of a shadow root to its host. */
function parentOf(node: Node): Element | null {
  const parent = (node as Element).assignedSlot ?? node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
}

/**
 * Whether an element is the containing block of fixed boxes inside it (and so of absolute
 * ones): a transform, a filter, a will-change or a containment that makes it one.
 * Floating UI's `isContainingBlock`, for the browsers we run in (no WebKit exceptions).
 * https://developer.mozilla.org/en-US/docs/Web/CSS/Containing_block#identifying_the_containing_block
 */
const containsFixed = (style: CSSStyleDeclaration) =>
  [style.transform, style.translate, style.scale, style.rotate, style.perspective, style.filter, style.backdropFilter].some((value) => value !== '' && value !== 'none') ||
  /transform|translate|scale|rotate|perspective|filter/.test(style.willChange) ||
  /paint|layout|strict|content/.test(style.contain);

/** Whether an element clips what overflows it (as a scrolling box does). */
const clipsOverflow = (style: CSSStyleDeclaration) =>
  /auto|scroll|overlay|hidden|clip/.test(style.overflow + style.overflowX + style.overflowY) && style.display !== 'inline' && style.display !== 'contents';

/**
 * The ancestors of `element` that clip it: those whose overflow is not visible, short
 * of the body and the root (the viewport's business), skipping those its containing
 * block chain escapes (a fixed box escapes every ancestor up to one that contains fixed
 * boxes, an absolute one the static ancestors in between). Floating UI's
 * `getClippingElementAncestors`.
 */
function clippingAncestors(element: Element): Element[] {
  const view = element.ownerDocument.defaultView!;
  const { body, documentElement } = element.ownerDocument;
  const ancestors: Element[] = [];
  let chain = view.getComputedStyle(element).position;
  for (let node = parentOf(element); node && node !== body && node !== documentElement; node = parentOf(node)) {
    const style = view.getComputedStyle(node);
    if (!containsFixed(style) && (chain === 'fixed' || (chain === 'absolute' && style.position === 'static'))) continue;
    chain = style.position;
    if (clipsOverflow(style)) ancestors.push(node);
  }
  return ancestors;
}

/** The inside of an element's border box, where its content shows (scrollbars excluded). */
function innerRect(element: Element): Rect {
  const { left, top } = element.getBoundingClientRect();
  return { x: left + element.clientLeft, y: top + element.clientTop, width: element.clientWidth, height: element.clientHeight };
}

/**
 * Calls `onMove` when `element` moves without a scroll or a resize (content loaded above
 * it, say): an IntersectionObserver whose root is the viewport shrunk to the element's
 * own box sees any move as a change in how much of the element is inside. Floating UI's
 * `observeMove` (autoUpdate's `layoutShift`; https://samthor.au/2021/observing-dom/).
 */
function observeMove(element: Element, onMove: () => void, signal: AbortSignal): void {
  const root = element.ownerDocument.documentElement;
  let observer: IntersectionObserver | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const refresh = (threshold = 1, moved = true) => {
    clearTimeout(retry);
    observer?.disconnect();
    if (signal.aborted) return;
    if (moved) onMove();
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) return;
    const rootMargin = [box.top, root.clientWidth - box.right, root.clientHeight - box.bottom, box.left].map((inset) => `${-Math.floor(inset)}px`).join(' ');
    let first = true;
    observer = new IntersectionObserver(
      ([entry]) => {
        const ratio = entry!.intersectionRatio;
        const now = element.getBoundingClientRect();
        // A stale entry (the element moved again since) says nothing about the new position: start over.
        if (now.x !== box.x || now.y !== box.y || now.width !== box.width || now.height !== box.height) return refresh();
        if (ratio !== threshold) {
          if (!first) return refresh();
          // Partly clipped where it stands: watch for that ratio changing; fully clipped: look again in a while.
          if (ratio) refresh(ratio);
          else retry = setTimeout(() => refresh(1e-7), 1000);
        }
        first = false;
      },
      { root: element.ownerDocument, rootMargin, threshold: Math.max(0, Math.min(1, threshold)) || 1 },
    );
    observer.observe(element);
  };
  // A resize changes the root: observe again (the resize itself is handled by the caller).
  element.ownerDocument.defaultView!.addEventListener('resize', () => refresh(1, false), { signal });
  signal.addEventListener('abort', () => refresh(), { once: true });
  refresh(1, false);
}

/**
 * Calls `update` now and whenever the card may have to move: a scroll of the page or of a
 * box around the mention, a resize, the mention's element or the card resized, the mention
 * moved by the layout. Floating UI's `autoUpdate`, until `signal` aborts; it listens to
 * every scrolling ancestor, but those the mention escapes (see `clippingAncestors`) do not
 * move it, and the body is one where the page scrolls it rather than the window.
 */
function whenMoved(contextElement: Element | undefined, card: HTMLElement, update: () => void, signal: AbortSignal): void {
  const view = card.ownerDocument.defaultView!;
  const viewports = [view, ...(view.visualViewport ? [view.visualViewport] : [])];
  for (const target of [...viewports, ...(view.document.body ? [view.document.body] : []), ...(contextElement ? clippingAncestors(contextElement) : [])]) {
    target.addEventListener('scroll', update, { passive: true, signal });
  }
  for (const target of viewports) target.addEventListener('resize', update, { signal });
  const resizes = new ResizeObserver(() => update());
  if (contextElement) {
    resizes.observe(contextElement);
    observeMove(contextElement, update, signal);
  }
  resizes.observe(card);
  signal.addEventListener('abort', () => resizes.disconnect(), { once: true });
  update();
}

export interface Placement {
  /** The mention is out of view (scrolled away, or clipped by a scrolling container). */
  referenceHidden: boolean;
}

/**
 * Keeps `card` next to `anchor` and off it: below, else above, shifted to stay in the
 * viewport and shortened to the room left. Follows scrolling, resizing and layout
 * changes until the returned function is called.
 *
 * Floating UI's algorithms (its core) on a platform cut to our one case: the card is a
 * `position: fixed` box in our shadow root, placed in viewport coordinates and clipped
 * by the viewport alone; the mention is a virtual element (a range's line boxes) in
 * `contextElement`, clipped by the viewport and by that element's clipping ancestors.
 */
export function followAnchor(
  anchor: () => DOMRect,
  contextElement: Element | undefined,
  card: HTMLElement,
  onPlaced: (placement: Placement) => void,
): () => void {
  const view = card.ownerDocument.defaultView!;
  const reference = { getBoundingClientRect: anchor, contextElement };
  const platform: Platform = {
    getElementRects: () => {
      const { x, y, width, height } = anchor();
      const box = card.getBoundingClientRect();
      return { reference: { x, y, width, height }, floating: { x: 0, y: 0, width: box.width, height: box.height } };
    },
    getDimensions: (element: HTMLElement) => {
      const { width, height } = element.getBoundingClientRect();
      return { width, height };
    },
    getClippingRect: ({ element }) =>
      element === reference && contextElement
        ? clippingAncestors(contextElement).map(innerRect).reduce(intersection, viewportRect(view))
        : viewportRect(view),
  };
  const following = new AbortController();
  const place = () =>
    void computePosition(reference, card, {
      platform,
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
      if (following.signal.aborted) return;
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
      onPlaced({ referenceHidden: middlewareData.hide?.referenceHidden === true });
    });
  whenMoved(contextElement, card, place, following.signal);
  return () => following.abort();
}
