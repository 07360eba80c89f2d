import { useMemo } from 'preact/hooks';
import type { KnowledgeBase } from '../knowledge/types';
import { readPacks, watchPacks, type StoredPacks } from '../library/storage';
import { withPacks } from '../library/with-packs';
import { useStored } from './use-stored';

export interface ReadersKnowledge extends StoredPacks {
  /** The bundled knowledge base with the reader's articles (src/library/with-packs.ts). */
  kb: KnowledgeBase;
}

/** The reader's knowledge base and stored packs, kept current while the page is open (null until read). */
export function useReadersKnowledge(bundled: KnowledgeBase): ReadersKnowledge | null {
  const stored = useStored(readPacks, watchPacks, []);
  return useMemo(() => (stored ? { ...stored, kb: withPacks(bundled, stored.packs) } : null), [bundled, stored]);
}
