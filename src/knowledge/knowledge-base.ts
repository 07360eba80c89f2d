import compiled from './generated/knowledge-base.json' with { type: 'json' };
import type { Entity, KnowledgeBase, Topic } from './types';

/** The bundled knowledge base, compiled by `npm run kb` from assets/articles. */
export const knowledgeBase = compiled as KnowledgeBase;

export function entityById(kb: KnowledgeBase, id: string): Entity | undefined {
  return kb.entities.find((entity) => entity.id === id);
}

export function topicById(kb: KnowledgeBase, id: string): Topic | undefined {
  return kb.topics.find((topic) => topic.id === id);
}
