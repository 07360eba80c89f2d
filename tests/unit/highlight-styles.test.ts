import { describe, expect, it } from 'vitest';
import { ACTIVE_HIGHLIGHT, FIREFOX_HOST_CONTENTS_CSS, MENTION_HIGHLIGHT, firefoxDeclaredCss, highlightCss } from '../../src/page/highlight-styles';
import { DEFAULT_SETTINGS, HIGHLIGHT_STYLES } from '../../src/settings/settings';

/** The declarations of the `::highlight(name)` rule in `css`, or undefined. */
const ruleFor = (css: string, name: string) => css.match(new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`))?.[1];

describe('highlight styles', () => {
  it('gives each style that paints a name of its own, and "none" none', () => {
    const names = HIGHLIGHT_STYLES.map((style) => MENTION_HIGHLIGHT[style]);
    expect(MENTION_HIGHLIGHT.none).toBeNull();
    expect(new Set(names.filter(Boolean)).size).toBe(HIGHLIGHT_STYLES.length - 1);
    expect(names).not.toContain(ACTIVE_HIGHLIGHT);
  });

  it('keeps the name backstory-mention for the default style', () => {
    expect(MENTION_HIGHLIGHT[DEFAULT_SETTINGS.highlightStyle]).toBe('backstory-mention');
  });

  it.each(['chromium', 'firefox'] as const)('%s: one rule for every style that paints, and for the active mention', (browser) => {
    const css = highlightCss(browser);
    for (const name of [MENTION_HIGHLIGHT.tint!, MENTION_HIGHLIGHT.underline!, MENTION_HIGHLIGHT.background!, ACTIVE_HIGHLIGHT]) expect(ruleFor(css, name), name).toMatch(/\S/);
  });

  it('draws an underline only where the reader chose it in Chromium: the default and the active mention are colours, which a change repaints cheaply', () => {
    const chromium = highlightCss('chromium');
    for (const name of [MENTION_HIGHLIGHT.tint!, MENTION_HIGHLIGHT.background!, ACTIVE_HIGHLIGHT]) expect(ruleFor(chromium, name), name).not.toMatch(/text-decoration/);
    expect(ruleFor(chromium, MENTION_HIGHLIGHT.underline!)).toContain('text-decoration: underline');
    expect(ruleFor(chromium, MENTION_HIGHLIGHT.tint!)).not.toBe(ruleFor(chromium, MENTION_HIGHLIGHT.background!));
  });

  it('Firefox gets only what it paints in ::highlight() (colours): an underline chosen elsewhere is the tint there', () => {
    const css = highlightCss('firefox');
    expect(css).not.toMatch(/text-decoration|text-shadow/);
    expect(ruleFor(css, MENTION_HIGHLIGHT.underline!)).toBe(ruleFor(css, MENTION_HIGHLIGHT.tint!));
  });

  it('Firefox’s declared sheet sets the property that the UI host’s contents need to show', () => {
    const property = FIREFOX_HOST_CONTENTS_CSS.match(/var\((--[\w-]+), none\)/)![1]!;
    expect(firefoxDeclaredCss()).toContain(`backstory-ui { ${property}: block; }`);
    expect(firefoxDeclaredCss()).toContain(highlightCss('firefox'));
  });
});
