import { render } from 'preact';
import type { PageTranslate } from '../i18n/messages';
import { entityById, topicById } from '../knowledge/knowledge-base';
import type { KnowledgeBase, Language } from '../knowledge/types';
import type { MentionMatcher } from '../matching/mention-matcher';
import { MentionIndex, mentionAtPoint } from '../page/hit-test';
import { mentionRange, startNode, type PageMention } from '../page/page-mentions';
import type { CardActions, Undo } from './card-actions';
import { anchorBox, followAnchor, lineBoxes, nearestRect } from './card-placement';
import { CardView, NoticeView } from './card-view';
import { holdBackTitles } from './title-tooltip';

/** Time to leave a mention before its card closes; moving into the card, or back onto the mention, cancels it. */
export const GRACE_MS = 300;
/** A touch that travels further than this is a scroll or a drag, not a tap. */
const TAP_SLOP_PX = 10;
/** How long a notice stays while the reader is not using it. */
const NOTICE_MS = 8000;

export interface CardUi {
  language: Language;
  t: PageTranslate;
  /** The dwell: how long the pointer rests on a mention before its card opens. */
  delayMs: number;
  disabledTopics: readonly string[];
}

type RestoreFocus = 'always' | 'if-focused' | 'never';

interface OpenCard {
  mention: PageMention;
  /** The entity shown: the mention's, or a related one chosen from a chip. */
  entityId: string;
  /** Index of the line box (of a mention that wraps) the card is anchored to. */
  line: number;
  /**
   * Opened by the keyboard or a tap, or taken in hand with the keyboard: the pointer
   * wandering off does not close it (Escape, a click outside or the close button do).
   */
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

interface Notice {
  message: string;
  undo?: Undo;
  returnFocus: HTMLElement | null;
}

const isFocusable = (element: Element | null): element is HTMLElement =>
  element !== null && typeof (element as HTMLElement).focus === 'function';

const sameMention = (a: PageMention, b: PageMention) =>
  a.entityId === b.entityId &&
  a.alias === b.alias &&
  a.startOffset === b.startOffset &&
  a.endOffset === b.endOffset &&
  a.nodes.length === b.nodes.length &&
  a.nodes.every((node, i) => node === b.nodes[i]);

/**
 * Opens the card of the mention under the pointer after a dwell, keeps it while the
 * pointer travels between the mention and the card (a grace period), and closes it on
 * Escape, a click or tap outside, or when the mention leaves the page. Also opens cards
 * from the keyboard (`reveal`) with focus inside, and from a tap.
 */
export class CardController {
  private index = new MentionIndex([]);
  private mentions: PageMention[] = [];
  private open: OpenCard | null = null;
  /** The mention under the pointer whose dwell is running, and its line box under the pointer. */
  private pending: { mention: PageMention; line: DOMRect } | null = null;
  /** A mention whose card the reader closed with Escape: it stays closed until the pointer leaves it. */
  private dismissed: PageMention | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private pointer: { x: number; y: number } | null = null;
  private tap: { id: number; x: number; y: number } | null = null;
  private shadow: ShadowRoot | null = null;
  /** The positioned box the card is rendered into (stable while the card swaps entities). */
  private cardFrame: HTMLElement | null = null;
  /** A live region: what a one-click action did, and its undo. */
  private noticeRegion: HTMLElement | null = null;
  private notice: Notice | null = null;
  private noticeInUse = false;

  constructor(
    private readonly document: Document,
    /** Creates our UI host; called on the first card, so pages without mentions get no element at all. */
    private readonly createHost: () => ShadowRoot,
    private readonly kb: KnowledgeBase,
    private readonly matcher: MentionMatcher,
    private readonly ui: CardUi,
    private readonly actions: CardActions,
    private readonly onActiveChange: (mention: PageMention | null) => void,
    private readonly signal: AbortSignal,
  ) {
    // Only the reader's own input counts: a page can dispatch synthetic events to look like them.
    const listen = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => event.isTrusted && listener(event), { capture: true, passive: true, signal });
    listen('pointermove', (event) => this.onPointerMove(event));
    listen('pointerdown', (event) => this.onPointerDown(event));
    listen('pointerup', (event) => this.onPointerUp(event));
    listen('pointercancel', () => (this.tap = null));
    listen('pointerout', (event) => {
      // Out of the window (or into a frame): nothing is under the pointer any more.
      if (event.relatedTarget === null && event.pointerType !== 'touch') this.leaveMentions();
    });
    listen('keydown', (event) => {
      // Escape while composing text (an input method) cancels the composition, not our card.
      if (event.key !== 'Escape' || event.isComposing) return;
      if (this.open) {
        this.dismissIfHovered();
        this.close('always');
      } else if (this.notice) this.dismissNotice();
    });
    signal.addEventListener(
      'abort',
      () => {
        this.close('never');
        this.dismissNotice();
        cancelAnimationFrame(this.frame);
        this.cancelPending();
      },
      { once: true },
    );
  }

