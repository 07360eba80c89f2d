import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLanguage, translator, type Translate } from '../i18n/messages';
import type { KnowledgeBase, Language } from '../knowledge/types';
import type { Settings } from '../settings/settings';
import { readSettings, watchSettings } from '../settings/storage';
import { useStored } from './use-stored';

export interface SettingsState {
  settings: Settings;
  language: Language;
  t: Translate;
}

/** The reader's settings, kept current while the page is open (null until loaded). */
export function useSettings(kb: KnowledgeBase): SettingsState | null {
  // Silent: the background owns repairs (it reports and writes them back); a page only needs valid settings.
  const settings = useStored(() => readSettings(kb), (onChange, signal) => watchSettings(kb, onChange, signal), [kb]);
  if (!settings) return null;
  const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
  return { settings, language, t: translator(language) };
}

/** Keeps `<html lang>` in step with the UI language, for screen readers. */
export function useDocumentLanguage(language: Language | undefined): void {
  useEffect(() => {
    if (language) document.documentElement.lang = language;
  }, [language]);
}
