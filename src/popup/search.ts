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

export interface SearchResult {
  entity: Entity;
  /** The alias that matched, when it is not one of the entity's names ("Aliyun" for Alibaba Cloud). */
  alias?: string;
}

/** Results at most this much worse than the best one are kept (0 is a perfect match, 1 none). */
const RELATIVE_CUT = 0.2;
const MAX_RESULTS = 8;

/**
 * Typo-tolerant search over the knowledge base (`huawey` finds Huawei, `alibba`
 * Alibaba, `amazon web` AWS). Names and aliases weigh three times what the longer
 * descriptions and roles do, and results far behind the best are dropped: a word
 * that merely appears in a long description ("aws" in "Huawei"'s, by fuzziness)
 * would otherwise follow every exact hit.
 */
export function createEntitySearch(kb: KnowledgeBase): (query: string) => SearchResult[] {
  const documents: SearchDocument[] = kb.entities.map((entity) => ({
    entity,
    names: [...new Set([entity.name.en, entity.name.fr])],
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
    includeScore: true,
    includeMatches: true,
  });
  return (query) => {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const found = fuse.search(trimmed);
    const best = found[0]?.score ?? 0;
    return found
      .filter((result) => (result.score ?? 1) <= best + RELATIVE_CUT)
      .slice(0, MAX_RESULTS)
      .map(({ item, matches }) => {
        const names = new Set(item.names.map((name) => name.toLowerCase()));
        const alias = matches?.find((match) => match.key === 'aliases' && match.value && !names.has(match.value.toLowerCase()))?.value;
        return alias === undefined || matches?.some((match) => match.key === 'names') ? { entity: item.entity } : { entity: item.entity, alias };
      });
  };
}
