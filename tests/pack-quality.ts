/**
 * How well the pack builder reads the labelled articles of tests/fixtures/packs: precision and
 * recall of the proposed organisations and people, and of the known entities found. Shared by
 * the unit test (which holds the bar) and `npm run bench` (which reports the figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { BASE_URL, PARSE_ONLY_SETTINGS } from '../src/cli/scan-html';
import { knowledgeBase } from '../src/knowledge/knowledge-base';
import { MentionMatcher } from '../src/matching/mention-matcher';
import { buildPack } from '../src/pack/build';
import type { KnowledgePack } from '../src/knowledge/pack';

export const PACK_FIXTURES = fileURLToPath(new URL('./fixtures/packs/', import.meta.url));
/** Written after the builder was tuned on PACK_FIXTURES, and never used to tune it. */
export const HELD_OUT_FIXTURES = `${PACK_FIXTURES}held-out/`;

interface LabelledName {
  name: string;
  aliases: string[];
}

export interface PackLabels {
  language: string;
  title: string;
  organisations: LabelledName[];
  people: LabelledName[];
  known: string[];
}

export interface Score {
  truePositives: number;
  proposed: number;
  expected: number;
}

export interface PackQuality {
  /** Proposed organisations and people against the labels (each label matched once). */
  names: Score;
  /** Of the names matched, how many got the right kind (person, or organisation). */
  typedRight: number;
  known: Score;
  /** Per file: what was missed and what was proposed wrongly. */
  files: Array<{ file: string; missed: string[]; wrong: string[]; knownMissed: string[]; knownWrong: string[] }>;
}

export const precision = (score: Score) => (score.proposed === 0 ? 1 : score.truePositives / score.proposed);
export const recall = (score: Score) => (score.expected === 0 ? 1 : score.truePositives / score.expected);

const fold = (form: string) =>
  form
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/^(?:the|le|la|les|l['’])\s*/u, '')
    .trim();

export function packFixtures(folder = PACK_FIXTURES): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

export function labelsOf(file: string, folder = PACK_FIXTURES): PackLabels {
  return JSON.parse(readFileSync(`${folder}${file.replace(/\.html$/, '.expected.json')}`, 'utf8')) as PackLabels;
}

/** Builds each fixture's pack with one parser window and one matcher. */
export async function buildFixturePacks(folder = PACK_FIXTURES, files = packFixtures(folder)): Promise<Map<string, KnowledgePack>> {
  const window = new Window({ url: BASE_URL, settings: PARSE_ONLY_SETTINGS });
  const matcher = MentionMatcher.forKnowledgeBase(knowledgeBase);
  const packs = new Map<string, KnowledgePack>();
  try {
    for (const file of files) {
      const document = new window.DOMParser().parseFromString(readFileSync(`${folder}${file}`, 'utf8'), 'text/html') as unknown as Document;
      packs.set(file, buildPack(document, `https://fixtures.invalid/${file}`, knowledgeBase, matcher));
    }
  } finally {
    await window.happyDOM.close();
  }
  return packs;
}

/** Scores packs against their labels. */
export function scorePacks(packs: Map<string, KnowledgePack>, folder = PACK_FIXTURES): PackQuality {
  const quality: PackQuality = { names: { truePositives: 0, proposed: 0, expected: 0 }, typedRight: 0, known: { truePositives: 0, proposed: 0, expected: 0 }, files: [] };
  for (const [file, pack] of packs) {
    const labels = labelsOf(file, folder);
    const expected = [
      ...labels.organisations.map((label) => ({ ...label, person: false })),
      ...labels.people.map((label) => ({ ...label, person: true })),
    ];
    const matched = new Set<number>();
    const wrong: string[] = [];
    const proposed = pack.entities.filter((entity) => !entity.known);
    for (const entity of proposed) {
      const forms = new Set([entity.name, ...entity.aliases].map(fold));
      const index = expected.findIndex((label, i) => !matched.has(i) && [label.name, ...label.aliases].some((form) => forms.has(fold(form))));
      if (index < 0) {
        wrong.push(`${entity.name} (${entity.type})`);
        continue;
      }
      matched.add(index);
      if ((entity.type === 'person') === expected[index]!.person) quality.typedRight++;
    }
    quality.names.truePositives += matched.size;
    quality.names.proposed += proposed.length;
    quality.names.expected += expected.length;

    const knownFound = new Set(pack.entities.filter((entity) => entity.known).map((entity) => entity.id));
    const knownExpected = new Set(labels.known);
    quality.known.truePositives += [...knownFound].filter((id) => knownExpected.has(id)).length;
    quality.known.proposed += knownFound.size;
    quality.known.expected += knownExpected.size;
    quality.files.push({
      file,
      missed: expected.filter((_, i) => !matched.has(i)).map((label) => label.name),
      wrong,
      knownMissed: [...knownExpected].filter((id) => !knownFound.has(id)),
      knownWrong: [...knownFound].filter((id) => !knownExpected.has(id)),
    });
  }
  return quality;
}

/** A few lines for a terminal: the figures, then each file's misses and wrong proposals. */
export function describeQuality(quality: PackQuality): string {
  const figure = (score: Score) => `precision ${precision(score).toFixed(3)}, recall ${recall(score).toFixed(3)} (${score.truePositives} right of ${score.proposed} proposed, ${score.expected} expected)`;
  return [
    `proposed organisations and people: ${figure(quality.names)}; kind right for ${quality.typedRight} of ${quality.names.truePositives}`,
    `known entities: ${figure(quality.known)}`,
    ...quality.files
      .filter((file) => file.missed.length + file.wrong.length + file.knownMissed.length + file.knownWrong.length > 0)
      .map((file) => `  ${file.file}: missed [${file.missed.join(', ')}] wrong [${file.wrong.join(', ')}]${file.knownMissed.length + file.knownWrong.length > 0 ? ` known missed [${file.knownMissed.join(', ')}] known wrong [${file.knownWrong.join(', ')}]` : ''}`),
  ].join('\n');
}
