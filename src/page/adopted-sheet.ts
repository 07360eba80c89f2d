/**
 * A painter's stylesheet, adopted by the document and by each shadow root it paints
 * in (a rule styles only the tree that adopted it), from `install` on. `remove` takes
 * it out of every tree it was put in.
 */
export class AdoptedSheet {
  private sheet: CSSStyleSheet | null = null;
  private readonly shadowRoots = new Set<ShadowRoot>();

  constructor(private readonly document: Document, private css: string) {}

  install(): void {
    if (this.sheet) return;
    const sheet = new (this.document.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(this.css);
    for (const root of [this.document, ...this.shadowRoots]) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.sheet = sheet;
  }

  addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    if (this.sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }

  setCss(css: string): void {
    // Replacing a sheet's rules restyles the whole page, even with the same rules.
    if (css === this.css) return;
    this.css = css;
    this.sheet?.replaceSync(css);
  }

  remove(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    for (const root of [this.document, ...this.shadowRoots]) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
    this.sheet = null;
  }
}
