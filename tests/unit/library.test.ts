import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BASE_URL, PARSE_ONLY_SETTINGS } from '../../src/cli/scan-html';
import { entityById, knowledgeBase } from '../../src/knowledge/knowledge-base';
import { parseStoredPack, type KnowledgePack, type StoredPack } from '../../src/knowledge/pack';
import { readPacks, StorageFullError, updatePacks } from '../../src/library/storage';
import { readStoredList } from '../../src/library/stored-list';
import { withPacks } from '../../src/library/with-packs';
import { MentionMatcher } from '../../src/matching/mention-matcher';
import { buildPack } from '../../src/pack/build';
import { repairSettings } from '../../src/settings/settings';

const TENCENT_SENTENCE = 'Tencent Holdings said on Tuesday that it would open a data centre in Frankfurt, the first of three in Europe.';

function pack(overrides: Partial<StoredPack> & { entities?: KnowledgePack['entities'] } = {}): StoredPack {
  return {
    id: 'added-tencent',
    addedAt: '2026-11-02T09:00:00.000Z',
    topics: ['cloud-computing'],
    article: { title: 'Tencent Cloud opens in Europe', language: 'en', source: 'https://news.example/tencent', summary: [TENCENT_SENTENCE] },
    entities: [
      { id: 'tencent-holdings', name: 'Tencent Holdings', type: 'company', known: false, aliases: ['Tencent'], evidence: [TENCENT_SENTENCE] },
      { id: 'alibaba-group', name: 'Alibaba Group', type: 'company', known: true, aliases: ['Alibaba'], evidence: ['Alibaba, its rival, has three.'] },
    ],
    ...overrides,
  };
}

const names = (kb: typeof knowledgeBase, text: string) => {
  const matcher = MentionMatcher.forKnowledgeBase(kb);
  return matcher.find(text, 'en').map((mention) => `${text.slice(mention.start, mention.end)}=${mention.entityId}`);
};

describe('a pack as imported or stored', () => {
  const window = new Window({ url: BASE_URL, settings: PARSE_ONLY_SETTINGS });
  afterAll(() => window.happyDOM.close());

  test('what `npm run pack` prints is accepted as it is, given an id stable for its source, the time of reading and no topic', () => {
    const html = readFileSync(new URL('../fixtures/packs/en-01-tencent-cloud-europe.html', import.meta.url), 'utf8');
    const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const built = JSON.parse(JSON.stringify(buildPack(document, 'https://news.example/a', knowledgeBase))) as KnowledgePack;
    const now = new Date('2026-12-01T10:00:00.000Z');
    const read = parseStoredPack(built, now);
    if (!('pack' in read)) throw new Error(read.problem);
    expect(read.pack).toEqual({ ...built, id: expect.stringMatching(/^added-[0-9a-z]+$/), addedAt: now.toISOString(), topics: [] });
    const idOf = (source: string, title = built.article.title) => {
      const other = parseStoredPack({ ...built, article: { ...built.article, source, title } });
      return 'pack' in other ? other.pack.id : other.problem;
    };
    expect(idOf('https://news.example/a', 'Another title')).toBe(read.pack.id);
    expect(idOf('https://news.example/b')).not.toBe(read.pack.id);
  });

  test('a pack that breaks the schema is refused, saying where', () => {
    const bad = (value: unknown) => {
      const read = parseStoredPack(value);
      return 'problem' in read ? read.problem : 'accepted';
    };
    const good = pack();
    expect(bad({ ...good, entities: [{ ...good.entities[0], type: 'planet' }] })).toMatch(/^entities\[0\]\.type: /);
    expect(bad({ ...good, article: { ...good.article, summary: 'one sentence' } })).toMatch(/^article\.summary: /);
    expect(bad({ ...good, entities: [{ ...good.entities[0], name: '   ' }] })).toMatch(/^entities\[0\]\.name: /);
    expect(bad({ ...good, addedAt: 'yesterday' })).toMatch(/^addedAt: /);
    expect(bad('a sentence')).toMatch(/^the file: /);
    expect(bad({ entities: [] })).toMatch(/^article: /);
    expect(bad(good)).toBe('accepted');
  });
});

