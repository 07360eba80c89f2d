import { storage } from 'wxt/utils/storage';
import type { KnowledgeBase } from '../knowledge/types';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { defaultSettings, repairSettings, type Settings } from './settings';

type Kb = Pick<KnowledgeBase, 'topics' | 'entities'>;

/**
 * Defines the settings item. Stored values are `unknown` until repaired: they may
 * come from an older version, another tool or a broken write. Migrations run when
 * the item is defined (once per context), so tests define a fresh item after
 * putting an old value in the fake browser's storage.
 */
export function defineSettingsItem() {
  return storage.defineItem<unknown>('local:settings', {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

export const settingsItem = defineSettingsItem();

export type SettingsItem = typeof settingsItem;

/**
 * Bad values this context has reported: the background can meet the same one twice
 * (its start-up read and the change that wrote it). Forgotten once a clean value is
 * seen, so that the same mistake made again later is reported again.
 */
const reported = new Set<string>();

function fingerprint(stored: unknown): string {
  try {
    return JSON.stringify(stored) ?? String(stored);
  } catch {
    return String(stored);
  }
}

function reportOnce(stored: unknown, problems: string[]): void {
  const key = fingerprint(stored);
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(`Backstory: stored settings were repaired:\n- ${problems.join('\n- ')}`);
}

/** For tests: forget what was reported. */
export function resetRepairReports(): void {
  reported.clear();
}

async function readStored(item: SettingsItem): Promise<unknown> {
  try {
    return await item.getValue();
  } catch (error) {
    // Storage itself failed (a browser bug, a quota or a corrupt database): run on defaults rather than not at all.
    console.warn('Backstory: settings could not be read, using defaults', error);
    return undefined;
  }
}

/**
 * Reads the settings, repaired in memory and silently: for contexts that only use
 * them (content scripts, whose console is the page's). Never throws.
 */
export async function readSettings(kb: Kb, item: SettingsItem = settingsItem): Promise<Settings> {
  return repairSettings(await readStored(item), kb).settings;
}

/** Repairs a stored value; when it was bad, reports the repair once and writes it back. */
async function repairAndWriteBack(stored: unknown, kb: Kb, item: SettingsItem): Promise<Settings> {
  const { settings, problems } = repairSettings(stored, kb);
  if (problems.length === 0) reported.clear();
  else {
    reportOnce(stored, problems);
    await item.setValue(settings).catch(() => undefined);
  }
  return settings;
}

/**
 * Reads the settings and, when the stored value was bad, reports the repair once in
 * the console and writes it back, so that the next reader finds clean settings.
 * The background does this at start and on every change (`keepSettingsRepaired`).
 */
export async function loadSettings(kb: Kb, item: SettingsItem = settingsItem): Promise<Settings> {
  return repairAndWriteBack(await readStored(item), kb, item);
}

export async function saveSettings(settings: Settings, item: SettingsItem = settingsItem): Promise<void> {
  await item.setValue(settings);
}

/** Applies `change` to the current stored settings (not a copy held by a page) and saves them. */
export async function updateSettings(kb: Kb, change: (settings: Settings) => void, item: SettingsItem = settingsItem): Promise<Settings> {
  const settings = await readSettings(kb, item);
  change(settings);
  await saveSettings(settings, item);
  return settings;
}

/**
 * Stops a watch without throwing when the extension is gone (updated or removed under an open
 * page): its listeners went with it, and touching its storage API then throws "Extension context invalidated".
 */
function quietly(unwatch: () => void): () => void {
  return () => {
    try {
      unwatch();
    } catch {
      // Nothing left to stop.
    }
  };
}

/** Calls `onChange` with repaired settings whenever they change, until `signal` aborts. */
export function watchSettings(kb: Kb, onChange: (settings: Settings) => void, signal: AbortSignal, item: SettingsItem = settingsItem): void {
  if (signal.aborted) return;
  const unwatch = item.watch((value) => onChange(repairSettings(value, kb).settings));
  signal.addEventListener('abort', quietly(unwatch), { once: true });
}

/**
 * The one owner of repairs (the background): repairs a bad stored value at start and
 * whenever one is written, reporting it once and writing the repair back. The
 * others only read, repairing in memory, so a bad value never crashes a context.
 */
export function keepSettingsRepaired(kb: Kb, signal: AbortSignal, item: SettingsItem = settingsItem): Promise<Settings> {
  if (!signal.aborted) {
    const unwatch = item.watch(async (changed) => {
      let value: unknown = changed;
      // A value written without the current version (by an older copy of the extension, or a
      // context that loaded before storage was cleared) is migrated first, not "repaired" away.
      const meta = (await item.getMeta().catch(() => ({}))) as { v?: unknown };
      if (typeof meta.v !== 'number' || meta.v < SETTINGS_VERSION) {
        await item.migrate().catch(() => undefined);
        value = await readStored(item);
      }
      await repairAndWriteBack(value, kb, item);
    });
    signal.addEventListener('abort', quietly(unwatch), { once: true });
  }
  return loadSettings(kb, item);
}
