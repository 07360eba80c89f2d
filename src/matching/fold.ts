/**
 * Character folding shared by the automaton and the rule checks.
 * Everything here works one UTF-16 unit at a time so that offsets in the folded
 * text can be mapped back to the page's text without a second pass.
 */

/** Apostrophe variants seen in news text (typographic quotes, modifier letter, prime). */
export const APOSTROPHES = "'\u2019\u2018\u02BC\u2032\uFF07";
/** Hyphen and dash variants (non-breaking hyphen, figure dash, en and em dash, minus). */
export const HYPHENS = '-\u2010\u2011\u2012\u2013\u2014\u2212';

export const enum CharKind {
  Other = 0,
  /** Zero-width characters and combining marks: invisible to matching. */
  Ignorable = 1,
  Space = 2,
}

export function charKind(code: number): CharKind {
  if (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  ) {
    return CharKind.Space;
  }
  if (
    isCombiningMark(code) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff
  ) {
    return CharKind.Ignorable;
  }
  return CharKind.Other;
}

/** Combining diacritical marks, which decomposed (NFD) text puts after their letter. */
export function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/**
 * Folds one character: lower case, accents removed, one apostrophe, one hyphen.
 * Returns '' for ignorable characters and ' ' for every kind of space.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const kind = charKind(code);
  if (kind === CharKind.Space) return ' ';
  if (kind === CharKind.Ignorable) return '';
  if (APOSTROPHES.includes(ch)) return "'";
  if (HYPHENS.includes(ch)) return '-';
  if (code < 0x80) return ch.toLowerCase();
  const base = ch.normalize('NFD').charAt(0);
  // Some lower-case forms are two units long (İ → i̇): the first one is the letter.
  return base.toLowerCase().charAt(0);
}

/** Printable ASCII and ASCII spaces: folding is then only lower case and collapsed spaces. */
const PLAIN_ASCII = /^[\t-\r\x20-\x7e]*$/;
const ASCII_SPACES = /[\t-\r ]+/g;

/** Folds a whole string as the automaton sees it: spaces collapsed, ends trimmed. */
export function foldText(text: string): string {
  // Fast path for the common case (10,000 aliases must build in milliseconds).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SPACES, ' ').trim();
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const folded = ch.length === 1 ? foldChar(ch) : ch;
    if (folded === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += folded;
  }
  return out.trimEnd();
}

/**
 * Normalises text for an exact comparison under an alias's rules: typographic
 * variants unified, but case and accents kept unless the rule says otherwise.
 */
export function normalizeForRule(text: string, caseSensitive: boolean, accentSensitive: boolean): string {
  let out = '';
  for (const ch of text.normalize(accentSensitive ? 'NFC' : 'NFD')) {
    const code = ch.charCodeAt(0);
    const kind = charKind(code);
    if (kind === CharKind.Space) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else if (kind !== CharKind.Ignorable) {
      if (APOSTROPHES.includes(ch)) out += "'";
      else if (HYPHENS.includes(ch)) out += '-';
      else out += ch;
    }
  }
  out = out.trimEnd();
  return caseSensitive ? out : out.toLowerCase();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}_]/u;

/** Characters that glue onto a Latin-script name (so `Alibabas` is not `Alibaba`); CJK never does. */
export function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  }
  return LETTER_OR_DIGIT.test(ch) && !CJK.test(ch);
}

export function scriptOf(text: string): 'latin' | 'cjk' | 'other' {
  if (CJK.test(text)) return 'cjk';
  if (/\p{Script=Latin}/u.test(text)) return 'latin';
  return 'other';
}

const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Combining marks and invisible characters: dropped from words (`Pékin` → `Pekin`, `Ali\u00ADbaba` → `Alibaba`). */
const INVISIBLE_IN_WORDS = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Words of a text for the context rules, accents removed but case kept
 * (punctuation is not a word). CJK text has no spaces: each of its characters
 * counts as a word, so that a rule phrase such as 四十大盗 is found inside
 * 阿里巴巴与四十大盗.
 */
export function contextWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(INVISIBLE_IN_WORDS, '')
    .replace(CJK_CHARS, ' $& ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A context word compared without case (`İ` lower-cases to `i` plus a mark, dropped too). */
export function lowerWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(INVISIBLE_IN_WORDS, '');
}
