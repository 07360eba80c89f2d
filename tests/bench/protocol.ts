/** What the page side of the bench (page-entry.ts, bundled) answers to run.ts. */

/** One timed run: milliseconds and what it found (mentions, marks, characters read). */
export interface Timed {
  ms: number;
  count: number;
}

/** Backstory's scan taken apart (the --profile analysis), in milliseconds. */
export interface Phases {
  /** TextRunWalker alone: runs collected, nothing matched. */
  walkMs: number;
  /** The walk plus `matcher.find` on every run. */
  walkFindMs: number;
  /** `findPageMentions`: the walk, matching and mapping offsets to text nodes. */
  scanMs: number;
  /** A Highlighter built and painted with the found mentions. */
  paintMs: number;
  /** Only the StaticRange objects for those mentions. */
  rangesMs: number;
  /** The automaton alone (`scanText`) over the runs' texts, collected beforehand. */
  automatonMs: number;
  /** `matcher.find` over the same texts: automaton, rule checks, leftmost-longest. */
  findMs: number;
  /** The same `find` with the 10,000-alias matcher. */
  findScaledMs: number;
  runs: number;
  runChars: number;
  candidates: number;
  mentions: number;
}

export interface PageBench {
  /** The page's language as the extension reads it. */
  language(): string | undefined;
  /** The floor: every text node of the body, scripts and styles included, with no filter: the cheapest read of the text. */
  floor(): Timed;
  /** The text nodes Backstory reads (a filter rejects the subtrees it skips): a peer-like baseline over the same nodes. */
  sameNodesWalk(): Timed;
  backstory(kb: 'real' | 'scaled'): Timed;
  markjs(): Timed;
  /** Matcher builds, each `runs` times: the real knowledge base and with 10,000 more aliases. */
  buildTimes(runs: number): { realMs: number[]; aliases10kMs: number[]; realAliases: number; scaledAliases: number };
  phases(): Phases;
  /** `count` scans back to back, without the collections `timed` forces (they would swamp a CPU profile). */
  scanRepeatedly(count: number): void;
  /** `count` builds of the 10,000-alias matcher back to back, likewise. */
  buildRepeatedly(count: number): void;
  /** Builds the knowledge pack of the article `html` holds, `runs` times (DOM parsed once, outside the timing). */
  packTimes(html: string, runs: number): { ms: number[]; words: number; entities: number };
  /** Matcher builds with the entities of `articles` added articles (`perArticle` entities of two aliases each), `runs` times. */
  packRebuildTimes(articles: number, perArticle: number, runs: number): { ms: number[]; aliases: number };
  /** Costs per 1,000 ranges over this page's text nodes (the --profile analysis). */
  rangeCosts(count: number): { staticRangeMs: number; highlightAddMs: number; liveRangeMs: number; ranges: number };
}

export const BENCH_GLOBAL = '__backstoryBench';