  /** The mentions that can open a card (those painted). */
  setMentions(mentions: PageMention[]): void {
    this.mentions = mentions;
    this.index = new MentionIndex(mentions);
    const open = this.open;
    if (open && !mentions.includes(open.mention)) {
      // A rescan of the mention's paragraph (the page edited text nearby) makes new
      // mention objects: the same words, still there, keep their card.
      const same = mentions.find((mention) => sameMention(mention, open.mention));
      if (same) {
        open.mention = same;
        this.onActiveChange(same);
      } else this.close('if-focused');
    }
    if (this.pending && !mentions.includes(this.pending.mention)) this.cancelPending();
    if (this.dismissed && !mentions.includes(this.dismissed)) this.dismissed = null;
  }

  updateUi(ui: CardUi): void {
    Object.assign(this.ui, ui);
    this.renderCard();
    this.renderNotice();
  }

  get openMention(): PageMention | null {
    return this.open?.mention ?? null;
  }

  /**
   * Moves the reader to a mention without a mouse (the keyboard command, the popup's
   * list): scrolls it into view, marks it, and opens its card with focus inside.
   */
  reveal(mention: PageMention): void {
    const rect = mentionRange(mention).getBoundingClientRect();
    const view = this.document.defaultView!;
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

  /** True for our host and anything in our shadow root. */
  private isOurs(target: EventTarget | null | undefined): boolean {
    const shadow = this.shadow;
    return shadow !== null && target instanceof Node && (target === shadow.host || shadow.contains(target));
  }

  private isInCard(target: Node | null | undefined): boolean {
    return target != null && this.cardFrame !== null && this.cardFrame.contains(target);
  }

  private focusInCard(): boolean {
    return this.isInCard(this.shadow?.activeElement);
  }

  /** What the pointer is on, at most once a frame. */
  private hover(): void {
    if (!this.pointer) return;
    const { x, y } = this.pointer;
    if (this.isOurs(this.document.elementFromPoint(x, y))) {
      if (this.isInCard(this.shadow!.elementFromPoint(x, y))) this.cancelHide();
      return;
    }
    const hit = mentionAtPoint(this.document, this.index, x, y);
    if (hit?.mention !== this.dismissed) this.dismissed = null;
    if (!hit || hit.mention === this.dismissed) {
      this.leaveMentions();
      return;
    }
    if (this.open?.mention === hit.mention) {
      this.cancelHide();
      this.cancelPending();
      return;
    }
    if (this.pending?.mention === hit.mention) {
      this.pending.line = hit.rect;
      return;
    }
    // Another mention: its card replaces the open one when its own dwell is over.
    this.cancelPending();
    this.pending = { mention: hit.mention, line: hit.rect };
    this.showTimer = setTimeout(() => {
      const pending = this.pending;
      this.pending = null;
      if (pending) this.show(pending.mention, { line: pending.line, pinned: false, focus: false });
    }, this.ui.delayMs);
  }

  private leaveMentions(): void {
    this.cancelPending();
    if (this.open && !this.open.pinned) this.scheduleHide();
  }

  private dismissIfHovered(): void {
    const open = this.open;
    if (!open || !this.pointer) return;
    if (mentionAtPoint(this.document, this.index, this.pointer.x, this.pointer.y)?.mention === open.mention) this.dismissed = open.mention;
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.isOurs(event.composedPath()[0])) return;
    if (event.pointerType === 'touch' || event.pointerType === 'pen') {
      // Decided when the finger lifts: a touch that starts on a mention may be a scroll.
      this.tap = { id: event.pointerId, x: event.clientX, y: event.clientY };
      return;
    }
    if (!this.open) return;
    // A click on the open mention itself (to select its text, say) is not a click outside.
    if (mentionAtPoint(this.document, this.index, event.clientX, event.clientY)?.mention === this.open.mention) return;
    this.close('never');
  }

