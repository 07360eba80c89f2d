import en from '../../assets/public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../assets/public/_locales/fr/messages.json' with { type: 'json' };
import type { Language, RelationType } from '../knowledge/types';

/**
 * UI strings come from the extension's `_locales`, but are read here rather than
 * through `browser.i18n`, which cannot follow the language chosen in options.
 */
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogs: Record<Language, Catalog> = { en, fr };

export type MessageKey = keyof typeof en;

export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

export function translator(language: Language): Translate {
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

/** The UI language: the user's choice, else the browser's when we speak it, else English. */
export function resolveLanguage(choice: 'auto' | Language, browserLanguage: string | undefined): Language {
  if (choice !== 'auto') return choice;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Message keys may not contain hyphens (Chrome rejects the whole extension), relation types do. */
export const RELATION_LABELS: Record<RelationType, MessageKey> = {
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
