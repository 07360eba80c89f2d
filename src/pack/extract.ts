/**
 * The article of a page, read by Firefox Reader View's library from a copy of the document:
 * Readability rewrites what it reads, and the page is never ours to change.
 */
import { Readability } from '@mozilla/readability';
import { collapseWhitespace } from './sentences';

export interface ExtractedArticle {
  title: string;
  /** Primary language subtag: `<html lang>`, else detected from the text. */
  language: string;
  /** One paragraph per line, whitespace collapsed within each. */
  text: string;
}

/** Less text than this is not an article (a menu, a cookie notice): about two sentences of news. */
const MIN_ARTICLE_CHARACTERS = 200;

/** Elements whose text is one paragraph of the article. */
const PARAGRAPHS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, th, figcaption, dd, dt';

/** Frequent words that only one of our languages has: enough to tell an English page from a French one. */
const FUNCTION_WORDS: Record<'en' | 'fr', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'was', 'for', 'with', 'on', 'said', 'its', 'by', 'which', 'has', 'have', 'from', 'this', 'would']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'du', 'un', 'une', 'est', 'dans', 'que', 'qui', 'pour', 'sur', 'au', 'aux', 'avec', 'par', 'pas', 'ce', 'sont', 'été']),
};

/** English or French, from the share of each language's function words (English when neither shows). */
export function detectLanguage(text: string): 'en' | 'fr' {
  let en = 0;
  let fr = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FUNCTION_WORDS.en.has(word)) en++;
    if (FUNCTION_WORDS.fr.has(word)) fr++;
  }
  return fr > en ? 'fr' : 'en';
}

/** The text of an element's paragraphs, in order, each once (a paragraph inside a list item counts once). */
function paragraphsOf(root: Element): string[] {
  const blocks = [...root.querySelectorAll(PARAGRAPHS)].filter((element) => !element.parentElement?.closest(PARAGRAPHS));
  const texts = (blocks.length > 0 ? blocks : [root]).map((element) => collapseWhitespace(element.textContent ?? ''));
  return texts.filter((text) => text !== '');
}

/**
 * The article a document holds, or null when Readability finds none. `document` is cloned
 * first: Readability takes the copy apart, never the page.
 */
export function extractArticle(document: Document): ExtractedArticle | null {
  const copy = document.cloneNode(true) as Document;
  const article = new Readability<Element>(copy, { serializer: (node) => node as Element }).parse();
  if (!article?.content) return null;
  const paragraphs = paragraphsOf(article.content);
  const title = collapseWhitespace(article.title ?? '');
  // Readability returns whatever text it can find; a page is an article when it holds a few sentences of it.
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARACTERS) return null;
  // Readability keeps the headline in the body on some pages: the title is said once.
  if (paragraphs[0] === title) paragraphs.shift();
  const text = paragraphs.join('\n');
  const declared = document.documentElement.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0];
  return { title, language: declared || detectLanguage(`${title}\n${text}`), text };
}
