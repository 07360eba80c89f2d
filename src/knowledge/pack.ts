/**
 * A knowledge pack: what one article adds to the reader's knowledge base. `npm run --silent pack`
 * prints exactly `KnowledgePack`; the options page exports a `StoredPack` (the same, plus the
 * fields the extension keeps with it) and imports either. A contract for checks outside the
 * project: change it only with them.
 *
 * One schema (valibot: about 1.5 kB gzipped, where zod's smallest build is 5 kB, and the
 * content script validates with it too) checks an imported file and every stored pack read.
 */
import * as v from 'valibot';
import { ENTITY_TYPES } from './types';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty());

export const PackArticleSchema = v.object({
  title: text,
  /** The page's `<html lang>` (its primary subtag), else the language detected from the text. */
  language: text,
  /** The address the article was read from (a file's path for the CLI). */
  source: v.string(),
  /** 3 to 5 of the article's own sentences, in the article's order. */
  summary: v.array(text),
});

export const PackEntitySchema = v.object({
  /** The knowledge base's id for a known entity; a slug of the name for a proposed one. */
  id: text,
  name: text,
  type: v.picklist(ENTITY_TYPES),
  /** True for an entity of the bundled knowledge base, false for one proposed from this article. */
  known: v.boolean(),
  /** The other forms the article names it by (a known entity's: the forms found in the article). */
  aliases: v.array(text),
  /** The article's sentences that name it, whitespace collapsed. */
  evidence: v.array(text),
});

export const KnowledgePackSchema = v.object({
  article: PackArticleSchema,
  entities: v.array(PackEntitySchema),
});

/** A pack as the extension stores and exports it: the pack, plus when it was added and the topics it is filed under. */
export const StoredPackSchema = v.object({
  ...KnowledgePackSchema.entries,
  /** Its article's id in the merged knowledge base. Made from the source when a pack without one is imported. */
  id: v.optional(text),
  /** ISO 8601. */
  addedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  /** Topic ids of the knowledge base, or the labels of the reader's own topics. */
  topics: v.optional(v.array(text)),
});

export type PackArticle = v.InferOutput<typeof PackArticleSchema>;
export type PackEntity = v.InferOutput<typeof PackEntitySchema>;
export type KnowledgePack = v.InferOutput<typeof KnowledgePackSchema>;
export type StoredPack = Required<v.InferOutput<typeof StoredPackSchema>>;

/**
 * A pack read from a file or from storage, with the stored fields' defaults filled in; or, when it breaks
 * the schema, where, in words a reader can act on (`entities[2].type: Invalid type…`).
 */
export function parseStoredPack(value: unknown, now = new Date()): { pack: StoredPack } | { problem: string } {
  const result = v.safeParse(StoredPackSchema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map(({ key }) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
    return { problem: `${path || 'the file'}: ${issue.message}` };
  }
  const pack = result.output;
  return {
    pack: {
      ...pack,
      id: pack.id ?? articleIdOf(pack.article.source || pack.article.title),
      addedAt: pack.addedAt ?? now.toISOString(),
      topics: pack.topics ?? [],
    },
  };
}

/**
 * Ids of what the reader added, apart from the bundled knowledge base's: their articles, entities and own
 * topics (src/library/with-packs.ts). Settings keep them even when no stored pack has them.
 */
export const ADDED_ID_PREFIX = { article: 'added-', entity: 'added:', topic: 'added-topic:' } as const;

export function isAddedId(id: string): boolean {
  return Object.values(ADDED_ID_PREFIX).some((prefix) => id.startsWith(prefix));
}

/** A name in lower-case ASCII letters, digits and hyphens (empty when none is left): an id, a file name. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A stable id for an article read from `source`: the same page added twice is the same article. */
export function articleIdOf(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return `${ADDED_ID_PREFIX.article}${hash.toString(36)}`;
}
