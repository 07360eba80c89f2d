import { browser } from 'wxt/browser';
import { migrateInMemory, SETTINGS_VERSION } from './migrations';
import { repairSettings, type Settings, type SettingsScope } from './settings';

/**
 * The settings in `storage.local`, as the content script, the popup and the options
 * page read, watch and change them. The layout is that of WXT's storage item, which the
 * background defines (settings-item.ts): the value under `settings`, its metadata under
 * `settings$` as `{ v }`, the version of the value's shape (none recorded means 1).
 *
 * Read straight from the browser rather than through WXT's storage, which is most of
 * the weight of a content script that only reads, watches and makes one-click changes:
 * the background alone migrates and repairs in storage; here both happen in memory.
 */
export const SETTINGS_STORAGE_KEY = 'settings';
const META_KEY = `${SETTINGS_STORAGE_KEY}$`;


/**
 * Reads the settings, migrated and repaired in memory and silently: a content script's
 * console is the page's, and the background reports and writes back repairs. Never throws.
 */
export async function readSettings(kb: SettingsScope): Promise<Settings> {
  let stored: Record<string, unknown> = {};
  try {
    stored = await browser.storage.local.get([SETTINGS_STORAGE_KEY, META_KEY]);
  } catch (error) {
    // Storage itself failed (a browser bug, a quota or a corrupt database): run on defaults rather than not at all.
    console.warn('Backstory: settings could not be read, using defaults', error);
  }
  const version = (stored[META_KEY] as { v?: unknown } | undefined)?.v;
  return repairSettings(migrateInMemory(stored[SETTINGS_STORAGE_KEY], typeof version === 'number' ? version : 1), kb).settings;
}

/** Stores settings, with the version of their shape (so that nobody migrates them again). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: settings, [META_KEY]: { v: SETTINGS_VERSION } });
}

/** Applies `change` to the current stored settings (not a copy held by a page) and saves them. */
export async function updateSettings(kb: SettingsScope, change: (settings: Settings) => void): Promise<Settings> {
  const settings = await readSettings(kb);
  change(settings);
  await saveSettings(settings);
  return settings;
}

/**
 * Stops a watch without throwing when the extension is gone (updated or removed under an open
 * page): its listeners went with it, and touching its storage API then throws "Extension context invalidated".
 */
export function quietly(unwatch: () => void): () => void {
  return () => {
    try {
      unwatch();
    } catch {
      // Nothing left to stop.
    }
  };
}

/** Calls `onChange` with repaired settings whenever they change, until `signal` aborts. */
export function watchSettings(kb: SettingsScope, onChange: (settings: Settings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) onChange(repairSettings(change.newValue, kb).settings);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', quietly(() => browser.storage.onChanged.removeListener(listener)), { once: true });
}
