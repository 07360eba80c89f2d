/**
 * The organisations and people an article names, proposed with their aliases.
 *
 * One method for both languages, so that English and French are judged alike: names are
 * runs of capitalised words ("Tencent Holdings", « Banque de France »), read in each sentence
 * with the article's own evidence of what is a name (a sentence's first word counts only if
 * the article capitalises it elsewhere too); places, months, titles and common acronyms are
 * set aside by a short lexicon (./lexicon.ts). What kind of name it is comes from the words
 * around it in news writing: a title or a role ("Ms", "the chief executive", « M. », « le PDG »)
 * makes a person, an organisation's word in or before it ("Holdings", « le groupe ») an
 * organisation. For English, the field library compromise adds what its lexicon knows (first
 * names, organisations, places). French gets no such library: compromise's French port is
 * young and knows little of the business press, and the capitalisation rules of French (no
 * capitals on nationalities, months or titles) make the runs themselves a good signal there.
 *
 * Short forms join their full name: a person's surname ("Ma" for "Pony Ma"), an organisation's
 * first or last word ("Tencent" for "Tencent Holdings", "Commission" for "European
 * Commission"), and an acronym made of a name's initials or written in brackets after it.
 */
import nlp from 'compromise';
import {
  CONNECTORS,
  DETERMINERS,
  EMPLOYER_LINKS,
  inLexicon,
  LIST_WORDS,
  LOCATIVES,
  RELATIVES,
  GIVEN_NAMES,
  GOVERNMENT_WORDS,
  LAW_WORDS,
  POSSESSIVES,
  PRODUCT_WORDS,
  LEADING_WORDS,
  NOT_NAMES,
  ORGANISATION_CUES,
  ORGANISATION_WORDS,
  PERSON_CUES,
  PERSON_TITLES,
  NATIONALITIES,
  PLACES,
  PUBLICATION_WORDS,
} from './lexicon';

export type ProposedType = 'person' | 'company' | 'government' | 'publication';

