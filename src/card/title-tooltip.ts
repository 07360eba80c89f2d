/** The element above, across the boundary of a page's shadow root (a title on its host shows over its content too). */
const parentOf = (element: Element): Element | null =>
  element.parentElement ?? (element.parentNode instanceof ShadowRoot ? element.parentNode.host : null);

/**
 * Holds back the browser's native tooltips over a mention while its card is open: a
 * `title` on the mention's element (a link, an `<abbr>`) would otherwise pop up over the
 * card. Every ancestor's title goes, not only the nearest: removing the nearest one
 * alone lets the browser show the next one up.
 *
 * Returns the function that puts every title back as it was. A title the page set in
 * the meantime is the page's newer word and is left alone.
 */
export function holdBackTitles(nodes: readonly Node[]): () => void {
  const held = new Map<Element, string>();
  for (const node of nodes) {
    for (let element: Element | null = node.parentElement; element !== null; element = parentOf(element)) {
      if (held.has(element)) break; // This ancestor and those above it were seen from an earlier node.
      const title = element.getAttribute('title');
      if (title === null) continue;
      held.set(element, title);
      element.removeAttribute('title');
    }
  }
  return () => {
    for (const [element, title] of held) {
      if (!element.hasAttribute('title')) element.setAttribute('title', title);
    }
    held.clear();
  };
}
