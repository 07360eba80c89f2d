import { browser } from 'wxt/browser';
import { settingsActions } from './settings-actions';
import { stepTarget } from './mention-navigation';
import type { KnowledgeBase } from '../knowledge/types';
import { MentionMatcher } from '../matching/mention-matcher';
import { settlePageSense } from '../matching/page-sense';
import { handleMessages, servePageReports, type PageReport } from '../messaging/protocol';
import { Highlighter, supportsHighlights } from '../page/highlighter';
import { compareMentions, documentLanguage, mentionRange, type PageMention } from '../page/page-mentions';
import { PageScanner } from '../page/page-scanner';
import { PAGE_AS_IS, pageOrder, type MentionPainter, type PageNodes } from '../page/painter';
import { WrappingPainter } from '../page/wrapping-painter';
import { isAliasIgnored, isEntityEnabled, isSiteEnabled, siteOf, type Settings } from '../settings/settings';
import { readSettings, watchSettings } from '../settings/storage';
import { CardSlot } from './card-slot';
import { mentionFlasher } from './flash';

/**
 * The mentions to paint under the reader's settings, out of all the page's (its shadow
 * trees' included), whose senses are settled together first (`settlePageSense`). In document order only when
 * "first mention only" needs it: painting does not, and sorting thousands of
 * mentions by document position is what made big pages stutter.
 */
export function visibleMentions(
  mentions: readonly PageMention[],
  kb: KnowledgeBase,
  matcher: MentionMatcher,
  settings: Settings,
  site: string | undefined,
  order: (a: PageMention, b: PageMention) => number = compareMentions,
): PageMention[] {
  if (!isSiteEnabled(site, settings)) return [];
  const enabled = new Set(kb.entities.filter((entity) => isEntityEnabled(entity, settings)).map((entity) => entity.id));
  const seen = new Set<string>();
  const settled = settlePageSense(mentions, matcher.aliases);
  return (settings.firstMentionOnly ? [...settled].sort(order) : settled).filter((mention) => {
    if (!enabled.has(mention.entityId)) return false;
    if (isAliasIgnored(site, mention.entityId, matcher.aliases[mention.alias]!.rule.text, settings)) return false;
    if (settings.firstMentionOnly) {
      if (seen.has(mention.entityId)) return false;
      seen.add(mention.entityId);
    }
    return true;
  });
}

/**
 * While a page is still being read, the first repaint comes after this long, and each
 * next one waits twice as long as the one before: every change to the highlights makes
 * Chromium redo all of them, which on a page with thousands of mentions is a long frame
 * each time. Names near the top show fast; a long page costs a few repaints, not dozens.
 */
const FIRST_REPAINT_WHILE_SCANNING_MS = 250;

/** Resolves once the page's HTML is parsed (at once if it is), or when `signal` aborts. */
function contentLoaded(signal: AbortSignal): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true, signal });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * The content script's whole job: find the knowledge base's mentions in the page,
 * paint them, open cards over them, and answer the popup. Everything it sets up
 * goes away when `signal` aborts (the extension reloaded, updated or removed).
 *
 * Mentions are painted with the CSS Custom Highlight API, which leaves the page's DOM
 * alone; where that API is missing, by wrapping them in elements, put back exactly as
 * they were on teardown. Everything below works on the mentions as painted.
 */
