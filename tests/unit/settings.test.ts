import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { migrateSettingsV1ToV2, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from '../../src/settings/migrations';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  isAliasIgnored,
  isEntityEnabled,
  isSiteEnabled,
  repairSettings,
  siteFromInput,
  siteOf,
  switchInOffList,
  type Settings,
} from '../../src/settings/settings';

const kb = knowledgeBase;
const repair = (stored: unknown) => repairSettings(stored, kb);
const huawei = kb.entities.find((entity) => entity.id === 'huawei')!;

/** A valid value with every field away from its default. */
const CUSTOM: Settings = {
  disabledTopics: ['e-commerce'],
  disabledEntities: ['zte'],
  disabledSites: ['news.example.com', 'localhost:8080'],
  ignoredAliases: [{ site: 'news.example.com', entityId: 'microsoft-azure', alias: 'Azure' }],
  highlightStyle: 'background',
  firstMentionOnly: true,
  cardDelayMs: 750,
  language: 'fr',
};

describe('default settings', () => {
  it('highlight everything, underlined, every mention, after 300 ms, in the browser language', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      disabledTopics: [],
      disabledEntities: [],
      disabledSites: [],
      ignoredAliases: [],
      highlightStyle: 'tint',
      firstMentionOnly: false,
      cardDelayMs: 300,
      language: 'auto',
    });
    expect(kb.entities.filter((entity) => entity.aliases.length > 0).every((entity) => isEntityEnabled(entity, defaultSettings()))).toBe(true);
  });

  it('are frozen, and each call of defaultSettings() is a fresh copy', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    const a = defaultSettings();
    a.disabledSites.push('example.com');
    expect(defaultSettings().disabledSites).toEqual([]);
  });
});

