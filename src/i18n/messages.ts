import en from '../../assets/public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../assets/public/_locales/fr/messages.json' with { type: 'json' };
import type { Language, RelationType } from '../knowledge/types';

/**
 * UI strings come from the extension's `_locales`, but are read here rather than
 * through `browser.i18n`, which cannot follow the language chosen in options.
 */
export type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export type MessageKey = keyof typeof en;

/**
 * Keys by where their strings show: these prefixes are the popup's, the options page's, the review of an added article's
 * and the manifest's; every other string shows in pages (the card, its notices). The
 * content script carries only those (page-messages.ts).
 */
const NOT_SHOWN_IN_PAGES = ['popup', 'options', 'addArticle', 'ext', 'command'] as const;

export type PageMessageKey = Exclude<MessageKey, `${(typeof NOT_SHOWN_IN_PAGES)[number]}${string}`>;

export const isPageMessageKey = (key: string): boolean => !NOT_SHOWN_IN_PAGES.some((prefix) => key.startsWith(prefix));

export type Translate<Key extends string = MessageKey> = (key: Key, ...substitutions: Array<string | number>) => string;

/** What pages show is translated with this (a full `Translate` is one too). */
export type PageTranslate = Translate<PageMessageKey>;

/** A translator over `catalogs`, falling back to English, then to the key itself. */
export function translatorOf<Key extends string>(catalogs: Record<Language, Catalog>, language: Language): Translate<Key> {
  return (key, ...substitutions) => {
    const entry = catalogs[language][key] ?? catalogs.en[key];
    if (!entry) return key;
    let message = entry.message;
    for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
      const value = substitutions[Number(content.slice(1)) - 1];
      message = message.replaceAll(`$${name.toUpperCase()}$`, String(value ?? ''));
    }
    return message;
  };
}

/** The translator of the extension's own pages (popup, options), over every string. */
export function translator(language: Language): Translate {
  return translatorOf({ en, fr }, language);
}

/** The UI language: the user's choice, else the browser's when we speak it, else English. */
export function resolveLanguage(choice: 'auto' | Language, browserLanguage: string | undefined): Language {
  if (choice !== 'auto') return choice;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Message keys may not contain hyphens (Chrome rejects the whole extension), relation types do. */
export const RELATION_LABELS: Record<RelationType, PageMessageKey> = {
  'subsidiary-of': 'relation_subsidiary_of',
  'parent-of': 'relation_parent_of',
  'founded-by': 'relation_founded_by',
  'founder-of': 'relation_founder_of',
  'competitor-of': 'relation_competitor_of',
  'sanctioned-by': 'relation_sanctioned_by',
  sanctions: 'relation_sanctions',
  'reported-by': 'relation_reported_by',
  'reports-on': 'relation_reports_on',
  'part-of': 'relation_part_of',
  includes: 'relation_includes',
};
