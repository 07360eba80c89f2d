import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '../i18n/messages';
import { entityById } from '../knowledge/knowledge-base';
import { LOOKS } from '../page/highlight-styles';
import type { KnowledgeBase, Language } from '../knowledge/types';
import { CARD_DELAY_RANGE, defaultSettings, HIGHLIGHT_STYLES, isEntityEnabled, siteFromInput, switchInOffList, type HighlightStyle, type Settings } from '../settings/settings';
import { saveSettings, updateSettings } from '../settings/storage';
import { useReadersKnowledge } from '../ui/use-readers-knowledge';
import { useDocumentLanguage, useSettings } from '../ui/use-settings';
import { ArticlesSection } from './articles-section';

/**
 * Firefox paints no underline on highlighted text (src/page/highlight-styles.ts): options
 * there offers no underline, says why, and shows an underline chosen before as the tint it is.
 */
const NO_UNDERLINE = import.meta.env.FIREFOX;
const OFFERED_STYLES = NO_UNDERLINE ? HIGHLIGHT_STYLES.filter((style) => style !== 'underline') : HIGHLIGHT_STYLES;
const shownAs = (style: HighlightStyle): HighlightStyle => (NO_UNDERLINE && style === 'underline' ? 'tint' : style);

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  tint: 'optionsStyleTint',
  underline: 'optionsStyleUnderline',
  background: 'optionsStyleBackground',
  none: 'optionsStyleNone',
};

interface SectionProps {
  kb: KnowledgeBase;
  settings: Settings;
  language: Language;
  t: Translate;
  /** Changes the stored settings (read fresh, so two open pages do not undo each other). */
  change: (mutate: (settings: Settings) => void) => void;
}

/**
 * The options page. Every change is saved at once; open tabs follow through storage
 * (their content scripts watch the settings), so nothing needs a reload.
 */
export function OptionsApp({ bundled }: { bundled: KnowledgeBase }) {
  const library = useReadersKnowledge(bundled);
  const kb = library?.kb ?? bundled;
  const state = useSettings(kb);
  /** The last change's confirmation: a key, shown in the language in force now (a reset may change it), or words. */
  const [status, setStatus] = useState<MessageKey | { said: string }>();
  useDocumentLanguage(state?.language);
  if (!state || !library) return null;
  const { settings, t, language } = state;
  const change = (mutate: (settings: Settings) => void) => {
    void updateSettings(kb, mutate).then(() => setStatus('optionsSaved'));
  };
  const props: SectionProps = { kb, settings, language, t, change };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <ArticlesSection bundled={bundled} packs={library.packs} unreadable={library.unreadable.length} language={language} t={t} onDone={(said) => setStatus({ said })} />
      <TopicsSection {...props} />
      <SitesSection {...props} />
      <DisplaySection {...props} onReset={() => void saveSettings(defaultSettings()).then(() => setStatus('optionsResetDone'))} />
      <p class="status" role="status" aria-live="polite">
        {status && (typeof status === 'string' ? t(status) : status.said)}
      </p>
      <footer class="privacy">
        {/* PRIVACY.md, rendered into each build as privacy.html (wxt.config.ts): offline, in the extension. */}
        {t('optionsPrivacyNote')} <a href="/privacy.html">{t('optionsPrivacyPolicy')}</a>
      </footer>
    </main>
  );
}

