import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const STORE = new URL('../../assets/store/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, STORE), 'utf8');
const LANGUAGES = ['en', 'fr'] as const;
const SCREENSHOTS = ['1-highlights', '2-card', '3-popup', '4-options'];

describe('store listing material', () => {
  it.each(LANGUAGES)('%s: a summary that fits the Chrome Web Store (132 characters), a description that states the minimum versions', (language) => {
    const short = read(`${language}/short.txt`).trim();
    expect(short.length).toBeGreaterThan(40);
    expect([...short].length).toBeLessThanOrEqual(132);
    const description = read(`${language}/description.txt`);
    expect(description).toContain('Alibaba Cloud');
    // The minimum versions it states are the manifests' (tests/unit/manifest.test.ts holds those).
    expect(description).toMatch(/Chrome 128\b/);
    expect(description).toMatch(/Firefox 140\b/);
  });

  it.each(LANGUAGES.flatMap((language) => SCREENSHOTS.map((name) => `screenshots/${language}/${name}.png`)))('%s is 1280×800', (file) => {
    const { width, height } = PNG.sync.read(readFileSync(new URL(file, STORE)));
    expect({ width, height }).toEqual({ width: 1280, height: 800 });
  });

  it('the privacy answers justify every permission the manifests ask for', () => {
    const answers = read('privacy-answers.md');
    for (const permission of ['`storage`', '`scripting`', '`http://*/*`', '`https://*/*`']) expect(answers).toContain(permission);
    expect(answers).toMatch(/Single purpose/);
    expect(existsSync(new URL('../../PRIVACY.md', import.meta.url))).toBe(true);
  });
});
