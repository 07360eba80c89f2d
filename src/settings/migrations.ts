import { CARD_DELAY_RANGE, type HighlightStyle } from './settings';

/**
 * The version of the stored settings' shape. WXT's storage keeps it in the item's
 * metadata (`settings$` → `{ v }`) and runs `SETTINGS_MIGRATIONS[v]` for every
 * version between the stored one and this one, in order, before anyone reads.
 */
export const SETTINGS_VERSION = 2;

/**
 * The first shape (version 1): switches as maps of id → on, a style named after
 * what it looked like, the delay in seconds, and "locale" for the language.
 */
export interface SettingsV1 {
  topics?: Record<string, boolean>;
  entities?: Record<string, boolean>;
  blockedSites?: string[];
  style?: 'underline' | 'highlight' | 'off';
  firstOnly?: boolean;
  /** Seconds. */
  hoverDelay?: number;
  locale?: 'auto' | 'en' | 'fr';
}

const V1_STYLES: Record<string, HighlightStyle> = { underline: 'underline', highlight: 'background', off: 'none' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ids switched off in a v1 map (`{ huawei: false }`); anything but `false` meant on. */
const offIn = (map: unknown): unknown =>
  isRecord(map) ? Object.entries(map).filter(([, on]) => on === false).map(([id]) => id) : map;

/**
 * Version 1 → 2. Written to never throw: a value it does not understand is passed on
 * as it is, and the repair that every read goes through resets what is wrong.
 *
 * Fields already in the version-2 shape are kept (a v2 field wins over its v1 name):
 * a value can reach this migration without being v1, because a value stored without
 * metadata counts as v1 — after `chrome.storage.local.clear()` in a test, or when a
 * context that loaded before the clear writes settings back without the metadata.
 */
export function migrateSettingsV1ToV2(stored: unknown): unknown {
  if (!isRecord(stored)) return stored;
  const { topics, entities, blockedSites, style, firstOnly, hoverDelay, locale, ...rest } = stored as Record<string, unknown> & Record<keyof SettingsV1, unknown>;
  const migrated: Record<string, unknown> = {};
  if (topics !== undefined) migrated.disabledTopics = offIn(topics);
  if (entities !== undefined) migrated.disabledEntities = offIn(entities);
  if (blockedSites !== undefined) migrated.disabledSites = Array.isArray(blockedSites) ? blockedSites.map((site) => (typeof site === 'string' ? site.toLowerCase() : site)) : blockedSites;
  if (style !== undefined) migrated.highlightStyle = typeof style === 'string' && Object.hasOwn(V1_STYLES, style) ? V1_STYLES[style] : style;
  if (firstOnly !== undefined) migrated.firstMentionOnly = firstOnly;
  if (hoverDelay !== undefined) {
    migrated.cardDelayMs =
      typeof hoverDelay === 'number' && Number.isFinite(hoverDelay)
        ? Math.min(CARD_DELAY_RANGE.max, Math.max(CARD_DELAY_RANGE.min, Math.round(hoverDelay * 1000)))
        : hoverDelay;
  }
  if (locale !== undefined) migrated.language = locale;
  return { ...migrated, ...rest };
}

/** The migrations, by the version they lead to. */
export const SETTINGS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  2: migrateSettingsV1ToV2,
};

/**
 * A stored value brought to the current shape: the migrations its version has not had,
 * in order, as WXT's item runs them. The background migrates in storage when it starts;
 * a page can load before it has, just after an update. Stored
 * packs use the same mechanism with their own list (src/library/storage.ts).
 */
export function migrateInMemory(value: unknown, version: number, migrations = SETTINGS_MIGRATIONS, current = SETTINGS_VERSION): unknown {
  let migrated = value;
  for (let next = version + 1; next <= current; next++) migrated = migrations[next]?.(migrated) ?? migrated;
  return migrated;
}
