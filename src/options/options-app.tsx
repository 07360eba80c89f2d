import { entityById } from '../knowledge/knowledge-base';
import type { KnowledgeBase } from '../knowledge/types';
import { CARD_DELAY_RANGE, defaultSettings, HIGHLIGHT_STYLES, type Settings } from '../settings/settings';
import { saveSettings } from '../settings/storage';
import { useDocumentLanguage, useSettings } from '../ui/use-settings';

const toggled = (list: string[], id: string, on: boolean) => (on ? list.filter((x) => x !== id) : [...new Set([...list, id])]);

/** The options page: every change is saved at once, and open tabs follow through storage. */
export function OptionsApp({ kb }: { kb: KnowledgeBase }) {
  const state = useSettings(kb);
  useDocumentLanguage(state?.language);
  if (!state) return null;
  const { settings, t, language } = state;
  const change = (patch: Partial<Settings>) => void saveSettings({ ...settings, ...patch });
  const styleLabels = { underline: t('optionsStyleUnderline'), background: t('optionsStyleBackground'), none: t('optionsStyleNone') };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t('optionsTopics')}</h2>
        <p class="help">{t('optionsTopicsHelp')}</p>
        {kb.topics.map((topic) => {
          const topicOn = !settings.disabledTopics.includes(topic.id);
          const members = kb.entities.filter((entity) => entity.topics.includes(topic.id) && entity.aliases.length > 0);
          return (
            <fieldset key={topic.id} class="topic">
              <legend>
                <label>
                  <input
                    type="checkbox"
                    role="switch"
                    data-topic={topic.id}
                    checked={topicOn}
                    onChange={(event) => change({ disabledTopics: toggled(settings.disabledTopics, topic.id, event.currentTarget.checked) })}
                  />
                  {topic.label[language]}
                </label>
              </legend>
              <ul>
                {members.map((entity) => (
                  <li key={entity.id}>
                    <label>
                      <input
                        type="checkbox"
                        data-entity={entity.id}
                        checked={!settings.disabledEntities.includes(entity.id)}
                        onChange={(event) => change({ disabledEntities: toggled(settings.disabledEntities, entity.id, event.currentTarget.checked) })}
                      />
                      {entity.name[language]}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('optionsSites')}</h2>
        <h3>{t('optionsDisabledSites')}</h3>
        {settings.disabledSites.length === 0 ? (
          <p class="help">{t('optionsNoDisabledSites')}</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" aria-label={`${t('optionsRemove')}: ${site}`} onClick={() => change({ disabledSites: settings.disabledSites.filter((x) => x !== site) })}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('optionsIgnoredAliases')}</h3>
        {settings.ignoredAliases.length === 0 ? (
          <p class="help">{t('optionsNoIgnoredAliases')}</p>
        ) : (
          <ul>
            {settings.ignoredAliases.map((item) => {
              const label = `“${item.alias}” (${entityById(kb, item.entityId)?.name[language]}) — ${item.site}`;
              return (
                <li key={`${item.site}|${item.entityId}|${item.alias}`}>
                  {label}{' '}
                  <button type="button" aria-label={`${t('optionsRemove')}: ${label}`} onClick={() => change({ ignoredAliases: settings.ignoredAliases.filter((x) => x !== item) })}>
                    {t('optionsRemove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="display-title">
        <h2 id="display-title">{t('optionsDisplay')}</h2>
        <fieldset>
          <legend>{t('optionsHighlightStyle')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style}>
              <input type="radio" name="highlight-style" value={style} checked={settings.highlightStyle === style} onChange={() => change({ highlightStyle: style })} />
              {styleLabels[style]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsMentions')}</legend>
          <label>
            <input type="radio" name="mentions" checked={!settings.firstMentionOnly} onChange={() => change({ firstMentionOnly: false })} />
            {t('optionsEveryMention')}
          </label>
          <label>
            <input type="radio" name="mentions" checked={settings.firstMentionOnly} onChange={() => change({ firstMentionOnly: true })} />
            {t('optionsFirstMention')}
          </label>
        </fieldset>
        <label class="field">
          {t('optionsCardDelay')}
          <input
            type="number"
            min={CARD_DELAY_RANGE.min}
            max={CARD_DELAY_RANGE.max}
            step={50}
            value={settings.cardDelayMs}
            onChange={(event) => {
              const value = event.currentTarget.valueAsNumber;
              if (Number.isFinite(value)) change({ cardDelayMs: Math.min(CARD_DELAY_RANGE.max, Math.max(CARD_DELAY_RANGE.min, Math.round(value))) });
            }}
          />
        </label>
        <label class="field">
          {t('optionsLanguage')}
          <select value={settings.language} onChange={(event) => change({ language: event.currentTarget.value as Settings['language'] })}>
            <option value="auto">{t('optionsLanguageAuto')}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        <button type="button" onClick={() => void saveSettings(defaultSettings())}>
          {t('optionsReset')}
        </button>
      </section>
    </main>
  );
}
