import type { ComponentChildren, Ref } from 'preact';
import type { PageTranslate } from '../i18n/messages';
import { entityById } from '../knowledge/knowledge-base';
import type { Article, Entity, EntityInArticle, KnowledgeBase, Language, RelationType } from '../knowledge/types';

/*
 * What the hover card (src/card/card-view.tsx) and the popup's entity details
 * (entity-details.tsx) show alike. The rest differs on purpose, so each keeps its own:
 * the card is a compact dialog (one or two quotes in quotation marks, relations grouped
 * by type in a list of facts, topics that can be hidden), the popup a full view (more
 * quotes, the aliases, one chip per relation). The card's script carries this file: keep
 * it free of extension APIs and of the popup's strings.
 */

/** An entity's part in one article, with that article. */
export type ArticleSection = EntityInArticle & { article: Article };

/** What each article says about the entity, in order; a section whose article is not in `kb` is left out. */
export function articleSections(kb: KnowledgeBase, entity: Entity): ArticleSection[] {
  return entity.articles.flatMap((section) => {
    const article = kb.articles.find((a) => a.id === section.articleId);
    return article ? [{ ...section, article }] : [];
  });
}

export interface RelatedEntity {
  type: RelationType;
  entity: Entity;
}

/** The entities `entity` relates to, in order; a relation to an entity not in `kb` is left out (it would be a chip with no name). */
export function relatedEntities(kb: KnowledgeBase, entity: Entity): RelatedEntity[] {
  return entity.relations.flatMap(({ type, target }) => {
    const related = entityById(kb, target);
    return related ? [{ type, entity: related }] : [];
  });
}

export interface EntityHeaderProps {
  entity: Entity;
  language: Language;
  t: PageTranslate;
  /** The heading's id, which names the card's dialog or the popup's article. */
  titleId: string;
  /** Given when the surface moves focus to the heading (the popup does, when the details open). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** What the surface adds after the type (the card's close button). */
  children?: ComponentChildren;
}

/** The entity's name as the heading, then its type. */
export function EntityHeader({ entity, language, t, titleId, headingRef, children }: EntityHeaderProps) {
  return (
    <header>
      {/* A heading that is given focus must be focusable, though not a stop of the Tab order. */}
      <h2 id={titleId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {entity.name[language]}
      </h2>
      <span class="type">{t(`entityType_${entity.type}`)}</span>
      {children}
    </header>
  );
}

/** Our caveat about the entity, if any (the article misnames The Information, say). */
export function EntityNote({ entity, language }: { entity: Entity; language: Language }) {
  return entity.note ? <p class="note">{entity.note[language]}</p> : null;
}
