import { RELATION_LABELS, type PageTranslate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { AliasRule, Entity, Evidence, KnowledgeBase, Language, RelationType } from '../knowledge/types';
import { articleSections, EntityHeader, EntityNote, relatedEntities, type RelatedEntity } from '../ui/entity-parts';


export interface CardMatch {
  /** The text as it reads on the page. */
  text: string;
  rule: AliasRule;
}

export interface CardProps {
  kb: KnowledgeBase;
  entityId: string;
  language: Language;
  t: PageTranslate;
  /** The alias that fired, when the card shows the mention's own entity (not a related one reached from a chip). */
  match?: CardMatch;
  /** After a swap to a related entity: the name of the mention's entity, to go back to (with `onBack`). */
  backTo?: string;
  /** Topics the reader has hidden: shown as hidden, with a way to show them again. */
  disabledTopics: readonly string[];
  onSelectEntity: (entityId: string) => void;
  onBack?: () => void;
  onClose: () => void;
  onNotThisHere?: () => void;
  onHideTopic?: (topicId: string) => void;
  onShowTopic?: (topicId: string) => void;
}

/** At most this many of an article's sentences are quoted… */
const QUOTES_PER_ARTICLE = 2;
/** …and a second one only while the two stay short enough for the card to stay compact. */
const QUOTE_BUDGET = 240;


/** The one or two sentences quoted as evidence. */
export function quotedEvidence(evidence: readonly Evidence[]): Evidence[] {
  const chosen: Evidence[] = [];
  let length = 0;
  for (const item of evidence) {
    if (chosen.length === QUOTES_PER_ARTICLE || (chosen.length > 0 && length + item.sentence.length > QUOTE_BUDGET)) break;
    chosen.push(item);
    length += item.sentence.length;
  }
  return chosen;
}

/** Where an added article was read: its site, or the source as it is when it is no web address (a file). */
function hostOf(source: string): string {
  try {
    return new URL(source).host || source;
  } catch {
    return source;
  }
}

/** The first sentence of a description: the card's one-line "what is it". */
export function firstSentence(text: string, language: Language): string {
  if (typeof Intl.Segmenter !== 'function') return text;
  const [first] = new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text);
  return first ? first.segment.trim() : text;
}

/** Quotation marks of the quoted text's language: « … » in French, “ … ” otherwise. */
function quoteMarks(language: string): [string, string] {
  return language === 'fr' ? ['«\u00a0', '\u00a0»'] : ['“', '”'];
}

function ruleSummary(rule: AliasRule, t: PageTranslate): string {
  const parts = [rule.caseSensitive ? t('cardRuleCaseSensitive') : t('cardRuleCaseInsensitive')];
  if (rule.languages) parts.push(t('cardRuleLanguages', rule.languages.map((l) => t(`language_${l}`)).join(', ')));
  if (rule.notFollowedBy || rule.notPrecededBy || rule.notNear || rule.near) parts.push(t('cardRuleContext'));
  return parts.join(' · ');
}

/** Relations grouped by type, in their first order: "Competitor of AWS, Azure, Google Cloud" is one line, not three chips. */
function groupRelations(related: readonly RelatedEntity[]): Array<[RelationType, Entity[]]> {
  const groups = new Map<RelationType, Entity[]>();
  for (const { type, entity } of related) {
    const targets = groups.get(type);
    if (targets) targets.push(entity);
    else groups.set(type, [entity]);
  }
  return [...groups];
}

