import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isCollection, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError, KnowledgeErrors, formatFieldPath } from './errors';
import {
  entityReferenceSchema,
  fullEntitySchema,
  knowledgeFileSchema,
  type EntityReferenceInput,
  type FullEntityInput,
  type KnowledgeFileInput,
} from './schema';

export interface ArticleSource {
  /** The folder's name. */
  id: string;
  /** The article's text, verbatim. */
  text: string;
  /** Paths shown in errors (relative to the working directory). */
  articleFile: string;
  knowledgeFile: string;
  knowledge: Omit<KnowledgeFileInput, 'entities'>;
  /** Entities, each with its index in the file's `entities` list. */
  definitions: Array<FullEntityInput & { index: number }>;
  references: Array<EntityReferenceInput & { index: number }>;
  /** Where a field of knowledge.yaml is, for errors found after validation. */
  locate: (path: ReadonlyArray<PropertyKey>) => { line?: number; column?: number };
}

const displayPath = (path: string) => relative(process.cwd(), path) || path;

/** Reads a file that must be UTF-8; an invalid byte is reported with its line. */
function readUtf8(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const valid = new TextDecoder('utf-8').decode(bytes).split('\n');
    const line = valid.findIndex((text) => text.includes('\uFFFD')) + 1;
    throw new KnowledgeError(displayPath(path), 'is not valid UTF-8 text (save it as UTF-8)', line || undefined);
  }
}

function locator(document: Document, lines: LineCounter) {
  return (path: ReadonlyArray<PropertyKey>) => {
    // A missing field has no node: point at the nearest enclosing one.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return {};
  };
}

function schemaErrors(file: string, error: z.ZodError, prefix: PropertyKey[], locate: ArticleSource['locate']) {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const { line, column } = locate(path);
    return new KnowledgeError(file, issue.message, line, column, formatFieldPath(path) || '(top level)');
  });
}

/** Reads and validates one article folder; throws `KnowledgeErrors` listing every problem. */
export function loadArticle(folder: string, id: string): ArticleSource {
  const articleFile = displayPath(join(folder, 'article.txt'));
  const knowledgeFile = displayPath(join(folder, 'knowledge.yaml'));
  const errors: KnowledgeError[] = [];
  let text = '';
  try {
    text = readUtf8(join(folder, 'article.txt'));
    if (text.trim() === '') errors.push(new KnowledgeError(articleFile, 'is empty'));
  } catch (error) {
    errors.push(error instanceof KnowledgeError ? error : new KnowledgeError(articleFile, String(error)));
  }

  let source: string;
  try {
    source = readUtf8(join(folder, 'knowledge.yaml'));
  } catch (error) {
    throw new KnowledgeErrors([...errors, error instanceof KnowledgeError ? error : new KnowledgeError(knowledgeFile, String(error))]);
  }
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = error.linePos?.[0];
      errors.push(new KnowledgeError(knowledgeFile, `YAML syntax: ${error.message.split('\n')[0]}`, position?.line, position?.col));
    }
    throw new KnowledgeErrors(errors);
  }
  const locate = locator(document, lines);
  const parsed = knowledgeFileSchema.safeParse(document.toJS());
  if (!parsed.success) throw new KnowledgeErrors([...errors, ...schemaErrors(knowledgeFile, parsed.error, [], locate)]);

  const definitions: ArticleSource['definitions'] = [];
  const references: ArticleSource['references'] = [];
  parsed.data.entities.forEach((raw, index) => {
    const isReference = Object.keys(raw).every((key) => key === 'id' || key === 'role');
    const result = (isReference ? entityReferenceSchema : fullEntitySchema).safeParse(raw);
    if (!result.success) errors.push(...schemaErrors(knowledgeFile, result.error, ['entities', index], locate));
    else if (isReference) references.push({ ...(result.data as EntityReferenceInput), index });
    else definitions.push({ ...(result.data as FullEntityInput), index });
  });
  if (errors.length > 0) throw new KnowledgeErrors(errors);

  const { entities: _entities, ...knowledge } = parsed.data;
  return { id, text, articleFile, knowledgeFile, knowledge, definitions, references, locate };
}
