import { describe, expect, test } from 'vitest';
import { aliasesFrom, initialChoices, packToSave } from '../../src/add-article/review';
import type { KnowledgePack } from '../../src/knowledge/pack';

const PACK: KnowledgePack = {
  article: { title: 'Tencent in Europe', language: 'en', source: 'https://news.example/tencent', summary: ['Tencent Holdings opens in Frankfurt.'] },
  entities: [
    { id: 'alibaba-cloud', name: 'Alibaba Cloud', type: 'company', known: true, aliases: [], evidence: ['Alibaba Cloud has one.'] },
    { id: 'tencent-holdings', name: 'Tencent Holdings', type: 'company', known: false, aliases: ['Tencent'], evidence: ['Tencent Holdings opens in Frankfurt.'] },
    { id: 'pony-ma', name: 'Pony Ma', type: 'person', known: false, aliases: [], evidence: ['Pony Ma spoke.'] },
  ],
};

describe('the review of an article to add', () => {
  test('starts with every proposed name unchecked, its type and other names as proposed, and no topic', () => {
    expect(initialChoices(PACK)).toEqual({
      proposals: { 'tencent-holdings': { add: false, type: 'company', aliases: 'Tencent' }, 'pony-ma': { add: false, type: 'person', aliases: '' } },
      topics: [],
      newTopic: '',
    });
  });

  test('saves the known entities and the checked names as edited, under the chosen topics and a new one', () => {
    const choices = initialChoices(PACK);
    choices.proposals['pony-ma'] = { add: true, type: 'person', aliases: ' Ma Huateng ,, Pony  Ma, Ma Huateng' };
    choices.topics = ['cloud-computing'];
    choices.newTopic = '  Chinese   tech ';
    const saved = packToSave(PACK, choices, new Date('2026-12-06T08:00:00.000Z'));
    expect(saved.entities.map((entity) => [entity.name, entity.aliases])).toEqual([
      ['Alibaba Cloud', []],
      ['Pony Ma', ['Ma Huateng']],
    ]);
    expect(saved).toMatchObject({ addedAt: '2026-12-06T08:00:00.000Z', topics: ['cloud-computing', 'Chinese tech'], article: PACK.article });
    expect(saved.id).toMatch(/^added-/);
    expect(packToSave(PACK, initialChoices(PACK)).id).toBe(saved.id);
  });

  test('other names are split at commas, trimmed, each kept once, the name itself left out', () => {
    expect(aliasesFrom('Tencent, , Tencent Holdings,  Tencent ', 'Tencent Holdings')).toEqual(['Tencent']);
  });
});
