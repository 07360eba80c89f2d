import { readFile } from 'node:fs/promises';
import { defineConfig } from 'wxt';
import { ICON_SIZES, iconForDarkToolbarsFile, iconSet, TOOLBAR_ICON_SIZES, toolbarThemeIcons } from './src/cli/icon-files';
import { PRIVACY_PAGE, privacyPage } from './src/cli/privacy-page';
import { isPageMessageKey } from './src/i18n/messages';
import { firefoxDeclaredCss } from './src/page/highlight-styles';

/**
 * `_locales/<lang>/messages.json?page-strings` is the catalog cut to the strings pages
 * show (the card's; `isPageMessageKey`), for the content script (src/i18n/page-messages.ts).
 */
const pageStrings = {
  name: 'backstory-page-strings',
  enforce: 'pre' as const,
  async load(id: string) {
    const [file, query] = id.split('?');
    if (query !== 'page-strings' || !file!.endsWith('messages.json')) return undefined;
    const catalog = JSON.parse(await readFile(file!, 'utf8')) as Record<string, unknown>;
    return `export default ${JSON.stringify(Object.fromEntries(Object.entries(catalog).filter(([key]) => isPageMessageKey(key))))};`;
  },
};

/**
 * Firefox: the document's `::highlight()` rules are a stylesheet declared with the content
 * script, which Firefox adds to each page at the script's start without a DOM change and takes
 * away when Backstory is removed (a sheet the script adopted would stay: see Highlighter and
 * src/page/highlight-styles.ts).
 */
const FIREFOX_HIGHLIGHT_CSS = 'highlights.css';
const CONTENT_SCRIPT = 'content-scripts/mentions.js';

const toolbarButton = { default_title: '__MSG_extName__', default_icon: iconSet(TOOLBAR_ICON_SIZES) };

/** Takes the files at these destinations out of a build's public files. */
function removeFiles(files: Array<{ relativeDest: string }>, destinations: Set<string>): void {
  for (let i = files.length - 1; i >= 0; i--) if (destinations.has(files[i]!.relativeDest)) files.splice(i, 1);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  vite: () => ({ plugins: [pageStrings] }),
  // Parallel work (several builds tested at once) can build elsewhere; the default is .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings. Content scripts are declared by the entrypoint (http and https pages only).
    // scripting, on the same http and https pages: runs the card's script (entrypoints/card.ts) in a frame whose
    // content script has painted mentions, and, in Chrome, starts the new content script in tabs already open when
    // Backstory is installed or updated (Firefox does that by itself). WXT moves host_permissions into
    // permissions for Firefox's Manifest V2.
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // Drawn in assets/icon/backstory.svg, exported by `npm run icons` (src/cli/icon-files.ts names the files).
    icons: iconSet(ICON_SIZES),
    // Firefox's Manifest V2 button is declared as such: WXT gives the popup a browser_action of its own and would drop
    // an `action`'s icons. Firefox swaps in the pale variant on a dark toolbar (theme_icons); Chrome has no such key
    // and keeps the deep blue tile, which shows on both.
    ...(browser === 'firefox'
      ? { browser_action: { ...toolbarButton, theme_icons: toolbarThemeIcons() } }
      : { action: toolbarButton }),
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPreviousMention__',
      },
    },
    // Chrome 128 is the first in which Backstory runs the code paths the end-to-end tests run (in Chromium 156): it
    // brought document.caretPositionFromPoint with its shadowRoots option, how the card finds the mention under the
    // pointer, in shadow roots too (older Chromium takes the caretRangeFromPoint fallback, which no test runs). What
    // the code cannot do without comes earlier: the CSS Custom Highlight API (105), scripting.executeScript's
    // injectImmediately (102), a push onto adoptedStyleSheets (99), structuredClone (98).
    ...(browser !== 'firefox' && { minimum_chrome_version: '128' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.example',
          // The CSS Custom Highlight API, which paints mentions without changing the page, arrived in Firefox 140.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android learned data_collection_permissions in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      // PRIVACY.md, rendered: the options page links to it (src/cli/privacy-page.ts).
      files.push({ relativeDest: PRIVACY_PAGE, contents: privacyPage() });
      if (wxt.config.browser === 'firefox') files.push({ relativeDest: FIREFOX_HIGHLIGHT_CSS, contents: firefoxDeclaredCss() });
      // The dark toolbars' icons are Firefox's theme_icons only: Chrome's package goes without them.
      else removeFiles(files, new Set(ICON_SIZES.map(iconForDarkToolbarsFile)));
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      const entry = manifest.content_scripts?.find((script) => script.js?.includes(CONTENT_SCRIPT));
      if (!entry) throw new Error(`No ${CONTENT_SCRIPT} in the manifest to declare ${FIREFOX_HIGHLIGHT_CSS} with`);
      entry.css = [...(entry.css ?? []), FIREFOX_HIGHLIGHT_CSS];
    },
  },
  zip: {
    // The screenshots stay out; the icons' PNGs stay in (a reviewer's rebuild copies them from assets/public).
    excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**', '.output/**', 'demo-output/**', 'assets/screenshots/**', 'assets/store/**'],
  },
});
