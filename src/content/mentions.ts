import { browser, type Browser } from 'wxt/browser';
import { CardController } from '../card/card-controller';
import { CARD_CSS } from '../card/card-styles';
import { createUiHost } from '../card/ui-host';
import { resolveLanguage, translator } from '../i18n/messages';
import type { KnowledgeBase } from '../knowledge/types';
import { MentionMatcher } from '../matching/mention-matcher';
import { handleMessages, isFromOurExtension, PAGE_REPORT_PORT, type PageReport } from '../messaging/protocol';
import { Highlighter, supportsHighlights } from '../page/highlighter';
import { compareMentions, documentLanguage, mentionRange, type PageMention } from '../page/page-mentions';
import { PageScanner } from '../page/page-scanner';
import { isAliasIgnored, isEntityEnabled, isSiteEnabled, siteOf, type Settings } from '../settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../settings/storage';

/** The mentions to paint under the reader's settings, in document order. */
export function visibleMentions(
  mentions: readonly PageMention[],
  kb: KnowledgeBase,
  matcher: MentionMatcher,
  settings: Settings,
  site: string | undefined,
): PageMention[] {
  if (!isSiteEnabled(site, settings)) return [];
  const enabled = new Set(kb.entities.filter((entity) => isEntityEnabled(entity, settings)).map((entity) => entity.id));
  const seen = new Set<string>();
  return [...mentions].sort(compareMentions).filter((mention) => {
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
 * The content script's whole job: find the knowledge base's mentions in the page,
 * paint them, open cards over them, and answer the popup. Everything it sets up
 * goes away when `signal` aborts (the extension reloaded, updated or removed).
 */
export async function runMentions(kb: KnowledgeBase, signal: AbortSignal): Promise<void> {
  if (!supportsHighlights()) return; // Without the Custom Highlight API we would have to change the page's DOM.
  let settings = await loadSettings(kb);
  if (signal.aborted) return;
  const site = siteOf(location.href);
  const matcher = MentionMatcher.forKnowledgeBase(kb);
  const highlighter = new Highlighter(document, signal);
  const uiFor = (current: Settings) => {
    const language = resolveLanguage(current.language, browser.i18n.getUILanguage());
    return { language, t: translator(language), delayMs: current.cardDelayMs };
  };
  const card = new CardController(
    document,
    () => createUiHost(document, CARD_CSS, signal),
    kb,
    matcher,
    uiFor(settings),
    {
      onNotThisHere: (mention) => {
        if (site === undefined) return;
        const alias = matcher.aliases[mention.alias]!.rule.text;
        void updateSettings(kb, (s) => s.ignoredAliases.push({ site, entityId: mention.entityId, alias }));
      },
      onHideTopic: (topicId) => void updateSettings(kb, (s) => void (s.disabledTopics = [...new Set([...s.disabledTopics, topicId])])),
    },
    (mention) => highlighter.setActive(mention),
    signal,
  );

  let painted: PageMention[] = [];
  const ports = new Set<Browser.runtime.Port>();
  const report = (): PageReport => {
    const counts = new Map<string, number>();
    for (const mention of painted) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    return {
      site,
      siteEnabled: isSiteEnabled(site, settings),
      entities: [...counts].map(([entityId, count]) => ({ entityId, count })),
      scanning: scanner.busy,
    };
  };
  const repaint = () => {
    painted = visibleMentions(scanner.mentions(), kb, matcher, settings, site);
    highlighter.paint(painted);
    card.setMentions(painted);
    for (const port of ports) port.postMessage(report());
  };
  const scanner = new PageScanner(document, matcher, () => documentLanguage(document), repaint, (shadow) => highlighter.styleShadowRoot(shadow));

  /** Moves to a mention: scrolls it into view, marks it, and opens its card with focus inside. */
  const reveal = (mention: PageMention) => {
    const element = mention.nodes[0]!.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    const rect = mentionRange(mention).getBoundingClientRect();
    card.show(mention, rect, document.activeElement ?? document.body);
    return true;
  };
  const step = (from: PageMention | null, direction: 1 | -1, among: PageMention[]) => {
    if (among.length === 0) return false;
    const at = from ? among.indexOf(from) : -1;
    const next = at === -1 ? (direction === 1 ? 0 : among.length - 1) : (at + direction + among.length) % among.length;
    return reveal(among[next]!);
  };

  handleMessages(
    {
      getPageReport: () => report(),
      revealMention: ({ entityId }) => step(card.openMention, 1, painted.filter((m) => m.entityId === entityId)),
      stepMention: ({ direction }) => step(card.openMention, direction, painted),
    },
    signal,
  );
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PAGE_REPORT_PORT || !port.sender || !isFromOurExtension(port.sender)) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.postMessage(report());
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => {
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
  }, { once: true });

  watchSettings(kb, (next) => {
    settings = next;
    highlighter.setStyle(settings.highlightStyle);
    card.updateUi(uiFor(settings));
    repaint();
  }, signal);
  highlighter.setStyle(settings.highlightStyle);
  scanner.start(signal);
}
