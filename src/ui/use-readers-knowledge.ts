import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KnowledgeBase } from '../knowledge/types';
import { readPacks, watchPacks, type StoredPacks } from '../library/storage';
import { withPacks } from '../library/with-packs';

export interface ReadersKnowledge extends StoredPacks {
  /** The bundled knowledge base with the reader's articles (src/library/with-packs.ts). */
  kb: KnowledgeBase;
}

/** The reader's knowledge base and stored packs, kept current while the page is open (null until read). */
export function useReadersKnowledge(bundled: KnowledgeBase): ReadersKnowledge | null {
  const [stored, setStored] = useState<StoredPacks | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let changed = false;
    void readPacks().then((read) => {
      // A change seen while reading is newer than what the read returns.
      if (!controller.signal.aborted && !changed) setStored(read);
    });
    watchPacks((read) => {
      changed = true;
      setStored(read);
    }, controller.signal);
    return () => controller.abort();
  }, [bundled]);
  const kb = useMemo(() => (stored ? withPacks(bundled, stored.packs) : null), [bundled, stored]);
  return stored && kb ? { ...stored, kb } : null;
}
