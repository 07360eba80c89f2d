import type { Translate } from '../i18n/messages';
import type { KnowledgeBase, Language } from '../knowledge/types';
import type { PageReport } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { NAV_ITEM, onListKeyDown } from '../ui/list-keys';
import { groupMentionsByTopic } from './group-mentions';

interface PageListProps {
  kb: KnowledgeBase;
  report: PageReport | null | undefined;
  settings: Settings;
  language: Language;
  t: Translate;
  onReveal: (entityId: string) => void;
  onSiteSwitch: (site: string, on: boolean) => void;
}

/** "1 mention", "3 mentions" (the extension's message format has no plurals). */
export const mentionCount = (t: Translate, count: number) => (count === 1 ? t('popupOneMention') : t('popupMentionCount', count));

/** "On this page": the entities the active tab mentions, grouped by topic, followed live. */
export function PageList({ kb, report, settings, language, t, onReveal, onSiteSwitch }: PageListProps) {
  const groups = report ? groupMentionsByTopic(kb, report.entities, settings) : [];
  const siteOn = report?.site !== undefined && !settings.disabledSites.includes(report.site);
  return (
    <section class="page-list" aria-labelledby="page-title" aria-busy={report === undefined || report?.scanning === true}>
      <h2 id="page-title">{t('popupOnThisPage')}</h2>
      <div aria-live="polite">
        {report === null && <p class="note">{t('popupNoPageAccess')}</p>}
        {report && !siteOn && report.site !== undefined && <p class="note">{t('popupSiteOff', report.site)}</p>}
        {report && siteOn && report.scanning && report.entities.length === 0 && <p class="note">{t('popupScanning')}</p>}
        {report && siteOn && !report.scanning && report.entities.length === 0 && <p class="note">{t('popupNoMentions')}</p>}
      </div>
      {groups.length > 0 && (
        <div class="groups" onKeyDown={(event) => onListKeyDown(event)}>
          {groups.map(({ topic, total, entities }) => (
            <div class="group" key={topic.id}>
              <h3 id={`topic-${topic.id}`}>
                {topic.label[language]} <span class="count">· {mentionCount(t, total)}</span>
              </h3>
              <ul class="mentions" aria-labelledby={`topic-${topic.id}`}>
                {entities.map(({ entity, count }) => (
                  <li key={entity.id}>
                    {/* Named by its content, "Huawei, 1 mention": the bare number is shown, the words are read. */}
                    <button type="button" {...{ [NAV_ITEM]: '' }} data-entity={entity.id} onClick={() => onReveal(entity.id)}>
                      <span class="name">{entity.name[language]}</span>
                      <span class="visually-hidden">, {mentionCount(t, count)}</span>
                      <span class="count" aria-hidden="true">
                        {count}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {report?.site !== undefined && (
        <label class="switch">
          <input type="checkbox" role="switch" checked={siteOn} onChange={(event) => onSiteSwitch(report.site!, event.currentTarget.checked)} />
          <span>
            {t('popupHighlightSite')} <span class="meta">({report.site})</span>
          </span>
        </label>
      )}
    </section>
  );
}
