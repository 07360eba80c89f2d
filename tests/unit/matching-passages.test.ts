import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HtmlScanner, type ScannedMention } from '../../src/cli/scan-html';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';

/**
 * Precision and recall over hand-labelled news passages full of traps
 * (tests/fixtures/passages/README.md says how they are labelled), measured
 * through the scan core, i.e. exactly what `npm run scan` reports.
 */
const folder = new URL('../fixtures/passages/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<string, ScannedMention[]>;
const pages = readdirSync(folder).filter((name) => name.endsWith('.html')).sort();
const scanner = new HtmlScanner(knowledgeBase);
afterAll(() => scanner.close());

const key = (mention: ScannedMention) => `${mention.entityId}@${mention.start}-${mention.end}`;

describe('trap passages', () => {
  it('has labels for every passage, each pointing at its text in the body', () => {
    expect(Object.keys(expected).sort()).toEqual(pages);
    expect(pages.length).toBeGreaterThanOrEqual(40);
    for (const page of pages) {
      const body = scanner.bodyText(readFileSync(new URL(page, folder), 'utf8'));
      for (const mention of expected[page]!) expect(body.slice(mention.start, mention.end), page).toBe(mention.text);
    }
  });

  it('reaches precision and recall of at least 0.99 in English and French', () => {
    let truePositives = 0;
    const falsePositives: string[] = [];
    const falseNegatives: string[] = [];
    for (const page of pages) {
      const html = readFileSync(new URL(page, folder), 'utf8');
      const body = scanner.bodyText(html);
      const context = (m: ScannedMention) =>
        `${page} ${m.entityId} …${body.slice(Math.max(0, m.start - 30), m.start)}[${m.text}]${body.slice(m.end, m.end + 30)}…`;
      const found = scanner.scan(html);
      const foundKeys = new Set(found.map(key));
      const expectedKeys = new Set(expected[page]!.map(key));
      for (const mention of found) {
        if (expectedKeys.has(key(mention))) truePositives++;
        else falsePositives.push(context(mention));
      }
      for (const mention of expected[page]!) if (!foundKeys.has(key(mention))) falseNegatives.push(context(mention));
    }
    const precision = truePositives / (truePositives + falsePositives.length);
    const recall = truePositives / (truePositives + falseNegatives.length);
    const report = [`precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`, 'false positives:', ...falsePositives, 'false negatives:', ...falseNegatives].join('\n');
    console.info(report);
    expect(precision, report).toBeGreaterThanOrEqual(0.99);
    expect(recall, report).toBeGreaterThanOrEqual(0.99);
  });
});
