import type { Language } from '../knowledge/types';
import en from '../../assets/public/_locales/en/messages.json?page-strings';
import fr from '../../assets/public/_locales/fr/messages.json?page-strings';
import { translatorOf, type PageMessageKey, type PageTranslate } from './messages';

/**
 * The translator of what pages show, for the content script. Its catalogs are the
 * `_locales` cut to the strings pages show (`isPageMessageKey`) by the `?page-strings`
 * import (wxt.config.ts): both languages of every popup and options string would be a
 * tenth of the content script.
 */
export function pageTranslator(language: Language): PageTranslate {
  return translatorOf<PageMessageKey>({ en, fr }, language);
}
