import { useEffect, useRef } from 'preact/hooks';
import { RELATION_LABELS, type Translate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { KnowledgeBase, Language } from '../knowledge/types';

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
 * hover card's content, laid out as a view of the page rather than a floating dialog.
 * Focus moves to its heading when it opens, so that screen readers read what opened.
 */
export function EntityDetails({ kb, entityId, language, t, mentionsOnPage, onShowOnPage, onSelectEntity }: EntityDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entityId]);
  const entity = entityById(kb, entityId);
  if (!entity) return null;
  const titleId = `entity-${entity.id}-title`;
  return (
    <article class="entity-details" aria-labelledby={titleId} data-entity={entity.id}>
      <header>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {entity.name[language]}
        </h2>
        <span class="type">{t(`entityType_${entity.type}`)}</span>
      </header>
      <p>{entity.description[language]}</p>
      {entity.note && <p class="note">{entity.note[language]}</p>}

      {mentionsOnPage !== undefined && mentionsOnPage > 0 && onShowOnPage && (
        <p>
          <button type="button" onClick={onShowOnPage}>
            {mentionsOnPage === 1 ? t('popupShowOnPageOne') : t('popupShowOnPage', mentionsOnPage)}
          </button>
        </p>
      )}

      {entity.articles.map((section) => {
        const article = kb.articles.find((a) => a.id === section.articleId);
        if (!article) return null;
        return (
          <section key={article.id} aria-label={`${t('popupInTheArticle')}: ${article.title}`}>
            <h3>{t('popupInTheArticle')}</h3>
            <p>{section.role[language]}</p>
            {section.evidence.slice(0, QUOTES).map((evidence) => (
              <blockquote key={evidence.sentence} lang={article.language}>
                {evidence.sentence}
              </blockquote>
            ))}
          </section>
        );
      })}

      {entity.aliases.length > 0 && (
        <>
          <h3>{t('popupAliases')}</h3>
          <p class="aliases">{[...new Set(entity.aliases.map((alias) => alias.text))].join(' · ')}</p>
        </>
      )}

      {entity.relations.length > 0 && (
        <>
          <h3>{t('popupRelated')}</h3>
          <ul class="chips">
            {entity.relations.map((relation) => (
              <li key={`${relation.type}-${relation.target}`}>
                <button type="button" class="chip" onClick={() => onSelectEntity(relation.target)}>
                  <span class="relation">{t(RELATION_LABELS[relation.type])}</span> {entityById(kb, relation.target)?.name[language]}
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
