import { MentionIndex, mentionAtPoint } from '../page/hit-test';
import type { PageMention } from '../page/page-mentions';
import type { IntentTimers, RestoreFocus, ShowHow } from './card-display';

/** Time to leave a mention before its card closes; moving into the card, or back onto the mention, cancels it. */
const GRACE_MS = 300;
/** A touch that travels further than this is a scroll or a drag, not a tap. */
const TAP_SLOP_PX = 10;

/** What the reader's input opens and closes: the card on screen (card-display.tsx). */
export interface CardSurface {
  readonly openMention: PageMention | null;
  /** The open card stays while the pointer wanders. */
  readonly pinned: boolean;
  show(mention: PageMention, how: ShowHow): void;
  close(restoreFocus: RestoreFocus): void;
  dismissNotice(): void;
  isOurs(target: EventTarget | null | undefined): boolean;
  cardAt(x: number, y: number): boolean;
}

/**
 * The reader's input, turned into opening and closing cards. The pointer: a card opens
 * after a dwell on a mention and stays while the pointer travels between the mention
 * and the card (a grace period). Touch and pen: a tap on a mention opens its card at
 * once, a tap elsewhere closes it. The keyboard: Escape closes the card. A click or tap
 * outside closes it too.
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
  #tap: { id: number; x: number; y: number } | null = null;

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
    if (this.#surface.isOurs(event.composedPath()[0])) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      // Decided when the finger lifts: a touch that starts on a mention may be a scroll.
      this.#tap = { id: event.pointerId, x: event.clientX, y: event.clientY };
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
    if (!tap || tap.id !== event.pointerId || Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > TAP_SLOP_PX) return;
    if (this.#surface.isOurs(event.composedPath()[0])) return;
    const hit = mentionAtPoint(this.#document, this.#index, event.clientX, event.clientY);
    if (hit) this.#surface.show(hit.mention, { line: hit.rect, pinned: true, focus: false });
    else this.#surface.close('never');
  }
}
