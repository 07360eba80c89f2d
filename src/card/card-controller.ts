import type { KnowledgeBase } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import type { PageMention } from '../page/page-mentions';
import type { CardActions } from './card-actions';
import { CardDisplay, type CardUi } from './card-display';
import { CardInput } from './card-input';

export type { CardUi };

/**
 * The hover card as the content script uses it: the card on screen (card-display.tsx)
 * driven by the reader's input (card-input.ts), and opened from the keyboard command
 * and the popup's list (`reveal`).
 */
export class CardController {
  readonly #display: CardDisplay;
  readonly #input: CardInput;

  constructor(
    document: Document,
    /** Creates our UI host; called on the first card, so pages without mentions get no element at all. */
    createHost: () => ShadowRoot,
    kb: KnowledgeBase,
    matcher: MentionMatcher,
    ui: CardUi,
    actions: CardActions,
    onActiveChange: (mention: PageMention | null) => void,
    signal: AbortSignal,
  ) {
    const timers = { startGrace: () => this.#input.startGrace(), cancelGrace: () => this.#input.cancelGrace(), cancelDwell: () => this.#input.cancelDwell() };
    this.#display = new CardDisplay(document, createHost, kb, matcher, ui, actions, onActiveChange, timers, signal);
    this.#input = new CardInput(document, this.#display, ui, signal);
  }

  /** The mentions that can open a card (those painted). */
  setMentions(mentions: PageMention[]): void {
    this.#display.setMentions(mentions);
    this.#input.setMentions(mentions);
  }

  updateUi(ui: CardUi): void {
    this.#display.updateUi(ui);
  }

  get openMention(): PageMention | null {
    return this.#display.openMention;
  }

  /** Scrolls to a mention and opens its card with focus inside (see `CardDisplay.reveal`). */
  reveal(mention: PageMention): void {
    this.#display.reveal(mention);
  }

  /** Takes focus into a card that keyboard focus on its link opened; false when there is none. */
  enterCardOfFocusedLink(): boolean {
    return this.#input.enterCardOfFocusedLink();
  }
}