describe('the reader’s knowledge base', () => {
  test('without packs, it is the bundled one', () => {
    expect(withPacks(knowledgeBase, [])).toBe(knowledgeBase);
  });

  test('a proposed entity becomes the reader’s own: found by its names, filed under the pack’s topics, with the article’s evidence', () => {
    const kb = withPacks(knowledgeBase, [pack()]);
    expect(names(kb, 'Tencent Holdings and Tencent, not tencent.')).toEqual(['Tencent Holdings=added:tencent-holdings', 'Tencent=added:tencent-holdings']);
    const tencent = entityById(kb, 'added:tencent-holdings')!;
    expect(tencent).toMatchObject({ type: 'company', name: { en: 'Tencent Holdings' }, description: { en: '', fr: '' }, topics: ['cloud-computing'] });
    expect(tencent.articles).toEqual([{ articleId: 'added-tencent', role: { en: '', fr: '' }, evidence: [{ sentence: TENCENT_SENTENCE, paragraph: 0 }] }]);
    expect(kb.articles.map((article) => article.id)).toEqual(['alibaba-cloud-us-retreat', 'added-tencent']);
    expect(kb.articles[1]).toMatchObject({ source: 'https://news.example/tencent', addedAt: '2026-11-02T09:00:00.000Z', summary: { en: TENCENT_SENTENCE } });
  });

  test('a known entity gains the article, newest first, and keeps its guarded aliases; the bundled knowledge base is left as it was', () => {
    const before = JSON.stringify(knowledgeBase);
    const older = pack({ id: 'added-older', addedAt: '2026-10-01T00:00:00.000Z' });
    const kb = withPacks(knowledgeBase, [older, pack()]);
    const alibaba = entityById(kb, 'alibaba-group')!;
    expect(alibaba.articles.map((section) => section.articleId)).toEqual(['added-tencent', 'added-older', 'alibaba-cloud-us-retreat']);
    expect(alibaba.aliases).toEqual(entityById(knowledgeBase, 'alibaba-group')!.aliases);
    expect(JSON.stringify(knowledgeBase)).toBe(before);
  });

  test('a context entity named by its name gets that name as an alias: Microsoft, named by an added article, is found on pages', () => {
    expect(names(knowledgeBase, 'Microsoft said so.')).toEqual([]);
    const microsoft = { id: 'microsoft', name: 'Microsoft', type: 'company' as const, known: true, aliases: [], evidence: ['Microsoft said so.'] };
    expect(names(withPacks(knowledgeBase, [pack({ entities: [microsoft] })]), 'Microsoft said so.')).toEqual(['Microsoft=microsoft']);
  });

  test('two articles naming the same entity make one, named after the older one, whose card compares them', () => {
    const first = pack({ id: 'added-first', addedAt: '2026-10-01T00:00:00.000Z' });
    const second = pack({
      id: 'added-second',
      topics: ['Gaming'],
      entities: [{ id: 'tencent', name: 'Tencent', type: 'company', known: false, aliases: ['Pony Ma’s company'], evidence: ['Tencent also makes games.'] }],
    });
    const kb = withPacks(knowledgeBase, [second, first]);
    const tencents = kb.entities.filter((entity) => entity.id.startsWith('added:'));
    expect(tencents.map((entity) => entity.id)).toEqual(['added:tencent-holdings']);
    expect(tencents[0]!.articles.map((section) => section.articleId)).toEqual(['added-second', 'added-first']);
    expect(tencents[0]!.topics).toEqual(['cloud-computing', 'added-topic:gaming']);
    expect(kb.topics.at(-1)).toEqual({ id: 'added-topic:gaming', label: { en: 'Gaming', fr: 'Gaming' } });
  });

  test('an article filed under no topic files its entities under the reader’s own, which options can switch off', () => {
    const kb = withPacks(knowledgeBase, [pack({ topics: [] })]);
    expect(entityById(kb, 'added:tencent-holdings')!.topics).toEqual(['added-topic:yours']);
    expect(kb.topics.at(-1)).toEqual({ id: 'added-topic:yours', label: { en: 'Your articles', fr: 'Vos articles' } });
  });

  test('two entities that only share a short form stay two, and the first keeps the short form', () => {
    const music = pack({
      id: 'added-music',
      addedAt: '2026-11-03T09:00:00.000Z',
      entities: [{ id: 'tencent-music', name: 'Tencent Music', type: 'company', known: false, aliases: ['Tencent'], evidence: ['Tencent Music streams songs.'] }],
    });
    const kb = withPacks(knowledgeBase, [music, pack()]);
    expect(names(kb, 'Tencent Music, Tencent Holdings, Tencent.')).toEqual([
      'Tencent Music=added:tencent-music',
      'Tencent Holdings=added:tencent-holdings',
      'Tencent=added:tencent-holdings',
    ]);
  });

  test('the same article stored twice counts once', () => {
    expect(withPacks(knowledgeBase, [pack(), pack()]).articles).toHaveLength(2);
  });
});

