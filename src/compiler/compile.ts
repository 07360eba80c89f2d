import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  RELATION_INVERSES,
  type AliasRule,
  type Article,
  type Entity,
  type EntityInArticle,
  type Evidence,
  type KnowledgeBase,
  type Relation,
  type Topic,
} from '../knowledge/types';
import { foldText, scriptOf } from '../matching/fold';
import { MentionMatcher } from '../matching/mention-matcher';
import { splitSentences } from '../pack/sentences';
import { KnowledgeError, KnowledgeErrors } from './errors';
import { loadArticle, type ArticleSource } from './load';
import type { AliasInput } from './schema';

/** Article folders below `root`, in name order (the order of the output). */
export function articleFolders(root: string): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => join(root, name));
}

function compileAlias(input: AliasInput): AliasRule {
  const { comment: _comment, ...rule } = input;
  return { ...rule, script: scriptOf(input.text) };
}

const hasContextRule = (alias: AliasRule) =>
  Boolean(alias.notFollowedBy || alias.notPrecededBy || alias.notNear || alias.near);

/** Two aliases can match the same words unless case, language or a context rule sets them apart. */
function aliasesCollide(a: AliasRule, b: AliasRule): boolean {
  if (foldText(a.text) !== foldText(b.text)) return false;
  if (a.caseSensitive && b.caseSensitive && a.text.normalize('NFC') !== b.text.normalize('NFC')) return false;
  if (a.languages && b.languages && !a.languages.some((language) => b.languages!.includes(language))) return false;
  return !hasContextRule(a) && !hasContextRule(b);
}

function withInverses(entities: Entity[]): void {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  for (const entity of entities) {
    for (const relation of [...entity.relations]) {
      const target = byId.get(relation.target)!;
      const inverse: Relation = { type: RELATION_INVERSES[relation.type], target: entity.id };
      if (!target.relations.some((r) => r.type === inverse.type && r.target === inverse.target)) {
        target.relations.push(inverse);
      }
    }
  }
  for (const entity of entities) {
    entity.relations.sort((a, b) => a.type.localeCompare(b.type) || a.target.localeCompare(b.target));
  }
}

/**
 * Compiles article folders into one knowledge base. Every problem found is
 * collected and thrown together as `KnowledgeErrors`.
 */