export interface ProposedName {
  name: string;
  type: ProposedType;
  /** Other forms of the name in the article. */
  aliases: string[];
  /** Indexes of the sentences that name it, in order. */
  sentences: number[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** One name as written once in a sentence. */
interface Occurrence {
  form: string;
  /** The run as written, with its determiner or title ("The Information"). */
  written: string;
  sentence: number;
  titled: boolean;
  personCue: boolean;
  organisationCue: boolean;
  /** Next to another name in a list ("Visa and Mastercard", « Nokia et Ericsson »). */
  listed: boolean;
  /** After "in", « à »: a place, likelier than not. */
  located: boolean;
  /** "its Qwen models", « sa citadine R5 »: a product, not its maker. */
  product: boolean;
  /** An acronym written in brackets right after it. */
  bracketed?: string;
}

/** An acronym in brackets: `(TSMC)`, French style `(Anssi)`. */
const BRACKETED = /\(\s*(\p{Lu}[\p{L}\p{N}&-]{1,9})\s*\)/gu;
/** What a name never runs across. */
const CLAUSE_BREAK = /[,;:«»"“”()\[\]]/u;

const TOKEN = /\p{Lu}\.|[\p{L}\p{N}]+(?:[’'&.-][\p{L}\p{N}]+)*|&/gu;
const ELISION = /^(?:[lLdDjJmMnNsStT]|[qQ]u)['’](?=\p{L})/u;
const POSSESSIVE = /['’]s?$/u;

const lower = (word: string) => word.toLocaleLowerCase();
/** Capitalised, and not an adjective made of a name ("Hong Kong-listed", "Paris-based"). */
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word) && !/-\p{Ll}+$/u.test(word);
const isAcronym = (word: string) => /^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u.test(word);

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(TOKEN)) {
    let text = match[0];
    let start = match.index;
    const elided = ELISION.exec(text);
    if (elided) {
      tokens.push({ text: elided[0].slice(0, -1), start, end: start + elided[0].length });
      text = text.slice(elided[0].length);
      start += elided[0].length;
    }
    if (/\p{L}['’]s$/u.test(text) || /\p{L}s['’]$/u.test(text)) text = text.replace(POSSESSIVE, '');
    tokens.push({ text, start, end: start + text.length });
  }
  return tokens;
}

const notAName = (word: string) => NOT_NAMES.has(lower(word)) || NATIONALITIES.has(lower(word));
const isNameWord = (word: string) => isCapitalised(word) && !notAName(word);

/**
 * Names defined by an acronym in brackets, written whole however they are capitalised:
 * "Taiwan Semiconductor Manufacturing Company (TSMC)", « Agence nationale de la sécurité des
 * systèmes d'information (Anssi) ». The name starts at the nearest capitalised word before the
 * bracket, in the same clause, whose initial is the acronym's. Returns, by the start of each
 * token the name covers, where the name ends (its words are not read again as a run).
 */
function bracketedNames(sentence: string, tokens: readonly Token[], sentenceIndex: number, found: Occurrence[]): Map<number, number> {
  const covered = new Map<number, number>();
  for (const match of sentence.matchAll(BRACKETED)) {
    const acronym = match[1]!;
    const before = tokens.filter((token) => token.end <= match.index);
    let start = -1;
    for (let k = before.length - 1; k >= 0 && before.length - k <= 12; k--) {
      if (k < before.length - 1 && CLAUSE_BREAK.test(sentence.slice(before[k]!.end, before[k + 1]!.start))) break;
      const word = before[k]!.text;
      if (isCapitalised(word) && !LEADING_WORDS.has(lower(word)) && !DETERMINERS.has(lower(word)) && lower(word[0]!) === lower(acronym[0]!)) start = k;
    }
    if (start < 0) continue;
    const words = before.slice(start);
    if (words.length < 2) continue;
    const form = sentence.slice(words[0]!.start, words.at(-1)!.end);
    for (const token of words) covered.set(token.start, words.at(-1)!.end + 1);
    const previous = tokens.slice(Math.max(0, start - 3), start).map((token) => lower(token.text));
    found.push({ form, written: form, sentence: sentenceIndex, titled: false, personCue: previous.some((word) => PERSON_CUES.has(word)), organisationCue: true, listed: false, located: false, product: false, bracketed: acronym });
  }
  return covered;
}

/**
 * A sentence's first word that the sentence goes on to introduce as a name: "Meituan, the
 * food-delivery giant, …", "JD.com and PDD Holdings …".
 */
function introduced(sentence: string, tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  if (!next) return false;
  const gap = sentence.slice(tokens[end - 1]!.end, next.start).trim();
  if (gap === ',' && RELATIVES.has(lower(next.text))) return true;
  if (gap === ',') return tokens.slice(end, end + 5).some((token) => inLexicon(ORGANISATION_CUES, lower(token.text)) || inLexicon(PERSON_CUES, lower(token.text)));
  return gap === '' && LIST_WORDS.has(lower(next.text)) && isCapitalised(tokens[end + 1]?.text ?? '');
}

/** Every run of capitalised words in the sentences, with the words around each. */
function occurrencesIn(sentences: readonly string[]): Occurrence[] {
  const tokenized = sentences.map(tokenize);
  // Capitalised somewhere other than first in its sentence: the article's own word that it is a name.
  const capitalisedInside = new Set<string>();
  for (const tokens of tokenized) for (const token of tokens.slice(1)) if (isCapitalised(token.text)) capitalisedInside.add(token.text);

  const found: Occurrence[] = [];
  tokenized.forEach((tokens, sentenceIndex) => {
    const sentence = sentences[sentenceIndex]!;
    const coveredUntil = bracketedNames(sentence, tokens, sentenceIndex, found);
    const joined = (a: Token, b: Token) => /^[\s-]*$/.test(sentence.slice(a.end, b.start)) && !/\n/.test(sentence.slice(a.end, b.start));
    let i = 0;
    while (i < tokens.length) {
      if (!isCapitalised(tokens[i]!.text) || tokens[i]!.start < (coveredUntil.get(tokens[i]!.start) ?? -1)) {
        i++;
        continue;
      }
      // The longest run: capitalised words, joined by connectors, with nothing but spaces between.
      let end = i + 1;
      while (end < tokens.length && joined(tokens[end - 1]!, tokens[end]!)) {
        const word = tokens[end]!.text;
        if (isCapitalised(word)) end++;
        else if (CONNECTORS.has(lower(word)) && end + 1 < tokens.length && isCapitalised(tokens[end + 1]!.text) && joined(tokens[end]!, tokens[end + 1]!)) end += 2;
        else break;
      }
      let first = i;
      const runStart = i;
      const last = end;
      i = end;
      // A sentence's first word is capitalised anyway: part of a name only if the article capitalises it
      // elsewhere, or a capitalised word follows it directly ("Pony Ma said", not "Shares of Tencent").
      const directlyNamed = last > 1 && isCapitalised(tokens[1]!.text);
      if (first === 0 && !capitalisedInside.has(tokens[0]!.text) && !directlyNamed && !introduced(sentence, tokens, last)) first++;
      let titled = false;
      while (first < last) {
        const word = lower(tokens[first]!.text);
        const named = first + 1 < last && isCapitalised(tokens[first + 1]!.text);
        if (PERSON_TITLES.has(word) || PERSON_TITLES.has(`${word}.`)) titled = true;
        else if (first === 0 && LEADING_WORDS.has(word)) {
          // "In Beijing", « Selon Reuters »: the sentence's first word, not the name's.
        } else if (!DETERMINERS.has(word) && !CONNECTORS.has(word) && !(notAName(word) && !(named && NATIONALITIES.has(word)))) break;
        first++;
      }
      let stop = last;
      while (stop > first && (CONNECTORS.has(lower(tokens[stop - 1]!.text)) || notAName(tokens[stop - 1]!.text))) stop--;
      if (stop <= first) continue;
      const words = tokens.slice(first, stop).map((token) => token.text);
      if (!words.some(isNameWord) || words.every((word) => PLACES.has(lower(word)) || CONNECTORS.has(lower(word)))) continue;
      if (words.length === 1 && words[0]!.length < 2) continue;
      const before = tokens.slice(Math.max(0, first - 3), first).map((token) => lower(token.text));
      const after = tokens.slice(stop, stop + 3).map((token) => lower(token.text));
      if (LAW_WORDS.has(lower(words.at(-1)!))) continue;
      // French institutions take lower-case adjectives: « Commission européenne », « Banque centrale européenne ».
      while (stop < tokens.length && stop - first < 3 && ORGANISATION_WORDS.has(lower(words[0]!)) && /^\p{Ll}+(?:ale|al|enne|ien|ique|aise|elle|ière|ier|aire)s?$/u.test(tokens[stop]!.text) && joined(tokens[stop - 1]!, tokens[stop]!)) {
        words.push(tokens[stop]!.text);
        stop++;
      }
      const form = sentence.slice(tokens[first]!.start, tokens[stop - 1]!.end).replace(/['’]s$/u, '');
      const bracket = /^\s*\((\p{Lu}[\p{L}\p{N}&-]{1,9})\)/u.exec(sentence.slice(tokens[stop - 1]!.end));
      const employer = EMPLOYER_LINKS.has(before.at(-1) ?? '') && before.slice(0, -1).some((word) => inLexicon(PERSON_CUES, word));
      const gapBefore = first > 0 ? sentence.slice(tokens[first - 1]!.end, tokens[first]!.start) : '';
      const gapAfter = stop < tokens.length ? sentence.slice(tokens[stop - 1]!.end, tokens[stop]!.start) : '';
      found.push({
        form,
        written: sentence.slice(tokens[runStart]!.start, tokens[stop - 1]!.end),
        sentence: sentenceIndex,
        titled,
        personCue: !employer && [...before, ...after].some((word) => inLexicon(PERSON_CUES, word)),
        organisationCue: employer || [...before, ...after].some((word) => inLexicon(ORGANISATION_CUES, word)) || words.some((word) => ORGANISATION_WORDS.has(lower(word))),
        listed: (LIST_WORDS.has(before.at(-1) ?? '') && first > 1 && isCapitalised(tokens[first - 2]!.text)) || gapBefore.trim() === ',' || (LIST_WORDS.has(after[0] ?? '') && isCapitalised(tokens[stop + 1]?.text ?? '')) || gapAfter.trim() === ',',
        located: LOCATIVES.has(before.at(-1) ?? ''),
        product: POSSESSIVES.has(before.at(-1) ?? '') || [...before, ...after.slice(0, 2)].some((word) => inLexicon(PRODUCT_WORDS, word)),
        ...(bracket ? { bracketed: bracket[1] } : {}),
      });
    }
  });
  return found;
}

/** What compromise's English lexicon says of a name, asked of each name alone (the whole text costs a second). */
function englishHint(form: string): 'person' | 'organisation' | 'place' | undefined {
  const doc = nlp(form);
  if (doc.places().found) return 'place';
  if (doc.people().found) return 'person';
  if (doc.organizations().found) return 'organisation';
  return undefined;
}

interface Candidate {
  form: string;
  words: string[];
  /** The same name written otherwise (in capitals). */
  variants: string[];
  count: number;
  person: number;
  organisation: number;
  sentences: Set<number>;
  listed?: boolean;
  located?: boolean;
  product?: boolean;
  bracketed?: string;
}

const initials = (words: readonly string[]) =>
  words
    .filter((word) => !CONNECTORS.has(lower(word)))
    .map((word) => word[0])
    .join('')
    .toUpperCase();

function typeOf(candidate: Candidate): ProposedType {
  if (candidate.person > candidate.organisation) return 'person';
  const words = candidate.words.map(lower);
  if (words.some((word) => PUBLICATION_WORDS.has(word))) return 'publication';
  if (words.some((word) => GOVERNMENT_WORDS.has(word))) return 'government';
  return 'company';
}

/**
 * The organisations and people named in an article's sentences, with their aliases.
 * `isKnown` says whether a form names an entity the knowledge base already has: such
 * forms (and names built on them, such as "Huawei Technologies") are left to the matcher.
 * `knownNames` (lower case) are the names of the knowledge base's entities: named once
 * is enough for them, the caller tells them apart.
 */
export function proposeNames(sentences: readonly string[], language: string, isKnown: (form: string) => boolean, knownNames: ReadonlySet<string> = new Set()): ProposedName[] {
  const english = language === 'en';
  const byForm = new Map<string, Candidate>();
  for (const occurrence of occurrencesIn(sentences)) {
    if (occurrence.written !== occurrence.form && isKnown(occurrence.written)) continue;
    let candidate = byForm.get(occurrence.form);
    if (!candidate) {
      candidate = { form: occurrence.form, words: occurrence.form.split(/\s+/), variants: [], count: 0, person: 0, organisation: 0, sentences: new Set() };
      byForm.set(occurrence.form, candidate);
    }
    candidate.count++;
    candidate.sentences.add(occurrence.sentence);
    if (occurrence.titled) candidate.person += 3;
    if (occurrence.personCue) candidate.person += 1;
    if (occurrence.organisationCue) candidate.organisation += 2;
    if (occurrence.listed) candidate.listed = true;
    candidate.located = occurrence.located && candidate.located !== false;
    candidate.product = occurrence.product && candidate.product !== false;
    if (occurrence.bracketed) candidate.bracketed = occurrence.bracketed;
  }
  // A name set in capitals (« le groupe RENAULT ») is the same name.
  for (const candidate of [...byForm.values()]) {
    const same = [...byForm.values()].find((other) => other !== candidate && other.form !== other.form.toUpperCase() && other.form.toUpperCase() === candidate.form);
    if (!same) continue;
    same.count += candidate.count;
    same.person += candidate.person;
    same.organisation += candidate.organisation;
    for (const sentence of candidate.sentences) same.sentences.add(sentence);
    same.variants.push(candidate.form);
    byForm.delete(candidate.form);
  }
  for (const candidate of [...byForm.values()]) {
    const hint = english ? englishHint(candidate.form) : undefined;
    if (hint === 'place' && candidate.organisation === 0 && candidate.person === 0) byForm.delete(candidate.form);
    if (hint === 'person') candidate.person += 2;
    if (hint === 'organisation') candidate.organisation += 2;
    if (candidate.words.length === 1 && isAcronym(candidate.form)) candidate.organisation += 2;
    if (candidate.words.length > 1 && candidate.words.length < 4 && GIVEN_NAMES.has(lower(candidate.words[0]!))) candidate.person += 2;
  }

  const all = [...byForm.values()].filter((candidate) => !isKnown(candidate.form));
  // Full names first: the longest form of a name is its head, shorter ones join it.
  const heads = all.filter((candidate) => candidate.words.length > 1).sort((a, b) => b.words.length - a.words.length);
  const groups = new Map<Candidate, Candidate[]>(heads.map((head) => [head, []]));
  const joinedTo = new Map<Candidate, Candidate>();
  const join = (short: Candidate, head: Candidate) => {
    groups.get(head)!.push(short);
    joinedTo.set(short, head);
    groups.delete(short);
  };
  // A longer head that contains a shorter one ("Tencent Holdings Ltd" and "Tencent Holdings").
  for (const head of [...heads].reverse()) {
    const container = heads.find((other) => other !== head && other.words.length > head.words.length && ` ${other.form} `.includes(` ${head.form} `) && groups.has(other));
    if (container) join(head, container);
  }
  for (const candidate of all) {
    if (candidate.words.length > 1) continue;
    const word = candidate.form;
    const liveHeads = heads.filter((head) => groups.has(head));
    const byAcronym = liveHeads.filter((head) => head.bracketed === word || (isAcronym(word) && word.length > 1 && initials(head.words) === word));
    const bySurname = liveHeads.filter((head) => head.person > head.organisation && (head.words.at(-1) === word || (head.words.length === 2 && head.words[0] === word)));
    const byWord = liveHeads.filter((head) => head.person <= head.organisation && (head.words[0] === word || head.words.at(-1) === word));
    const matches = byAcronym.length > 0 ? byAcronym : bySurname.length > 0 ? bySurname : byWord;
    if (matches.length === 1) join(candidate, matches[0]!);
  }

  const proposals: ProposedName[] = [];
  for (const head of all) {
    if (joinedTo.has(head)) continue;
    const members = [head, ...(groups.get(head) ?? [])];
    const merged: Candidate = {
      ...head,
      count: members.reduce((sum, member) => sum + member.count, 0),
      person: members.reduce((sum, member) => sum + member.person, 0),
      organisation: members.reduce((sum, member) => sum + member.organisation, 0),
    };
    // A lone capitalised word needs the article's word that it names someone: a cue, a title, a list of
    // names it stands in, its own capitals (OpenAI), or being named again; after "in" or « à », a place.
    if (members.length === 1 && head.words.length === 1 && !knownNames.has(lower(head.form))) {
      if (/^\p{Lu}{2,}s$/u.test(head.form) || ORGANISATION_WORDS.has(lower(head.form)) || ORGANISATION_CUES.has(lower(head.form))) continue;
      const evidence =
        merged.person + merged.organisation + (head.count > 1 ? 1 : 0) + (head.listed ? 1 : 0) + (/\p{Ll}\p{Lu}/u.test(head.form) ? 1 : 0) - (head.located || head.product ? 2 : 0);
      if (evidence < 1) continue;
    }
    if (members.some((member) => isKnown(member.form))) continue;
    const sentenceIndexes = [...new Set(members.flatMap((member) => [...member.sentences]))].sort((a, b) => a - b);
    proposals.push({
      name: head.form,
      type: typeOf(merged),
      aliases: [...head.variants, ...members.slice(1).flatMap((member) => [member.form, ...member.variants])],
      sentences: sentenceIndexes,
    });
  }
  return proposals;
}
