/** Sentences as the compiler and the pack builder cut them: `Intl.Segmenter`, per paragraph. */

/** One run of white space becomes one space: how every sentence of a pack is written. */
export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A sentence that ends on an abbreviation's full stop goes on in the next segment. */
const ABBREVIATION_END = /(?:^|[\s(.])(?:\p{Lu}|Co|Corp|Inc|Ltd|Mr|Mrs|Ms|Dr|St|Jr|Sr|Mme|Mlle|Me|Pr|vs|No)\.$/u;

/** Paragraphs are the text's non-empty lines; in an article file, the title is paragraph 0. */
export function splitSentences(text: string, language: string): Array<{ sentence: string; paragraph: number }> {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const paragraphs = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return paragraphs.flatMap((paragraph, index) => {
    const sentences: string[] = [];
    for (const { segment } of segmenter.segment(paragraph)) {
      const sentence = segment.trim();
      if (sentence === '') continue;
      // The segmenter ends a sentence at any full stop before a capital: "Co. Limited", "C.C. Wei", "M. Dupont".
      if (sentences.length > 0 && ABBREVIATION_END.test(sentences.at(-1)!)) sentences[sentences.length - 1] += ` ${sentence}`;
      else sentences.push(sentence);
    }
    return sentences.map((sentence) => ({ sentence, paragraph: index }));
  });
}
