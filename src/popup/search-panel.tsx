import { useMemo, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/messages';
import type { KnowledgeBase, Language } from '../knowledge/types';
import { focusNavItem, NAV_ITEM, onListKeyDown } from '../ui/list-keys';
import { createEntitySearch } from './search';

interface SearchPanelProps {
  kb: KnowledgeBase;
  query: string;
  language: Language;
  t: Translate;
  onQuery: (query: string) => void;
  onOpen: (entityId: string) => void;
}

/** Search over the knowledge base; ArrowDown from the field enters the results, ArrowUp from the first leaves them. */
export function SearchPanel({ kb, query, language, t, onQuery, onOpen }: SearchPanelProps) {
  const search = useMemo(() => createEntitySearch(kb), [kb]);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const results = search(query);
  const searching = query.trim() !== '';
  return (
    <section class="search" aria-labelledby="search-title" role="search">
      <h2 id="search-title">
        <label for="search">{t('popupSearch')}</label>
      </h2>
      <input
        id="search"
        ref={input}
        type="search"
        placeholder={t('popupSearchPlaceholder')}
        value={query}
        autoComplete="off"
        spellcheck={false}
        aria-describedby="search-status"
        aria-controls="search-results"
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && focusNavItem(list.current)) event.preventDefault();
          if (event.key === 'Enter' && results[0]) {
            event.preventDefault();
            onOpen(results[0].entity.id);
          }
        }}
      />
      <p id="search-status" class="visually-hidden" aria-live="polite">
        {searching ? (results.length === 0 ? t('popupNoResults') : t('popupResultCount', results.length)) : ''}
      </p>
      {searching && results.length === 0 && (
        <p class="note" aria-hidden="true">
          {t('popupNoResults')}
        </p>
      )}
      <ul id="search-results" class="results" ref={list} hidden={!searching || results.length === 0} aria-label={t('popupResults')} onKeyDown={(event) => onListKeyDown(event, () => input.current?.focus())}>
        {results.map(({ entity, alias }) => (
          <li key={entity.id}>
            <button type="button" {...{ [NAV_ITEM]: '' }} data-entity={entity.id} onClick={() => onOpen(entity.id)}>
              <span class="name">
                {entity.name[language]}
                {alias && <span class="meta"> · {t('popupAlsoKnownAs', alias)}</span>}
              </span>
              <span class="meta">{t(`entityType_${entity.type}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
