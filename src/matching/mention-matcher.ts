import type { AliasRule, KnowledgeBase, Language } from '../knowledge/types';
import { buildAutomaton, scanText, type Automaton } from './automaton';
import { contextWords, isCombiningMark, isWordChar, lowerWord, normalizeForRule } from './fold';

/** An alias of an entity, as the matcher receives it. */
export interface MatchableAlias {
  entityId: string;
  rule: AliasRule;
}

/**
 * How a mention's own neighbourhood reads it. A mention of an alias without `pageSense`
 * is `ours` once its rules pass (and not a mention otherwise). One with `pageSense` is
 * `ours` when a cue or `near` phrase confirms it, `other` when a phrase of the other
 * sense rejects it (kept as evidence, never shown), and `open` with neither: the page
 * decides (src/matching/page-sense.ts).
 */
export type LocalSense = 'ours' | 'open' | 'other';

export interface Mention {
  /** Offsets in the scanned text (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  entityId: string;
  /** Index of the alias in the matcher's list: says which alias and rule fired. */
  alias: number;
  sense: LocalSense;
}

const DEFAULT_WINDOW_WORDS = 12;
/** Characters read around a mention for context rules: enough for the widest word window. */
const CHARS_PER_WORD = 16;

/**
 * A phrase of a context rule, word by word. A word written with a capital must
 * appear with that capital (`Argent` the heraldic tincture, not French `argent`,
 * money); a word written in lower case matches in any case. Accents never count.
 */
interface Phrase {
  words: string[];
  lower: string[];
  exactCase: boolean[];
}

/** The words around a candidate, as written and lower-cased. */
interface Context {
  words: string[];
  lower: string[];
}

function toPhrase(text: string): Phrase {
  const words = contextWords(text);
  return { words, lower: words.map(lowerWord), exactCase: words.map((word) => lowerWord(word) !== word) };
}

function toContext(text: string): Context {
  const words = contextWords(text);
  return { words, lower: words.map(lowerWord) };
}

/** Does `phrase` occur in `context` starting at word `at`? */
function phraseAt(context: Context, at: number, phrase: Phrase): boolean {
  if (at < 0 || at + phrase.words.length > context.words.length) return false;
  for (let i = 0; i < phrase.words.length; i++) {
    const matches = phrase.exactCase[i]
      ? context.words[at + i] === phrase.words[i]
      : context.lower[at + i] === phrase.lower[i];
    if (!matches) return false;
  }
  return true;
}

function containsPhrase(context: Context, phrase: Phrase): boolean {
  for (let at = 0; at + phrase.words.length <= context.words.length; at++) {
    if (phraseAt(context, at, phrase)) return true;
  }
  return false;
}

function lastWords(context: Context, count: number): Context {
  return { words: context.words.slice(-count), lower: context.lower.slice(-count) };
}

function firstWords(context: Context, count: number): Context {
  return { words: context.words.slice(0, count), lower: context.lower.slice(0, count) };
}

function concat(a: Context, b: Context): Context {
  return { words: [...a.words, ...b.words], lower: [...a.lower, ...b.lower] };
}

/** An alias's rule made ready to check candidates (built on the alias's first candidate). */
interface PreparedRule {
  rule: AliasRule;
  expected: string;
  needsBoundaries: boolean;
  notFollowedBy: Phrase[];
  notPrecededBy: Phrase[];
  notNear: Phrase[];
  near: Phrase[];
  cues: Phrase[];
  /** The name in capitals, when the alias also matches it so (`allCaps`). */
  capitals: string | null;
  window: number;
}

function prepare(rule: AliasRule): PreparedRule {
  const phrases = (texts: string[] | undefined) =>
    (texts ?? []).map(toPhrase).filter((phrase) => phrase.words.length > 0);
  return {
    rule,
    expected: normalizeForRule(rule.text, rule.caseSensitive, rule.accentSensitive),
    needsBoundaries: rule.script !== 'cjk',
    notFollowedBy: phrases(rule.notFollowedBy),
    notPrecededBy: phrases(rule.notPrecededBy),
    notNear: phrases(rule.notNear),
    near: phrases(rule.near),
    cues: phrases(rule.cues),
    capitals: rule.allCaps ? normalizeForRule(rule.text.toUpperCase(), true, rule.accentSensitive) : null,
    window: rule.within ?? DEFAULT_WINDOW_WORDS,
  };
}

/**
 * The automaton skips combining marks, so in decomposed (NFD) text a name ending
 * in an accented letter (`Cafe\u0301`) matches before its accent: the accent belongs
 * to the mention.
 */
function endOfMarks(text: string, end: number): number {
  while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
  return end;
}

