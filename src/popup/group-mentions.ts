import { entityById } from '../knowledge/knowledge-base';
import type { Entity, KnowledgeBase, Topic } from '../knowledge/types';
import type { EntityCount } from '../messaging/protocol';
import type { Settings } from '../settings/settings';

export interface TopicGroup {
  topic: Topic;
  /** Mentions of the group's entities on the page. */
  total: number;
  entities: Array<{ entity: Entity; count: number }>;
}

/**
 * The page's mentions grouped by topic, each entity once: under the first of its
 * topics that is on (the one it is highlighted for), in the knowledge base's topic
 * order; within a group, in the order the page first mentions them.
 */
export function groupMentionsByTopic(kb: KnowledgeBase, counts: readonly EntityCount[], settings: Pick<Settings, 'disabledTopics'>): TopicGroup[] {
  const groups = new Map<string, TopicGroup>(kb.topics.map((topic) => [topic.id, { topic, total: 0, entities: [] }]));
  for (const { entityId, count } of counts) {
    const entity = entityById(kb, entityId);
    if (!entity) continue;
    const topicId = entity.topics.find((id) => !settings.disabledTopics.includes(id)) ?? entity.topics[0];
    const group = topicId === undefined ? undefined : groups.get(topicId);
    if (!group) continue;
    group.entities.push({ entity, count });
    group.total += count;
  }
  return [...groups.values()].filter((group) => group.entities.length > 0);
}
