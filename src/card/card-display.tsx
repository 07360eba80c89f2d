import { render } from 'preact';
import type { PageTranslate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { KnowledgeBase, Language } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import { mentionRange, sameMention, startNode, type PageMention } from '../page/page-mentions';
import type { CardActions, Undo } from './card-actions';
import { CardNotice } from './card-notice';
import { anchorBox, followAnchor, lineBoxes, nearestRect } from './card-placement';
import { CardView } from './card-view';
import { holdBackTitles } from './title-tooltip';

export interface CardUi {
  language: Language;
  t: PageTranslate;
  /** The dwell: how long the pointer rests on a mention before its card opens. */
  delayMs: number;
  disabledTopics: readonly string[];
}

/**
 * Where focus goes when a card closes: 'always' back where it was when the reader
 * closed it (Escape, the close button), 'if-focused' when the card goes away under them
 * (so focus does not drop to the page's start), 'never' when they put focus somewhere
 * else themselves.
 */
export type RestoreFocus = 'always' | 'if-focused' | 'never';

/** How a card is opened: `line`, the line box under the pointer; `focus`, the keyboard takes focus into it. */
export interface OpenOptions {
  line: DOMRect | null;
  /** The pointer wandering off does not close it (Escape, a click outside or the close button do). */
  pinned: boolean;
  focus: boolean;
}

/** What a card display is made of. */
export interface CardDisplayParts {
  document: Document;
  /** Makes our UI host, with the first card. */
  createHost: () => ShadowRoot;
  kb: KnowledgeBase;
  matcher: MentionMatcher;
  ui: CardUi;
  actions: CardActions;
  onActiveChange: (mention: PageMention | null) => void;
  timers: IntentTimers;
  signal: AbortSignal;
}

/** The timers of the reader's intent (card-input.ts) that the card's own comings and goings stop or start. */
export interface IntentTimers {
  /** The pointer left a hover card: it closes after the grace period unless the pointer comes back. */
  startGrace(): void;
  cancelGrace(): void;
  /** A card opened: the dwell running on a mention is over. */
  cancelDwell(): void;
}

interface OpenCard {
  mention: PageMention;
  /** The entity shown: the mention's, or a related one chosen from a chip. */
  entityId: string;
  /** Index of the line box (of a mention that wraps) the card is anchored to. */
  line: number;
  /** Opened by the keyboard or a tap, or taken in hand with the keyboard (see `OpenOptions`). */
  pinned: boolean;
  /** Focus moves into the card once it is placed (it cannot take focus while hidden). */
  focusWhenPlaced: boolean;
  /** The card has been placed with its mention in view (a card opened as a smooth scroll starts has not). */
  seenInView: boolean;
  /** Where focus was before the keyboard brought the reader into the card. */
  returnFocus: HTMLElement | null;
  stopFollowing: () => void;
  restoreTitles: () => void;
}

const isFocusable = (element: Element | null): element is HTMLElement =>
  element !== null && typeof (element as HTMLElement).focus === 'function';


/**
 * The card on screen: our UI in its shadow root (created with the first card, so pages
 * without mentions get no element at all), the card of one mention rendered and placed
 * beside it, focus moved in and given back, and the notices of its one-click actions.
 * When a card opens or closes is the reader's input's business (card-input.ts).
 */
export class CardDisplay {
  readonly #parts: CardDisplayParts;
  #open: OpenCard | null = null;
  #shadow: ShadowRoot | null = null;
  /** The positioned box the card is rendered into (stable while the card swaps entities). */
  #frame: HTMLElement | null = null;
  #notice: CardNotice | null = null;
  #givingFocusBack = false;

  constructor(parts: CardDisplayParts) {
    this.#parts = parts;
    parts.signal.addEventListener('abort', () => this.close('never'), { once: true });
  }

  get openMention(): PageMention | null {
    return this.#open?.mention ?? null;
  }

  /** The open card stays while the pointer wanders (see `OpenOptions`). */
  get pinned(): boolean {
    return this.#open?.pinned ?? false;
  }

  /** True while we put focus back where it was: that move is ours, not the reader's. */
  get givingFocusBack(): boolean {
    return this.#givingFocusBack;
  }

  /** True for our host and anything in our shadow root. */
  isOurs(target: EventTarget | null | undefined): boolean {
    const shadow = this.#shadow;
    return shadow !== null && target instanceof Node && (target === shadow.host || shadow.contains(target));
  }

  /** Whether the card (not our other UI) is at a point of the window. */
  cardAt(x: number, y: number): boolean {
    return this.#inCard(this.#shadow?.elementFromPoint(x, y));
  }

  focusInCard(): boolean {
    return this.#inCard(this.#shadow?.activeElement);
  }

  #inCard(target: Node | null | undefined): boolean {
    return target != null && this.#frame !== null && this.#frame.contains(target);
  }

  /** The mentions now painted: the open card's, rescanned, is found again among them, else the card closes. */
  setMentions(mentions: readonly PageMention[]): void {
    const open = this.#open;
    if (!open || mentions.includes(open.mention)) return;
    // A rescan of the mention's paragraph (the page edited text nearby) makes new
    // mention objects: the same words, still there, keep their card.
    const same = mentions.find((mention) => sameMention(mention, open.mention));
    if (same) {
      open.mention = same;
      this.#parts.onActiveChange(same);
    } else this.close('if-focused');
  }

  updateUi(ui: CardUi): void {
    Object.assign(this.#parts.ui, ui);
    this.#render();
    this.#notice?.render();
  }

  /**
   * Moves the reader to a mention without a mouse (the keyboard command, the popup's
   * list): scrolls it into view, marks it, and opens its card with focus inside.
   */
  reveal(mention: PageMention): void {
    const rect = mentionRange(mention).getBoundingClientRect();
    const view = this.#parts.document.defaultView!;
    const margin = Math.min(120, view.innerHeight / 4);
    if (rect.top < margin || rect.bottom > view.innerHeight - margin) {
      const behavior = view.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth';
      const element = startNode(mention).parentElement;
      // A short element is centred with the browser's own scrolling (which also scrolls any
      // scrolling box around it); the mention in a paragraph taller than the window, directly.
      if (element && element.getBoundingClientRect().height < view.innerHeight / 2) element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
      else view.scrollBy({ top: rect.top + rect.height / 2 - view.innerHeight / 2, behavior });
    }
    this.show(mention, { line: null, pinned: true, focus: true });
  }

  /** Opens the card of a mention (replacing any other); `focus` (the keyboard) moves focus into it. */
  show(mention: PageMention, how: OpenOptions): void {
    this.#parts.timers.cancelGrace();
    this.#parts.timers.cancelDwell();
    const current = this.#open;
    if (current?.mention === mention) {
      current.pinned ||= how.pinned;
      if (how.focus) {
        current.returnFocus ??= this.#focusOrigin();
        // Still hidden until placed, it cannot take focus yet (a card the same moment opened, e.g. by focus).
        if (this.#frame?.style.visibility === 'hidden') current.focusWhenPlaced = true;
        else this.#focusDialog();
      }
      return;
    }
    const returnFocus = how.focus ? this.#focusOrigin() : (current?.returnFocus ?? null);
    this.close(how.focus ? 'never' : 'if-focused');
    const frame = this.#mount();
    const lines = lineBoxes(mentionRange(mention));
    const open: OpenCard = {
      mention,
      entityId: mention.entityId,
      line: how.line ? nearestRect(lines, how.line) : 0,
      pinned: how.pinned,
      focusWhenPlaced: how.focus,
      seenInView: false,
      returnFocus,
      stopFollowing: () => {},
      restoreTitles: holdBackTitles(mention.nodes),
    };
    this.#open = open;
    this.#parts.onActiveChange(mention);
    // Hidden until placed: unplaced, it would sit in a corner, under the pointer of whoever goes there.
    frame.style.visibility = 'hidden';
    this.#render();
    open.stopFollowing = followAnchor(
      () => anchorBox(lineBoxes(mentionRange(open.mention)), open.line),
      startNode(mention).parentElement ?? undefined,
      frame,
      ({ referenceHidden }) => this.#placed(open, referenceHidden),
    );
  }

  /** Closes the card (see `RestoreFocus`). */
  close(restoreFocus: RestoreFocus): void {
    const open = this.#open;
    if (!open) return;
    const hadFocus = this.focusInCard();
    this.#open = null;
    this.#parts.timers.cancelGrace();
    open.stopFollowing();
    open.restoreTitles();
    if (this.#frame) render(null, this.#frame);
    this.#parts.onActiveChange(null);
    if (open.returnFocus && (restoreFocus === 'always' || (restoreFocus === 'if-focused' && hadFocus))) this.#giveFocusBack(open.returnFocus);
  }

  dismissNotice(): void {
    this.#notice?.dismiss();
  }

  /** Our UI host, its notice region and the card's frame; put back if the page dropped them. */
  #mount(): HTMLElement {
    if (this.#shadow) {
      // A page that rebuilds its document can drop our host: put it back.
      if (!this.#shadow.host.isConnected) this.#parts.document.documentElement.append(this.#shadow.host);
      return this.#frame!;
    }
    const signal = this.#parts.signal;
    const shadow = this.#parts.createHost();
    const region = this.#parts.document.createElement('div');
    const frame = this.#parts.document.createElement('div');
    frame.className = 'frame';
    shadow.append(region, frame);
    this.#notice = new CardNotice(region, this.#parts.ui, (element) => this.#giveFocusBack(element), signal);

    frame.addEventListener('pointerenter', () => this.#parts.timers.cancelGrace(), { signal });
    frame.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch' && this.#open && !this.#open.pinned) this.#parts.timers.startGrace();
    }, { signal });
    frame.addEventListener('focusin', (event) => {
      // Reached with the keyboard: the reader is working in the card, the pointer may wander.
      if (this.#open && event.target instanceof Element && event.target.matches(':focus-visible')) this.#open.pinned = true;
    }, { signal });
    frame.addEventListener('focusout', (event) => {
      // Focus moved on to the page (Tab past the card, a click): a non-modal card lets it go, and closes.
      if (this.#open && event.relatedTarget instanceof Node && !this.isOurs(event.relatedTarget)) this.close('never');
    }, { signal });
    // Our Escape is ours: the page's own handlers (closing its menus, leaving full screen) do not see it.
    shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') event.stopPropagation();
    }, { signal });

    this.#shadow = shadow;
    this.#frame = frame;
    return frame;
  }

  /** Where focus should go back to when a card the keyboard opened closes. */
  #focusOrigin(): HTMLElement | null {
    const active = this.#parts.document.activeElement;
    if (this.isOurs(active)) return this.#open?.returnFocus ?? null;
    return isFocusable(active) ? active : null;
  }

  /** Puts focus back where the keyboard came from; preventScroll: the reader stays where the card took them. */
  #giveFocusBack(element: HTMLElement): void {
    if (!element.isConnected) return;
    this.#givingFocusBack = true;
    try {
      element.focus({ preventScroll: true });
    } finally {
      this.#givingFocusBack = false;
    }
  }

  #focusDialog(): void {
    this.#frame?.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
  }

  #placed(open: OpenCard, referenceHidden: boolean): void {
    if (this.#open !== open) return;
    if (!startNode(open.mention).isConnected) {
      this.close('if-focused');
      return;
    }
    if (!referenceHidden) open.seenInView = true;
    else if (open.seenInView && !open.pinned) {
      // Scrolled away from under a hover card: nothing to read it against any more.
      this.close('if-focused');
      return;
    }
    this.#frame!.style.visibility = 'visible';
    if (open.focusWhenPlaced) {
      open.focusWhenPlaced = false;
      this.#focusDialog();
    }
  }

  #render(): void {
    const open = this.#open;
    if (!open || !this.#frame) return;
    const hadFocus = this.focusInCard();
    const { language, t, disabledTopics } = this.#parts.ui;
    const ownEntity = open.entityId === open.mention.entityId;
    const swap = (entityId: string) => {
      open.entityId = entityId;
      this.#render();
    };
    render(
      <CardView
        kb={this.#parts.kb}
        entityId={open.entityId}
        language={language}
        t={t}
        match={ownEntity ? { text: open.mention.text, rule: this.#parts.matcher.aliases[open.mention.alias]!.rule } : undefined}
        backTo={ownEntity ? undefined : entityById(this.#parts.kb, open.mention.entityId)?.name[language]}
        disabledTopics={disabledTopics}
        onSelectEntity={swap}
        onBack={() => swap(open.mention.entityId)}
        onClose={() => this.close('always')}
        onNotThisHere={this.#parts.actions.site === undefined ? undefined : () => this.#notThisHere(open)}
        onHideTopic={(topicId) => this.#hideTopic(open, topicId)}
        onShowTopic={(topicId) => void this.#parts.actions.showTopic(topicId)}
      />,
      this.#frame,
    );
    // A re-render can remove the focused button (a chip that swapped the card): keep focus in the card.
    if (hadFocus && !this.focusInCard()) this.#focusDialog();
  }

  #notThisHere(open: OpenCard): void {
    const alias = this.#parts.actions.aliasOf(open.mention);
    const undo = this.#parts.actions.ignoreAliasHere(open.mention);
    this.#showNotice(open, this.#parts.ui.t('cardNoticeIgnored', alias, this.#parts.actions.site ?? ''), async () => (await undo)?.());
  }

  #hideTopic(open: OpenCard, topicId: string): void {
    const { t, language, disabledTopics } = this.#parts.ui;
    const entity = entityById(this.#parts.kb, open.entityId);
    const label = topicById(this.#parts.kb, topicId)?.label[language] ?? topicId;
    const stillShown = entity?.topics.some((id) => id !== topicId && !disabledTopics.includes(id)) ?? false;
    const undo = this.#parts.actions.hideTopic(topicId);
    const message = stillShown && entity ? `${t('cardNoticeTopicHidden', label)} ${t('cardNoticeStillShown', entity.name[language])}` : t('cardNoticeTopicHidden', label);
    // When the card stays (the entity has other topics), so does focus; when it goes, focus moves to the notice.
    this.#showNotice(stillShown ? null : open, message, async () => (await undo)());
  }

  #showNotice(from: OpenCard | null, message: string, undo: Undo): void {
    this.#mount();
    // A keyboard user follows the action to its undo; a mouse user's focus is not theirs to lose track of.
    const takeFocus = from !== null && this.focusInCard() && this.#shadow!.activeElement!.matches(':focus-visible');
    this.#notice!.show(message, undo, from?.returnFocus ?? null, takeFocus);
  }
}
