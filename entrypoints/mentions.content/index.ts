import { abortWhenOrphaned, removeLeftoverUiHosts } from '../../src/content/lifecycle';
import { runOnReadersKnowledge } from '../../src/content/readers-knowledge';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Frames get their own instance; about:blank and srcdoc frames inherit their parent's origin.
  allFrames: true,
  matchAboutBlank: true,
  // From the start, so that our stylesheet is in place before the page has content (see Highlighter); the scan
  // itself waits for the HTML to be parsed.
  runAt: 'document_start',
  main(ctx) {
    abortWhenOrphaned(ctx);
    removeLeftoverUiHosts(document);
    void runOnReadersKnowledge(knowledgeBase, ctx.signal);
  },
});
