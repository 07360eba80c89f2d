import { browser } from 'wxt/browser';
import { runCardScript } from '../src/background/card-script';
import { isNewVersion, startInOpenTabs } from '../src/background/take-over';
import { knowledgeBase } from '../src/knowledge/knowledge-base';
import { handleBackgroundMessages, sendToTab } from '../src/messaging/protocol';
import { keepSettingsRepaired } from '../src/settings/settings-item';

export default defineBackground(() => {
  // The one owner of settings repairs: a bad stored value, at start or written later, is
  // reported once and written back repaired; other contexts only repair in memory.
  void keepSettingsRepaired(knowledgeBase, new AbortController().signal);
  // Listening makes the worker start with the browser, so a bad value is repaired at once.
  browser.runtime.onStartup.addListener(() => {});
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (isNewVersion(reason)) void startInOpenTabs();
  });

  // A frame with mentions asks for the card's script (src/content/card-slot.ts).
  handleBackgroundMessages({ loadCard: (_, { tabId, frameId }) => runCardScript(tabId, frameId) });

  browser.commands.onCommand.addListener(async (command) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : undefined;
    if (direction === undefined) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(tab.id, 'stepMention', { direction }).catch(() => {
      // No content script in this tab (a browser page, a store): nothing to move to.
    });
  });
});
