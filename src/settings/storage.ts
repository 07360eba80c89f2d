import { storage } from 'wxt/utils/storage';
import type { KnowledgeBase } from '../knowledge/types';
import { defaultSettings, repairSettings, type Settings } from './settings';

/**
 * The settings item. Stored values are `unknown` until repaired: they may come from
 * an older version, another tool or a broken write.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: defaultSettings(),
  version: 1,
});

type Kb = Pick<KnowledgeBase, 'topics' | 'entities'>;

/** Reads the settings, repairing (and reporting once, by writing the repair back) a bad stored value. */
export async function loadSettings(kb: Kb): Promise<Settings> {
  const { settings, problems } = repairSettings(await settingsItem.getValue(), kb);
  if (problems.length > 0) {
    console.warn(`Backstory: stored settings were repaired:\n- ${problems.join('\n- ')}`);
    await settingsItem.setValue(settings);
  }
  return settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Applies `change` to the current settings and saves them. */
export async function updateSettings(kb: Kb, change: (settings: Settings) => void): Promise<Settings> {
  const settings = await loadSettings(kb);
  change(settings);
  await saveSettings(settings);
  return settings;
}

/** Calls `onChange` with repaired settings whenever they change, until `signal` aborts. */
export function watchSettings(kb: Kb, onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => onChange(repairSettings(value, kb).settings));
  signal.addEventListener('abort', unwatch, { once: true });
}
