import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/messages';
import { asciiSlug, parseStoredPack, type StoredPack } from '../knowledge/pack';
import type { KnowledgeBase, Language } from '../knowledge/types';
import { StorageFullError, updatePacks } from '../library/storage';

interface ArticlesProps {
  bundled: KnowledgeBase;
  packs: StoredPack[];
  unreadable: number;
  language: Language;
  t: Translate;
  /** Says what was done, in the page's status line. */
  onDone: (message: string) => void;
}

const fileNameOf = (title: string) => `${asciiSlug(title).slice(0, 60) || 'article'}.backstory.json`;

/** Saves `pack` as a file, as the browser saves a download: no permission needed, nothing leaves the machine. */
function exportPack(pack: StoredPack): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(pack, null, 2)}\n`], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileNameOf(pack.article.title) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The articles Backstory knows: the bundled one first, then the reader's, newest first, each
 * with export and delete; and the import of a pack file. A bad file is refused with what is
 * wrong in it (an alert) and changes nothing; so does a full storage.
 */
export function ArticlesSection({ bundled, packs, unreadable, language, t, onDone }: ArticlesProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const newestFirst = [...packs].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  const failed = (error: unknown) => setProblem(error instanceof StorageFullError ? t('optionsStorageFull') : String(error));

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setProblem(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      return setProblem(t('optionsImportBad', file.name, t('optionsImportNotJson', (error as Error).message)));
    }
    const read = parseStoredPack(json);
    if ('problem' in read) return setProblem(t('optionsImportBad', file.name, read.problem));
    try {
      // The same article imported again replaces the one stored.
      await updatePacks((stored) => [...stored.filter((pack) => pack.id !== read.pack.id), read.pack]);
      onDone(t('optionsImported', read.pack.article.title));
    } catch (error) {
      failed(error);
    }
  };

  const remove = (pack: StoredPack) => {
    setProblem(null);
    updatePacks((stored) => stored.filter((other) => other.id !== pack.id)).then(() => onDone(t('optionsDeleted', pack.article.title)), failed);
  };

  return (
    <section aria-labelledby="articles-title">
      <h2 id="articles-title">{t('optionsArticles')}</h2>
      <p class="help">{t('optionsArticlesHelp')}</p>
      <ul class="articles">
        {bundled.articles.map((article) => (
          <li key={article.id}>
            <span class="article-title" lang={article.language}>{article.title}</span>
            <span class="help">{t('optionsArticleBundled')}</span>
          </li>
        ))}
        {newestFirst.map((pack) => (
          <li key={pack.id} data-article={pack.id}>
            <span class="article-title" lang={pack.article.language}>{pack.article.title}</span>
            <span class="help">{t('optionsArticleAdded', new Date(pack.addedAt).toLocaleDateString(language), pack.entities.length)}</span>
            <span class="actions">
              <button type="button" aria-label={t('optionsExportNamed', pack.article.title)} onClick={() => exportPack(pack)}>
                {t('optionsExport')}
              </button>
              <button type="button" aria-label={t('optionsDeleteNamed', pack.article.title)} onClick={() => remove(pack)}>
                {t('optionsDelete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {unreadable > 0 && <p class="help">{t('optionsUnreadableArticles', unreadable)}</p>}
      <p class="field">
        <label for="import-pack">{t('optionsImport')}</label>
        <input id="import-pack" type="file" accept=".json,application/json" onChange={(event) => void importFile(event.currentTarget)} />
      </p>
      <p class="error" role="alert">
        {problem}
      </p>
    </section>
  );
}
