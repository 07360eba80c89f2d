/**
 * The reader's choices on the review of an article to add, and the pack they make: pure, so
 * that what is saved is exactly what the review showed and was checked.
 */
import { articleIdOf, type KnowledgePack, type PackEntity, type StoredPack } from '../knowledge/pack';
import type { EntityType } from '../knowledge/types';

export interface ProposalChoice {
  /** Proposed entities are added only when the reader checks them: never silently. */
  add: boolean;
  type: EntityType;
  /** The other names, as typed: separated by commas. */
  aliases: string;
}

export interface ReviewChoices {
  /** By the proposed entity's id in the pack. */
  proposals: Record<string, ProposalChoice>;
  /** Topic ids of the knowledge base. */
  topics: string[];
  /** A topic of the reader's own, by its label (empty: none). */
  newTopic: string;
}

export function initialChoices(pack: KnowledgePack): ReviewChoices {
  const proposals: Record<string, ProposalChoice> = {};
  for (const entity of pack.entities) if (!entity.known) proposals[entity.id] = { add: false, type: entity.type, aliases: entity.aliases.join(', ') };
  return { proposals, topics: [], newTopic: '' };
}

/** The names typed in an aliases field: trimmed, each once, the entity's own name left out. */
export function aliasesFrom(typed: string, name: string): string[] {
  const names = typed.split(',').map((alias) => alias.replace(/\s+/g, ' ').trim()).filter((alias) => alias !== '' && alias !== name);
  return [...new Set(names)];
}

/** The pack to store: the known entities, the proposed ones the reader checked (as edited), filed under the chosen topics. */
export function packToSave(pack: KnowledgePack, choices: ReviewChoices, now = new Date()): StoredPack {
  const entities: PackEntity[] = pack.entities.flatMap((entity) => {
    if (entity.known) return [entity];
    const choice = choices.proposals[entity.id];
    return choice?.add ? [{ ...entity, type: choice.type, aliases: aliasesFrom(choice.aliases, entity.name) }] : [];
  });
  const newTopic = choices.newTopic.replace(/\s+/g, ' ').trim();
  return {
    ...pack,
    entities,
    id: articleIdOf(pack.article.source || pack.article.title),
    addedAt: now.toISOString(),
    topics: [...new Set([...choices.topics, ...(newTopic ? [newTopic] : [])])],
  };
}
