import type { KnowledgeBase } from '../knowledge/types';
import type { Settings } from '../settings/settings';
import { readSettings } from '../settings/storage';
import { readPacks, watchPacks, type StoredPacks } from '../library/storage';
import { withPacks } from '../library/with-packs';
import { runMentions } from './mentions';

/**
 * Runs the content script on the reader's knowledge base: the bundled one and the articles
 * they added. When they add or delete one (in any tab), it runs again on the new knowledge
 * base: the matcher rebuilt and the page read again, highlights and card with them, the
 * page itself not reloaded.
 */
export async function runOnReadersKnowledge(bundled: KnowledgeBase, signal: AbortSignal): Promise<void> {
  let current: AbortController | null = null;
  const run = ({ packs }: StoredPacks, settings?: Promise<Settings>) => {
    current?.abort();
    const own = (current = new AbortController());
    signal.addEventListener('abort', () => own.abort(), { once: true, signal: own.signal });
    void runMentions(withPacks(bundled, packs), own.signal, settings);
  };
  watchPacks(run, signal);
  // The settings are read at the same time, so a page waits for one read, not two in a row: their repair keeps the
  // reader's own ids, so the bundled knowledge base scopes it just as the reader's would.
  const settings = readSettings(bundled);
  const stored = await readPacks();
  // A change heard while reading is newer than what was read.
  if (!signal.aborted && current === null) run(stored, settings);
}
