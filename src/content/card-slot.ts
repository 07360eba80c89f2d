import { isTap, pointerStart, takeCardFactory, type Card, type CardSetup, type PointerStart } from '../card/card-factory';
import { sendToBackground } from '../messaging/protocol';
import type { PageMention } from '../page/page-mentions';
import type { Settings } from '../settings/settings';

/** How long the card may wait for an idle moment after the first mentions are painted. */
const IDLE_LOAD_TIMEOUT_MS = 1000;

/**
 * Where the hover card goes in the content script. The card is a script of its own
 * (see src/card/card-factory.ts), which the background runs in this frame when asked:
 * once, in an idle moment after the first paint with a mention (so a card is ready before
 * the reader can rest the pointer on one), or at once when the keyboard command, the
 * popup or a tap (touch has no hover to wait through) needs a card before that. Until then the slot keeps the latest mentions and
 * settings and hands them over when the card arrives.
 *
 * A card that cannot be loaded (a frame the background may not script, an orphaned
 * script) leaves the slot empty: mentions are still painted and listed, they open no card.
 */
export class CardSlot {
  #card: Card | null = null;
  #loading: Promise<Card | null> | null = null;
  #idleLoad = 0;
  readonly #setup: CardSetup;
  #mentions: PageMention[] = [];
  /** Where the pointer last moved while the card was on its way: a reader resting it on a mention gets its card. */
  #pointer: { x: number; y: number } | null = null;
  /** A tap while the card was on its way: the card it asked for opens when the card arrives. */
  #tap: { x: number; y: number } | null = null;
  #stopFollowingPointer: (() => void) | null = null;

  /** `setup.settings` is kept up to date by `updateSettings`. */
  constructor(setup: CardSetup) {
    this.#setup = setup;
    setup.signal.addEventListener('abort', () => cancelIdleCallback(this.#idleLoad), { once: true });
  }

  get openMention(): PageMention | null {
    return this.#card?.openMention ?? null;
  }

  /** The mentions that can open a card (those painted); the first one schedules the card's loading. */
  setMentions(mentions: PageMention[]): void {
    this.#mentions = mentions;
    if (this.#card) this.#card.setMentions(mentions);
    else if (mentions.length > 0 && this.#idleLoad === 0 && !this.#loading) {
      this.#idleLoad = requestIdleCallback(() => void this.load(), { timeout: IDLE_LOAD_TIMEOUT_MS });
      this.#followPointer();
    }
  }

  #followPointer(): void {
    if (this.#stopFollowingPointer) return;
    const { document, signal } = this.#setup;
    const onMove = (event: PointerEvent) => {
      if (event.isTrusted && event.pointerType !== 'touch') this.#pointer = { x: event.clientX, y: event.clientY };
    };
    // Touch has no hover to wait for: a tap before the card is here loads it at once.
    let touchDown: PointerStart | null = null;
    const onDown = (event: PointerEvent) => {
      touchDown = event.isTrusted && event.pointerType !== 'mouse' ? pointerStart(event) : null;
    };
    const onUp = (event: PointerEvent) => {
      const down = touchDown;
      touchDown = null;
      if (!isTap(down, event)) return;
      this.#tap = { x: event.clientX, y: event.clientY };
      void this.load();
    };
    // A pointer that leaves the window is resting on nothing.
    const onOut = (event: PointerEvent) => {
      if (event.relatedTarget === null) this.#pointer = null;
    };
    const options = { capture: true, passive: true, signal };
    document.addEventListener('pointermove', onMove, options);
    document.addEventListener('pointerout', onOut, options);
    document.addEventListener('pointerdown', onDown, options);
    document.addEventListener('pointerup', onUp, options);
    this.#stopFollowingPointer = () => {
      document.removeEventListener('pointermove', onMove, options);
      document.removeEventListener('pointerout', onOut, options);
      document.removeEventListener('pointerdown', onDown, options);
      document.removeEventListener('pointerup', onUp, options);
    };
  }

  updateSettings(settings: Settings): void {
    this.#setup.settings = settings;
    this.#card?.updateSettings(settings);
  }

  /**
   * See `Card.enterCardOfFocusedLink`. A card still on its way is loaded first: arriving, it opens the card of a
   * focused link that names a company (`Card.catchUp`), and that is where the command should take the reader.
   */
  async enterCardOfFocusedLink(): Promise<boolean> {
    if (this.#mentions.length === 0) return false;
    const card = await this.load();
    return card?.enterCardOfFocusedLink() ?? false;
  }

  /** Scrolls to a mention and opens its card with focus inside, loading the card first if needed; false if it could not. */
  async reveal(mention: PageMention): Promise<boolean> {
    const card = await this.load();
    // The page may have changed while the card was loading.
    if (!card || !this.#mentions.includes(mention)) return false;
    card.reveal(mention);
    return true;
  }

  /** The card, loaded in this frame if it is not yet; null when it cannot be. Never rejects. */
  load(): Promise<Card | null> {
    if (this.#card) return Promise.resolve(this.#card);
    this.#loading ??= this.#inject().then((card) => {
      this.#card = card;
      // A refusal may not be final (the background was restarting, the page came back from the back-forward cache):
      // the reader's next demand asks again, and so does the next paint with mentions.
      this.#loading = null;
      this.#idleLoad = 0;
      return card;
    });
    return this.#loading;
  }

  async #inject(): Promise<Card | null> {
    const { signal } = this.#setup;
    if (signal.aborted) return null;
    // The card's own signal: a card that fails to start takes its listeners and host away with it, and the next
    // demand builds a new one rather than a second beside it.
    let cardSignal: AbortController | undefined;
    try {
      // A factory an older Backstory left here is not ours (after an update, old and new scripts can share the world).
      takeCardFactory();
      if (!(await sendToBackground('loadCard', {}))) return null;
      if (signal.aborted) return null;
      const factory = takeCardFactory();
      if (!factory) return null;
      const own = (cardSignal = new AbortController());
      signal.addEventListener('abort', () => own.abort(), { once: true, signal: own.signal });
      const card = factory({ ...this.#setup, signal: own.signal });
      card.setMentions(this.#mentions);
      card.catchUp(this.#pointer, this.#tap);
      this.#tap = null;
      this.#stopFollowingPointer?.();
      this.#stopFollowingPointer = null;
      return card;
    } catch {
      // No background to answer (the extension is gone) or a card that failed to start: no card here.
      cardSignal?.abort();
      return null;
    }
  }
}
