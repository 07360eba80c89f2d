import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { SETTINGS_VERSION } from '../../src/settings/migrations';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { defineSettingsItem, keepSettingsRepaired, loadSettings, resetRepairReports } from '../../src/settings/settings-item';
import { readSettings, updateSettings, watchSettings } from '../../src/settings/storage';

const kb = knowledgeBase;
const stored = async () => (await fakeBrowser.storage.local.get(['settings', 'settings$'])) as { settings?: unknown; 'settings$'?: { v: number } };
/** Settles storage writes and watchers (the fake browser's events are promises). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  resetRepairReports();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Puts a value (and its version, when given) in storage, then defines the item as a context starting now would. */
async function start(value: unknown, version?: number) {
  const items: Record<string, unknown> = { settings: value };
  if (version !== undefined) items['settings$'] = { v: version };
  await fakeBrowser.storage.local.set(items);
  return defineSettingsItem();
}

describe('settings in storage', () => {
  it('are the defaults when nothing is stored, and nothing is written or reported', async () => {
    const item = await start(undefined);
    expect(await loadSettings(kb, item)).toEqual(defaultSettings());
    expect((await stored()).settings).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('are saved with their version, and read back', async () => {
    await start(undefined);
    const settings: Settings = { ...defaultSettings(), highlightStyle: 'none', cardDelayMs: 0 };
    await updateSettings(kb, (s) => Object.assign(s, settings));
    expect(await stored()).toEqual({ settings, 'settings$': { v: SETTINGS_VERSION } });
    expect(await readSettings(kb)).toEqual(settings);
  });

  it('written by version 1 are migrated when a context starts, and the new version is recorded', async () => {
    const item = await start({ topics: { 'e-commerce': false }, entities: { zte: false }, blockedSites: ['example.com'], style: 'off', firstOnly: true, hoverDelay: 1, locale: 'fr' }, 1);
    expect(await loadSettings(kb, item)).toEqual({
      disabledTopics: ['e-commerce'],
      disabledEntities: ['zte'],
      disabledSites: ['example.com'],
      ignoredAliases: [],
      highlightStyle: 'none',
      firstMentionOnly: true,
      cardDelayMs: 1000,
      language: 'fr',
    });
    const after = await stored();
    expect(after['settings$']).toEqual({ v: SETTINGS_VERSION });
    expect(after.settings).toMatchObject({ disabledTopics: ['e-commerce'], highlightStyle: 'none' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('written by version 1 without a version mark are migrated too (no mark means version 1)', async () => {
    const item = await start({ style: 'highlight', topics: { 'telecom-sanctions': false } });
    const settings = await loadSettings(kb, item);
    expect(settings.highlightStyle).toBe('background');
    expect(settings.disabledTopics).toEqual(['telecom-sanctions']);
  });

  it('garbage is repaired to defaults, reported once in the console, and written back', async () => {
    const item = await start('{"broken json', SETTINGS_VERSION);
    expect(await loadSettings(kb, item)).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/Backstory: stored settings were repaired:\n- settings were string/);
    expect((await stored()).settings).toEqual(defaultSettings());
    // The next start finds clean settings: nothing more to report.
    expect(await loadSettings(kb, defineSettingsItem())).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a bad field is repaired alone: the reader keeps every other choice', async () => {
    const item = await start({ ...defaultSettings(), disabledTopics: ['e-commerce', 'no-such-topic'], cardDelayMs: 'slow', language: 'fr' }, SETTINGS_VERSION);
    const settings = await loadSettings(kb, item);
    expect(settings).toEqual({ ...defaultSettings(), disabledTopics: ['e-commerce'], language: 'fr' });
    expect(String(warn.mock.calls[0]![0])).toContain('cardDelayMs "slow"');
  });

  it('read by a page before the background has migrated them are migrated in memory, and nothing is written', async () => {
    // No item defined: only the reader runs, as in a tab that loads while the updated background starts.
    const v1 = { topics: { 'e-commerce': false }, style: 'highlight', hoverDelay: 0.5 };
    await fakeBrowser.storage.local.set({ settings: v1, 'settings$': { v: 1 } });
    expect(await readSettings(kb)).toEqual({ ...defaultSettings(), disabledTopics: ['e-commerce'], highlightStyle: 'background', cardDelayMs: 500 });
    await fakeBrowser.storage.local.remove('settings$');
    expect((await readSettings(kb)).highlightStyle, 'no version mark means version 1').toBe('background');
    expect(await stored()).toEqual({ settings: v1 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('read and written by a page keep to the layout of the background’s item', async () => {
    await updateSettings(kb, (s) => void (s.cardDelayMs = 750));
    // The background's item, defined afterwards, finds a current value: nothing to migrate, the same settings.
    const item = defineSettingsItem();
    expect(await item.getMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await loadSettings(kb, item)).toEqual({ ...defaultSettings(), cardDelayMs: 750 });
    await item.setValue({ ...defaultSettings(), language: 'fr' });
    expect((await readSettings(kb)).language).toBe('fr');
  });

  it('a storage that fails to read gives a page the defaults rather than an error', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), language: 'fr' } });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: database corrupt'));
    await expect(readSettings(kb)).resolves.toEqual(defaultSettings());
  });

  it('read by a content script is repaired silently, without writing (the page console is not ours)', async () => {
    const item = await start(42, SETTINGS_VERSION);
    expect(await readSettings(kb)).toEqual(defaultSettings());
    expect(warn).not.toHaveBeenCalled();
    expect((await stored()).settings).toBe(42);
  });

  it('from a newer version (a downgrade) do not crash: what is understood is kept', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const item = await start({ ...defaultSettings(), highlightStyle: 'background', sparkles: true }, SETTINGS_VERSION + 1);
    const settings = await loadSettings(kb, item);
    expect(settings).toEqual({ ...defaultSettings(), highlightStyle: 'background' });
    expect(error).toHaveBeenCalled(); // WXT says which item it could not migrate.
  });

  it('a storage that fails to read gives defaults rather than an error', async () => {
    const item = await start(undefined);
    await item.getValue(); // Past the item's own start-up read, which WXT does not guard.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: database corrupt'));
    await expect(loadSettings(kb, item)).resolves.toEqual(defaultSettings());
  });

  it('watchers get repaired settings at each change, until their signal aborts', async () => {
    const item = await start(undefined);
    const controller = new AbortController();
    const seen: Settings[] = [];
    watchSettings(kb, (settings) => seen.push(settings), controller.signal);
    await item.setValue({ ...defaultSettings(), highlightStyle: 'background' });
    await item.setValue({ highlightStyle: 'neon', firstMentionOnly: true });
    await settle();
    expect(seen.map((s) => [s.highlightStyle, s.firstMentionOnly])).toEqual([['background', false], ['tint', true]]);
    controller.abort();
    await item.setValue({ ...defaultSettings(), language: 'fr' });
    await settle();
    expect(seen).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it('the background repairs a bad value at start and any bad value written later, reporting each once', async () => {
    const item = await start({ highlightStyle: 7 }, SETTINGS_VERSION);
    const controller = new AbortController();
    expect((await keepSettingsRepaired(kb, controller.signal, item)).highlightStyle).toBe('tint');
    await settle();
    expect((await stored()).settings).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ settings: ['not', 'settings'] });
    await settle();
    expect((await stored()).settings).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalledTimes(2);

    // Valid changes are left alone.
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), language: 'fr' } });
    await settle();
    expect((await stored()).settings).toEqual({ ...defaultSettings(), language: 'fr' });
    expect(warn).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('the background migrates a version-1 value written while it runs, rather than resetting it', async () => {
    const item = await start(undefined);
    const controller = new AbortController();
    await keepSettingsRepaired(kb, controller.signal, item);
    await fakeBrowser.storage.local.set({ settings: { topics: { 'e-commerce': false }, style: 'highlight' }, 'settings$': { v: 1 } });
    await vi.waitFor(async () => expect((await stored())['settings$']).toEqual({ v: SETTINGS_VERSION }));
    await settle();
    expect(await readSettings(kb)).toEqual({ ...defaultSettings(), disabledTopics: ['e-commerce'], highlightStyle: 'background' });
    expect(warn).not.toHaveBeenCalled();
    controller.abort();
  });

  it('the background repairs garbage written without a version mark (as after storage was cleared)', async () => {
    const item = await start(undefined);
    const controller = new AbortController();
    await keepSettingsRepaired(kb, controller.signal, item);
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await vi.waitFor(async () => expect((await stored()).settings).toEqual(defaultSettings()));
    expect(warn).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('updateSettings changes what is stored, not a stale copy', async () => {
    const item = await start({ ...defaultSettings(), disabledSites: ['a.com'] }, SETTINGS_VERSION);
    await updateSettings(kb, (s) => s.disabledSites.push('b.com'));
    await updateSettings(kb, (s) => void (s.language = 'en'));
    expect(await readSettings(kb)).toEqual({ ...defaultSettings(), disabledSites: ['a.com', 'b.com'], language: 'en' });
  });
});
