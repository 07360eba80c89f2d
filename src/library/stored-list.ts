import { parseStoredPack, type StoredPack } from '../knowledge/pack';
import { migrateInMemory } from '../settings/migrations';

/*
 * The stored list of packs as read (src/library/storage.ts), pure: each pack checked with the
 * pack schema, one that breaks it set aside as it is, never allowed to stop the others.
 */

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

