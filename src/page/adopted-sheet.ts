/**
 * A stylesheet of ours, adopted by the trees (a document, shadow roots) it is added to
 * from `install` on: a rule styles only the tree that adopted it. `remove` takes it out
 * of every tree it was put in. Not a DOM change: the page's nodes are untouched.
 *
 * Firefox: a content script sees the page's objects through Xray wrappers, and a tree's
 * `adoptedStyleSheets` cannot be read or set through one ("Accessing from Xray wrapper is
 * not supported"). The sheet is then made, and adopted, on the page's side of the wrapper
 * (`wrappedJSObject`), with our own array methods, so a page that broke its own
 * `Array.prototype` cannot break this. Chromium has no wrapper: the same code runs on the
 * tree itself.
 */
export class AdoptedSheet {
  private sheet: CSSStyleSheet | null = null;
  private readonly trees = new Set<DocumentOrShadowRoot>();

  constructor(private readonly document: Document, private css: string) {}

  /** Makes the sheet and adopts it in the trees added so far (and in those added later). */
  install(): void {
    if (this.sheet) return;
    const sheet = new (pageSide(this.document.defaultView ?? window)).CSSStyleSheet();
    sheet.replaceSync(this.css);
    this.sheet = sheet;
    for (const tree of this.trees) adopt(tree, sheet);
  }

  add(tree: DocumentOrShadowRoot): void {
    if (this.trees.has(tree)) return;
    this.trees.add(tree);
    if (this.sheet) adopt(tree, this.sheet);
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
    for (const tree of this.trees) {
      const adopted = pageSide(tree).adoptedStyleSheets;
      const at = Array.prototype.indexOf.call(adopted, sheet);
      if (at >= 0) Array.prototype.splice.call(adopted, at, 1);
    }
    this.sheet = null;
  }
}

function adopt(tree: DocumentOrShadowRoot, sheet: CSSStyleSheet): void {
  Array.prototype.push.call(pageSide(tree).adoptedStyleSheets, sheet);
}

/** The page's own side of an object seen through a Firefox Xray wrapper; elsewhere the object itself. */
function pageSide<T extends object>(object: T): T {
  return (object as T & { wrappedJSObject?: T }).wrappedJSObject ?? object;
}
