/**
 * The page side of the bench, bundled into one script and evaluated in each page.
 * Imports the extension's own modules so that the bench measures exactly what ships.
 */
import Mark from 'mark.js';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { buildAutomaton, scanText } from '../../src/matching/automaton';
import { MentionMatcher, type MatchableAlias } from '../../src/matching/mention-matcher';
import { Highlighter } from '../../src/page/highlighter';
import { documentLanguage, findPageMentions, type PageMention } from '../../src/page/page-mentions';
import { isSkippedTag, TextRunWalker } from '../../src/page/text-runs';
import { readStoredList } from '../../src/library/stored-list';
import { withPacks } from '../../src/library/with-packs';
import { buildPack } from '../../src/pack/build';
import { fakeCompanyNames } from './fake-companies';
import { BENCH_GLOBAL, type PageBench, type Phases, type Timed } from './protocol';

const GENERATED_ALIASES = 10_000;

const realAliases: MatchableAlias[] = knowledgeBase.entities.flatMap((entity) =>
  entity.aliases.map((rule) => ({ entityId: entity.id, rule })),
);

/** The real aliases plus 10,000 invented companies, written the way the real ones are. */
function scaledAliases(): MatchableAlias[] {
  const generated = fakeCompanyNames(GENERATED_ALIASES).map((text, index) => ({
    entityId: `generated-${index}`,
    rule: { text, caseSensitive: true, accentSensitive: false, script: 'latin' as const },
  }));
  return [...realAliases, ...generated];
}

/**
 * mark.js's best case: one regular expression for every alias, longest first so the
 * alternation prefers `Alibaba Cloud` over `Alibaba`, word-bounded for Latin script
 * (never `ZTE` in `ZTEK`), any run of white space where the alias has a space, and a
 * case-insensitive group where the alias is case-insensitive (`AliCloud`).
 */
function aliasRegExp(aliases: readonly MatchableAlias[]): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
  const parts = [...aliases]
    .sort((a, b) => b.rule.text.length - a.rule.text.length)
    .map(({ rule }) => {
      const source = rule.caseSensitive ? escape(rule.text) : `(?i:${escape(rule.text)})`;
      return rule.script === 'cjk' ? source : `\\b${source}\\b`;
    });
  return new RegExp(parts.join('|'), 'gu');
}

/** Chromium started with --expose-gc: collect before timing so a pause does not land inside. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timed<T>(work: () => T): { ms: number; result: T } {
  collectGarbage();
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianMs(runs: number, work: () => unknown): number {
  return median(Array.from({ length: runs }, () => timed(work).ms));
}

let realMatcher: MentionMatcher | undefined;
let scaledMatcher: MentionMatcher | undefined;
const matcherFor = (kb: 'real' | 'scaled'): MentionMatcher =>
  kb === 'real'
    ? (realMatcher ??= new MentionMatcher(realAliases))
    : (scaledMatcher ??= new MentionMatcher(scaledAliases()));
const markRegExp = aliasRegExp(realAliases);

/**
 * What the extension does to a page, minus scheduling: find every mention, then paint them. The
 * highlighter is made beforehand: the extension makes it (and adopts its stylesheet) at document_start.
 */
function scanAndPaint(matcher: MentionMatcher, highlighter: Highlighter): PageMention[] {
  const mentions = findPageMentions(document.body, matcher, documentLanguage(document));
  highlighter.paint(mentions);
  return mentions;
}

/** Reads the text of every text node a walker shows. */
function timedTextWalk(walker: () => TreeWalker): Timed {
  const { ms, result } = timed(() => {
    const walk = walker();
    let chars = 0;
    for (let node = walk.nextNode(); node !== null; node = walk.nextNode()) chars += (node as Text).data.length;
    return chars;
  });
  return { ms, count: result };
}

