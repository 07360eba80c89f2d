/**
 * A knowledge pack: what one article adds to the reader's knowledge base. `npm run --silent pack`
 * prints exactly this shape, and options' import reads it back (a contract for checks outside
 * the project: change it only with them).
 */
import type { EntityType } from '../knowledge/types';

export interface PackArticle {
  title: string;
  /** The page's `<html lang>` (its primary subtag), else the language detected from the text. */
  language: string;
  /** The address the article was read from (a file's path for the CLI). */
  source: string;
  /** 3 to 5 of the article's own sentences, in the article's order. */
  summary: string[];
}

export interface PackEntity {
  /** The knowledge base's id for a known entity; a slug of the name for a proposed one. */
  id: string;
  name: string;
  type: EntityType;
  /** True for an entity of the bundled knowledge base, false for one proposed from this article. */
  known: boolean;
  /** The other forms the article names it by (a known entity's: the forms found in the article). */
  aliases: string[];
  /** The article's sentences that name it, whitespace collapsed. */
  evidence: string[];
}

export interface KnowledgePack {
  article: PackArticle;
  entities: PackEntity[];
}
