/** Marks the items of a list that arrow keys move between (buttons, links). */
export const NAV_ITEM = 'data-nav-item';

/** The navigable items inside `container`, in document order. */
function navItems(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`[${NAV_ITEM}]`)].filter((item) => !item.hasAttribute('disabled'));
}

/** Focuses the first (or last) navigable item of a container; false when there is none. */
export function focusNavItem(container: Element | null, which: 'first' | 'last' = 'first'): boolean {
  if (!container) return false;
  const items = navItems(container);
  const item = which === 'first' ? items[0] : items.at(-1);
  item?.focus();
  return item !== undefined;
}

/**
 * Arrow keys, Home and End within a list of buttons: Tab still leaves the list as
 * usual, arrows move inside it. `onBeforeFirst` runs on ArrowUp from the first item
 * (the search field above the results takes focus back).
 */
export function onListKeyDown(event: KeyboardEvent, onBeforeFirst?: () => void): void {
  const container = event.currentTarget as Element;
  const items = navItems(container);
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  let next: number;
  switch (event.key) {
    case 'ArrowDown':
      next = Math.min(at + 1, items.length - 1);
      break;
    case 'ArrowUp':
      if (at === 0 && onBeforeFirst) {
        event.preventDefault();
        onBeforeFirst();
        return;
      }
      next = Math.max(at - 1, 0);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = items.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  items[next]!.focus();
}