describe('repairSettings', () => {
  it('keeps a valid value as it is, with nothing to report', () => {
    expect(repair(CUSTOM)).toEqual({ settings: CUSTOM, problems: [] });
  });

  it('gives defaults for nothing stored, without a report', () => {
    expect(repair(undefined)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(repair(null)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it.each([['a string', 'garbage'], ['a number', 42], ['a list', [1, 2]], ['true', true]])('resets garbage (%s) to defaults and reports it', (_, stored) => {
    const { settings, problems } = repair(stored);
    expect(settings).toEqual(defaultSettings());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not an object/);
  });

  it('fills fields missing from a partial value with their defaults, silently', () => {
    expect(repair({ highlightStyle: 'none' })).toEqual({ settings: { ...defaultSettings(), highlightStyle: 'none' }, problems: [] });
  });

  it.each<[keyof Settings, unknown]>([
    ['disabledTopics', 'e-commerce'],
    ['disabledEntities', [1, 2]],
    ['disabledSites', { 'example.com': true }],
    ['ignoredAliases', 'Azure'],
    ['highlightStyle', 'wavy'],
    ['highlightStyle', 3],
    ['firstMentionOnly', 'yes'],
    ['cardDelayMs', '300'],
    ['cardDelayMs', -5],
    ['cardDelayMs', 60_000],
    ['cardDelayMs', Number.NaN],
    ['language', 'de'],
  ])('resets %s of the wrong type or out of range (%j) to its default, and keeps the other fields', (field, bad) => {
    const { settings, problems } = repair({ ...CUSTOM, [field]: bad });
    expect(settings[field]).toEqual(DEFAULT_SETTINGS[field]);
    expect({ ...settings, [field]: CUSTOM[field] }).toEqual(CUSTOM);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(field);
  });

  it('drops unknown topic and entity ids (a knowledge base that changed) and keeps the known ones', () => {
    const { settings, problems } = repair({ disabledTopics: ['e-commerce', 'crypto'], disabledEntities: ['huawei', 'nokia', 'huawei'] });
    expect(settings.disabledTopics).toEqual(['e-commerce']);
    expect(settings.disabledEntities).toEqual(['huawei']);
    expect(problems).toEqual(['disabledTopics: dropped unknown or repeated ids', 'disabledEntities: dropped unknown or repeated ids']);
  });

  it('drops sites that are not host names, lower-cases the others and drops repeats', () => {
    const { settings, problems } = repair({ disabledSites: ['News.Example.com', 'news.example.com', 'http://x.com/path', '', 'a b', '[::1]:8080'] });
    expect(settings.disabledSites).toEqual(['news.example.com', '[::1]:8080']);
    expect(problems).toEqual(['disabledSites: dropped invalid or repeated sites']);
  });

  it('drops ignored aliases with an unknown entity, a bad site, an empty alias or a wrong shape, and repeats', () => {
    const good = { site: 'example.com', entityId: 'huawei', alias: 'Huawei' };
    const { settings, problems } = repair({
      ignoredAliases: [good, { ...good }, { ...good, entityId: 'nokia' }, { ...good, site: 'not a site' }, { ...good, alias: ' ' }, 'Huawei', null, { site: 'example.com' }],
    });
    expect(settings.ignoredAliases).toEqual([good]);
    expect(problems).toEqual(['ignoredAliases: dropped invalid or repeated entries']);
  });

  it('drops fields it does not know, and says so', () => {
    const { settings, problems } = repair({ ...CUSTOM, theme: 'dark' });
    expect(settings).toEqual(CUSTOM);
    expect(problems).toEqual(['unknown setting "theme": dropped']);
  });

  it('rounds a fractional card delay', () => {
    expect(repair({ cardDelayMs: 249.6 }).settings.cardDelayMs).toBe(250);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const stored of [cyclic, Object.create(null), new Date(), { disabledTopics: [null, undefined, {}] }, { ignoredAliases: [[], 1] }, Symbol('x'), () => 1]) {
      expect(() => repair(stored)).not.toThrow();
    }
  });
});

describe('settings migrations', () => {
  it('are at version 2, with a migration to each version after the first', () => {
    expect(SETTINGS_VERSION).toBe(2);
    for (let version = 2; version <= SETTINGS_VERSION; version++) expect(SETTINGS_MIGRATIONS[version], `to v${version}`).toBeTypeOf('function');
  });

  it('turn a version-1 value (maps of switches, named style, delay in seconds, locale) into the current shape', () => {
    const v1 = {
      topics: { 'e-commerce': false, 'cloud-computing': true },
      entities: { zte: false, huawei: true },
      blockedSites: ['News.Example.com'],
      style: 'highlight',
      firstOnly: true,
      hoverDelay: 0.75,
      locale: 'fr',
    };
    const migrated = migrateSettingsV1ToV2(v1);
    expect(migrated).toEqual({
      disabledTopics: ['e-commerce'],
      disabledEntities: ['zte'],
      disabledSites: ['news.example.com'],
      highlightStyle: 'background',
      firstMentionOnly: true,
      cardDelayMs: 750,
      language: 'fr',
    });
    expect(repair(migrated).problems).toEqual([]);
  });

  it('map each version-1 style to its version-2 name', () => {
    expect(migrateSettingsV1ToV2({ style: 'underline' })).toEqual({ highlightStyle: 'underline' });
    expect(migrateSettingsV1ToV2({ style: 'off' })).toEqual({ highlightStyle: 'none' });
  });

  it('keep a value already in the current shape as it is (stored without its version)', () => {
    expect(migrateSettingsV1ToV2(CUSTOM)).toEqual(CUSTOM);
  });

  it('pass what they do not understand on to the repair instead of throwing', () => {
    expect(migrateSettingsV1ToV2('garbage')).toBe('garbage');
    expect(migrateSettingsV1ToV2(null)).toBe(null);
    const odd = migrateSettingsV1ToV2({ topics: 'all', style: 'sparkles', hoverDelay: 'slow' });
    expect(odd).toEqual({ disabledTopics: 'all', highlightStyle: 'sparkles', cardDelayMs: 'slow' });
    const { settings, problems } = repair(odd);
    expect(settings).toEqual(defaultSettings());
    expect(problems).toHaveLength(3);
  });

  it('clamp a version-1 delay to the range the options allow', () => {
    expect(migrateSettingsV1ToV2({ hoverDelay: 10 })).toEqual({ cardDelayMs: 2000 });
  });
});

describe('settings helpers', () => {
  it('an entity is on while it is on and at least one of its topics is on', () => {
    expect(isEntityEnabled(huawei, { ...defaultSettings(), disabledTopics: [huawei.topics[0]!] })).toBe(true);
    expect(isEntityEnabled(huawei, { ...defaultSettings(), disabledTopics: [...huawei.topics] })).toBe(false);
    expect(isEntityEnabled(huawei, { ...defaultSettings(), disabledEntities: ['huawei'] })).toBe(false);
  });

  it('a site is its host and port, for http and https pages only', () => {
    expect(siteOf('https://News.Example.com/a?b#c')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('file:///tmp/a.html')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
    expect(isSiteEnabled('a.com', { ...defaultSettings(), disabledSites: ['a.com'] })).toBe(false);
    expect(isSiteEnabled(undefined, { ...defaultSettings(), disabledSites: ['a.com'] })).toBe(true);
  });

  it('a site typed in the options becomes a site key, or nothing when it is not one', () => {
    expect(siteFromInput(' News.Example.com ')).toBe('news.example.com');
    expect(siteFromInput('https://news.example.com/a/b?c')).toBe('news.example.com');
    expect(siteFromInput('http://127.0.0.1:8080/page')).toBe('127.0.0.1:8080');
    expect(siteFromInput('localhost')).toBe('localhost');
    expect(siteFromInput('')).toBeUndefined();
    expect(siteFromInput('not a site')).toBeUndefined();
    expect(siteFromInput('ftp://files.example.com')).toBeUndefined();
  });

  it('an alias is ignored on its site only', () => {
    const settings = { ...defaultSettings(), ignoredAliases: [{ site: 'a.com', entityId: 'microsoft-azure', alias: 'Azure' }] };
    expect(isAliasIgnored('a.com', 'microsoft-azure', 'Azure', settings)).toBe(true);
    expect(isAliasIgnored('b.com', 'microsoft-azure', 'Azure', settings)).toBe(false);
  });

  it('switchInOffList() turns an id on (out of the list) or off (in once)', () => {
    expect(switchInOffList(['a', 'b'], 'a', true)).toEqual(['b']);
    expect(switchInOffList(['a'], 'b', false)).toEqual(['a', 'b']);
    expect(switchInOffList(['a'], 'a', false)).toEqual(['a']);
  });
});
