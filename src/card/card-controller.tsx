import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { Translate } from '../i18n/messages';
import type { KnowledgeBase, Language } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import { MentionIndex, mentionAtPoint } from '../page/hit-test';
import { mentionRange, type PageMention } from '../page/page-mentions';
import { CardView } from './card-view';

/** Time to leave a mention before its card closes; moving into the card cancels it. */
export const GRACE_MS = 300;

export interface CardActions {
  onNotThisHere: (mention: PageMention) => void;
  onHideTopic: (topicId: string) => void;
}

interface OpenCard {
  mention: PageMention;
  /** The entity shown: the mention's, or a related one chosen from a chip. */
  entityId: string;
  /** Index of the mention's line box the card is anchored to (a mention can wrap). */
  line: number;
  stopFollowing: () => void;
  /** Where focus was before the keyboard opened the card. */
  returnFocus: Element | null;
}

const nearestLine = (rects: DOMRectList, anchor: DOMRect) => {
  let best = 0;
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i]!;
    if (Math.abs(rect.top - anchor.top) + Math.abs(rect.left - anchor.left) < Math.abs(rects[best]!.top - anchor.top) + Math.abs(rects[best]!.left - anchor.left)) best = i;
  }
  return best;
};

/**
 * Opens the card for the mention under the pointer (after a dwell), keeps it
 * while the pointer moves between the mention and the card (a grace period),
 * and closes it on Escape, a click outside, or when the mention leaves the page.
 */
export class CardController {
  private index = new MentionIndex([]);
  private mentions: PageMention[] = [];
  private open: OpenCard | null = null;
  private pendingMention: PageMention | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private pointer = { x: 0, y: 0 };
  private shadow: ShadowRoot | null = null;
  private container: HTMLElement | null = null;

  constructor(
    private readonly document: Document,
    /** Creates our UI host; called on the first card, so pages without mentions get no element at all. */
    private readonly createHost: () => ShadowRoot,
    private readonly kb: KnowledgeBase,
    private readonly matcher: MentionMatcher,
    private readonly ui: { language: Language; t: Translate; delayMs: number },
    private readonly actions: CardActions,
    private readonly onActiveChange: (mention: PageMention | null) => void,
    private readonly signal: AbortSignal,
  ) {
    const listen = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, listener, { capture: true, passive: true, signal });
    listen('pointermove', (event) => this.onPointerMove(event));
    listen('pointerdown', (event) => this.onPointerDown(event));
    listen('keydown', (event) => {
      if (event.key === 'Escape' && this.open) this.close(true);
    });
    signal.addEventListener('abort', () => {
      this.close(false);
      cancelAnimationFrame(this.frame);
      clearTimeout(this.showTimer);
    }, { once: true });
  }

  private mount(): HTMLElement {
    if (this.container) return this.container;
    const { signal } = this;
    this.shadow = this.createHost();
    const container = this.document.createElement('div');
    this.shadow.append(container);
    container.addEventListener('pointerenter', () => this.cancelHide(), { signal });
    container.addEventListener('pointerleave', () => this.scheduleHide(), { signal });
    container.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close(true);
    }, { signal });
    this.container = container;
    return container;
  }

  /** The mentions that can open a card (those painted). */
  setMentions(mentions: PageMention[]): void {
    this.mentions = mentions;
    this.index = new MentionIndex(mentions);
    if (this.open && !mentions.includes(this.open.mention)) this.close(false);
  }

  updateUi(ui: { language: Language; t: Translate; delayMs: number }): void {
    Object.assign(this.ui, ui);
    if (this.open) this.renderCard();
  }

  get openMention(): PageMention | null {
    return this.open?.mention ?? null;
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' || (this.mentions.length === 0 && !this.open)) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.hover();
      });
    }
  }

  private isInCard(target: EventTarget | null): boolean {
    const host = this.shadow?.host;
    return host !== undefined && target instanceof Node && (target === host || host.contains(target));
  }

  /** Hit-tests the pointer at most once a frame. */
  private hover(): void {
    const { x, y } = this.pointer;
    if (this.open && this.isInCard(this.document.elementFromPoint(x, y))) return;
    const hit = mentionAtPoint(this.document, this.index, x, y);
    if (hit && this.open?.mention === hit.mention) {
      this.cancelHide();
      return;
    }
    if (hit) {
      if (this.pendingMention === hit.mention) return;
      clearTimeout(this.showTimer);
      this.pendingMention = hit.mention;
      this.showTimer = setTimeout(() => {
        this.pendingMention = null;
        this.show(hit.mention, hit.rect, null);
      }, this.ui.delayMs);
      return;
    }
    this.pendingMention = null;
    clearTimeout(this.showTimer);
    if (this.open) this.scheduleHide();
  }

  /** Touch and pen: a tap on a mention opens its card at once, a tap elsewhere closes it. */
  private onPointerDown(event: PointerEvent): void {
    if (this.isInCard(event.composedPath()[0] ?? null)) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      const hit = mentionAtPoint(this.document, this.index, event.clientX, event.clientY);
      if (hit) {
        this.show(hit.mention, hit.rect, null);
        return;
      }
    }
    if (this.open) this.close(false);
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      this.close(false);
    }, GRACE_MS);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  /** Opens the card of a mention; with `returnFocus` (keyboard), focus moves into the card. */
  show(mention: PageMention, anchor: DOMRect | null, returnFocus: Element | null): void {
    this.close(false);
    this.cancelHide();
    const rects = mentionRange(mention).getClientRects();
    const line = anchor ? nearestLine(rects, anchor) : 0;
    this.open = { mention, entityId: mention.entityId, line, stopFollowing: () => {}, returnFocus };
    this.onActiveChange(mention);
    this.renderCard();
    const card = this.container?.firstElementChild as HTMLElement | null;
    if (!card) return;
    // Hidden until placed: unplaced, it would sit in the corner, under the pointer of whoever goes there.
    card.style.visibility = 'hidden';
    const reference: VirtualElement = {
      getBoundingClientRect: () => {
        const current = mentionRange(mention).getClientRects();
        return current[Math.min(line, current.length - 1)] ?? mentionRange(mention).getBoundingClientRect();
      },
      contextElement: mention.nodes[0]!.parentElement ?? undefined,
    };
    const place = () =>
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(120, Math.min(460, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.style.visibility = 'visible';
      });
    this.open.stopFollowing = autoUpdate(reference, card, place, { animationFrame: false });
    if (returnFocus !== null) card.focus();
  }

  private renderCard(): void {
    const open = this.open;
    if (!open) return;
    const container = this.mount();
    const rule = this.matcher.aliases[open.mention.alias]!.rule;
    render(
      <CardView
        kb={this.kb}
        entityId={open.entityId}
        language={this.ui.language}
        t={this.ui.t}
        match={open.entityId === open.mention.entityId ? { text: open.mention.text, rule } : undefined}
        onSelectEntity={(entityId) => {
          open.entityId = entityId;
          this.renderCard();
        }}
        onClose={() => this.close(true)}
        onNotThisHere={() => this.actions.onNotThisHere(open.mention)}
        onHideTopic={(topicId) => this.actions.onHideTopic(topicId)}
      />,
      container,
    );
  }

  close(restoreFocus: boolean): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.cancelHide();
    open.stopFollowing();
    if (this.container) render(null, this.container);
    this.onActiveChange(null);
    if (restoreFocus && open.returnFocus instanceof HTMLElement) open.returnFocus.focus();
  }
}
