import { browser } from 'wxt/browser';
import { parseStoredPack, type StoredPack } from '../knowledge/pack';
import { migrateInMemory, quietly } from '../settings/storage';

/**
 * The articles the reader added, as stored packs in `storage.local`: the list under `packs`, the
 * version of its shape under `packs$` as `{ v }`, the settings' layout and migration mechanism
 * (src/settings/storage.ts). Every read checks each pack with the pack schema: a pack that
 * breaks it is left out (and counted), never allowed to stop the others.
 */
export const PACKS_STORAGE_KEY = 'packs';
const META_KEY = `${PACKS_STORAGE_KEY}$`;
export const PACKS_VERSION = 1;
/** The migrations, by the version they lead to (none yet). */
export const PACKS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {};

export interface StoredPacks {
  packs: StoredPack[];
  /** Stored items left out as they break the schema: kept in storage as they are, never lost to a save. */
  unreadable: unknown[];
}

/** The stored list, migrated and checked in memory. */
export function readStoredList(stored: unknown, version: unknown): StoredPacks {
  const list = migrateInMemory(stored, typeof version === 'number' ? version : 1, PACKS_MIGRATIONS, PACKS_VERSION);
  if (!Array.isArray(list)) return { packs: [], unreadable: list === undefined ? [] : [list] };
  const packs: StoredPack[] = [];
  const unreadable: unknown[] = [];
  for (const item of list) {
    const read = parseStoredPack(item);
    if ('pack' in read) packs.push(read.pack);
    else unreadable.push(item);
  }
  return { packs, unreadable };
}

async function readFromStorage(): Promise<StoredPacks> {
  const stored = await browser.storage.local.get([PACKS_STORAGE_KEY, META_KEY]);
  return readStoredList(stored[PACKS_STORAGE_KEY], (stored[META_KEY] as { v?: unknown } | undefined)?.v);
}

/** Reads the stored packs. Never throws: storage that fails to read holds, for now, no article. */
export async function readPacks(): Promise<StoredPacks> {
  return readFromStorage().catch(() => ({ packs: [], unreadable: [] }));
}

/** Storage said no: the reader's storage is full (Chrome allows an extension 10 MB without "unlimitedStorage"). */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('Storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

/** Stores the list (with its shape's version); a full storage throws `StorageFullError`, and leaves the list as it was. */
async function savePacks(packs: readonly unknown[]): Promise<void> {
  try {
    await browser.storage.local.set({ [PACKS_STORAGE_KEY]: packs, [META_KEY]: { v: PACKS_VERSION } });
  } catch (error) {
    throw /quota|space|full/i.test(String(error)) ? new StorageFullError(error) : error;
  }
}

/** Applies `change` to the stored packs as they are now (not a copy a page holds) and saves them. */
export async function updatePacks(change: (packs: StoredPack[]) => StoredPack[]): Promise<StoredPack[]> {
  // Not readPacks: a read that failed would save an empty list over the reader's articles.
  const { packs, unreadable } = await readFromStorage();
  const next = change(packs);
  await savePacks([...next, ...unreadable]);
  return next;
}

/** Calls `onChange` with the stored packs whenever an article is added or deleted, until `signal` aborts. */
export function watchPacks(onChange: (packs: StoredPacks) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[PACKS_STORAGE_KEY]) void readPacks().then((read) => signal.aborted || onChange(read));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', quietly(() => browser.storage.onChanged.removeListener(listener)), { once: true });
}
