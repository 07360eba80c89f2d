import { useEffect, useRef } from 'preact/hooks';
import { RELATION_LABELS, type Translate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { KnowledgeBase, Language } from '../knowledge/types';
import { articleSections, EntityHeader, EntityNote, relatedEntities } from './entity-parts';

/** How many of the article's sentences the details quote per article. */
const QUOTES = 3;

export interface EntityDetailsProps {
  kb: KnowledgeBase;
  entityId: string;
  language: Language;
  t: Translate;
  /** Mentions of the entity on the page the popup reports on (0 or undefined: none or unknown). */
  mentionsOnPage?: number;
  onShowOnPage?: () => void;
  onSelectEntity: (entityId: string) => void;
}

/**
 * An entity's details inside an extension page (the popup's search results): the
 * hover card's content, laid out as a view of the page rather than a floating dialog
 * (what the two share is in entity-parts.tsx). Focus moves to its heading when it
 * opens, so that screen readers read what opened.
 */
export function EntityDetails({ kb, entityId, language, t, mentionsOnPage, onShowOnPage, onSelectEntity }: EntityDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entityId]);
  const entity = entityById(kb, entityId);
  if (!entity) return null;
  const titleId = `entity-${entity.id}-title`;
  const related = relatedEntities(kb, entity);
  return (
    <article class="entity-details" aria-labelledby={titleId} data-entity={entity.id}>
      <EntityHeader entity={entity} language={language} t={t} titleId={titleId} headingRef={heading} />
      <p>{entity.description[language] || t('cardAddedEntity')}</p>
      <EntityNote entity={entity} language={language} />

      {mentionsOnPage !== undefined && mentionsOnPage > 0 && onShowOnPage && (
        <p>
          <button type="button" onClick={onShowOnPage}>
            {mentionsOnPage === 1 ? t('popupShowOnPageOne') : t('popupShowOnPage', mentionsOnPage)}
          </button>
        </p>
      )}

      {articleSections(kb, entity).map(({ article, role, evidence }) => (
        <section key={article.id} aria-label={`${t('popupInTheArticle')}: ${article.title}`}>
          <h3>{t('popupInTheArticle')}</h3>
          {role[language] && <p>{role[language]}</p>}
          {evidence.slice(0, QUOTES).map(({ sentence }) => (
            <blockquote key={sentence} lang={article.language}>
              {sentence}
            </blockquote>
          ))}
        </section>
      ))}

      {entity.aliases.length > 0 && (
        <>
          <h3>{t('popupAliases')}</h3>
          <p class="aliases">{[...new Set(entity.aliases.map((alias) => alias.text))].join(' · ')}</p>
        </>
      )}

      {related.length > 0 && (
        <>
          <h3>{t('popupRelated')}</h3>
          <ul class="chips">
            {related.map(({ type, entity: target }) => (
              <li key={`${type}-${target.id}`}>
                <button type="button" class="chip" onClick={() => onSelectEntity(target.id)}>
                  <span class="relation">{t(RELATION_LABELS[type])}</span> {target.name[language]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('popupTopics')}</h3>
      <ul class="chips">
        {entity.topics.map((id) => (
          <li key={id} class="chip">
            {topicById(kb, id)?.label[language]}
          </li>
        ))}
      </ul>
    </article>
  );
}
