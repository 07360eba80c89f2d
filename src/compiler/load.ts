import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError, KnowledgeErrors, formatFieldPath } from './errors';
import {
  aliasSchema,
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
  if (!existsSync(path)) throw new KnowledgeError(displayPath(path), 'is missing (each article folder needs article.txt and knowledge.yaml)');
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

/** Every field name the schema knows, to suggest the intended one for a misspelt key. */
const KNOWN_FIELDS = [
  ...new Set([
    'article', 'title', 'language', 'summary', 'keyPoints', 'topics', 'entities', 'id', 'label', 'en', 'fr', 'type',
    'name', 'description', 'role', 'note', 'external', 'relations', 'target', 'aliases', ...Object.keys(aliasSchema.shape),
  ]),
];

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

function unknownKeyProblem(key: string): string {
  const closest = KNOWN_FIELDS.map((field) => ({ field, distance: editDistance(key.toLowerCase(), field.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint = closest && closest.distance <= 3 ? ` (did you mean "${closest.field}"?)` : '';
  return `unknown field "${key}"${hint}`;
}

/** One error per problem, each at the line of the field concerned (the enclosing one when it is missing). */
function schemaErrors(file: string, error: z.ZodError, prefix: PropertyKey[], locate: ArticleSource['locate']) {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const { line, column } = locate([...path, key]);
        return new KnowledgeError(file, unknownKeyProblem(key), line, column, formatFieldPath([...path, key]));
      });
    }
    const { line, column } = locate(path);
    return [new KnowledgeError(file, issue.message, line, column, formatFieldPath(path) || '(top level)')];
  });
}

/** Says "missing" rather than "expected string, received undefined" when a required field is absent. */
const missingFieldMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.input !== undefined || (issue.code !== 'invalid_type' && issue.code !== 'invalid_value')) return undefined;
  const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` : issue.expected;
  return `missing required field (expected ${expected})`;
};

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
      const { line, col } = lines.linePos(error.pos[0]);
      errors.push(new KnowledgeError(knowledgeFile, `YAML syntax: ${error.message.split('\n')[0]}`, line, col));
    }
    throw new KnowledgeErrors(errors);
  }
  const locate = locator(document, lines);
  const parsed = knowledgeFileSchema.safeParse(document.toJS(), { error: missingFieldMessages });
  if (!parsed.success) throw new KnowledgeErrors([...errors, ...schemaErrors(knowledgeFile, parsed.error, [], locate)]);

  const definitions: ArticleSource['definitions'] = [];
  const references: ArticleSource['references'] = [];
  parsed.data.entities.forEach((raw, index) => {
    const isReference = Object.keys(raw).every((key) => key === 'id' || key === 'role');
    const result = (isReference ? entityReferenceSchema : fullEntitySchema).safeParse(raw, { error: missingFieldMessages });
    if (!result.success) errors.push(...schemaErrors(knowledgeFile, result.error, ['entities', index], locate));
    else if (isReference) references.push({ ...(result.data as EntityReferenceInput), index });
    else definitions.push({ ...(result.data as FullEntityInput), index });
  });
  if (errors.length > 0) throw new KnowledgeErrors(errors);

  const { entities: _entities, ...knowledge } = parsed.data;
  return { id, text, articleFile, knowledgeFile, knowledge, definitions, references, locate };
}