/** A possessive or elision right after a name is not a word of its context (`Alibaba's forty thieves`). */
const POSSESSIVE = /^['\u2019](s\b)?/;
/**
 * Punctuation that separates a name from the words around it: `notFollowedBy` and
 * `notPrecededBy` only look at words glued to the name (`The Information
 * Commissioner`), not past a comma or a full stop (`The Information, Security
 * researchers say`).
 */
const PHRASE_BREAK = /[.,;:!?()[\]{}"«»“”„<>|/\\–—。，、；：！？《》「」『』（）【】]/;

function upToBreak(after: string): string {
  const stop = after.search(PHRASE_BREAK);
  return stop === -1 ? after : after.slice(0, stop);
}

function fromLastBreak(before: string): string {
  for (let i = before.length - 1; i >= 0; i--) {
    if (PHRASE_BREAK.test(before.charAt(i))) return before.slice(i + 1);
  }
  return before;
}

/**
 * Finds the knowledge base's mentions in plain text: one automaton for every
 * alias, then each candidate is checked against its alias's rules (case,
 * accents, word boundaries, language, neighbouring words) and overlapping
 * candidates are resolved leftmost-longest.
 */
export class MentionMatcher {
  readonly aliases: readonly MatchableAlias[];
  private readonly automaton: Automaton;
  /**
   * Rules are prepared lazily: building a matcher for thousands of aliases then
   * costs only the automaton, and a page pays for the rules of the aliases it contains.
   */
  private readonly prepared: Array<PreparedRule | undefined>;

  /** Every alias of every entity, in the knowledge base's order (a mention's `alias` indexes this list). */
  static forKnowledgeBase(kb: Pick<KnowledgeBase, 'entities'>): MentionMatcher {
    return new MentionMatcher(kb.entities.flatMap((entity) => entity.aliases.map((rule) => ({ entityId: entity.id, rule }))));
  }

  constructor(aliases: readonly MatchableAlias[]) {
    this.aliases = [...aliases];
    this.automaton = buildAutomaton(aliases.map((alias) => alias.rule.text));
    this.prepared = new Array<PreparedRule | undefined>(aliases.length);
  }

  /** Mentions in `text`, sorted and non-overlapping. `language` is the text's language when known. */
  find(text: string, language?: string): Mention[] {
    const candidates: Mention[] = [];
    scanText(this.automaton, text, (alias, start, matchedEnd) => {
      const end = endOfMarks(text, matchedEnd);
      const prepared = (this.prepared[alias] ??= prepare(this.aliases[alias]!.rule));
      const sense = this.senseOf(prepared, text, start, end, language);
      if (sense) candidates.push({ start, end, entityId: this.aliases[alias]!.entityId, alias, sense });
    });
    if (candidates.length < 2) return candidates;
    // Leftmost, then longest; on the very same words, the alias listed first wins.
    candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.alias - b.alias);
    const chosen: Mention[] = [];
    let reached = 0;
    for (const candidate of candidates) {
      if (candidate.start >= reached) {
        chosen.push(candidate);
        reached = candidate.end;
      }
    }
    return chosen;
  }

  /** The candidate's sense as its neighbourhood reads it, or null when it is not this alias at all. */
  private senseOf(prepared: PreparedRule, text: string, start: number, end: number, language?: string): LocalSense | null {
    const { rule } = prepared;
    if (prepared.needsBoundaries) {
      if (start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) return null;
      if (end < text.length && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1))) return null;
    }
    if (rule.languages && language && !rule.languages.includes(language.slice(0, 2).toLowerCase() as Language)) {
      return null;
    }
    const written = text.slice(start, end);
    if (normalizeForRule(written, rule.caseSensitive, rule.accentSensitive) !== prepared.expected) {
      if (prepared.capitals === null || normalizeForRule(written, true, rule.accentSensitive) !== prepared.capitals) return null;
    }
    const sense = this.contextSense(prepared, text, start, end);
    // Without one sense per page, the neighbourhood alone decides.
    if (!rule.pageSense) return sense === 'ours' || (sense === 'open' && prepared.near.length === 0) ? 'ours' : null;
    return sense;
  }

  /** The neighbouring-word rules: glued phrases first (cheap), then the `within` window. */
  private contextSense(alias: PreparedRule, text: string, start: number, end: number): LocalSense {
    const hasNearby = alias.notNear.length + alias.near.length + alias.cues.length > 0;
    const hasBefore = alias.notPrecededBy.length > 0 || hasNearby;
    const hasAfter = alias.notFollowedBy.length > 0 || hasNearby;
    if (!hasBefore && !hasAfter) return 'open';
    const reach = alias.window * CHARS_PER_WORD;
    const beforeText = hasBefore ? text.slice(Math.max(0, start - reach), start) : '';
    const afterText = hasAfter ? text.slice(end, end + reach).replace(POSSESSIVE, '') : '';
    if (alias.notPrecededBy.length > 0) {
      const glued = toContext(fromLastBreak(beforeText));
      if (alias.notPrecededBy.some((phrase) => phraseAt(glued, glued.words.length - phrase.words.length, phrase))) return 'other';
    }
    if (alias.notFollowedBy.length > 0) {
      const glued = toContext(upToBreak(afterText));
      if (alias.notFollowedBy.some((phrase) => phraseAt(glued, 0, phrase))) return 'other';
    }
    if (!hasNearby) return 'open';
    const before = toContext(beforeText);
    const after = toContext(afterText);
    const nearby = concat(lastWords(before, alias.window), firstWords(after, alias.window));
    if (alias.notNear.some((phrase) => containsPhrase(nearby, phrase))) return 'other';
    const confirms = (phrase: Phrase) => containsPhrase(nearby, phrase);
    return alias.near.some(confirms) || alias.cues.some(confirms) ? 'ours' : 'open';
  }
}
