/** The compiled knowledge base: the contract between the compiler (Node) and the extension. */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Record<Language, string>;

export const ENTITY_TYPES = ['company', 'person', 'government', 'publication', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relations as curated; the compiler adds the inverse of each one. */
export const RELATION_INVERSES = {
  'subsidiary-of': 'parent-of',
  'parent-of': 'subsidiary-of',
  'founded-by': 'founder-of',
  'founder-of': 'founded-by',
  'competitor-of': 'competitor-of',
  'sanctioned-by': 'sanctions',
  sanctions: 'sanctioned-by',
  'reported-by': 'reports-on',
  'reports-on': 'reported-by',
  'part-of': 'includes',
  includes: 'part-of',
} as const;
export type RelationType = keyof typeof RELATION_INVERSES;
/** The relation types an author may write; the others are only derived. */
export const CURATED_RELATION_TYPES = [
  'subsidiary-of',
  'founded-by',
  'competitor-of',
  'sanctioned-by',
  'reported-by',
  'part-of',
] as const satisfies readonly RelationType[];

export type Script = 'latin' | 'cjk' | 'other';

/** One way of writing an entity's name, with the rules that decide when it counts. */
export interface AliasRule {
  text: string;
  caseSensitive: boolean;
  accentSensitive: boolean;
  script: Script;
  /** Only on pages in these languages; absent means every language. */
  languages?: Language[];
  /** Phrases that must not come right after / before the alias. */
  notFollowedBy?: string[];
  notPrecededBy?: string[];
  /** Phrases that reject (notNear) or are required for (near) a mention within `within` words. */
  notNear?: string[];
  near?: string[];
  within?: number;
  /** Phrases within `within` words that confirm the name's sense, without being required (see `pageSense`). */
  cues?: string[];
  /**
   * One sense per page: the name's mentions on a page are read together. Each one's own
   * neighbourhood is evidence (a cue or `near` phrase: ours; a `notNear`, `notFollowedBy`
   * or `notPrecededBy` phrase: the other sense), as is every mention of the entity by
   * another alias; a mention with no evidence of its own takes the page's sense.
   */
  pageSense?: boolean;
  /** Also matches the name set all in capitals (`ALIBABA`): for a proper name that no ordinary word spells. */
  allCaps?: boolean;
}

export interface Relation {
  type: RelationType;
  target: string;
}

export interface Evidence {
  sentence: string;
  /** Index of the paragraph in the article, the title being paragraph 0. */
  paragraph: number;
}

/** What one article says about an entity. */
export interface EntityInArticle {
  articleId: string;
  role: Localized;
  evidence: Evidence[];
}

export interface Entity {
  id: string;
  type: EntityType;
  name: Localized;
  description: Localized;
  note?: Localized;
  /** Context entity not named in any article (reached through relations and search). */
  external: boolean;
  aliases: AliasRule[];
  topics: string[];
  relations: Relation[];
  articles: EntityInArticle[];
}

export interface Topic {
  id: string;
  label: Localized;
}

export interface Article {
  id: string;
  title: string;
  language: Language;
  summary: Localized;
  keyPoints: Localized[];
  topics: string[];
  /** An article the reader added (a stored pack): where it was read, and when it was added (ISO 8601). */
  source?: string;
  addedAt?: string;
}

export interface KnowledgeBase {
  articles: Article[];
  topics: Topic[];
  entities: Entity[];
}
