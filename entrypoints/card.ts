import { CardController } from '../src/card/card-controller';
import { offerCardFactory } from '../src/card/card-factory';

/**
 * The hover card, a script of its own: the background runs it in a frame where the
 * content script has painted mentions (see src/card/card-factory.ts). Built as /card.js.
 */
export default defineUnlistedScript(() => {
  offerCardFactory((setup) => new CardController(setup));
});
