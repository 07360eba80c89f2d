/**
 * An extractive summary: the article's own sentences that say the most of what the rest says.
 *
 * TextRank (Mihalcea and Tarau, 2004): sentences are the nodes of a graph, linked by how many
 * content words they share (normalised by the logarithms of their lengths, so that long
 * sentences do not win by length alone), and ranked by PageRank over that graph. The best 3
 * to 5 (a fifth of the article, within those bounds) are kept in the article's order. Ties,
 * and articles too short to rank, fall back to the lead (the first sentences), the baseline
 * every news summariser is measured against.
 */

const DAMPING = 0.85;
const ITERATIONS = 40;
const MIN_SENTENCES = 3;
const MAX_SENTENCES = 5;

/** Words too common to say what two sentences share (both languages; names and content words remain). */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his in into is it its of on or our said says she that the their them they this to was were which who will with would ' +
    'au aux avec ce ces cette dans de des du elle en est et il ils la le les leur lui mais ne ont ou par pas plus pour qu que qui sa se ses son sont sur un une été être a'
  ).split(' '),
);

function contentWords(sentence: string): Set<string> {
  const words = sentence.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
  return new Set(words.map((word) => word.replace(/^[ldjcmnst]'/, '')).filter((word) => word.length > 2 && !STOP_WORDS.has(word)));
}

/** TextRank scores, one per sentence. */
export function rankSentences(sentences: readonly string[]): number[] {
  const words = sentences.map(contentWords);
  const n = sentences.length;
  const weights = words.map((a, i) =>
    words.map((b, j) => {
      if (i === j || a.size < 2 || b.size < 2) return 0;
      let shared = 0;
      for (const word of a) if (b.has(word)) shared++;
      return shared / (Math.log(a.size) + Math.log(b.size));
    }),
  );
  const outTotals = weights.map((row) => row.reduce((sum, weight) => sum + weight, 0));
  let scores = new Array<number>(n).fill(1);
  for (let round = 0; round < ITERATIONS; round++) {
    scores = scores.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < n; j++) if (weights[j]![i]! > 0) incoming += (weights[j]![i]! / outTotals[j]!) * scores[j]!;
      return 1 - DAMPING + DAMPING * incoming;
    });
  }
  return scores;
}

/** The summary's sentences, in the article's order. */
export function summarize(sentences: readonly string[]): string[] {
  const count = Math.min(MAX_SENTENCES, Math.max(MIN_SENTENCES, Math.round(sentences.length / 5)));
  if (sentences.length <= count) return [...sentences];
  const scores = rankSentences(sentences);
  // Equal scores keep the earlier sentence: the lead breaks ties.
  const chosen = sentences
    .map((_, index) => index)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
  return chosen.map((index) => sentences[index]!);
}
