import type { AliasRule, KnowledgeBase, Language } from '../knowledge/types';
import { buildAutomaton, scanText, type Automaton } from './automaton';
import { foldedWords, isWordChar, normalizeForRule } from './fold';

/** An alias of an entity, as the matcher receives it. */
export interface MatchableAlias {
  entityId: string;
  rule: AliasRule;
}

export interface Mention {
  /** Offsets in the scanned text (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  entityId: string;
  /** Index of the alias in the matcher's list: says which alias and rule fired. */
  alias: number;
}

const DEFAULT_WINDOW_WORDS = 12;
/** Characters read around a mention for context rules: enough for the widest word window. */
const CHARS_PER_WORD = 16;

interface PreparedAlias extends MatchableAlias {
  expected: string;
  needsBoundaries: boolean;
  notFollowedBy: string[][];
  notPrecededBy: string[][];
  notNear: string[][];
  near: string[][];
  window: number;
}

function prepare(alias: MatchableAlias): PreparedAlias {
  const { rule } = alias;
  const words = (phrases: string[] | undefined) => (phrases ?? []).map(foldedWords).filter((w) => w.length > 0);
  return {
    ...alias,
    expected: normalizeForRule(rule.text, rule.caseSensitive, rule.accentSensitive),
    needsBoundaries: rule.script !== 'cjk',
    notFollowedBy: words(rule.notFollowedBy),
    notPrecededBy: words(rule.notPrecededBy),
    notNear: words(rule.notNear),
    near: words(rule.near),
    window: rule.within ?? DEFAULT_WINDOW_WORDS,
  };
}

function startsWithPhrase(words: string[], phrase: string[]): boolean {
  return phrase.every((word, i) => words[i] === word);
}

function endsWithPhrase(words: string[], phrase: string[]): boolean {
  const offset = words.length - phrase.length;
  return offset >= 0 && phrase.every((word, i) => words[offset + i] === word);
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}

/** A possessive or elision right after a name is not a word of its context (`Alibaba's forty thieves`). */
const POSSESSIVE = /^['\u2019](s\b)?/;

/**
 * Finds the knowledge base's mentions in plain text: one automaton for every
 * alias, then each candidate is checked against its alias's rules (case,
 * accents, word boundaries, language, neighbouring words) and overlapping
 * candidates are resolved leftmost-longest.
 */
export class MentionMatcher {
  readonly aliases: readonly PreparedAlias[];
  private readonly automaton: Automaton;

  /** Every alias of every entity, in the knowledge base's order (a mention's `alias` indexes this list). */
  static forKnowledgeBase(kb: Pick<KnowledgeBase, 'entities'>): MentionMatcher {
    return new MentionMatcher(kb.entities.flatMap((entity) => entity.aliases.map((rule) => ({ entityId: entity.id, rule }))));
  }

  constructor(aliases: readonly MatchableAlias[]) {
    this.aliases = aliases.map(prepare);
    this.automaton = buildAutomaton(aliases.map((alias) => alias.rule.text));
  }

  /** Mentions in `text`, sorted and non-overlapping. `language` is the text's language when known. */
  find(text: string, language?: string): Mention[] {
    const candidates: Mention[] = [];
    scanText(this.automaton, text, (alias, start, end) => {
      if (this.accepts(this.aliases[alias]!, text, start, end, language)) {
        candidates.push({ start, end, entityId: this.aliases[alias]!.entityId, alias });
      }
    });
    if (candidates.length < 2) return candidates;
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
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

  private accepts(alias: PreparedAlias, text: string, start: number, end: number, language?: string): boolean {
    const { rule } = alias;
    if (alias.needsBoundaries) {
      if (start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) return false;
      if (end < text.length && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1))) return false;
    }
    if (rule.languages && language && !rule.languages.includes(language.slice(0, 2).toLowerCase() as Language)) {
      return false;
    }
    if (normalizeForRule(text.slice(start, end), rule.caseSensitive, rule.accentSensitive) !== alias.expected) {
      return false;
    }
    return this.contextAllows(alias, text, start, end);
  }

  private contextAllows(alias: PreparedAlias, text: string, start: number, end: number): boolean {
    const hasBefore = alias.notPrecededBy.length + alias.notNear.length + alias.near.length > 0;
    const hasAfter = alias.notFollowedBy.length + alias.notNear.length + alias.near.length > 0;
    if (!hasBefore && !hasAfter) return true;
    const reach = alias.window * CHARS_PER_WORD;
    const before = hasBefore ? foldedWords(text.slice(Math.max(0, start - reach), start)) : [];
    const after = hasAfter ? foldedWords(text.slice(end, end + reach).replace(POSSESSIVE, '')) : [];
    if (alias.notPrecededBy.some((phrase) => endsWithPhrase(before, phrase))) return false;
    if (alias.notFollowedBy.some((phrase) => startsWithPhrase(after, phrase))) return false;
    if (alias.notNear.length + alias.near.length === 0) return true;
    const nearby = [...before.slice(-alias.window), ...after.slice(0, alias.window)];
    if (alias.notNear.some((phrase) => containsPhrase(nearby, phrase))) return false;
    return alias.near.length === 0 || alias.near.some((phrase) => containsPhrase(nearby, phrase));
  }
}
