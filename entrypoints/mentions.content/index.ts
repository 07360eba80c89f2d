import { abortWhenOrphaned } from '../../src/content/lifecycle';
import { runMentions } from '../../src/content/mentions';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Frames get their own instance; about:blank and srcdoc frames inherit their parent's origin.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    abortWhenOrphaned(ctx);
    void runMentions(knowledgeBase, ctx.signal);
  },
});
