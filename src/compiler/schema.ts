import { z } from 'zod';
import { CURATED_RELATION_TYPES, ENTITY_TYPES, LANGUAGES } from '../knowledge/types';

/** The shape of `knowledge.yaml`, the file we curate beside each article. */

/** Tags or character references: text fields are shown as plain text, never as HTML. */
const MARKUP = /<\/?[a-z!][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, context) => {
    const markup = MARKUP.exec(value);
    if (markup) context.addIssue({ code: 'custom', message: `must be plain text, without markup (found "${markup[0]}")` });
  });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case id such as "alibaba-cloud"');

const localized = z.strictObject({ en: text, fr: text });

export const SUMMARY_WORDS = { min: 150, max: 300 } as const;
const countWords = (value: string) => value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const summaryText = text.superRefine((value, context) => {
  const words = countWords(value);
  // An empty summary is already reported as such.
  if (words > 0 && (words < SUMMARY_WORDS.min || words > SUMMARY_WORDS.max)) {
    context.addIssue({ code: 'custom', message: `has ${words} words; a summary must have ${SUMMARY_WORDS.min}–${SUMMARY_WORDS.max}` });
  }
});

/**
 * Neighbouring words for context rules. Accents never count; a word written with
 * a capital must appear with it (`Argent`), a lower-case word matches any case.
 * `notFollowedBy` / `notPrecededBy` want the phrase glued to the name (no
 * punctuation between); `notNear` / `near` / `cues` look `within` words (default 12)
 * on both sides, a CJK character counting as one word.
 */
const phrases = z.array(text).min(1);

export const aliasSchema = z.strictObject({
  text,
  caseSensitive: z.boolean().default(true),
  accentSensitive: z.boolean().default(false),
  languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  notFollowedBy: phrases.optional(),
  notPrecededBy: phrases.optional(),
  notNear: phrases.optional(),
  near: phrases.optional(),
  within: z.int().min(1).max(50).optional(),
  cues: phrases.optional(),
  pageSense: z.boolean().optional(),
  allCaps: z.boolean().optional(),
  /** Why a rule exists, for maintainers; not compiled. */
  comment: z.string().optional(),
}).superRefine((alias, context) => {
  // Cues only weigh in the page's decision; capitals only widen a name that needs its case.
  if (alias.cues && !alias.pageSense) context.addIssue({ code: 'custom', path: ['cues'], message: 'cues only count with pageSense: true' });
  if (alias.allCaps && !alias.caseSensitive) context.addIssue({ code: 'custom', path: ['allCaps'], message: 'a case-insensitive alias already matches its capitals' });
  const evidence = alias.near ?? alias.notNear ?? alias.cues ?? alias.notFollowedBy ?? alias.notPrecededBy;
  if (alias.pageSense && !evidence) context.addIssue({ code: 'custom', path: ['pageSense'], message: 'pageSense needs phrases to read the sense from (near, notNear, cues, notFollowedBy or notPrecededBy)' });
});

export const fullEntitySchema = z
  .strictObject({
    id: slug,
    type: z.enum(ENTITY_TYPES),
    name: localized,
    description: localized,
    role: localized.optional(),
    note: localized.optional(),
    external: z.boolean().default(false),
    topics: z.array(slug).min(1),
    relations: z.array(z.strictObject({ type: z.enum(CURATED_RELATION_TYPES), target: slug })).default([]),
    aliases: z.array(aliasSchema),
  })
  .refine((entity) => entity.external || entity.role !== undefined, {
    message: 'an entity named in the article needs its role in it (or external: true)',
    path: ['role'],
  })
  .refine((entity) => entity.external || entity.aliases.length > 0, {
    message: 'needs at least one alias (only external entities may have none)',
    path: ['aliases'],
  });

/** An entity defined in another article's file, with what this article says of it. */
export const entityReferenceSchema = z.strictObject({ id: slug, role: localized });

export const knowledgeFileSchema = z.strictObject({
  article: z.strictObject({
    title: text,
    language: z.enum(LANGUAGES),
    summary: z.strictObject({ en: summaryText, fr: summaryText }),
    keyPoints: z.array(localized).min(4).max(8),
    topics: z.array(slug).min(1),
  }),
  topics: z.array(z.strictObject({ id: slug, label: localized })).default([]),
  /** Each item is checked by `fullEntitySchema` or `entityReferenceSchema`. */
  entities: z.array(z.record(z.string(), z.unknown())).min(1),
});

export type AliasInput = z.infer<typeof aliasSchema>;
export type FullEntityInput = z.infer<typeof fullEntitySchema>;
export type EntityReferenceInput = z.infer<typeof entityReferenceSchema>;
export type KnowledgeFileInput = z.infer<typeof knowledgeFileSchema>;
