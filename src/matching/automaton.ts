import { APOSTROPHES, CharKind, charKind, foldChar, foldText, HYPHENS } from './fold';

/**
 * An Aho–Corasick automaton over folded text, compiled to a dense transition
 * table: scanning costs one table read per character whatever the number of
 * patterns, and folding is a single lookup in `classOf`.
 */

const IGNORABLE_CLASS = 1;
const SPACE_CLASS = 2;
const FIRST_LETTER_CLASS = 3;
/** Longest pattern, in folded characters; the position ring must hold that many. */
export const MAX_PATTERN_LENGTH = 256;
const RING_MASK = MAX_PATTERN_LENGTH - 1;

/** Code points folded in advance: Latin (with accents) and general punctuation. */
const FOLDED_RANGES: Array<[number, number]> = [
  [0x20, 0x24f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0xff01, 0xff5e],
];

export interface Automaton {
  /** Character code → class (0: not in any pattern). */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /** state * classCount + class → next state. */
  readonly delta: Int32Array;
  /** First pattern ending exactly at a state, or -1. */
  readonly ownPattern: Int32Array;
  /** Next pattern with the same folded text, or -1. */
  readonly nextPattern: Int32Array;
  /** Nearest state down the failure chain that ends a pattern, or -1. */
  readonly dictionaryLink: Int32Array;
  /** Folded length of each pattern. */
  readonly patternLength: Int32Array;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const folded = patterns.map((pattern) => foldText(pattern));
  const classOf = new Uint16Array(0x10000);
  const classByChar = new Map<string, number>([[' ', SPACE_CLASS]]);
  for (const text of folded) {
    if (text.length === 0 || text.length > MAX_PATTERN_LENGTH) {
      throw new Error(`pattern length must be 1–${MAX_PATTERN_LENGTH} characters: "${text}"`);
    }
    // One UTF-16 unit at a time, as the scan reads text (an astral character is two classes).
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (!classByChar.has(ch)) classByChar.set(ch, FIRST_LETTER_CLASS + classByChar.size - 1);
    }
  }
  const classCount = FIRST_LETTER_CLASS + classByChar.size - 1;

  const assign = (code: number) => {
    const kind = charKind(code);
    if (kind === CharKind.Space) classOf[code] = SPACE_CLASS;
    else if (kind === CharKind.Ignorable) classOf[code] = IGNORABLE_CLASS;
    else classOf[code] = classByChar.get(foldChar(String.fromCharCode(code))) ?? 0;
  };
  for (const [from, to] of FOLDED_RANGES) for (let code = from; code <= to; code++) assign(code);
  for (let code = 0; code < 0x20; code++) assign(code);
  for (const code of [0x1680, 0x3000, 0xfeff]) assign(code);
  // Typographic variants outside those ranges (modifier-letter apostrophe U+02BC, minus sign U+2212).
  for (const ch of APOSTROPHES + HYPHENS) assign(ch.charCodeAt(0));
  for (let code = 0x300; code <= 0x36f; code++) classOf[code] = IGNORABLE_CLASS;
  // Characters outside the ranges above (CJK, Greek, Cyrillic): the pattern's own and their capitals.
  for (const ch of classByChar.keys()) {
    for (const variant of [ch, ch.toUpperCase()]) {
      if (variant.length === 1 && classOf[variant.charCodeAt(0)] === 0) assign(variant.charCodeAt(0));
    }
  }

  // The trie, built straight into the transition table: a state never has more
  // states than pattern characters plus the root, so one allocation holds it.
  let capacity = 1;
  for (const text of folded) capacity += text.length;
  const table = new Int32Array(capacity * classCount);
  const trieOwn = new Int32Array(capacity).fill(-1);
  const nextPattern = new Int32Array(patterns.length).fill(-1);
  const patternLength = new Int32Array(patterns.length);
  let stateCount = 1;
  folded.forEach((text, index) => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const slot = state * classCount + classByChar.get(text.charAt(i))!;
      if (table[slot] === 0) table[slot] = stateCount++;
      state = table[slot]!;
    }
    nextPattern[index] = trieOwn[state]!;
    trieOwn[state] = index;
    patternLength[index] = text.length;
  });

  // Breadth-first, completing each row from its failure state's finished row: a
  // slot that is still 0 has no trie child (the root is nobody's child) and takes
  // the failure state's transition.
  // Views, not copies: copying a table of 10,000 aliases was a fifth of the build.
  const delta = table.subarray(0, stateCount * classCount);
  const ownPattern = trieOwn.subarray(0, stateCount);
  const fail = new Int32Array(stateCount);
  const dictionaryLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let tail = 0;
  for (let cls = 0; cls < classCount; cls++) {
    if (delta[cls] !== 0) queue[tail++] = delta[cls]!;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const failure = fail[state]!;
    dictionaryLink[state] = ownPattern[failure] !== -1 ? failure : dictionaryLink[failure]!;
    const row = state * classCount;
    const failureRow = failure * classCount;
    for (let cls = 0; cls < classCount; cls++) {
      const child = delta[row + cls]!;
      if (child === 0) {
        delta[row + cls] = delta[failureRow + cls]!;
      } else {
        fail[child] = delta[failureRow + cls]!;
        queue[tail++] = child;
      }
    }
  }

  return { classOf, classCount, delta, ownPattern, nextPattern, dictionaryLink, patternLength };
}

/**
 * Calls `onMatch(pattern, start, end)` for every occurrence of every pattern in
 * `text` (overlapping ones included), with offsets in `text` itself.
 */
export function scanText(
  automaton: Automaton,
  text: string,
  onMatch: (pattern: number, start: number, end: number) => void,
): void {
  const { classOf, classCount, delta, ownPattern, nextPattern, dictionaryLink, patternLength } = automaton;
  const positions = scanRing;
  let state = 0;
  let consumed = 0;
  let afterSpace = true;
  for (let i = 0, n = text.length; i < n; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls === IGNORABLE_CLASS) continue;
    if (cls === SPACE_CLASS) {
      if (afterSpace) continue;
      afterSpace = true;
    } else {
      afterSpace = false;
    }
    positions[consumed & RING_MASK] = i;
    consumed++;
    state = delta[state * classCount + cls]!;
    if (state === 0) continue;
    let ending = ownPattern[state] !== -1 ? state : dictionaryLink[state]!;
    while (ending !== -1) {
      for (let pattern = ownPattern[ending]!; pattern !== -1; pattern = nextPattern[pattern]!) {
        onMatch(pattern, positions[(consumed - patternLength[pattern]!) & RING_MASK]!, i + 1);
      }
      ending = dictionaryLink[ending]!;
    }
  }
}

const scanRing = new Int32Array(MAX_PATTERN_LENGTH);
