import { MentionIndex, mentionAtPoint } from '../page/hit-test';
import { startNode, type PageMention } from '../page/page-mentions';
import type { IntentTimers, RestoreFocus, OpenOptions } from './card-display';
import { isTap, pointerStart, TAP_SLOP_PX, type PointerStart } from './card-factory';

/** Time to leave a mention before its card closes; moving into the card, or back onto the mention, cancels it. */
const GRACE_MS = 300;
/** The click a tap makes comes at once, or after a double-tap delay (300 ms); later than this it is another one. */
const TAP_CLICK_MS = 1000;

/** What the reader's input opens and closes: the card on screen (card-display.tsx). */
export interface CardSurface {
  readonly openMention: PageMention | null;
  /** The open card stays while the pointer wanders. */
  readonly pinned: boolean;
  /** Focus is being put back where it was by us, not moved by the reader. */
  readonly givingFocusBack: boolean;
  show(mention: PageMention, how: OpenOptions): void;
  close(restoreFocus: RestoreFocus): void;
  dismissNotice(): void;
  isOurs(target: EventTarget | null | undefined): boolean;
  cardAt(x: number, y: number): boolean;
  focusInCard(): boolean;
}

/** The link a mention is in, if any. */
const linkAround = (mention: PageMention): Element | null => startNode(mention).parentElement?.closest('a[href]') ?? null;

/**
 * The reader's input, turned into opening and closing cards. The pointer: a card opens
 * after a dwell on a mention and stays while the pointer travels between the mention
 * and the card (a grace period). Touch and pen: a tap on a mention opens its card at
 * once, a tap elsewhere closes it. The keyboard: Escape closes the card, and focus on a
 * link that names a company opens that mention's card without taking focus from the
 * link. A click or tap outside closes it too.
 */
export class CardInput implements IntentTimers {
  readonly #document: Document;
  readonly #surface: CardSurface;
  readonly #ui: { readonly delayMs: number };
  #index = new MentionIndex([]);
  #mentions: readonly PageMention[] = [];
  /** The mention under the pointer whose dwell is running, and its line box under the pointer. */
  #pending: { mention: PageMention; line: DOMRect } | null = null;
  /** A mention whose card the reader closed with Escape: it stays closed until the pointer leaves it. */
  #dismissed: PageMention | null = null;
  #dwellTimer: ReturnType<typeof setTimeout> | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #pointer: { x: number; y: number } | null = null;
  #tap: PointerStart | null = null;
  /** Where a first tap on a mention in a link landed, and when: the click it makes is the card's, not the link's. */
  #tapInLink: { x: number; y: number; time: number } | null = null;
  /** The mention whose card keyboard focus on its link opened. */
  #focusedMention: PageMention | null = null;

