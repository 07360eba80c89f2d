import { storage } from 'wxt/utils/storage';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { defaultSettings, repairSettings, type Settings, type SettingsScope } from './settings';
import { quietly, SETTINGS_STORAGE_KEY } from './storage';


/**
 * The settings as WXT's storage item, for the background alone: the one context that
 * migrates stored values (the item runs its migrations when defined, once per context)
 * and writes repairs back. The others read and write through storage.ts, which keeps to
 * the item's layout and applies the same migrations in memory.
 *
 * Stored values are `unknown` until repaired: they may come from an older version,
 * another tool or a broken write. Tests define a fresh item after putting an old value
 * in the fake browser's storage.
 */
export function defineSettingsItem() {
  return storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`, {
    fallback: defaultSettings(),
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
}

export type SettingsItem = ReturnType<typeof defineSettingsItem>;

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

/** Repairs a stored value; when it was bad, reports the repair once and writes it back. */
async function repairAndWriteBack(stored: unknown, kb: SettingsScope, item: SettingsItem): Promise<Settings> {
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
 */
export async function loadSettings(kb: SettingsScope, item: SettingsItem): Promise<Settings> {
  return repairAndWriteBack(await readStored(item), kb, item);
}

/**
 * The one owner of migrations and repairs (the background): migrates and repairs a bad
 * stored value at start and whenever one is written, reporting it once and writing the
 * repair back. The others only read, migrating and repairing in memory, so a bad value
 * never crashes a context.
 */
export function keepSettingsRepaired(kb: SettingsScope, signal: AbortSignal, item: SettingsItem = defineSettingsItem()): Promise<Settings> {
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
