/**
 * The scan core shared by `npm run scan` and the tests: an HTML file is parsed
 * into a happy-dom document (no scripts run, nothing is fetched), and the page
 * adapter finds its mentions exactly as the content script would on that page.
 */
import { Window, type BrowserWindow } from 'happy-dom';
import type { KnowledgeBase } from '../knowledge/types';
import { MentionMatcher } from '../matching/mention-matcher';
import { settlePageSense } from '../matching/page-sense';
import { documentLanguage, findPageMentions, type PageMention } from '../page/page-mentions';

/** One mention as the scan CLI reports it; offsets are in `document.body.textContent`. */
export interface ScannedMention {
  entityId: string;
  /** The entity's English display name. */
  name: string;
  text: string;
  start: number;
  end: number;
}

/**
 * A file is data to parse, not a page to run: no scripts, no stylesheets, no
 * frames, no navigation, and no request ever leaves (happy-dom still fetches
 * `<link rel="preload" as="fetch">` unless told no).
 */
export const PARSE_ONLY_SETTINGS = {
  enableJavaScriptEvaluation: false,
  disableJavaScriptFileLoading: true,
  enableCSSFileLoading: false,
  enableImageFileLoading: false,
  enableIframePageLoading: false,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
  fetch: {
    interceptor: {
      beforeAsyncRequest: async ({ window }: { window: BrowserWindow }) => new window.Response(null, { status: 403 }),
      beforeSyncRequest: ({ window }: { window: BrowserWindow }) => ({
        status: 403,
        statusText: 'Forbidden',
        ok: false,
        url: '',
        redirected: false,
        headers: new window.Headers(),
        body: null,
      }),
    },
  },
};
/** A base for the pages' relative URLs (happy-dom throws on them against about:blank); never contacted. */
export const BASE_URL = 'https://scanned-file.invalid/';

/**
 * Offset of every text node in `body.textContent`: textContent concatenates all
 * text nodes in document order, script and style text included, so every one of
 * them is counted even though the adapter never reads some.
 */
function textOffsets(body: Node): Map<Node, number> {
  const offsets = new Map<Node, number>();
  const walker = body.ownerDocument!.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    offsets.set(node, offset);
    offset += (node as Text).data.length;
  }
  return offsets;
}

function toScanned(mention: PageMention, offsets: Map<Node, number>, names: Map<string, string>): ScannedMention {
  const first = mention.nodes[0]!;
  const last = mention.nodes[mention.nodes.length - 1]!;
  return {
    entityId: mention.entityId,
    name: names.get(mention.entityId) ?? mention.entityId,
    text: mention.text,
    start: offsets.get(first)! + mention.startOffset,
    end: offsets.get(last)! + mention.endOffset,
  };
}

/**
 * Scans HTML documents one after the other with one parser window and one matcher.
 * `close()` releases the window.
 */
export class HtmlScanner {
  private readonly window = new Window({ url: BASE_URL, settings: PARSE_ONLY_SETTINGS });
  private readonly names: Map<string, string>;
  private readonly matcher: MentionMatcher;

  constructor(kb: Pick<KnowledgeBase, 'entities'>) {
    this.matcher = MentionMatcher.forKnowledgeBase(kb);
    this.names = new Map(kb.entities.map((entity) => [entity.id, entity.name.en]));
    // The page adapter reads the DOM's `Node` and `NodeFilter` constants as globals, as in a browser.
    Object.assign(globalThis, { Node: this.window.Node, NodeFilter: this.window.NodeFilter });
  }

  private parse(html: string): Document {
    return new this.window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  }

  /** The body's mentions in document order (the head and title never count). */
  scan(html: string): ScannedMention[] {
    const document = this.parse(html);
    const body = document.body;
    let mentions: ScannedMention[] = [];
    if (body) {
      // Decided over the whole page, as the extension does (src/content/mentions.ts).
      const found = settlePageSense(findPageMentions(body, this.matcher, documentLanguage(document)), this.matcher.aliases);
      const offsets = textOffsets(body);
      mentions = found.map((mention) => toScanned(mention, offsets, this.names));
    }
    this.release(document);
    return mentions;
  }

  /**
   * Lets a scanned document be collected: happy-dom's console keeps the errors it
   * logs (such as "iframe page loading is disabled"), whose stacks hold the page's
   * elements, and its window keeps elements with an id as named properties. Without
   * this, scanning the 130 real pages held 1.4 GB. Callers scanning many files should
   * also yield to the event loop between files, since V8 keeps WeakRef targets alive
   * until the current job ends.
   */
  private release(document: Document): void {
    this.window.happyDOM.virtualConsolePrinter.clear();
    document.documentElement?.remove();
  }

  /** The text that a mention's offsets refer to. */
  bodyText(html: string): string {
    const document = this.parse(html);
    const text = document.body?.textContent ?? '';
    this.release(document);
    return text;
  }

  async close(): Promise<void> {
    await this.window.happyDOM.close();
  }
}
