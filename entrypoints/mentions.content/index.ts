import { runMentions } from '../../src/content/mentions';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    void runMentions(knowledgeBase, ctx.signal);
  },
});
