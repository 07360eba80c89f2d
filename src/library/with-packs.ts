/**
 * The reader's knowledge base: the bundled one with the articles they added (stored packs).
 * Pure: every context (content script, card, popup, options) builds the same one from the
 * same packs, so ids agree everywhere (settings name entities and topics by id).
 */
import { ADDED_ID_PREFIX, type StoredPack } from '../knowledge/pack';
import type { AliasRule, Article, Entity, KnowledgeBase, Topic } from '../knowledge/types';
import { foldText, scriptOf } from '../matching/fold';

const { entity: ADDED_ENTITY, topic: ADDED_TOPIC } = ADDED_ID_PREFIX;

/** The topic of the reader's articles that name none. */
const READERS_TOPIC: Topic = { id: `${ADDED_TOPIC}yours`, label: { en: 'Your articles', fr: 'Vos articles' } };

const slug = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'name';
const both = (text: string) => ({ en: text, fr: text });

/** An alias the reader's article taught us: written as the article wrote it, capitals and accents included. */
function aliasOf(text: string): AliasRule {
  return { text, caseSensitive: true, accentSensitive: true, script: scriptOf(text) };
}

export function isAddedEntity(entity: Pick<Entity, 'id'>): boolean {
  return entity.id.startsWith(ADDED_ENTITY);
}

/**
 * `kb` with `packs` added; their articles after the bundled ones, newest first, and so is an entity's part in each:
 * - each pack is an article (its summary, its own sentences, in both UI languages: it is not translated);
 * - a known entity gains the article's section (its evidence) and the forms it was named by that none of its
 *   aliases already matches (an alias with guards, "Alibaba" the company and not the tale's hero, keeps them);
 * - a proposed entity becomes the reader's own, without description; two articles proposing the same entity (the
 *   name of one is a form of the other's) make one entity, whose card compares them. Ids come from the oldest
 *   article: adding one never renames an entity the settings may name;
 * - topics are the knowledge base's by id, or the reader's own by label ("Your articles" for an article filed under none).
 */
export function withPacks(kb: KnowledgeBase, packs: readonly StoredPack[]): KnowledgeBase {
  if (packs.length === 0) return kb;
  const articles: Article[] = [];
  const topics: Topic[] = [...kb.topics];
  const entities = new Map<string, Entity>(kb.entities.map((entity) => [entity.id, entity]));
  /** Entities changed here: copies, as the bundled knowledge base is shared. */
  const changed = new Set<string>();
  const editable = (entity: Entity): Entity => {
    if (changed.has(entity.id)) return entity;
    const copy = { ...entity, aliases: [...entity.aliases], articles: [...entity.articles], topics: [...entity.topics] };
    entities.set(copy.id, copy);
    changed.add(copy.id);
    return copy;
  };
  /** The reader's entities by each folded form of their names (a form belongs to the first entity to use it), and by their names. */
  const addedByForm = new Map<string, Entity>();
  const addedByName = new Map<string, Entity>();

  const oldestFirst = [...packs].sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  for (const pack of oldestFirst) {
    if (kb.articles.some((article) => article.id === pack.id) || articles.some((article) => article.id === pack.id)) continue;
    // An article filed under no topic is under the reader's: a switch in options turns its entities off.
    if (pack.topics.length === 0 && !topics.includes(READERS_TOPIC)) topics.push(READERS_TOPIC);
    const topicIds = pack.topics.length === 0 ? [READERS_TOPIC.id] : pack.topics.map((topic) => {
      if (topics.some(({ id }) => id === topic)) return topic;
      const id = `${ADDED_TOPIC}${slug(topic)}`;
      if (!topics.some((known) => known.id === id)) topics.push({ id, label: both(topic) });
      return id;
    });
    articles.unshift({
      id: pack.id,
      title: pack.article.title,
      language: pack.article.language === 'fr' ? 'fr' : 'en',
      summary: both(pack.article.summary.join(' ')),
      keyPoints: [],
      topics: topicIds,
      source: pack.article.source,
      addedAt: pack.addedAt,
    });

    for (const found of pack.entities) {
      const section = { articleId: pack.id, role: both(''), evidence: found.evidence.map((sentence, paragraph) => ({ sentence, paragraph })) };
      const forms = [...new Set([found.name, ...found.aliases])];
      // The same entity: its name is a form of one of the reader's, or one of its forms is the name of one. Two that
      // only share a short form ("Tencent" of Tencent Holdings and of Tencent Music) are two, and the first keeps it.
      const known = found.known
        ? entities.get(found.id)
        : (addedByForm.get(foldText(found.name)) ?? found.aliases.map((alias) => addedByName.get(foldText(alias))).find(Boolean));
      let entity: Entity;
      if (known) {
        entity = editable(known);
        entity.articles.unshift(section);
        if (isAddedEntity(entity)) entity.topics = [...new Set([...entity.topics, ...topicIds])];
      } else {
        let id = `${ADDED_ENTITY}${slug(found.name)}`;
        for (let n = 2; entities.has(id); n++) id = `${ADDED_ENTITY}${slug(found.name)}-${n}`;
        entity = { id, type: found.type, name: both(found.name), description: both(''), external: false, aliases: [], topics: topicIds, relations: [], articles: [section] };
        entities.set(id, entity);
        changed.add(id);
        addedByName.set(foldText(found.name), entity);
      }
      const matched = new Set(entity.aliases.map((alias) => foldText(alias.text)));
      for (const form of forms.map((text) => ({ text, folded: foldText(text) }))) {
        const owner = addedByForm.get(form.folded);
        if (matched.has(form.folded) || (owner && owner !== entity)) continue;
        if (isAddedEntity(entity)) addedByForm.set(form.folded, entity);
        matched.add(form.folded);
        entity.aliases.push(aliasOf(form.text));
      }
    }
  }
  return { articles: [...kb.articles, ...articles], topics, entities: [...entities.values()] };
}
