/**
 * Backstory's icon files, as the manifests declare them (wxt.config.ts) and `npm run icons`
 * writes them (src/cli/icons.ts): PNGs in assets/public/icon/, copied as they are into each build.
 */

/** Every size exported: the toolbar (16, 32), the extensions pages (48), Firefox's add-ons manager (96), the stores (128). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** The toolbar button's sizes (1× and 2× screens). */
export const TOOLBAR_ICON_SIZES = [16, 32] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** The icon, a deep blue tile: light toolbars, extension pages, the stores. */
export const iconFile = (size: IconSize) => `icon/${size}.png`;
/** The pale variant for dark toolbars: Firefox's `light` theme icon (a light icon, for a theme with light text). */
export const iconForDarkToolbarsFile = (size: IconSize) => `icon/${size}-light.png`;

/** A manifest icon dictionary (`icons`, `default_icon`): size → file. */
export function iconSet(sizes: readonly IconSize[], file: (size: IconSize) => string = iconFile): Record<string, string> {
  return Object.fromEntries(sizes.map((size) => [String(size), file(size)]));
}

/**
 * Firefox's `theme_icons` for the toolbar button: `dark` is the icon drawn on a light theme's
 * toolbar (dark text), `light` the one on a dark theme's (light text), by Firefox's naming.
 */
export function toolbarThemeIcons(): Array<{ light: string; dark: string; size: number }> {
  return TOOLBAR_ICON_SIZES.map((size) => ({ light: iconForDarkToolbarsFile(size), dark: iconFile(size), size }));
}
