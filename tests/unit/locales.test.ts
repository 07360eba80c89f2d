import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPageMessageKey, resolveLanguage, translator } from '../../src/i18n/messages';

const catalog = (language: string): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> =>
  JSON.parse(readFileSync(`assets/public/_locales/${language}/messages.json`, 'utf8'));

describe('_locales', () => {
  const en = catalog('en');
  const fr = catalog('fr');

  it('uses only key characters Chrome accepts (one bad key and the whole extension fails to load)', () => {
    for (const key of [...Object.keys(en), ...Object.keys(fr)]) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('has the same keys and placeholders in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(fr[key]!.placeholders ?? {}), key).toEqual(Object.keys(en[key]!.placeholders ?? {}));
    }
  });

  it('sorts strings by where they show: the content script carries the card’s, not the popup’s, options’ or manifest’s', () => {
    const inPages = Object.keys(en).filter(isPageMessageKey);
    expect(inPages).toContain('cardClose');
    expect(inPages).toContain('relation_founded_by');
    expect(inPages).toContain('entityType_company');
    expect(inPages.filter((key) => /^(popup|options|ext|command)/.test(key))).toEqual([]);
    expect(Object.keys(en).filter((key) => !isPageMessageKey(key)).length).toBeGreaterThan(inPages.length);
  });

  it('substitutes placeholders', () => {
    expect(translator('fr')('cardMatchedAlias', 'Aliyun')).toBe('Nom reconnu : « Aliyun »');
    expect(translator('en')('popupMentionCount', 3)).toBe('3 mentions');
  });

  it('follows the browser language unless the reader chose one', () => {
    expect(resolveLanguage('auto', 'fr-CA')).toBe('fr');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('en', 'fr')).toBe('en');
  });
});