export async function runMentions(kb: KnowledgeBase, signal: AbortSignal, initialSettings: Promise<Settings> = readSettings(kb)): Promise<void> {
  // First, while the page has no content yet (the script starts at document_start): see Highlighter.
  const wrapping = supportsHighlights() ? null : new WrappingPainter(document, signal);
  const painter: MentionPainter = wrapping ?? new Highlighter(document, signal);
  // Repaired silently: the background reports and writes back repairs; this console is the page's.
  let settings = await initialSettings;
  if (signal.aborted) return;
  const site = siteOf(location.href);
  const matcher = MentionMatcher.forKnowledgeBase(kb);
  const pageNodes: PageNodes = wrapping ?? PAGE_AS_IS;
  const inPageOrder = pageOrder(pageNodes);
  // The card is a script of its own, loaded once this frame has mentions (see CardSlot).
  const card = new CardSlot({
    document,
    kb,
    matcher,
    actions: settingsActions(kb, matcher, site),
    settings,
    uiLanguage: browser.i18n.getUILanguage(),
    onActiveChange: (mention) => painter.setActive(mention),
    signal,
  });

  let painted: PageMention[] = [];
  let paintedInOrder: PageMention[] | null = null;
  /** The painted mentions in document order, sorted when first asked for (navigation, reports). */
  const inDocumentOrder = () => (paintedInOrder ??= [...painted].sort(compareMentions));
  const report = (): PageReport => {
    const counts = new Map<string, number>();
    for (const mention of inDocumentOrder()) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    return {
      site,
      siteEnabled: isSiteEnabled(site, settings),
      entities: [...counts].map(([entityId, count]) => ({ entityId, count })),
      scanning: scanner.busy,
    };
  };
  const repaint = () => {
    clearTimeout(repaintTimer);
    repaintTimer = undefined;
    const visible = visibleMentions(scanner.mentions(), kb, matcher, settings, site, inPageOrder);
    // A painter that wraps mentions changes the DOM: not a change of the page's for the scanner to read.
    painted = scanner.unnoticed(() => painter.paint(visible));
    paintedInOrder = null;
    card.setMentions(painted);
    reports.publish();
  };
  // A long page is read in many slices: repaint after each would repeat the whole paint every few ms.
  let repaintTimer: ReturnType<typeof setTimeout> | undefined;
  let repaintWhileScanningMs = FIRST_REPAINT_WHILE_SCANNING_MS;
  const onMentionsChanged = () => {
    if (!scanner.busy) {
      repaintWhileScanningMs = FIRST_REPAINT_WHILE_SCANNING_MS;
      repaint();
    } else if (repaintTimer === undefined) {
      repaintTimer = setTimeout(repaint, repaintWhileScanningMs);
      repaintWhileScanningMs *= 2;
    }
  };
  signal.addEventListener('abort', () => clearTimeout(repaintTimer), { once: true });
  const scanner = new PageScanner(
    document,
    matcher,
    () => documentLanguage(document),
    onMentionsChanged,
    (shadow) => painter.styleShadowRoot(shadow),
    pageNodes,
  );

  /**
   * Moves to the next or previous mention: scrolls it into view, marks it, and opens its card with focus inside
   * (the card's script loaded first if it is not yet). False when there is none, or no card could be loaded.
   */
  const step = async (from: PageMention | null, direction: 1 | -1, among: PageMention[]) => {
    const target = stepTarget(among, from, direction, (m) => mentionRange(m).getBoundingClientRect(), innerHeight);
    return target !== undefined && card.reveal(target);
  };

  const flashActive = mentionFlasher(painter, () => card.openMention, signal);
  handleMessages(
    {
      getPageReport: () => report(),
      revealMention: async ({ entityId }) => {
        // From the popup: the reader is not looking at the page, so the mention flashes once reached.
        const moved = await step(card.openMention, 1, inDocumentOrder().filter((m) => m.entityId === entityId));
        if (moved && card.openMention) flashActive(card.openMention);
        return moved;
      },
      // The command reaches every frame of the tab (the script runs in all of them): the top document answers it
      // alone, or an ad or embed that names a company would open a second card, and steal focus, at the same time.
      // A card that focus on its link opened is where the reader is: the command takes them into it first.
      stepMention: async ({ direction }) =>
        window === window.top && ((await card.enterCardOfFocusedLink()) || step(card.openMention, direction, inDocumentOrder())),
    },
    signal,
  );
  const reports = servePageReports(report, signal);

  watchSettings(kb, (next) => {
    settings = next;
    painter.setStyle(settings.highlightStyle);
    card.updateSettings(settings);
    repaint();
  }, signal);
  painter.setStyle(settings.highlightStyle);
  await contentLoaded(signal);
  if (!signal.aborted) scanner.start(signal);
}