  constructor(document: Document, surface: CardSurface, ui: { readonly delayMs: number }, signal: AbortSignal) {
    this.#document = document;
    this.#surface = surface;
    this.#ui = ui;
    // Only the reader's own input counts: a page can dispatch synthetic events to look like them.
    const listen = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => event.isTrusted && listener(event), { capture: true, passive: true, signal });
    listen('pointermove', (event) => this.#pointerMove(event));
    listen('pointerdown', (event) => this.#pointerDown(event));
    listen('pointerup', (event) => this.#pointerUp(event));
    listen('pointercancel', () => (this.#tap = null));
    listen('pointerout', (event) => {
      // Out of the window (or into a frame): nothing is under the pointer any more.
      if (event.relatedTarget === null && event.pointerType !== 'touch') this.#leaveMentions();
    });
    listen('keydown', (event) => {
      // Escape while composing text (an input method) cancels the composition, not our card.
      if (event.key !== 'Escape' || event.isComposing) return;
      if (surface.openMention) {
        this.#dismissIfHovered();
        surface.close('always');
      } else surface.dismissNotice();
    });
    listen('focusin', (event) => this.#focusIn(event));
    // On the window, capturing, and not passive: the page's own click listeners (a router's) come after it.
    document.defaultView!.addEventListener('click', (event) => this.#click(event), { capture: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        cancelAnimationFrame(this.#frame);
        this.cancelDwell();
        this.cancelGrace();
      },
      { once: true },
    );
  }

  /** The mentions that can open a card (those painted). */
  setMentions(mentions: readonly PageMention[]): void {
    this.#mentions = mentions;
    this.#index = new MentionIndex(mentions);
    if (this.#pending && !mentions.includes(this.#pending.mention)) this.cancelDwell();
    if (this.#dismissed && !mentions.includes(this.#dismissed)) this.#dismissed = null;
  }

  /**
   * Takes focus into the card that keyboard focus on its link opened, which the reader
   * sees but has not entered (the next/previous command does this before it moves on).
   * False when there is no such card.
   */
  enterCardOfFocusedLink(): boolean {
    const mention = this.#focusedMention;
    this.#focusedMention = null;
    if (!mention || this.#surface.openMention !== mention || this.#surface.focusInCard()) return false;
    this.#surface.show(mention, { line: null, pinned: true, focus: true });
    return true;
  }

  /**
   * Takes up what the reader was doing before the card's script arrived (see
   * src/content/card-slot.ts): the pointer resting where it last moved starts a dwell,
   * and focus on a link that names a company opens its card.
   */
  catchUp(pointer: { x: number; y: number } | null, tap: { x: number; y: number } | null = null): void {
    const focused = this.#document.activeElement;
    if (focused?.matches('a[href]:focus-visible')) this.#focusOn(focused);
    const tapped = tap && mentionAtPoint(this.#document, this.#index, tap.x, tap.y);
    if (tapped && !this.#surface.openMention) {
      this.#surface.show(tapped.mention, { line: tapped.rect, pinned: true, focus: false });
      return;
    }
    if (pointer && !this.#surface.openMention) {
      this.#pointer = pointer;
      this.#hover();
    }
  }

  startGrace(): void {
    if (this.#graceTimer !== undefined) return;
    this.#graceTimer = setTimeout(() => {
      this.#graceTimer = undefined;
      this.#surface.close('if-focused');
    }, GRACE_MS);
  }

  cancelGrace(): void {
    clearTimeout(this.#graceTimer);
    this.#graceTimer = undefined;
  }

  cancelDwell(): void {
    clearTimeout(this.#dwellTimer);
    this.#pending = null;
  }

  #pointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' || (this.#mentions.length === 0 && !this.#surface.openMention)) return;
    this.#pointer = { x: event.clientX, y: event.clientY };
    if (this.#frame === 0) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#hover();
      });
    }
  }

  /** What the pointer is on, at most once a frame. */
  #hover(): void {
    if (!this.#pointer) return;
    const { x, y } = this.#pointer;
    const surface = this.#surface;
    if (surface.isOurs(this.#document.elementFromPoint(x, y))) {
      if (surface.cardAt(x, y)) this.cancelGrace();
      return;
    }
    const hit = mentionAtPoint(this.#document, this.#index, x, y);
    if (hit?.mention !== this.#dismissed) this.#dismissed = null;
    if (!hit || hit.mention === this.#dismissed) {
      this.#leaveMentions();
      return;
    }
    if (surface.openMention === hit.mention) {
      this.cancelGrace();
      this.cancelDwell();
      return;
    }
    if (this.#pending?.mention === hit.mention) {
      this.#pending.line = hit.rect;
      return;
    }
    // Another mention: its card replaces the open one when its own dwell is over.
    this.cancelDwell();
    this.#pending = { mention: hit.mention, line: hit.rect };
    this.#dwellTimer = setTimeout(() => {
      const pending = this.#pending;
      this.#pending = null;
      if (pending) surface.show(pending.mention, { line: pending.line, pinned: false, focus: false });
    }, this.#ui.delayMs);
  }

  #leaveMentions(): void {
    this.cancelDwell();
    if (this.#surface.openMention && !this.#surface.pinned) this.startGrace();
  }

  #dismissIfHovered(): void {
    const mention = this.#surface.openMention;
    if (!mention || !this.#pointer) return;
    if (mentionAtPoint(this.#document, this.#index, this.#pointer.x, this.#pointer.y)?.mention === mention) this.#dismissed = mention;
  }

  #pointerDown(event: PointerEvent): void {
    this.#tapInLink = null;
    if (this.#surface.isOurs(event.composedPath()[0])) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      // Decided when the finger lifts: a touch that starts on a mention may be a scroll.
      this.#tap = pointerStart(event);
      return;
    }
    const open = this.#surface.openMention;
    // A click on the open mention itself (to select its text, say) is not a click outside.
    if (!open || mentionAtPoint(this.#document, this.#index, event.clientX, event.clientY)?.mention === open) return;
    this.#surface.close('never');
  }

  /** Touch and pen: a tap on a mention opens its card at once, a tap elsewhere closes it. */
  #pointerUp(event: PointerEvent): void {
    const tap = this.#tap;
    this.#tap = null;
    if (!isTap(tap, event)) return;
    if (this.#surface.isOurs(event.composedPath()[0])) return;
    const hit = mentionAtPoint(this.#document, this.#index, event.clientX, event.clientY);
    if (!hit) {
      this.#surface.close('never');
      return;
    }
    // A first tap on a mention in a link is for its card; a second one, with the card open, follows the link.
    if (this.#surface.openMention !== hit.mention && linkAround(hit.mention)) {
      this.#tapInLink = { x: event.clientX, y: event.clientY, time: event.timeStamp };
    }
    this.#surface.show(hit.mention, { line: hit.rect, pinned: true, focus: false });
  }

  /** The click a first tap on a mention in a link makes: the card took it, so the link does not follow it. */
  #click(event: MouseEvent): void {
    const tap = this.#tapInLink;
    this.#tapInLink = null;
    if (!tap || !event.isTrusted || event.timeStamp - tap.time > TAP_CLICK_MS) return;
    if (Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > TAP_SLOP_PX) return;
    event.preventDefault();
    event.stopPropagation();
  }

  /**
   * Keyboard focus on a link (Tab) that names a company opens the card of its first
   * mention, pinned, with focus left on the link (Escape closes it; the next/previous
   * command takes focus into it). Focus moving on closes a card it opened.
   */
  #focusIn(event: FocusEvent): void {
    this.#focusOn(event.composedPath()[0]);
  }

  #focusOn(target: EventTarget | undefined): void {
    const surface = this.#surface;
    if (surface.isOurs(target) || surface.givingFocusBack) return;
    const link = target instanceof Element && target.matches('a[href]:focus-visible') ? target : null;
    const mention = link && this.#index.firstIn(link);
    const previous = this.#focusedMention;
    this.#focusedMention = mention ?? null;
    if (mention) surface.show(mention, { line: null, pinned: true, focus: false });
    else if (previous && surface.openMention === previous) surface.close('never');
  }
}
