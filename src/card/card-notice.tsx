import { render } from 'preact';
import type { Undo } from './card-actions';
import type { CardUi } from './card-display';
import { NoticeView } from './card-view';

/** How long a notice stays while the reader is not using it. */
const NOTICE_MS = 8000;

interface Notice {
  message: string;
  undo: Undo;
  /** Where focus goes back to when the notice goes with focus in it. */
  returnFocus: HTMLElement | null;
}

/**
 * The live region next to the card: what a one-click action did, and its undo. A notice
 * stays while the reader uses it (the pointer or focus in it) and goes `NOTICE_MS` after;
 * one that goes with focus in it gives focus back where the keyboard came from.
 */
export class CardNotice {
  readonly #region: HTMLElement;
  readonly #ui: CardUi;
  readonly #giveFocusBack: (element: HTMLElement) => void;
  #notice: Notice | null = null;
  #inUse = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(region: HTMLElement, ui: CardUi, giveFocusBack: (element: HTMLElement) => void, signal: AbortSignal) {
    this.#region = region;
    this.#ui = ui;
    this.#giveFocusBack = giveFocusBack;
    region.className = 'notice-region';
    region.setAttribute('role', 'status');
    const inUse = (value: boolean) => () => {
      this.#inUse = value;
      if (value) clearTimeout(this.#timer);
      else this.#startTimer();
    };
    const listen = (type: string, listener: (event: Event) => void) => region.addEventListener(type, listener, { signal });
    listen('pointerenter', inUse(true));
    listen('pointerleave', inUse(false));
    listen('focusin', inUse(true));
    listen('focusout', (event) => {
      const to = (event as FocusEvent).relatedTarget;
      if (!(to instanceof Node && region.contains(to))) inUse(false)();
    });
    signal.addEventListener('abort', () => this.dismiss(), { once: true });
  }

  /** Shows what an action did; `takeFocus` (a keyboard user) moves focus to its undo. */
  show(message: string, undo: Undo, returnFocus: HTMLElement | null, takeFocus: boolean): void {
    this.#notice = { message, undo, returnFocus };
    this.render();
    if (takeFocus) this.#region.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    this.#startTimer();
  }

  render(): void {
    const notice = this.#notice;
    if (!notice) return;
    render(
      <NoticeView
        message={notice.message}
        t={this.#ui.t}
        language={this.#ui.language}
        onUndo={() => {
          void notice.undo();
          this.dismiss();
        }}
        onDismiss={() => this.dismiss()}
      />,
      this.#region,
    );
  }

  dismiss(): void {
    const notice = this.#notice;
    if (!notice) return;
    const active = (this.#region.getRootNode() as ShadowRoot).activeElement;
    const hadFocus = active !== null && this.#region.contains(active);
    this.#notice = null;
    this.#inUse = false;
    clearTimeout(this.#timer);
    render(null, this.#region);
    if (hadFocus && notice.returnFocus) this.#giveFocusBack(notice.returnFocus);
  }

  #startTimer(): void {
    clearTimeout(this.#timer);
    if (this.#notice && !this.#inUse) this.#timer = setTimeout(() => this.dismiss(), NOTICE_MS);
  }
}