describe('stored packs', () => {
  test('each stored pack is checked on read; one that breaks the schema is set aside as it is, not lost', () => {
    const broken = { article: { title: 'No entities' } };
    const { packs, unreadable } = readStoredList([pack(), broken], 1);
    expect(packs.map((p) => p.id)).toEqual(['added-tencent']);
    expect(unreadable).toEqual([broken]);
    expect(readStoredList(undefined, undefined)).toEqual({ packs: [], unreadable: [] });
    expect(readStoredList('garbage', 1)).toEqual({ packs: [], unreadable: ['garbage'] });
  });

  test('settings keep the reader’s own ids, which the background’s bundled knowledge base does not have', () => {
    const ignored = { site: 'news.example', entityId: 'added:tencent-holdings', alias: 'Tencent' };
    const { settings, problems } = repairSettings(
      { disabledEntities: ['added:tencent-holdings', 'huawei', 'gone'], disabledTopics: ['added-topic:gaming'], ignoredAliases: [ignored] },
      knowledgeBase,
    );
    expect(settings.disabledEntities).toEqual(['added:tencent-holdings', 'huawei']);
    expect(settings.disabledTopics).toEqual(['added-topic:gaming']);
    expect(settings.ignoredAliases).toEqual([ignored]);
    expect(problems).toEqual(['disabledEntities: dropped unknown or repeated ids']);
  });
});

describe('the stored packs in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  test('an update keeps the items it cannot read, as they were, and records the shape’s version', async () => {
    const broken = { article: { title: 'No entities' } };
    await fakeBrowser.storage.local.set({ packs: [broken] });
    await updatePacks((packs) => [...packs, pack()]);
    expect(await fakeBrowser.storage.local.get(['packs', 'packs$'])).toEqual({ packs: [pack(), broken], 'packs$': { v: 1 } });
    expect(await readPacks()).toEqual({ packs: [pack()], unreadable: [broken] });
  });

  test('a full storage is said plainly, and the list stays as it was', async () => {
    await updatePacks(() => [pack()]);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(updatePacks((packs) => [...packs, pack({ id: 'added-second' })])).rejects.toBeInstanceOf(StorageFullError);
    expect((await readPacks()).packs.map((stored) => stored.id)).toEqual(['added-tencent']);
  });

  test('a read that fails saves nothing over the reader’s articles', async () => {
    await updatePacks(() => [pack()]);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('database corrupt'));
    await expect(updatePacks(() => [])).rejects.toThrow('database corrupt');
    expect((await readPacks()).packs).toHaveLength(1);
  });
});
