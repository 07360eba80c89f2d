import { fileURLToPath } from 'node:url';

/** Where the articles live and where the compiled knowledge base is bundled from. */
export const ARTICLES_ROOT = fileURLToPath(new URL('../../assets/articles', import.meta.url));
export const KNOWLEDGE_BASE_FILE = fileURLToPath(new URL('../knowledge/generated/knowledge-base.json', import.meta.url));
