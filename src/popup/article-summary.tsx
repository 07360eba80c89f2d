import { topicById } from '../knowledge/knowledge-base';
import { LANGUAGES, type Article, type KnowledgeBase, type Language } from '../knowledge/types';
import type { Translate } from '../i18n/messages';

/** Each language names itself on its switch: English / Français. */
const OWN_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

interface ArticleSummaryProps {
  kb: KnowledgeBase;
  article: Article;
  /** The language the summary is shown in (the UI's, until the reader switches). */
  shown: Language;
  language: Language;
  t: Translate;
  onShow: (language: Language) => void;
}

/** The article's full summary in one language with a switch to the other, its key points and its topics. */
export function ArticleSummary({ kb, article, shown, language, t, onShow }: ArticleSummaryProps) {
  return (
    <section class="article" aria-labelledby="summary-title">
      <div class="section-head">
        <h2 id="summary-title">{t('popupSummary')}</h2>
        {/* An article the reader added is summed up in its own sentences, in its own language only. */}
        {!article.addedAt && <div class="segmented" role="group" aria-label={t('popupSummaryLanguage')}>
          {LANGUAGES.map((option) => (
            <button key={option} type="button" lang={option} aria-pressed={option === shown} onClick={() => onShow(option)}>
              {OWN_NAMES[option]}
            </button>
          ))}
        </div>}
      </div>
      <p class="summary" lang={article.addedAt ? article.language : shown} data-testid="summary">
        {article.summary[shown]}
      </p>
      {article.keyPoints.length > 0 && (
        <>
          <h3>{t('popupKeyPoints')}</h3>
          <ul class="key-points" lang={shown}>
            {article.keyPoints.map((point) => (
              <li key={point.en}>{point[shown]}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('popupTopics')}</h3>
      <ul class="chips">
        {article.topics.map((id) => (
          <li class="chip" key={id}>
            {topicById(kb, id)?.label[language]}
          </li>
        ))}
      </ul>
    </section>
  );
}
