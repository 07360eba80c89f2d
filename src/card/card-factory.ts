import type { KnowledgeBase } from '../knowledge/types';
import type { CardActions } from './card-actions';
import type { MentionMatcher } from '../matching/mention-matcher';
import type { PageMention } from '../page/page-mentions';
import type { Settings } from '../settings/settings';

/**
 * The contract between the content script and the card's own script (entrypoints/card.ts).
 *
 * Most pages name none of our companies, and the content script runs in every frame of
 * every page: the card (Preact, Floating UI, the view, its styles and strings) is a script
 * of its own, run by the background in a frame only once mentions are painted there
 * (src/content/card-slot.ts). Both scripts run in the extension's isolated world of that
 * frame, where the card script leaves its factory on the global object for the content
 * script to take. The page's own world has another global object: it can neither see nor
 * forge this one.
 */

/**
 * What the content script gives the card: its own objects, so the card script carries no
 * knowledge base, and no extension API either (settings are read and written by the content script).
 */
export interface CardSetup {
  document: Document;
  kb: KnowledgeBase;
  matcher: MentionMatcher;
  /** The card's one-click buttons (they write the settings). */
  actions: CardActions;
  settings: Settings;
  /** The browser's language (`i18n.getUILanguage()`), for the setting "the browser's language". */
  uiLanguage: string;
  /** Marks the open card's mention on the page (null: none). */
  onActiveChange: (mention: PageMention | null) => void;
  signal: AbortSignal;
}

/** A touch that travels further than this is a scroll or a drag, not a tap. */
export const TAP_SLOP_PX = 10;

/** Where a touch or pen pointer went down: whether it lifts as a tap is told when it does (`isTap`). */
export interface PointerStart {
  id: number;
  x: number;
  y: number;
}

export const pointerStart = (event: PointerEvent): PointerStart => ({ id: event.pointerId, x: event.clientX, y: event.clientY });

/** Whether `up` lifts the pointer that went down at `start` as a tap: the same pointer, within TAP_SLOP_PX. */
export function isTap(start: PointerStart | null, up: PointerEvent): boolean {
  return start !== null && start.id === up.pointerId && Math.hypot(up.clientX - start.x, up.clientY - start.y) <= TAP_SLOP_PX;
}

/** The card as the content script drives it. */
export interface Card {
  /** The mentions that can open a card (those painted). */
  setMentions(mentions: PageMention[]): void;
  updateSettings(settings: Settings): void;
  readonly openMention: PageMention | null;
  /** Scrolls to a mention and opens its card with focus inside. */
  reveal(mention: PageMention): void;
  /**
   * Takes up the reader's input from before the card arrived: where the pointer last moved (a card for the
   * mention it rests on), a tap (the card of the mention tapped), and focus.
   */
  catchUp(pointer: { x: number; y: number } | null, tap?: { x: number; y: number } | null): void;
  /** Takes focus into a card that keyboard focus on its link opened; false when there is none. */
  enterCardOfFocusedLink(): boolean;
}

export type CardFactory = (setup: CardSetup) => Card;

/** The isolated world's global property the card script leaves its factory in. */
export const CARD_FACTORY = Symbol.for('backstory.cardFactory');

type WithCardFactory = typeof globalThis & { [CARD_FACTORY]?: CardFactory };

/** In the card script: hands the factory to the content script of this frame. */
export function offerCardFactory(factory: CardFactory): void {
  (globalThis as WithCardFactory)[CARD_FACTORY] = factory;
}

/** In the content script: takes the factory the card script left (undefined if it has not run), leaving none behind. */
export function takeCardFactory(): CardFactory | undefined {
  const global = globalThis as WithCardFactory;
  const factory = global[CARD_FACTORY];
  delete global[CARD_FACTORY];
  return typeof factory === 'function' ? factory : undefined;
}
