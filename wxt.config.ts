import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  // Parallel work (several builds tested at once) can build elsewhere; the default is .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings. Content scripts are declared by the entrypoint (http and https pages only).
    // Chrome only: scripting, on the same http and https pages, starts the new content script in tabs already
    // open when Backstory is installed or updated (Firefox does that by itself).
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'scripting'],
    ...(browser !== 'firefox' && { host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
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
  zip: {
    excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**', '.output/**', 'demo-output/**', '**/*.png'],
  },
});
