import { isAddedId } from '../knowledge/pack';
import type { Entity, KnowledgeBase, Language } from '../knowledge/types';
import { HIGHLIGHT_STYLES, type HighlightStyle } from '../page/highlight-styles';

/** What settings are checked against: the knowledge base's topics and entities. */
export type SettingsScope = Pick<KnowledgeBase, 'topics' | 'entities'>;

export { HIGHLIGHT_STYLES, type HighlightStyle };

export interface IgnoredAlias {
  site: string;
  entityId: string;
  alias: string;
}

export const CARD_DELAY_RANGE = { min: 0, max: 2000 } as const;

/** Everything the reader can change, as it starts; `Settings` is its type. */
const DEFAULTS = {
  /** Topics switched off (new topics in a later knowledge base start on). */
  disabledTopics: [] as string[],
  /** Entities switched off one by one. */
  disabledEntities: [] as string[],
  /** Host names where Backstory does nothing. */
  disabledSites: [] as string[],
  /** "Not this company here": an alias ignored on one site. */
  ignoredAliases: [] as IgnoredAlias[],
  highlightStyle: 'tint' as HighlightStyle,
  /** Highlight only the first mention of each entity on a page. */
  firstMentionOnly: false,
  /** How long the pointer rests on a mention before its card opens. */
  cardDelayMs: 300,
  language: 'auto' as 'auto' | Language,
};

/** Everything the reader can change; stored as one item so that a change is one write. */
export type Settings = typeof DEFAULTS;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(DEFAULTS);

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A site key as `siteOf` makes it: a host name (IDNs in punycode) or a bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Whether a string is a site key as stored (what `siteOf` gives for a real page). */
export const isSiteKey = (site: string): boolean => HOST.test(site);

/**
 * Repairs a stored value field by field: whatever is wrong (a wrong type, an id the
 * knowledge base no longer has, garbage) falls back to its default, and every repair
 * is described in `problems` so that it can be reported once.
 */
export function repairSettings(
  stored: unknown,
  kb: SettingsScope,
): { settings: Settings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (stored === null || stored === undefined) return { settings, problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings, problems: [`settings were ${Array.isArray(stored) ? 'a list' : typeof stored}, not an object: reset to defaults`] };
  }
  const raw = stored as Record<string, unknown>;
  const topicIds = new Set(kb.topics.map((topic) => topic.id));
  const entityIds = new Set(kb.entities.map((entity) => entity.id));

  const idList = (field: 'disabledTopics' | 'disabledEntities', known: Set<string>) => {
    const value = raw[field];
    if (value === undefined) return;
    if (!isStringList(value)) return problems.push(`${field} was not a list of ids: reset`);
    // The reader's own ids stay: their article may be added again, and the background knows only the bundled ones.
    const kept = [...new Set(value.filter((id) => known.has(id) || isAddedId(id)))];
    if (kept.length !== value.length) problems.push(`${field}: dropped unknown or repeated ids`);
    settings[field] = kept;
  };
  idList('disabledTopics', topicIds);
  idList('disabledEntities', entityIds);

  const sites = raw.disabledSites;
  if (sites !== undefined) {
    if (!isStringList(sites)) problems.push('disabledSites was not a list of sites: reset');
    else {
      const kept = [...new Set(sites.map((site) => site.trim().toLowerCase()).filter((site) => HOST.test(site)))];
      if (kept.length !== sites.length || kept.some((site, i) => site !== sites[i])) {
        problems.push('disabledSites: dropped invalid or repeated sites');
      }
      settings.disabledSites = kept;
    }
  }

  if (raw.ignoredAliases !== undefined) {
    if (!Array.isArray(raw.ignoredAliases)) problems.push('ignoredAliases was not a list: reset');
    else {
      const seen = new Set<string>();
      const kept = raw.ignoredAliases.filter((item: unknown): item is IgnoredAlias => {
        if (typeof item !== 'object' || item === null) return false;
        const { site, entityId, alias } = item as Record<string, unknown>;
        const valid =
          typeof site === 'string' && HOST.test(site) &&
          typeof alias === 'string' && alias.trim() !== '' &&
          typeof entityId === 'string' && (entityIds.has(entityId) || isAddedId(entityId));
        if (!valid) return false;
        const key = JSON.stringify([site, entityId, alias]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (kept.length !== raw.ignoredAliases.length) problems.push('ignoredAliases: dropped invalid or repeated entries');
      settings.ignoredAliases = kept.map(({ site, entityId, alias }) => ({ site, entityId, alias }));
    }
  }

  const choice = <K extends 'highlightStyle' | 'language'>(field: K, allowed: readonly Settings[K][]) => {
    const value = raw[field];
    if (value === undefined) return;
    if (allowed.includes(value as Settings[K])) settings[field] = value as Settings[K];
    else problems.push(`${field} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}: reset`);
  };
  choice('highlightStyle', HIGHLIGHT_STYLES);
  choice('language', ['auto', 'en', 'fr']);

  if (raw.firstMentionOnly !== undefined) {
    if (typeof raw.firstMentionOnly === 'boolean') settings.firstMentionOnly = raw.firstMentionOnly;
    else problems.push('firstMentionOnly was not true or false: reset');
  }
  if (raw.cardDelayMs !== undefined) {
    const delay = raw.cardDelayMs;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= CARD_DELAY_RANGE.min && delay <= CARD_DELAY_RANGE.max) {
      settings.cardDelayMs = Math.round(delay);
    } else problems.push(`cardDelayMs ${JSON.stringify(delay)} is not a number of milliseconds between ${CARD_DELAY_RANGE.min} and ${CARD_DELAY_RANGE.max}: reset`);
  }

  for (const field of Object.keys(raw)) {
    if (!(field in DEFAULT_SETTINGS)) problems.push(`unknown setting "${field}": dropped`);
  }
  return { settings, problems };
}

/** A list of what is off, after switching `id` on (removed) or off (added once). */
export function switchInOffList(list: readonly string[], id: string, on: boolean): string[] {
  return on ? list.filter((item) => item !== id) : [...new Set([...list, id])];
}

/** An entity is highlighted while it is on and at least one of its topics is on. */
export function isEntityEnabled(entity: Pick<Entity, 'id' | 'topics'>, settings: Settings): boolean {
  if (settings.disabledEntities.includes(entity.id)) return false;
  return entity.topics.some((topic) => !settings.disabledTopics.includes(topic));
}

/** The site key of a page: its host name (with the port when there is one). */
export function siteOf(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** A site as the reader types it ("https://News.example.com/page", "news.example.com") → its site key. */
export function siteFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const site = siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  // Chrome's URL parser percent-encodes what no host may hold ("a b" → "a%20b") instead of failing.
  return site !== undefined && isSiteKey(site) ? site : undefined;
}

export function isSiteEnabled(site: string | undefined, settings: Settings): boolean {
  return site === undefined || !settings.disabledSites.includes(site);
}

/** Aliases (by text) ignored on a site for an entity. */
export function isAliasIgnored(site: string | undefined, entityId: string, alias: string, settings: Settings): boolean {
  return settings.ignoredAliases.some((item) => item.site === site && item.entityId === entityId && item.alias === alias);
}