function Related({ kb, entity, language, t, onSelectEntity }: Pick<CardProps, 'kb' | 'language' | 't' | 'onSelectEntity'> & { entity: Entity }) {
  const groups = groupRelations(relatedEntities(kb, entity));
  if (groups.length === 0) return null;
  return (
    <>
      <dt>{t('cardRelated')}</dt>
      <dd>
        <ul class="inline">
          {groups.map(([type, targets]) => (
            <li key={type}>
              <span class="relation">{t(RELATION_LABELS[type])}</span>
              {targets.map((target) => (
                <button type="button" class="chip" key={target.id} onClick={() => onSelectEntity(target.id)}>
                  <span class="visually-hidden">{t(RELATION_LABELS[type])} </span>
                  {target.name[language]}
                </button>
              ))}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function Topics({ kb, entity, language, t, disabledTopics, onHideTopic, onShowTopic }: Pick<CardProps, 'kb' | 'language' | 't' | 'disabledTopics' | 'onHideTopic' | 'onShowTopic'> & { entity: Entity }) {
  return (
    <>
      <dt>{t('cardTopics')}</dt>
      <dd>
        <ul class="inline">
          {entity.topics.map((id) => {
            const label = topicById(kb, id)?.label[language] ?? id;
            const hidden = disabledTopics.includes(id);
            return (
              <li key={id} class={hidden ? 'topic hidden' : 'topic'}>
                <span class="topic-label">{label}</span>
                {hidden && <span class="visually-hidden"> ({t('cardTopicHidden')})</span>}
                {hidden
                  ? onShowTopic && (
                      <button type="button" class="mini" aria-label={t('cardShowTopicNamed', label)} onClick={() => onShowTopic(id)}>
                        {t('cardShowTopic')}
                      </button>
                    )
                  : onHideTopic && (
                      <button type="button" class="mini" aria-label={t('cardHideTopicNamed', label)} onClick={() => onHideTopic(id)}>
                        {t('cardHideTopic')}
                      </button>
                    )}
              </li>
            );
          })}
        </ul>
      </dd>
    </>
  );
}

/**
 * The card: what the entity is, what the article says of it (its own sentences, quoted
 * in the article's language), what it relates to, and why it was highlighted here.
 * Ordered so that what a reader wants first fits without scrolling; the article's full
 * summary is one click away. What it shares with the popup's details is in src/ui/entity-parts.tsx.
 */
export function CardView(props: CardProps) {
  const { kb, entityId, language, t, match, backTo, onBack, onClose, onNotThisHere } = props;
  const entity = entityById(kb, entityId);
  if (!entity) return null;
  const titleId = 'backstory-card-title';
  const descriptionId = 'backstory-card-description';
  const sections = articleSections(kb, entity);
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} aria-describedby={descriptionId} tabIndex={-1} lang={language} data-entity={entity.id}>
      {backTo !== undefined && onBack && (
        <button type="button" class="back" onClick={onBack}>
          <span aria-hidden="true">‹ </span>
          {t('cardBackTo', backTo)}
        </button>
      )}
      <EntityHeader entity={entity} language={language} t={t} titleId={titleId}>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </EntityHeader>
      <p id={descriptionId} class="description">
        {/* The reader's own entities (src/library/with-packs.ts) have no description: what they are is their articles'. */}
        {firstSentence(entity.description[language], language) || t('cardAddedEntity')}
      </p>
      <EntityNote entity={entity} language={language} />

      {sections.map(({ article, role, evidence }) => {
        const [open, close] = quoteMarks(article.language);
        const headingId = `backstory-card-article-${article.id}`;
        return (
          <section key={article.id} class="in-article" aria-labelledby={headingId}>
            <h3 id={headingId}>
              {t('cardInTheArticle')}
              {sections.length > 1 ? ` · ${article.title}` : ''}
            </h3>
            {article.source && (
              <p class="source">
                {t('cardArticleSource', hostOf(article.source), new Date(article.addedAt ?? 0).toLocaleDateString(language))}
              </p>
            )}
            {role[language] && <p class="role">{role[language]}</p>}
            {quotedEvidence(evidence).map(({ sentence }) => (
              <figure key={sentence} class="evidence">
                <blockquote lang={article.language}>
                  <p>
                    {open}
                    {sentence}
                    {close}
                  </p>
                </blockquote>
                <figcaption class="visually-hidden">{t('cardEvidenceLabel')}</figcaption>
              </figure>
            ))}
            <details>
              <summary>{t('cardSummary')}</summary>
              <p lang={language}>{article.summary[language]}</p>
            </details>
          </section>
        );
      })}

      <dl class="facts">
        <Related {...props} entity={entity} />
        <Topics {...props} entity={entity} />
      </dl>

      {match && (
        <footer>
          <p class="why">
            <span class="why-label">{t('cardWhyMatched')}</span> {t('cardMatchedAlias', match.rule.text)} · {ruleSummary(match.rule, t)}
          </p>
          {onNotThisHere && (
            <button type="button" class="action" onClick={onNotThisHere}>
              {t(entity.type === 'company' ? 'cardNotThisHere' : entity.type === 'person' ? 'cardNotThisPersonHere' : 'cardNotThisOneHere')}
            </button>
          )}
        </footer>
      )}
    </div>
  );
}

export interface NoticeProps {
  message: string;
  t: PageTranslate;
  language: Language;
  onUndo?: () => void;
  onDismiss: () => void;
}

/**
 * What a one-click action did, with a way to undo it right here (options can undo it
 * later too). Rendered into a live region the controller keeps, so it is announced.
 */
export function NoticeView({ message, t, language, onUndo, onDismiss }: NoticeProps) {
  return (
    <div class="notice" lang={language}>
      <p>{message}</p>
      {onUndo && (
        <button type="button" class="action" onClick={onUndo}>
          {t('cardUndo')}
        </button>
      )}
      <button type="button" class="close" aria-label={t('cardDismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
