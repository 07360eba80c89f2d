import { APOSTROPHES, CharKind, charKind, foldChar, foldText, HYPHENS } from './fold';

/**
 * An Aho–Corasick automaton over folded text, folding being a single lookup in
 * `classOf`. States near the root, where a scan spends nearly all its time, have
 * a full row of transitions; deeper ones keep only their trie children and fall
 * back along failure links. A scan then reads a few table entries per character
 * however many patterns there are, and the build stays small: a full row for
 * every state of 10,000 aliases was 28 MB and most of the build time.
 */

const IGNORABLE_CLASS = 1;
const SPACE_CLASS = 2;
/** Longest pattern, in folded characters; the position ring must hold that many. */
export const MAX_PATTERN_LENGTH = 256;
const RING_MASK = MAX_PATTERN_LENGTH - 1;
/** States this close to the root get a full row: text rarely goes deeper into a pattern. */
const FULL_ROW_DEPTH = 3;
/** So do states with this many children: a state without a full row has at most 3 children to look through. */
const FULL_ROW_CHILDREN = 4;

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
  /** State → offset of its full row in `rows`, or -1 if it keeps only its children. */
  readonly rowOf: Int32Array;
  /** rowOf[state] + class → next state. */
  readonly rows: Int32Array;
  /** Trie children of a state, as a list: first child, then each child's next sibling (-1 ends). */
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** Class of the character that leads to a state from its parent. */
  readonly edgeClass: Uint16Array;
  /** Longest proper suffix of a state's text that is also a state. */
  readonly failure: Int32Array;
  /** First pattern ending exactly at a state, or -1. */
  readonly ownPattern: Int32Array;
  /** Next pattern with the same folded text, or -1. */
  readonly nextPattern: Int32Array;
  /** Nearest state that ends a pattern, the state itself or down its failure chain, or -1. */
  readonly endingLink: Int32Array;
  /** Folded length of each pattern. */
  readonly patternLength: Int32Array;
}

/** The state after reading a character of class `cls` in `state`. */
function nextState(automaton: Automaton, state: number, cls: number): number {
  const { rowOf, rows, firstChild, nextSibling, edgeClass, failure } = automaton;
  for (;;) {
    const row = rowOf[state]!;
    if (row !== -1) return rows[row + cls]!;
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      if (edgeClass[child] === cls) return child;
    }
    // The root has a full row, so this ends.
    state = failure[state]!;
  }
}

/** How each code point of FOLDED_RANGES folds (0: to nothing), worked out once: it is the same for every automaton. */
let foldedRangeCodes: Uint16Array | undefined;
function foldedCodeTable(): Uint16Array {
  if (foldedRangeCodes) return foldedRangeCodes;
  foldedRangeCodes = new Uint16Array(0x10000);
  for (const [from, to] of FOLDED_RANGES) {
    for (let code = from; code <= to; code++) foldedRangeCodes[code] = foldChar(String.fromCharCode(code)).charCodeAt(0) || 0;
  }
  return foldedRangeCodes;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const folded = patterns.map((pattern) => foldText(pattern));
  for (const text of folded) {
    if (text.length === 0 || text.length > MAX_PATTERN_LENGTH) {
      throw new Error(`pattern length must be 1–${MAX_PATTERN_LENGTH} characters: "${text}"`);
    }
  }
  // In steps of their own: V8 then optimises each step's loops sooner, and in a
  // fresh page the first builds ran mostly unoptimised (median 45 → 24 ms in Chromium).
  const trie = buildTrie(folded);
  return linkStates(trie, classTable(trie.classOfFolded, trie.patternUnits));
}

/** The patterns' trie, in typed arrays sized for the worst case (one state per pattern character, plus the root). */
interface Trie {
  stateCount: number;
  classCount: number;
  /** Class of each folded character. */
  classOfFolded: Uint16Array;
  /** Each folded character of the patterns but the space, once. */
  patternUnits: number[];
  firstChild: Int32Array;
  nextSibling: Int32Array;
  edgeClass: Uint16Array;
  depth: Uint16Array;
  childCount: Int32Array;
  ownPattern: Int32Array;
  nextPattern: Int32Array;
  patternLength: Int32Array;
}

/**
 * The trie of the folded patterns, each state's children as a list. Classes are
 * numbered as characters first appear, one UTF-16 unit at a time as the scan
 * reads text (an astral character is two classes).
 */
function buildTrie(folded: readonly string[]): Trie {
  let capacity = 1;
  for (const text of folded) capacity += text.length;
  const classOfFolded = new Uint16Array(0x10000);
  classOfFolded[0x20] = SPACE_CLASS;
  let classCount = SPACE_CLASS + 1;
  const patternUnits: number[] = [];
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const edgeClass = new Uint16Array(capacity);
  const depth = new Uint16Array(capacity);
  const childCount = new Int32Array(capacity);
  const ownPattern = new Int32Array(capacity).fill(-1);
  const nextPattern = new Int32Array(folded.length).fill(-1);
  const patternLength = new Int32Array(folded.length);
  let stateCount = 1;
  for (let index = 0; index < folded.length; index++) {
    const text = folded[index]!;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let cls = classOfFolded[unit]!;
      if (cls === 0) {
        cls = classOfFolded[unit] = classCount++;
        patternUnits.push(unit);
      }
      let child = firstChild[state]!;
      while (child !== -1 && edgeClass[child] !== cls) child = nextSibling[child]!;
      if (child === -1) {
        child = stateCount++;
        edgeClass[child] = cls;
        depth[child] = i + 1;
        nextSibling[child] = firstChild[state]!;
        firstChild[state] = child;
        childCount[state] = childCount[state]! + 1;
      }
      state = child;
    }
    nextPattern[index] = ownPattern[state]!;
    ownPattern[state] = index;
    patternLength[index] = text.length;
  }
  return { stateCount, classCount, classOfFolded, patternUnits, firstChild, nextSibling, edgeClass, depth, childCount, ownPattern, nextPattern, patternLength };
}

