import { resolveLanguage } from '../i18n/messages';
import { pageTranslator } from '../i18n/page-messages';
import type { PageMention } from '../page/page-mentions';
import type { Settings } from '../settings/settings';
import { CardDisplay, type CardUi } from './card-display';
import { CardInput } from './card-input';
import type { Card, CardSetup } from './card-factory';
import CARD_CSS from './card.css?inline';
import { createUiHost } from './ui-host';

export type { CardUi };

/** The card's strings and timing under the reader's settings. */
function cardUi(settings: Settings, uiLanguage: string): CardUi {
  const language = resolveLanguage(settings.language, uiLanguage);
  return { language, t: pageTranslator(language), delayMs: settings.cardDelayMs, disabledTopics: settings.disabledTopics };
}

/**
 * The hover card as the content script uses it: the card on screen (card-display.tsx)
 * driven by the reader's input (card-input.ts), and opened from the keyboard command
 * and the popup's list (`reveal`). Made by the card script (entrypoints/card.ts) with the
 * content script's objects (see card-factory.ts).
 */
export class CardController implements Card {
  readonly #display: CardDisplay;
  readonly #input: CardInput;
  readonly #uiLanguage: string;

  constructor({ document, kb, matcher, actions, settings, uiLanguage, onActiveChange, signal }: CardSetup) {
    this.#uiLanguage = uiLanguage;
    const ui = cardUi(settings, uiLanguage);
    const timers = { startGrace: () => this.#input.startGrace(), cancelGrace: () => this.#input.cancelGrace(), cancelDwell: () => this.#input.cancelDwell() };
    // Our UI host is created with the first card: a page whose mentions are never opened gets no element at all.
    const createHost = () => createUiHost(document, CARD_CSS, signal);
    this.#display = new CardDisplay({ document, createHost, kb, matcher, ui, actions, onActiveChange, timers, signal });
    this.#input = new CardInput(document, this.#display, ui, signal);
  }

  setMentions(mentions: PageMention[]): void {
    this.#display.setMentions(mentions);
    this.#input.setMentions(mentions);
  }

  updateSettings(settings: Settings): void {
    this.#display.updateUi(cardUi(settings, this.#uiLanguage));
  }

  get openMention(): PageMention | null {
    return this.#display.openMention;
  }

  /** See `CardDisplay.reveal`. */
  reveal(mention: PageMention): void {
    this.#display.reveal(mention);
  }

  catchUp(pointer: { x: number; y: number } | null, tap: { x: number; y: number } | null = null): void {
    this.#input.catchUp(pointer, tap);
  }

  enterCardOfFocusedLink(): boolean {
    return this.#input.enterCardOfFocusedLink();
  }
}
