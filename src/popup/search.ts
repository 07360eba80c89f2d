import Fuse from 'fuse.js';
import type { Entity, KnowledgeBase } from '../knowledge/types';

/** What search reads of an entity: every name, alias, description and role, in both languages. */
interface SearchDocument {
  entity: Entity;
  names: string[];
  aliases: string[];
  descriptions: string[];
  roles: string[];
}

/** Typo-tolerant search over the knowledge base (`huawey` finds Huawei, `amazon web` finds AWS). */
export function createEntitySearch(kb: KnowledgeBase): (query: string) => Entity[] {
  const documents: SearchDocument[] = kb.entities.map((entity) => ({
    entity,
    names: [entity.name.en, entity.name.fr, entity.id],
    aliases: entity.aliases.map((alias) => alias.text),
    descriptions: [entity.description.en, entity.description.fr],
    roles: entity.articles.flatMap((article) => [article.role.en, article.role.fr]),
  }));
  const fuse = new Fuse(documents, {
    keys: [
      { name: 'names', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'descriptions', weight: 1 },
      { name: 'roles', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    ignoreDiacritics: true,
    minMatchCharLength: 2,
  });
  return (query) => (query.trim() === '' ? [] : fuse.search(query.trim()).map((result) => result.item.entity));
}