function TopicsSection({ kb, settings, language, t, change }: SectionProps) {
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title">{t('optionsTopics')}</h2>
      <p class="help" id="topics-help">
        {t('optionsTopicsHelp')}
      </p>
      {kb.topics.map((topic) => {
        const topicOn = !settings.disabledTopics.includes(topic.id);
        // Entities with no alias (context reached through relations) are never highlighted: nothing to switch.
        const members = kb.entities.filter((entity) => entity.topics.includes(topic.id) && entity.aliases.length > 0);
        const listId = `topic-${topic.id}-entities`;
        return (
          <fieldset key={topic.id} class="topic" data-topic-group={topic.id}>
            <legend>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  data-topic={topic.id}
                  checked={topicOn}
                  aria-controls={listId}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    change((s) => void (s.disabledTopics = switchInOffList(s.disabledTopics, topic.id, on)));
                  }}
                />
                <span>{topic.label[language]}</span>
              </label>
            </legend>
            <ul id={listId} class="entities">
              {members.map((entity) => {
                const entityOn = !settings.disabledEntities.includes(entity.id);
                const offByTopics = entityOn && !isEntityEnabled(entity, settings);
                const hintId = `entity-${topic.id}-${entity.id}-hint`;
                return (
                  <li key={entity.id} class={isEntityEnabled(entity, settings) ? undefined : 'off'}>
                    <label>
                      <input
                        type="checkbox"
                        data-entity={entity.id}
                        checked={entityOn}
                        aria-describedby={offByTopics ? hintId : undefined}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          change((s) => void (s.disabledEntities = switchInOffList(s.disabledEntities, entity.id, on)));
                        }}
                      />
                      {entity.name[language]}
                    </label>
                    {offByTopics && (
                      <span class="hint" id={hintId}>
                        {t('optionsEntityOffWithTopics')}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </section>
  );
}

function SitesSection({ kb, settings, language, t, change }: SectionProps) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const addSite = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(draft);
    setInvalid(site === undefined);
    if (site === undefined) return;
    change((s) => void (s.disabledSites = switchInOffList(s.disabledSites, site, false)));
    setDraft('');
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optionsSites')}</h2>
      <h3 id="disabled-sites-title">{t('optionsDisabledSites')}</h3>
      {settings.disabledSites.length === 0 ? (
        <p class="help">{t('optionsNoDisabledSites')}</p>
      ) : (
        <ul class="removable" aria-labelledby="disabled-sites-title">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={t('optionsRemoveNamed', site)} onClick={() => change((s) => void (s.disabledSites = switchInOffList(s.disabledSites, site, true)))}>
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={addSite}>
        <label for="add-site">{t('optionsAddSite')}</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          placeholder="news.example.com"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'add-site-error' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit">{t('optionsAdd')}</button>
        {invalid && (
          <span id="add-site-error" class="error">
            {t('optionsInvalidSite')}
          </span>
        )}
      </form>

      <h3 id="ignored-title">{t('optionsIgnoredAliases')}</h3>
      <p class="help">{t('optionsIgnoredAliasesHelp')}</p>
      {settings.ignoredAliases.length === 0 ? (
        <p class="help">{t('optionsNoIgnoredAliases')}</p>
      ) : (
        <ul class="removable" aria-labelledby="ignored-title">
          {settings.ignoredAliases.map((item) => {
            const label = t('optionsIgnoredAlias', item.alias, entityById(kb, item.entityId)?.name[language] ?? item.entityId, item.site);
            return (
              <li key={`${item.site}|${item.entityId}|${item.alias}`}>
                <span>{label}</span>
                <button
                  type="button"
                  aria-label={t('optionsRemoveNamed', label)}
                  onClick={() =>
                    change((s) => {
                      s.ignoredAliases = s.ignoredAliases.filter((x) => !(x.site === item.site && x.entityId === item.entityId && x.alias === item.alias));
                    })
                  }
                >
                  {t('optionsRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function DisplaySection({ settings, t, change, onReset }: SectionProps & { onReset: () => void }) {
  return (
    <section aria-labelledby="display-title">
      <h2 id="display-title">{t('optionsDisplay')}</h2>
      <fieldset aria-describedby={NO_UNDERLINE ? 'style-note' : undefined}>
        <legend>{t('optionsHighlightStyle')}</legend>
        {OFFERED_STYLES.map((style) => (
          <label key={style}>
            <input type="radio" name="highlight-style" value={style} checked={shownAs(settings.highlightStyle) === style} onChange={() => change((s) => void (s.highlightStyle = style))} />
            {/* Each sample wears the look it names, from the one table the highlights use. */}
            <span class="sample" style={LOOKS[style]}>{t(STYLE_LABELS[style])}</span>
          </label>
        ))}
        {NO_UNDERLINE && (
          <p class="style-note" id="style-note">
            {t('optionsStyleFirefoxNote')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('optionsMentions')}</legend>
        <label>
          <input type="radio" name="mentions" value="every" checked={!settings.firstMentionOnly} onChange={() => change((s) => void (s.firstMentionOnly = false))} />
          {t('optionsEveryMention')}
        </label>
        <label>
          <input type="radio" name="mentions" value="first" checked={settings.firstMentionOnly} onChange={() => change((s) => void (s.firstMentionOnly = true))} />
          {t('optionsFirstMention')}
        </label>
      </fieldset>
      <div class="field">
        <label for="card-delay">{t('optionsCardDelay')}</label>
        <input
          id="card-delay"
          type="number"
          min={CARD_DELAY_RANGE.min}
          max={CARD_DELAY_RANGE.max}
          step={50}
          value={settings.cardDelayMs}
          aria-describedby="card-delay-help"
          onChange={(event) => {
            const value = event.currentTarget.valueAsNumber;
            const delay = Number.isFinite(value) ? Math.min(CARD_DELAY_RANGE.max, Math.max(CARD_DELAY_RANGE.min, Math.round(value))) : settings.cardDelayMs;
            // Clamped (or restored) on screen too, so the field never shows what is not saved.
            event.currentTarget.value = String(delay);
            change((s) => void (s.cardDelayMs = delay));
          }}
        />
        <span class="help" id="card-delay-help">
          {t('optionsCardDelayHelp', CARD_DELAY_RANGE.min, CARD_DELAY_RANGE.max)}
        </span>
      </div>
      <div class="field">
        <label for="language">{t('optionsLanguage')}</label>
        <select id="language" value={settings.language} onChange={(event) => {
          const value = event.currentTarget.value as Settings['language'];
          change((s) => void (s.language = value));
        }}>
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="en" lang="en">English</option>
          <option value="fr" lang="fr">Français</option>
        </select>
      </div>
      <p>
        <button type="button" class="reset" onClick={onReset}>
          {t('optionsReset')}
        </button>
      </p>
    </section>
  );
}