export function compileKnowledgeBase(folders: readonly string[]): KnowledgeBase {
  const sources: ArticleSource[] = [];
  const errors: KnowledgeError[] = [];
  for (const folder of folders) {
    try {
      sources.push(loadArticle(folder, folder.split(/[\\/]/).filter(Boolean).pop()!));
    } catch (error) {
      if (error instanceof KnowledgeErrors) errors.push(...error.errors);
      else throw error;
    }
  }
  if (errors.length > 0) throw new KnowledgeErrors(errors);

  const fail = (source: ArticleSource, path: PropertyKey[], field: string, problem: string) => {
    const { line, column } = source.locate(path);
    errors.push(new KnowledgeError(source.knowledgeFile, problem, line, column, field));
  };

  // Topics: one list for all articles; a topic repeated in several files must say the same.
  const topics = new Map<string, { topic: Topic; source: ArticleSource }>();
  for (const source of sources) {
    const seen = new Set<string>();
    source.knowledge.topics.forEach((topic, index) => {
      const field = `topics[${index}].id`;
      const earlier = topics.get(topic.id);
      if (seen.has(topic.id)) fail(source, ['topics', index, 'id'], field, `duplicate topic id "${topic.id}"`);
      else if (earlier && JSON.stringify(earlier.topic.label) !== JSON.stringify(topic.label)) {
        fail(source, ['topics', index, 'label'], `topics[${index}].label`, `topic "${topic.id}" is labelled differently in ${earlier.source.knowledgeFile}`);
      }
      seen.add(topic.id);
      if (!earlier) topics.set(topic.id, { topic, source });
    });
  }

  // Entities: defined once, referenced from other articles.
  const entities = new Map<string, { entity: Entity; source: ArticleSource; index: number }>();
  for (const source of sources) {
    for (const { index, ...input } of source.definitions) {
      const earlier = entities.get(input.id);
      if (earlier) {
        fail(source, ['entities', index, 'id'], `entities[${index}].id`, `duplicate entity id "${input.id}" (also defined in ${earlier.source.knowledgeFile})`);
        continue;
      }
      const entity: Entity = {
        id: input.id,
        type: input.type,
        name: input.name,
        description: input.description,
        ...(input.note ? { note: input.note } : {}),
        external: input.external,
        aliases: input.aliases.map(compileAlias),
        topics: input.topics,
        relations: input.relations.map((relation) => ({ ...relation })),
        articles: [],
      };
      entities.set(input.id, { entity, source, index });
    }
  }

  for (const { entity, source, index } of entities.values()) {
    entity.topics.forEach((topic, i) => {
      if (!topics.has(topic)) fail(source, ['entities', index, 'topics', i], `entities[${index}].topics[${i}]`, `unknown topic "${topic}"`);
    });
    entity.relations.forEach((relation, i) => {
      if (!entities.has(relation.target)) {
        fail(source, ['entities', index, 'relations', i, 'target'], `entities[${index}].relations[${i}].target`, `unknown entity "${relation.target}"`);
      }
    });
  }
  for (const source of sources) {
    source.knowledge.article.topics.forEach((topic, i) => {
      if (!topics.has(topic)) fail(source, ['article', 'topics', i], `article.topics[${i}]`, `unknown topic "${topic}"`);
    });
    for (const reference of source.references) {
      if (!entities.has(reference.id)) {
        fail(source, ['entities', reference.index, 'id'], `entities[${reference.index}].id`, `refers to entity "${reference.id}", which no article defines`);
      }
    }
  }

  // Aliases: the same words must not name two entities unless a rule tells them apart.
  const allAliases = [...entities.values()].flatMap(({ entity, source, index }) =>
    entity.aliases.map((alias, aliasIndex) => ({ entity, alias, source, index, aliasIndex })),
  );
  allAliases.forEach((a, i) => {
    for (const b of allAliases.slice(0, i)) {
      if (!aliasesCollide(a.alias, b.alias)) continue;
      const what = a.entity === b.entity ? 'is repeated in this entity' : `is also an alias of "${b.entity.id}", and no rule (case, languages, neighbouring words) tells them apart`;
      fail(a.source, ['entities', a.index, 'aliases', a.aliasIndex, 'text'], `entities[${a.index}].aliases[${a.aliasIndex}].text`, `alias "${a.alias.text}" ${what}`);
    }
  });
  if (errors.length > 0) throw new KnowledgeErrors(errors);

  // Evidence: the article's own sentences, found by the matcher that runs on pages.
  const entityList = [...entities.values()].map(({ entity }) => entity);
  const matcher = MentionMatcher.forKnowledgeBase({ entities: entityList });
  const articles: Article[] = [];
  for (const source of sources) {
    const { article } = source.knowledge;
    articles.push({ id: source.id, title: article.title, language: article.language, summary: article.summary, keyPoints: article.keyPoints, topics: article.topics });
    const evidence = new Map<string, Evidence[]>();
    for (const { sentence, paragraph } of splitSentences(source.text, article.language)) {
      for (const entityId of new Set(matcher.find(sentence, article.language).map((mention) => mention.entityId))) {
        if (!evidence.has(entityId)) evidence.set(entityId, []);
        evidence.get(entityId)!.push({ sentence, paragraph });
      }
    }
    const roles = [
      ...source.definitions.filter((d) => d.role).map((d) => ({ id: d.id, role: d.role!, index: d.index, external: d.external })),
      ...source.references.map((r) => ({ id: r.id, role: r.role, index: r.index, external: false })),
    ].sort((a, b) => a.index - b.index);
    for (const { id, role, index, external } of roles) {
      const found = evidence.get(id) ?? [];
      if (found.length === 0 && !external) {
        fail(source, ['entities', index, 'id'], `entities[${index}].id`, `none of the aliases of "${id}" occurs in ${source.articleFile} (mark it external: true if it is context the article does not name)`);
      }
      const section: EntityInArticle = { articleId: source.id, role, evidence: found };
      entities.get(id)!.entity.articles.push(section);
    }
  }
  if (errors.length > 0) throw new KnowledgeErrors(errors);

  withInverses(entityList);
  return {
    articles,
    topics: [...topics.values()].map(({ topic }) => topic),
    entities: entityList,
  };
}

/** The bundled file's exact text: deterministic, so a rebuild changes no byte. */
export function serializeKnowledgeBase(kb: KnowledgeBase): string {
  return `${JSON.stringify(kb, null, 2)}\n`;
}
