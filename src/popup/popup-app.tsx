import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KnowledgeBase, Language } from '../knowledge/types';
import { sendToTab } from '../messaging/protocol';
import { switchInOffList } from '../settings/settings';
import { updateSettings } from '../settings/storage';
import { EntityDetails } from '../ui/entity-details';
import { useReadersKnowledge } from '../ui/use-readers-knowledge';
import { useDocumentLanguage, useSettings } from '../ui/use-settings';
import { ArticleSummary } from './article-summary';
import { PageList } from './page-list';
import { SearchPanel } from './search-panel';
import { usePageReport, useTabUrl } from './use-page-report';

/**
 * The toolbar popup: this page's mentions, a search over the knowledge base, and the
 * article's summary. An entity opened from the search replaces the main view, which
 * stays mounted (hidden) so that the query, the scroll position and the button that
 * opened it are all still there on the way back.
 */
export function PopupApp({ bundled }: { bundled: KnowledgeBase }) {
  // The reader's knowledge base: the page's mentions may be of entities their own articles brought.
  const kb = useReadersKnowledge(bundled)?.kb ?? bundled;
  const state = useSettings(kb);
  const { tabId, report } = usePageReport();
  const tabUrl = useTabUrl(tabId);
  const [shownArticleId, setShownArticleId] = useState<string>();
  const [summaryLanguage, setSummaryLanguage] = useState<Language>();
  const [query, setQuery] = useState('');
  /** Entities opened, the last one shown: related entities stack on it, Back pops. */
  const [trail, setTrail] = useState<string[]>([]);
  const returnFocus = useRef<HTMLElement | null>(null);
  useDocumentLanguage(state?.language);

  const detailId = trail.at(-1);
  useEffect(() => {
    if (detailId === undefined && returnFocus.current?.isConnected) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  }, [detailId]);

  // Escape goes back from the details wherever focus is (it may still be on the way to the heading).
  useEffect(() => {
    if (detailId === undefined) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setTrail((current) => current.slice(0, -1));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [detailId]);

  if (!state) return null;
  const { t, language, settings } = state;
  // The article shown: one picked from the list, else the one this page is (when the reader added it), else the bundled one.
  const withoutFragment = (url: string | undefined) => url?.split('#')[0];
  const pageArticle = tabUrl === undefined ? undefined : kb.articles.find((candidate) => withoutFragment(candidate.source) === withoutFragment(tabUrl));
  const article = kb.articles.find((candidate) => candidate.id === shownArticleId) ?? pageArticle ?? kb.articles[0];
  if (!article) return null;
  const addArticle = () => {
    void browser.tabs.create({ url: `${browser.runtime.getURL('/add-article.html')}?tab=${tabId}` }).then(() => window.close());
  };

  const reveal = (entityId: string) => {
    if (tabId === undefined) return;
    sendToTab(tabId, 'revealMention', { entityId }).catch(() => {
      // The tab closed or navigated while the popup was open: the live list catches up.
    });
  };
  const open = (entityId: string) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTrail([entityId]);
  };
  const back = () => setTrail((current) => current.slice(0, -1));
  const countOnPage = (entityId: string) => report?.entities.find((item) => item.entityId === entityId)?.count ?? 0;

  return (
    <>
      {detailId !== undefined && (
        <main class="popup details">
          <button type="button" class="back" onClick={back}>
            <span aria-hidden="true">← </span>
            {t('popupBack')}
          </button>
          <EntityDetails
            kb={kb}
            entityId={detailId}
            language={language}
            t={t}
            mentionsOnPage={countOnPage(detailId)}
            onShowOnPage={() => reveal(detailId)}
            onSelectEntity={(entityId) => setTrail((current) => [...current, entityId])}
          />
        </main>
      )}
      <main class="popup" hidden={detailId !== undefined}>
        <header>
          <h1 lang={article.language}>{article.title}</h1>
          <p class="meta">{t('popupArticleLanguage', t(`language_${article.language}`))}</p>
          {/* A web page Backstory reads (it reports on it) can be added; one added already says so. */}
          {pageArticle ? (
            <p class="meta added">{t('popupAddedArticle')}</p>
          ) : (
            report?.site !== undefined && report !== null && tabId !== undefined && (
              <button type="button" class="add" onClick={addArticle}>
                {t('popupAddArticle')}
              </button>
            )
          )}
        </header>
        <PageList
          kb={kb}
          report={report}
          settings={settings}
          language={language}
          t={t}
          onReveal={reveal}
          onSiteSwitch={(site, on) => void updateSettings(kb, (s) => void (s.disabledSites = switchInOffList(s.disabledSites, site, on)))}
        />
        <SearchPanel kb={kb} query={query} language={language} t={t} onQuery={setQuery} onOpen={open} />
        <ArticleSummary kb={kb} article={article} shown={summaryLanguage ?? language} language={language} t={t} onShow={setSummaryLanguage} />
        {kb.articles.length > 1 && (
          <details class="all-articles">
            <summary>{t('popupAllArticles', kb.articles.length)}</summary>
            <ul>
              {kb.articles.map((item) => (
                <li key={item.id}>
                  <button type="button" class="link" aria-pressed={item.id === article.id} aria-label={t('popupShowSummary', item.title)} onClick={() => setShownArticleId(item.id)}>
                    <span lang={item.language}>{item.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <footer>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOptions')}
          </button>
        </footer>
      </main>
    </>
  );
}
