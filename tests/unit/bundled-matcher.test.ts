import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { MentionMatcher } from '../../src/matching/mention-matcher';

describe('matcher on the bundled knowledge base', () => {
  it('finds Alibaba Cloud as one mention, leftmost-longest', () => {
    const matcher = MentionMatcher.forKnowledgeBase(knowledgeBase);
    const found = matcher.find('Alibaba Cloud and Amazon Web Services (AWS) compete.', 'en');
    expect(found.map((m) => m.entityId)).toEqual(['alibaba-cloud', 'aws', 'aws']);
  });
});
