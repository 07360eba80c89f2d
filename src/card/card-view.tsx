import type { MessageKey, Translate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { AliasRule, KnowledgeBase, Language, RelationType } from '../knowledge/types';

/** Message keys may not contain hyphens (Chrome rejects the whole extension), relation types do. */
const RELATION_LABELS: Record<RelationType, MessageKey> = {
  'subsidiary-of': 'relation_subsidiary_of',
  'parent-of': 'relation_parent_of',
  'founded-by': 'relation_founded_by',
  'founder-of': 'relation_founder_of',
  'competitor-of': 'relation_competitor_of',
  'sanctioned-by': 'relation_sanctioned_by',
  sanctions: 'relation_sanctions',
  'reported-by': 'relation_reported_by',
  'reports-on': 'relation_reports_on',
  'part-of': 'relation_part_of',
  includes: 'relation_includes',
};

export interface CardMatch {
  /** The text as it reads on the page. */
  text: string;
  rule: AliasRule;
}

export interface CardProps {
  kb: KnowledgeBase;
  entityId: string;
  language: Language;
  t: Translate;
  /** The alias that fired, when the card belongs to a mention (not after a swap to a related entity). */
  match?: CardMatch;
  onSelectEntity: (entityId: string) => void;
  onClose: () => void;
  onNotThisHere?: () => void;
  onHideTopic?: (topicId: string) => void;
}

/** How many of the article's sentences a card quotes per article. */
const QUOTES_PER_ARTICLE = 2;

function ruleSummary(rule: AliasRule, t: Translate): string {
  const parts = [rule.caseSensitive ? t('cardRuleCaseSensitive') : t('cardRuleCaseInsensitive')];
  if (rule.languages) parts.push(t('cardRuleLanguages', rule.languages.map((l) => t(`language_${l}`)).join(', ')));
  if (rule.notFollowedBy || rule.notPrecededBy || rule.notNear || rule.near) parts.push(t('cardRuleContext'));
  return parts.join(' · ');
}

/** The hover card: what the entity is, what the article says of it, and why it was highlighted. */
export function CardView({ kb, entityId, language, t, match, onSelectEntity, onClose, onNotThisHere, onHideTopic }: CardProps) {
  const entity = entityById(kb, entityId);
  if (!entity) return null;
  const titleId = `backstory-card-title-${entity.id}`;
  const descriptionId = `backstory-card-description-${entity.id}`;
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} aria-describedby={descriptionId} tabIndex={-1}>
      <header>
        <h2 id={titleId}>{entity.name[language]}</h2>
        <span class="type">{t(`entityType_${entity.type}`)}</span>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <p id={descriptionId}>{entity.description[language]}</p>
      {entity.note && <p class="note">{entity.note[language]}</p>}

      {entity.articles.map((section) => {
        const article = kb.articles.find((a) => a.id === section.articleId)!;
        return (
          <section key={article.id} aria-label={`${t('cardInTheArticle')}: ${article.title}`}>
            <h3>{t('cardInTheArticle')}{entity.articles.length > 1 ? ` · ${article.title}` : ''}</h3>
            <p>{section.role[language]}</p>
            {section.evidence.slice(0, QUOTES_PER_ARTICLE).map((evidence) => (
              <blockquote key={evidence.sentence} lang={article.language} aria-label={t('cardEvidenceLabel')}>
                « {evidence.sentence} »
              </blockquote>
            ))}
            <details>
              <summary>{t('cardSummary')}</summary>
              <p>{article.summary[language]}</p>
            </details>
          </section>
        );
      })}

      {entity.relations.length > 0 && (
        <>
          <h3>{t('cardRelated')}</h3>
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

      <h3>{t('cardTopics')}</h3>
      <ul class="chips">
        {entity.topics.map((id) => (
          <li key={id} class="chip">
            {topicById(kb, id)?.label[language]}
          </li>
        ))}
      </ul>

      {match && (
        <p class="why">
          {t('cardWhyMatched')}: {t('cardMatchedAlias', match.rule.text)} ({ruleSummary(match.rule, t)})
        </p>
      )}
      {(onNotThisHere || onHideTopic) && (
        <div class="actions">
          {onNotThisHere && match && (
            <button type="button" onClick={onNotThisHere}>
              {t('cardNotThisHere')}
            </button>
          )}
          {onHideTopic &&
            entity.topics.map((id) => (
              <button type="button" key={id} onClick={() => onHideTopic(id)}>
                {t('cardHideTopic')}: {topicById(kb, id)?.label[language]}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
