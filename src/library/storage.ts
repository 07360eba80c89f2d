import { browser } from 'wxt/browser';
import type { StoredPack } from '../knowledge/pack';
import { quietly } from '../settings/storage';
import { PACKS_VERSION, readStoredList, type StoredPacks } from './stored-list';

export type { StoredPacks };

/**
 * The articles the reader added, as stored packs in `storage.local`: the list under `packs`, the
 * version of its shape under `packs$` as `{ v }`, the settings' layout and migration mechanism
 * (src/settings/storage.ts). Every read checks each pack with the pack schema (./stored-list.ts).
 */
export const PACKS_STORAGE_KEY = 'packs';
const META_KEY = `${PACKS_STORAGE_KEY}$`;
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
