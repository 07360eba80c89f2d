import { browser } from 'wxt/browser';
import { knowledgeBase } from '../src/knowledge/knowledge-base';
import { sendToTab } from '../src/messaging/protocol';
import { loadSettings } from '../src/settings/storage';

export default defineBackground(() => {
  // Repair a bad stored value once, at start, so every context reads clean settings.
  void loadSettings(knowledgeBase);

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