  /** Touch and pen: a tap on a mention opens its card at once, a tap elsewhere closes it. */
  private onPointerUp(event: PointerEvent): void {
    const tap = this.tap;
    this.tap = null;
    if (!tap || tap.id !== event.pointerId || Math.hypot(event.clientX - tap.x, event.clientY - tap.y) > TAP_SLOP_PX) return;
    if (this.isOurs(event.composedPath()[0])) return;
    const hit = mentionAtPoint(this.document, this.index, event.clientX, event.clientY);
    if (hit) this.show(hit.mention, { line: hit.rect, pinned: true, focus: false });
    else this.close('never');
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      this.close('if-focused');
    }, GRACE_MS);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private cancelPending(): void {
    clearTimeout(this.showTimer);
    this.pending = null;
  }

  private mount(): ShadowRoot {
    if (this.shadow) {
      // A page that rebuilds its document can drop our host: put it back.
      if (!this.shadow.host.isConnected) this.document.documentElement.append(this.shadow.host);
      return this.shadow;
    }
    const { signal } = this;
    const shadow = this.createHost();
    const noticeRegion = this.document.createElement('div');
    noticeRegion.className = 'notice-region';
    noticeRegion.setAttribute('role', 'status');
    const cardFrame = this.document.createElement('div');
    cardFrame.className = 'frame';
    shadow.append(noticeRegion, cardFrame);

    cardFrame.addEventListener('pointerenter', () => this.cancelHide(), { signal });
    cardFrame.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch' && this.open && !this.open.pinned) this.scheduleHide();
    }, { signal });
    cardFrame.addEventListener('focusin', (event) => {
      // Reached with the keyboard: the reader is working in the card, the pointer may wander.
      if (this.open && event.target instanceof Element && event.target.matches(':focus-visible')) this.open.pinned = true;
    }, { signal });
    cardFrame.addEventListener('focusout', (event) => {
      // Focus moved on to the page (Tab past the card, a click): a non-modal card lets it go, and closes.
      if (this.open && event.relatedTarget instanceof Node && !this.isOurs(event.relatedTarget)) this.close('never');
    }, { signal });
    // Our Escape is ours: the page's own handlers (closing its menus, leaving full screen) do not see it.
    shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') event.stopPropagation();
    }, { signal });

    const inUse = (value: boolean) => () => {
      this.noticeInUse = value;
      if (value) clearTimeout(this.noticeTimer);
      else this.startNoticeTimer();
    };
    noticeRegion.addEventListener('pointerenter', inUse(true), { signal });
    noticeRegion.addEventListener('pointerleave', inUse(false), { signal });
    noticeRegion.addEventListener('focusin', inUse(true), { signal });
    noticeRegion.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node && noticeRegion.contains(event.relatedTarget))) inUse(false)();
    }, { signal });

    this.shadow = shadow;
    this.cardFrame = cardFrame;
    this.noticeRegion = noticeRegion;
    return shadow;
  }

  /** Where focus should go back to when a card the keyboard opened closes. */
  private focusOrigin(): HTMLElement | null {
    const active = this.document.activeElement;
    if (this.isOurs(active)) return this.open?.returnFocus ?? this.notice?.returnFocus ?? null;
    return isFocusable(active) ? active : null;
  }

  /** Opens the card of a mention (replacing any other); `focus` (the keyboard) moves focus into it. */
  show(mention: PageMention, how: { line: DOMRect | null; pinned: boolean; focus: boolean }): void {
    this.cancelHide();
    this.cancelPending();
    const current = this.open;
    if (current?.mention === mention) {
      current.pinned ||= how.pinned;
      if (how.focus) {
        current.returnFocus ??= this.focusOrigin();
        this.dialog()?.focus({ preventScroll: true });
      }
      return;
    }
    const returnFocus = how.focus ? this.focusOrigin() : (current?.returnFocus ?? null);
    this.close(how.focus ? 'never' : 'if-focused');
    this.mount();
    const frame = this.cardFrame!;
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
    this.open = open;
    this.onActiveChange(mention);
    // Hidden until placed: unplaced, it would sit in a corner, under the pointer of whoever goes there.
    frame.style.visibility = 'hidden';
    this.renderCard();
    open.stopFollowing = followAnchor(
      () => anchorBox(lineBoxes(mentionRange(open.mention)), open.line),
      startNode(mention).parentElement ?? undefined,
      frame,
      ({ referenceHidden }) => this.onPlaced(open, referenceHidden),
    );
  }

  private onPlaced(open: OpenCard, referenceHidden: boolean): void {
    if (this.open !== open) return;
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
    this.cardFrame!.style.visibility = 'visible';
    if (open.focusWhenPlaced) {
      open.focusWhenPlaced = false;
      this.dialog()?.focus({ preventScroll: true });
    }
  }

  private dialog(): HTMLElement | null {
    return this.cardFrame?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
  }

  private renderCard(): void {
    const open = this.open;
    if (!open || !this.cardFrame) return;
    const hadFocus = this.focusInCard();
    const { language, t, disabledTopics } = this.ui;
    const ownEntity = open.entityId === open.mention.entityId;
    const swap = (entityId: string) => {
      open.entityId = entityId;
      this.renderCard();
    };
    render(
      <CardView
        kb={this.kb}
        entityId={open.entityId}
        language={language}
        t={t}
        match={ownEntity ? { text: open.mention.text, rule: this.matcher.aliases[open.mention.alias]!.rule } : undefined}
        backTo={ownEntity ? undefined : entityById(this.kb, open.mention.entityId)?.name[language]}
        disabledTopics={disabledTopics}
        onSelectEntity={swap}
        onBack={() => swap(open.mention.entityId)}
        onClose={() => this.close('always')}
        onNotThisHere={this.actions.site === undefined ? undefined : () => this.notThisHere(open)}
        onHideTopic={(topicId) => this.hideTopic(open, topicId)}
        onShowTopic={(topicId) => void this.actions.showTopic(topicId)}
      />,
      this.cardFrame,
    );
    // A re-render can remove the focused button (a chip that swapped the card): keep focus in the card.
    if (hadFocus && !this.focusInCard()) this.dialog()?.focus({ preventScroll: true });
  }

  private notThisHere(open: OpenCard): void {
    const alias = this.actions.aliasOf(open.mention);
    const undo = this.actions.ignoreAliasHere(open.mention);
    this.showNotice(open, this.ui.t('cardNoticeIgnored', alias, this.actions.site ?? ''), async () => (await undo)?.());
  }

  private hideTopic(open: OpenCard, topicId: string): void {
    const { t, language, disabledTopics } = this.ui;
    const entity = entityById(this.kb, open.entityId);
    const label = topicById(this.kb, topicId)?.label[language] ?? topicId;
    const stillShown = entity?.topics.some((id) => id !== topicId && !disabledTopics.includes(id)) ?? false;
    const undo = this.actions.hideTopic(topicId);
    const message = stillShown && entity ? `${t('cardNoticeTopicHidden', label)} ${t('cardNoticeStillShown', entity.name[language])}` : t('cardNoticeTopicHidden', label);
    // When the card stays (the entity has other topics), so does focus; when it goes, focus moves to the notice.
    this.showNotice(stillShown ? null : open, message, async () => (await undo)());
  }

  private showNotice(from: OpenCard | null, message: string, undo: Undo): void {
    this.mount();
    // A keyboard user follows the action to its undo; a mouse user's focus is not theirs to lose track of.
    const takeFocus = from !== null && this.focusInCard() && this.shadow!.activeElement!.matches(':focus-visible');
    this.notice = { message, undo, returnFocus: from?.returnFocus ?? null };
    this.renderNotice();
    if (takeFocus) this.noticeRegion!.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    this.startNoticeTimer();
  }

  private startNoticeTimer(): void {
    clearTimeout(this.noticeTimer);
    if (this.notice && !this.noticeInUse) this.noticeTimer = setTimeout(() => this.dismissNotice(), NOTICE_MS);
  }

  private renderNotice(): void {
    const notice = this.notice;
    if (!notice || !this.noticeRegion) return;
    render(
      <NoticeView
        message={notice.message}
        t={this.ui.t}
        language={this.ui.language}
        onUndo={
          notice.undo &&
          (() => {
            void notice.undo!();
            this.dismissNotice();
          })
        }
        onDismiss={() => this.dismissNotice()}
      />,
      this.noticeRegion,
    );
  }

  private dismissNotice(): void {
    const notice = this.notice;
    if (!notice || !this.noticeRegion) return;
    const hadFocus = this.isOurs(this.shadow?.activeElement) && this.noticeRegion.contains(this.shadow!.activeElement);
    this.notice = null;
    this.noticeInUse = false;
    clearTimeout(this.noticeTimer);
    render(null, this.noticeRegion);
    if (hadFocus && notice.returnFocus?.isConnected) notice.returnFocus.focus({ preventScroll: true });
  }

  /**
   * Closes the card. `restoreFocus`: 'always' when the reader closed it (Escape, the close
   * button), 'if-focused' when it goes away under them (so focus does not drop to the
   * page's start), 'never' when they put focus somewhere else themselves.
   */
  close(restoreFocus: RestoreFocus): void {
    const open = this.open;
    if (!open) return;
    const hadFocus = this.focusInCard();
    this.open = null;
    this.cancelHide();
    open.stopFollowing();
    open.restoreTitles();
    if (this.cardFrame) render(null, this.cardFrame);
    this.onActiveChange(null);
    const restore = restoreFocus === 'always' || (restoreFocus === 'if-focused' && hadFocus);
    // preventScroll: the reader stays where the card took them; the next Tab starts from where they were.
    if (restore && open.returnFocus?.isConnected) open.returnFocus.focus({ preventScroll: true });
  }
}