/** Character code → class, for every code that can fold onto a pattern's character. */
function classTable(classOfFolded: Uint16Array, patternUnits: readonly number[]): Uint16Array {
  const classOf = new Uint16Array(0x10000);
  const foldedCode = foldedCodeTable();
  const assign = (code: number, foldsTo: number) => {
    const kind = charKind(code);
    classOf[code] = kind === CharKind.Space ? SPACE_CLASS : kind === CharKind.Ignorable ? IGNORABLE_CLASS : classOfFolded[foldsTo]!;
  };
  const assignFolding = (code: number) => assign(code, foldChar(String.fromCharCode(code)).charCodeAt(0) || 0);
  for (const [from, to] of FOLDED_RANGES) for (let code = from; code <= to; code++) assign(code, foldedCode[code]!);
  for (let code = 0; code < 0x20; code++) assignFolding(code);
  for (const code of [0x1680, 0x3000, 0xfeff]) assignFolding(code);
  // Typographic variants outside those ranges (modifier-letter apostrophe U+02BC, minus sign U+2212).
  for (const ch of APOSTROPHES + HYPHENS) assignFolding(ch.charCodeAt(0));
  for (let code = 0x300; code <= 0x36f; code++) classOf[code] = IGNORABLE_CLASS;
  // Characters outside the ranges above (CJK, Greek, Cyrillic): the pattern's own and their capitals.
  for (const unit of patternUnits) {
    const ch = String.fromCharCode(unit);
    for (const variant of [ch, ch.toUpperCase()]) {
      if (variant.length === 1 && classOf[variant.charCodeAt(0)] === 0) assignFolding(variant.charCodeAt(0));
    }
  }
  return classOf;
}

/**
 * Full rows, failure and ending links, breadth-first so that a state's failure
 * (shallower) has its own failure and row before the state's children and row
 * are worked out from it.
 */
function linkStates(trie: Trie, classOf: Uint16Array): Automaton {
  const { stateCount, classCount, firstChild, nextSibling, edgeClass, depth, childCount, ownPattern } = trie;
  const rowOf = new Int32Array(stateCount);
  let rowCount = 0;
  for (let state = 0; state < stateCount; state++) {
    rowOf[state] = depth[state]! <= FULL_ROW_DEPTH || childCount[state]! >= FULL_ROW_CHILDREN ? rowCount++ * classCount : -1;
  }
  const rows = new Int32Array(rowCount * classCount);
  const failure = new Int32Array(stateCount);
  const endingLink = new Int32Array(stateCount).fill(-1);
  const automaton: Automaton = {
    classOf,
    classCount,
    rowOf,
    rows,
    firstChild: firstChild.subarray(0, stateCount),
    nextSibling: nextSibling.subarray(0, stateCount),
    edgeClass: edgeClass.subarray(0, stateCount),
    failure,
    ownPattern: ownPattern.subarray(0, stateCount),
    nextPattern: trie.nextPattern,
    endingLink,
    patternLength: trie.patternLength,
  };
  // The root's children fall back to the root, and its row holds nothing but them.
  const queue = new Int32Array(stateCount);
  let tail = 0;
  for (let child = firstChild[0]!; child !== -1; child = nextSibling[child]!) {
    rows[edgeClass[child]!] = child;
    queue[tail++] = child;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const fallback = failure[state]!;
    const fallbackRow = rowOf[fallback]!;
    endingLink[state] = ownPattern[state] !== -1 ? state : endingLink[fallback]!;
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      const cls = edgeClass[child]!;
      // nextState, with the failure's row read once for all the children.
      failure[child] = fallbackRow !== -1 ? rows[fallbackRow + cls]! : nextState(automaton, fallback, cls);
      queue[tail++] = child;
    }
    const row = rowOf[state]!;
    if (row === -1) continue;
    // The failure's transitions, then the state's own children.
    if (fallbackRow !== -1) rows.copyWithin(row, fallbackRow, fallbackRow + classCount);
    else for (let cls = SPACE_CLASS; cls < classCount; cls++) rows[row + cls] = nextState(automaton, fallback, cls);
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) rows[row + edgeClass[child]!] = child;
  }
  return automaton;
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
  const { classOf, rowOf, rows, failure, ownPattern, nextPattern, endingLink, patternLength } = automaton;
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
    // Inline, the full row that nearly every state the scan is in has: a call per character is measurably slower.
    const row = rowOf[state]!;
    state = row !== -1 ? rows[row + cls]! : nextState(automaton, state, cls);
    for (let ending = endingLink[state]!; ending !== -1; ending = endingLink[failure[ending]!]!) {
      for (let pattern = ownPattern[ending]!; pattern !== -1; pattern = nextPattern[pattern]!) {
        onMatch(pattern, positions[(consumed - patternLength[pattern]!) & RING_MASK]!, i + 1);
      }
    }
  }
}

const scanRing = new Int32Array(MAX_PATTERN_LENGTH);
