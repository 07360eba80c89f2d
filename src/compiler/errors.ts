/** A problem in a source file, said so that a person can fix it: file, line, field and what is wrong. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
    readonly field?: string,
  ) {
    const where = [file, line, line !== undefined ? column : undefined].filter((part) => part !== undefined).join(':');
    super(`${where}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'KnowledgeError';
  }
}

/** Several problems found in one pass, so the author can fix them all at once. */
export class KnowledgeErrors extends Error {
  constructor(readonly errors: KnowledgeError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'KnowledgeErrors';
  }
}

/** "entities[2].aliases[0].text" from a path of keys and indexes. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
