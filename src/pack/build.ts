/**
 * The pack builder: from a page's document to a knowledge pack (./types.ts). Pure but for the
 * DOM it is given: the same code runs in the browser and in Node (`npm run pack`).
 */
import type { Entity, KnowledgeBase } from '../knowledge/types';
import { MentionMatcher } from '../matching/mention-matcher';
import { settlePageSense } from '../matching/page-sense';
import { extractArticle } from './extract';
import { proposeNames } from './names';
import { collapseWhitespace, splitSentences } from './sentences';
import { summarize } from './summary';
import { asciiSlug, type KnowledgePack, type PackEntity } from '../knowledge/pack';

export class NoArticleError extends Error {
  constructor(source: string) {
    super(`No readable article in ${source}: Readability found no article text there.`);
    this.name = 'NoArticleError';
  }
}

const slug = (name: string) => asciiSlug(name) || 'entity';

/** Builds the pack of the article `document` holds; throws `NoArticleError` when it holds none. */
export function buildPack(document: Document, source: string, kb: Pick<KnowledgeBase, 'entities'>, matcher = MentionMatcher.forKnowledgeBase(kb)): KnowledgePack {
  const article = extractArticle(document);
  if (!article) throw new NoArticleError(source);
  const language = article.language;
  const sentences = splitSentences(`${article.title}\n${article.text}`, language).map(({ sentence }) => collapseWhitespace(sentence));
  const bodySentences = sentences.slice(splitSentences(article.title, language).length);

  // Known entities: the matcher that runs on pages, one sense per article as on a page.
  const mentions = sentences.flatMap((sentence, index) => matcher.find(sentence, language).map((mention) => ({ ...mention, sentence: index, text: sentence.slice(mention.start, mention.end) })));
  const shown = settlePageSense(mentions, matcher.aliases);
  const known = new Map<string, { forms: Set<string>; sentences: Set<number> }>();
  for (const mention of shown) {
    const entry = known.get(mention.entityId) ?? { forms: new Set(), sentences: new Set() };
    entry.forms.add(mention.text);
    entry.sentences.add(mention.sentence);
    known.set(mention.entityId, entry);
  }
  // A context entity of the knowledge base (no aliases of its own: Amazon behind AWS) is known when the
  // article names it by its name; "Google (Alphabet)" is named "Google" or "Alphabet".
  const byName = new Map<string, Entity>();
  for (const entity of kb.entities) {
    for (const name of Object.values(entity.name)) for (const part of [name, ...name.split(/\s*[()]\s*/)]) if (part) byName.set(part.toLocaleLowerCase(), entity);
  }
  // Proposed entities: the names the matcher does not know.
  const proposed: PackEntity[] = [];
  const taken = new Set(kb.entities.map((entity) => entity.id));
  for (const proposal of proposeNames(sentences, language, (form) => matcher.find(form, language).length > 0, new Set(byName.keys()))) {
    const forms = [proposal.name, ...proposal.aliases];
    const entity = forms.map((form) => byName.get(form.toLocaleLowerCase())).find((found) => found !== undefined);
    if (entity) {
      const entry = known.get(entity.id) ?? { forms: new Set(), sentences: new Set() };
      for (const form of forms) entry.forms.add(form);
      for (const index of proposal.sentences) entry.sentences.add(index);
      known.set(entity.id, entry);
      continue;
    }
    let id = slug(proposal.name);
    for (let n = 2; taken.has(id); n++) id = `${slug(proposal.name)}-${n}`;
    taken.add(id);
    proposed.push({
      id,
      name: proposal.name,
      type: proposal.type,
      known: false,
      aliases: proposal.aliases,
      evidence: proposal.sentences.map((index) => sentences[index]!),
    });
  }

  // Known entities first, in the knowledge base's order, their evidence in the article's.
  const entities: PackEntity[] = [];
  for (const entity of kb.entities) {
    const found = known.get(entity.id);
    if (!found) continue;
    const name = entity.name[language === 'fr' ? 'fr' : 'en'];
    entities.push({
      id: entity.id,
      name,
      type: entity.type,
      known: true,
      aliases: [...found.forms].filter((form) => form !== name),
      evidence: [...found.sentences].sort((a, b) => a - b).map((index) => sentences[index]!),
    });
  }
  entities.push(...proposed);

  return {
    article: { title: article.title, language, source, summary: summarize(bodySentences) },
    entities,
  };
}
