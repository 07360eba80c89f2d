import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ENTITY_TYPES, type KnowledgeBase } from '../knowledge/types';
import type { KnowledgePack } from '../knowledge/pack';
import { StorageFullError, updatePacks } from '../library/storage';
import { buildPack, NoArticleError } from '../pack/build';
import { UI_HOST_TAG } from '../page/text-runs';
import { useReadersKnowledge } from '../ui/use-readers-knowledge';
import { useDocumentLanguage, useSettings } from '../ui/use-settings';
import { initialChoices, packToSave, type ReviewChoices } from './review';

/** The page the reader asked to add, as it is now in its tab: its HTML and its address. */
async function readTab(tabId: number): Promise<{ html: string; url: string }> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ html: document.documentElement.outerHTML, url: location.href }),
  });
  const result = injection?.result as { html: string; url: string } | undefined;
  if (!result) throw new Error('no result');
  return result;
}

/** Builds the pack of the article in `html`, on a parsed copy: the page in its tab is not touched. */
function packOf(html: string, url: string, kb: KnowledgeBase): KnowledgePack {
  const document = new DOMParser().parseFromString(html, 'text/html');
  // Our own UI host, when a card was open, is no part of the article.
  for (const host of document.querySelectorAll(UI_HOST_TAG)) host.remove();
  return buildPack(document, url, kb);
}

type Reading = { state: 'reading' } | { state: 'failed'; message: 'addArticleNoArticle' | 'addArticleNoPage' } | { state: 'read'; pack: KnowledgePack };

/**
 * The review of an article to add (opened by the popup's "Add this article", `?tab=ID`):
 * the pack builder runs here, in an extension page, on a copy of the tab's page; the reader
 * sees the title, the summary, the entities Backstory knows, the names it proposes (checkboxes,
 * none checked, with type and other names editable) and topics, and saves. Every open tab
 * picks the saved article up at once (src/content/readers-knowledge.ts).
 */
export function AddArticleApp({ bundled }: { bundled: KnowledgeBase }) {
  const library = useReadersKnowledge(bundled);
  const state = useSettings(library?.kb ?? bundled);
  const [reading, setReading] = useState<Reading>({ state: 'reading' });
  const [choices, setChoices] = useState<ReviewChoices | null>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useDocumentLanguage(state?.language);
  const kb = library?.kb;

  useEffect(() => {
    if (!kb || reading.state !== 'reading') return;
    const tab = new URLSearchParams(location.search).get('tab');
    void (async () => {
      try {
        const { html, url } = await readTab(Number(tab));
        const pack = packOf(html, url, kb);
        setChoices(initialChoices(pack));
        setReading({ state: 'read', pack });
      } catch (error) {
        setReading({ state: 'failed', message: error instanceof NoArticleError ? 'addArticleNoArticle' : 'addArticleNoPage' });
      }
    })();
  }, [kb]);

  if (!state || !kb) return null;
  const { t, language } = state;
  if (reading.state === 'reading') return <main class="add-article"><h1>{t('addArticleTitle')}</h1><p role="status">{t('addArticleReading')}</p></main>;
  if (reading.state === 'failed') return <main class="add-article"><h1>{t('addArticleTitle')}</h1><p role="alert">{t(reading.message)}</p></main>;
  const { pack } = reading;
  const current = choices!;
  const known = pack.entities.filter((entity) => entity.known);
  const proposed = pack.entities.filter((entity) => !entity.known);
  const change = (next: Partial<ReviewChoices>) => setChoices({ ...current, ...next });
  const changeProposal = (id: string, next: Partial<ReviewChoices['proposals'][string]>) =>
    change({ proposals: { ...current.proposals, [id]: { ...current.proposals[id]!, ...next } } });

  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const stored = packToSave(pack, current);
    try {
      // The same page added again replaces what was saved from it.
      await updatePacks((packs) => [...packs.filter((other) => other.id !== stored.id), stored]);
      setSaved(stored.entities.map((entity) => entity.name));
    } catch (error) {
      setProblem(error instanceof StorageFullError ? t('addArticleStorageFull') : String(error));
    }
  };

  return (
    <main class="add-article">
      <h1>{t('addArticleTitle')}</h1>
      <form onSubmit={(event) => void save(event)}>
        <h2 lang={pack.article.language}>{pack.article.title}</h2>
        <p class="help">{t('addArticleFrom', pack.article.source)}</p>
        <section aria-labelledby="summary-title">
          <h3 id="summary-title">{t('addArticleSummary')}</h3>
          <ol class="summary" lang={pack.article.language}>
            {pack.article.summary.map((sentence) => <li key={sentence}>{sentence}</li>)}
          </ol>
        </section>
        <section aria-labelledby="known-title">
          <h3 id="known-title">{t('addArticleKnown')}</h3>
          {known.length === 0 ? <p class="help">{t('addArticleKnownNone')}</p> : (
            <ul class="known">
              {known.map((entity) => <li key={entity.id}>{entity.name} <span class="help">({t('addArticleEvidence', entity.evidence.length)})</span></li>)}
            </ul>
          )}
        </section>
        <fieldset>
          <legend>{t('addArticleProposed')}</legend>
          {proposed.length === 0 && <p class="help">{t('addArticleProposedNone')}</p>}
          {proposed.map((entity) => {
            const choice = current.proposals[entity.id]!;
            return (
              <div class="proposal" key={entity.id}>
                <label class="name">
                  <input type="checkbox" checked={choice.add} onChange={(event) => changeProposal(entity.id, { add: event.currentTarget.checked })} />
                  {entity.name}
                </label>
                <select aria-label={t('addArticleType', entity.name)} value={choice.type} onChange={(event) => changeProposal(entity.id, { type: event.currentTarget.value as typeof choice.type })}>
                  {ENTITY_TYPES.map((type) => <option key={type} value={type}>{t(`entityType_${type}`)}</option>)}
                </select>
                <input type="text" aria-label={t('addArticleAliases', entity.name)} value={choice.aliases} onInput={(event) => changeProposal(entity.id, { aliases: event.currentTarget.value })} />
                <span class="help">{t('addArticleEvidence', entity.evidence.length)}</span>
              </div>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t('addArticleTopics')}</legend>
          {kb.topics.map((topic) => (
            <label key={topic.id}>
              <input
                type="checkbox"
                checked={current.topics.includes(topic.id)}
                onChange={(event) => change({ topics: event.currentTarget.checked ? [...current.topics, topic.id] : current.topics.filter((id) => id !== topic.id) })}
              />
              {topic.label[language]}
            </label>
          ))}
          <label class="field">
            {t('addArticleNewTopic')}
            <input type="text" value={current.newTopic} onInput={(event) => change({ newTopic: event.currentTarget.value })} />
          </label>
        </fieldset>
        <p class="buttons">
          <button type="submit" class="primary">{t('addArticleSave')}</button>
          <button type="button" onClick={() => window.close()}>{t('addArticleClose')}</button>
        </p>
        <p role="status">{saved && t('addArticleSaved', saved.join(', '))}</p>
        <p class="error" role="alert">{problem}</p>
      </form>
    </main>
  );
}