const bench: PageBench = {
  language: () => documentLanguage(document),

  /** The floor: the cheapest read of the page's text, every text node of the body (one C++ call each, no filter). */
  floor(): Timed {
    return timedTextWalk(() => document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT));
  },

  /** A peer-like baseline: the text nodes Backstory reads, the subtrees it skips (scripts, styles, code, SVG, form controls…) rejected by a filter run on every element. */
  sameNodesWalk(): Timed {
    const filter = { acceptNode: (node: Node) => node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : isSkippedTag((node as Element).localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP };
    return timedTextWalk(() => document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter));
  },

  backstory(kb): Timed {
    const matcher = matcherFor(kb);
    const controller = new AbortController();
    const highlighter = new Highlighter(document, controller.signal);
    const { ms, result } = timed(() => scanAndPaint(matcher, highlighter));
    // Teardown (highlights and stylesheet removed) is not part of a scan.
    controller.abort();
    return { ms, count: result.length };
  },

  markjs(): Timed {
    const marker = new Mark(document.body);
    let count = 0;
    const { ms } = timed(() => marker.markRegExp(markRegExp, { acrossElements: true, done: (total) => void (count = total) }));
    marker.unmark();
    return { ms, count };
  },

  buildTimes(runs) {
    const scaled = scaledAliases();
    const realMs: number[] = [];
    const aliases10kMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      realMs.push(timed(() => MentionMatcher.forKnowledgeBase(knowledgeBase)).ms);
      aliases10kMs.push(timed(() => new MentionMatcher(scaled)).ms);
    }
    return { realMs, aliases10kMs, realAliases: realAliases.length, scaledAliases: scaled.length };
  },

  packTimes(html, runs) {
    const article = new DOMParser().parseFromString(html, 'text/html');
    const ms: number[] = [];
    let pack = buildPack(article, 'bench', knowledgeBase);
    for (let run = 0; run < runs; run++) ms.push(timed(() => (pack = buildPack(article, 'bench', knowledgeBase))).ms);
    const words = (article.querySelector('article')?.textContent ?? '').split(/\s+/).filter(Boolean).length;
    return { ms, words, entities: pack.entities.length };
  },

  packRebuildTimes(articles, perArticle, runs) {
    // The content script's path when the reader adds an article: the stored packs read (each checked with the
    // schema), merged into the knowledge base, and the matcher built. Each article names its entities as companies
    // are named (a full name and a short form).
    const names = fakeCompanyNames(articles * perArticle);
    const stored = Array.from({ length: articles }, (_, article) => ({
      id: `added-${article}`,
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, article)).toISOString(),
      topics: [],
      article: { title: `Article ${article}`, language: 'en', source: `https://news.example/${article}`, summary: ['A sentence.'] },
      entities: names.slice(article * perArticle, (article + 1) * perArticle).map((name) => ({
        id: name.toLowerCase().replace(/\W+/g, '-'), name, type: 'company', known: false, aliases: [name.split(' ')[0]!], evidence: [`${name} said so.`],
      })),
    }));
    const ms: number[] = [];
    let aliases = 0;
    for (let run = 0; run < runs; run++) {
      ms.push(timed(() => (aliases = MentionMatcher.forKnowledgeBase(withPacks(knowledgeBase, readStoredList(stored, 1).packs)).aliases.length)).ms);
    }
    return { ms, aliases: aliases - realAliases.length };
  },

  phases(): Phases {
    const runs = 5;
    const matcher = matcherFor('real');
    const scaled = matcherFor('scaled');
    const language = documentLanguage(document);
    const texts: string[] = [];
    new TextRunWalker(document.body).collect((run) => texts.push(run.text));
    const automaton = buildAutomaton(matcher.aliases.map((alias) => alias.rule.text));
    let candidates = 0;
    scanText(automaton, texts.join('\n'), () => candidates++);
    const mentions = findPageMentions(document.body, matcher, language);

    const paint = (): number => {
      const controller = new AbortController();
      const highlighter = new Highlighter(document, controller.signal);
      const ms = timed(() => highlighter.paint(mentions)).ms;
      controller.abort();
      return ms;
    };
    return {
      walkMs: medianMs(runs, () => new TextRunWalker(document.body).collect(() => undefined)),
      walkFindMs: medianMs(runs, () => new TextRunWalker(document.body).collect((run) => matcher.find(run.text, language))),
      scanMs: medianMs(runs, () => findPageMentions(document.body, matcher, language)),
      paintMs: median(Array.from({ length: runs }, paint)),
      rangesMs: medianMs(runs, () =>
        mentions.map(
          (mention) =>
            new StaticRange({
              startContainer: mention.nodes[0]!,
              startOffset: mention.startOffset,
              endContainer: mention.nodes[mention.nodes.length - 1]!,
              endOffset: mention.endOffset,
            }),
        ),
      ),
      automatonMs: medianMs(runs, () => {
        for (const text of texts) scanText(automaton, text, () => undefined);
      }),
      findMs: medianMs(runs, () => {
        for (const text of texts) matcher.find(text, language);
      }),
      findScaledMs: medianMs(runs, () => {
        for (const text of texts) scaled.find(text, language);
      }),
      runs: texts.length,
      runChars: texts.reduce((sum, text) => sum + text.length, 0),
      candidates,
      mentions: mentions.length,
    };
  },

  scanRepeatedly(count) {
    const matcher = matcherFor('real');
    for (let scan = 0; scan < count; scan++) {
      const controller = new AbortController();
      scanAndPaint(matcher, new Highlighter(document, controller.signal));
      controller.abort();
    }
  },

  buildRepeatedly(count) {
    const aliases = scaledAliases();
    for (let build = 0; build < count; build++) new MentionMatcher(aliases);
  },

  rangeCosts(count) {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if ((node as Text).data.length >= 2) nodes.push(node as Text);
    }
    if (nodes.length === 0) return { staticRangeMs: 0, highlightAddMs: 0, liveRangeMs: 0, ranges: 0 };
    const per1000 = (ms: number) => (ms * 1000) / count;
    const node = (index: number) => nodes[index % nodes.length]!;
    const ranges = timed(() =>
      Array.from({ length: count }, (_, index) => new StaticRange({ startContainer: node(index), startOffset: 0, endContainer: node(index), endOffset: 1 })),
    );
    const highlight = new Highlight();
    const add = timed(() => {
      for (const range of ranges.result) highlight.add(range);
    });
    const live = timed(() =>
      Array.from({ length: count }, (_, index) => {
        const range = document.createRange();
        range.setStart(node(index), 0);
        range.setEnd(node(index), 1);
        return range;
      }),
    );
    return { staticRangeMs: per1000(ranges.ms), highlightAddMs: per1000(add.ms), liveRangeMs: per1000(live.ms), ranges: count };
  },
};

(globalThis as Record<string, unknown>)[BENCH_GLOBAL] = bench;
