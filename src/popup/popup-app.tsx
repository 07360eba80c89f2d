import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CardView } from '../card/card-view';
import { entityById, topicById } from '../knowledge/knowledge-base';
import { LANGUAGES, type KnowledgeBase, type Language } from '../knowledge/types';
import { PAGE_REPORT_PORT, sendToTab, type PageReport } from '../messaging/protocol';
import { updateSettings } from '../settings/storage';
import { useDocumentLanguage, useSettings } from '../ui/use-settings';
import { createEntitySearch } from './search';

/** The tab the popup reports on: the active one, or `?tab=ID` (how tests address a real tab). */
async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Follows the tab's page report live; null when no content script answers (a page we cannot read). */
function usePageReport(): { tabId: number | undefined; report: PageReport | null | undefined } {
  const [tabId, setTabId] = useState<number>();
  const [report, setReport] = useState<PageReport | null>();
  useEffect(() => {
    let port: ReturnType<typeof browser.tabs.connect> | undefined;
    void targetTabId().then((id) => {
      setTabId(id);
      if (id === undefined) return setReport(null);
      port = browser.tabs.connect(id, { name: PAGE_REPORT_PORT });
      port.onMessage.addListener((message) => setReport(message as PageReport));
      port.onDisconnect.addListener(() => setReport((current) => current ?? null));
    });
    return () => port?.disconnect();
  }, []);
  return { tabId, report };
}

export function PopupApp({ kb }: { kb: KnowledgeBase }) {
  const state = useSettings(kb);
  const { tabId, report } = usePageReport();
  const [summaryLanguage, setSummaryLanguage] = useState<Language>();
  const [query, setQuery] = useState('');
  const [detailId, setDetailId] = useState<string>();
  const search = useMemo(() => createEntitySearch(kb), [kb]);
  useDocumentLanguage(state?.language);
  if (!state) return null;
  const { t, language, settings } = state;
  const article = kb.articles[0]!;
  const shownLanguage = summaryLanguage ?? language;
  const otherLanguage = LANGUAGES.find((l) => l !== shownLanguage)!;
  const results = search(query);

  if (detailId) {
    return (
      <main class="popup">
        <button type="button" class="back" onClick={() => setDetailId(undefined)}>
          ← {t('popupBack')}
        </button>
        <CardView kb={kb} entityId={detailId} language={language} t={t} onSelectEntity={setDetailId} onClose={() => setDetailId(undefined)} />
      </main>
    );
  }

  const byTopic = kb.topics
    .map((topic) => ({
      topic,
      entities: (report?.entities ?? []).filter(({ entityId }) => entityById(kb, entityId)?.topics[0] === topic.id),
    }))
    .filter((group) => group.entities.length > 0);

  return (
    <main class="popup">
      <header>
        <h1>{article.title}</h1>
        <p class="meta">{t('popupArticleLanguage', t(`language_${article.language}`))}</p>
      </header>

      <section aria-labelledby="summary-title">
        <div class="section-head">
          <h2 id="summary-title">{t('popupSummary')}</h2>
          <button type="button" class="switch-language" lang={otherLanguage} onClick={() => setSummaryLanguage(otherLanguage)}>
            {translatorLabel(otherLanguage)}
          </button>
        </div>
        <p class="summary" lang={shownLanguage} data-testid="summary">
          {article.summary[shownLanguage]}
        </p>
        <h3>{t('popupKeyPoints')}</h3>
        <ul class="key-points" lang={shownLanguage}>
          {article.keyPoints.map((point) => (
            <li key={point.en}>{point[shownLanguage]}</li>
          ))}
        </ul>
        <h3>{t('popupTopics')}</h3>
        <ul class="chips">
          {article.topics.map((id) => (
            <li class="chip" key={id}>{topicById(kb, id)?.label[language]}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="page-title">
        <h2 id="page-title">{t('popupOnThisPage')}</h2>
        {report === null && <p class="note">{t('popupNoPageAccess')}</p>}
        {report && report.entities.length === 0 && !report.scanning && <p class="note">{t('popupNoMentions')}</p>}
        {byTopic.map(({ topic, entities }) => (
          <div key={topic.id}>
            <h3>{topic.label[language]}</h3>
            <ul class="mentions">
              {entities.map(({ entityId, count }) => (
                <li key={entityId}>
                  <button type="button" onClick={() => tabId !== undefined && void sendToTab(tabId, 'revealMention', { entityId })}>
                    <span>{entityById(kb, entityId)?.name[language]}</span>
                    <span class="count" aria-label={t('popupMentionCount', count)}>{count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {report?.site && (
          <label class="site-switch">
            <input
              type="checkbox"
              role="switch"
              checked={!settings.disabledSites.includes(report.site)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                const site = report.site!;
                void updateSettings(kb, (s) => {
                  s.disabledSites = on ? s.disabledSites.filter((x) => x !== site) : [...new Set([...s.disabledSites, site])];
                });
              }}
            />
            {t('popupHighlightSite')} ({report.site})
          </label>
        )}
      </section>

      <section aria-labelledby="search-title">
        <h2 id="search-title">
          <label for="search">{t('popupSearch')}</label>
        </h2>
        <input id="search" type="search" placeholder={t('popupSearchPlaceholder')} value={query} onInput={(event) => setQuery(event.currentTarget.value)} autoComplete="off" />
        {query.trim() !== '' && (
          <ul class="results" aria-live="polite">
            {results.length === 0 && <li class="note">{t('popupNoResults')}</li>}
            {results.map((entity) => (
              <li key={entity.id}>
                <button type="button" onClick={() => setDetailId(entity.id)}>
                  <strong>{entity.name[language]}</strong> <span class="meta">{t(`entityType_${entity.type}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <footer>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}

/** The switch names the other language in that language (English / Français). */
function translatorLabel(language: Language): string {
  return language === 'en' ? 'English' : 'Français';
}
