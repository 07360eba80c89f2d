import { browser, type Browser } from 'wxt/browser';

/**
 * One typed protocol for every message between the extension's contexts. Each
 * message type fixes its request and its response at compile time, and every
 * incoming message is checked at run time: only our own extension may talk to
 * us, and only with a known type and a well-formed payload.
 *
 * Directions:
 * - popup and background → content script (top frame of a tab): `ContentScriptProtocol`,
 *   by `sendToTab`, answered by `handleMessages`;
 * - content script → popup: `PageReport`s on a port the popup opens (`followPageReport`,
 *   served by `servePageReports`), so that the popup's list follows the page live;
 * - content script (any frame) → background: `BackgroundProtocol`, by `sendToBackground`,
 *   answered by `handleBackgroundMessages` with the tab and frame that sent it.
 */

export interface EntityCount {
  entityId: string;
  count: number;
}

/** What the content script knows of its page, for the popup. */
export interface PageReport {
  /** The page's site (host and port); undefined where Backstory does not run. */
  site: string | undefined;
  siteEnabled: boolean;
  /** Mentions painted on the page, per entity, in order of first appearance. */
  entities: EntityCount[];
  /** True while the page is still being scanned. */
  scanning: boolean;
}

export interface ContentScriptProtocol {
  getPageReport: { request: Record<string, never>; response: PageReport };
  /** Scrolls to the entity's next mention, flashes it and opens its card. */
  revealMention: { request: { entityId: string }; response: boolean };
  /** Moves to the next (1) or previous (-1) mention on the page and opens its card. */
  stepMention: { request: { direction: 1 | -1 }; response: boolean };
}

export type MessageType = keyof ContentScriptProtocol;
export type RequestOf<K extends MessageType> = ContentScriptProtocol[K]['request'];
export type ResponseOf<K extends MessageType> = ContentScriptProtocol[K]['response'];

/** A request as it travels: a marker, its type and its payload. */
export type Envelope<K extends MessageType = MessageType> = { [T in K]: { backstory: 1; type: T; payload: RequestOf<T> } }[K];

export interface BackgroundProtocol {
  /** Runs the card's script (entrypoints/card.ts) in the sender's frame; true once it has run there. */
  loadCard: { request: Record<string, never>; response: boolean };
}

export type BackgroundMessageType = keyof BackgroundProtocol;
export type BackgroundRequestOf<K extends BackgroundMessageType> = BackgroundProtocol[K]['request'];
export type BackgroundResponseOf<K extends BackgroundMessageType> = BackgroundProtocol[K]['response'];
export type BackgroundEnvelope<K extends BackgroundMessageType = BackgroundMessageType> = {
  [T in K]: { backstory: 1; type: T; payload: BackgroundRequestOf<T> };
}[K];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Entity ids are short kebab-case words (the knowledge schema's rule); anything else is not ours. */
const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isEntityId = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && ENTITY_ID.test(value);

const isEmpty = (payload: unknown): payload is Record<string, never> => isObject(payload) && Object.keys(payload).length === 0;

/** Run-time checks of each request's payload. */
const validators: { [K in MessageType]: (payload: unknown) => payload is RequestOf<K> } = {
  getPageReport: isEmpty,
  revealMention: (payload): payload is { entityId: string } => isObject(payload) && isEntityId(payload.entityId),
  stepMention: (payload): payload is { direction: 1 | -1 } => isObject(payload) && (payload.direction === 1 || payload.direction === -1),
};
const backgroundValidators: { [K in BackgroundMessageType]: (payload: unknown) => payload is BackgroundRequestOf<K> } = {
  loadCard: isEmpty,
};

/** The message if it is a well-formed request of the protocol that `checks` validates, else undefined. */
function parseWith<E>(checks: Record<string, (payload: unknown) => boolean>, message: unknown): E | undefined {
  if (!isObject(message) || message.backstory !== 1 || typeof message.type !== 'string') return undefined;
  if (!Object.hasOwn(checks, message.type)) return undefined;
  return checks[message.type]!(message.payload) ? (message as E) : undefined;
}

/** The message as a request to a content script, or undefined when it is not one (unknown type, bad payload, not ours). */
export function parseRequest(message: unknown): Envelope | undefined {
  return parseWith<Envelope>(validators, message);
}

/** The message as a request to the background, or undefined when it is not one. */
export function parseBackgroundRequest(message: unknown): BackgroundEnvelope | undefined {
  return parseWith<BackgroundEnvelope>(backgroundValidators, message);
}

/** Whether a value is a well-formed page report (what the popup accepts from a port). */
export function isPageReport(value: unknown): value is PageReport {
  return (
    isObject(value) &&
    (value.site === undefined || (typeof value.site === 'string' && value.site.length <= 300)) &&
    typeof value.siteEnabled === 'boolean' &&
    typeof value.scanning === 'boolean' &&
    Array.isArray(value.entities) &&
    value.entities.every(
      (item: unknown) => isObject(item) && isEntityId(item.entityId) && typeof item.count === 'number' && Number.isInteger(item.count) && item.count > 0,
    )
  );
}

/**
 * Sends a request to the content script of a tab's top frame. Content scripts run
 * in every frame too (`allFrames`), and a message to a whole tab would reach them
 * all: each would move to its own mention and open its own card.
 */
export async function sendToTab<K extends MessageType>(tabId: number, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = { backstory: 1, type, payload } as Envelope<K>;
  return (await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 })) as ResponseOf<K>;
}

export type Handlers = { [K in MessageType]: (payload: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };

/**
 * True when a message comes from one of our own extension's pages or scripts.
 * Other extensions and web pages reach `onMessageExternal`, never `onMessage`,
 * unless a browser bug or a future manifest change lets them in: checked anyway.
 */
export function isFromOurExtension(sender: Browser.runtime.MessageSender | undefined): boolean {
  return sender !== undefined && sender.id === browser.runtime.id;
}

/** Answers the protocol's messages in a content script until `signal` aborts. */
export function handleMessages(handlers: Handlers, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurExtension(sender)) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    const handler = handlers[request.type] as (payload: unknown) => unknown;
    // Returning undefined (not a promise) leaves the message to other listeners, as the polyfill expects.
    return Promise.resolve().then(() => handler(request.payload));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * Sends a request to the background from a content script. Rejects when nobody
 * answers, and throws at once when the extension is gone (an orphaned script).
 */
export async function sendToBackground<K extends BackgroundMessageType>(type: K, payload: BackgroundRequestOf<K>): Promise<BackgroundResponseOf<K>> {
  const envelope = { backstory: 1, type, payload } as BackgroundEnvelope<K>;
  return (await browser.runtime.sendMessage(envelope)) as BackgroundResponseOf<K>;
}

/** The frame a content script's request came from. */
export interface SenderFrame {
  tabId: number;
  frameId: number;
}

export type BackgroundHandlers = {
  [K in BackgroundMessageType]: (payload: BackgroundRequestOf<K>, from: SenderFrame) => BackgroundResponseOf<K> | Promise<BackgroundResponseOf<K>>;
};

/**
 * Answers content scripts' requests in the background. Only our own content scripts,
 * in a tab's frame, are answered: a request from one of our pages (no tab) is not one.
 */
export function handleBackgroundMessages(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurExtension(sender) || sender.tab?.id === undefined || sender.frameId === undefined) return undefined;
    const request = parseBackgroundRequest(message);
    if (!request) return undefined;
    const handler = handlers[request.type] as (payload: unknown, from: SenderFrame) => unknown;
    const from = { tabId: sender.tab.id, frameId: sender.frameId };
    return Promise.resolve().then(() => handler(request.payload, from));
  });
}

/** The port a popup opens to follow its tab's page report live. */
export const PAGE_REPORT_PORT = 'backstory-page-report';

/** The part of a port this protocol uses (a real `runtime.Port`, or a test double). */
export interface ReportPort {
  name: string;
  sender?: Browser.runtime.MessageSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Serves page reports to the popups that connect, in a content script: each new port
 * from our extension gets the current report at once, then every changed report
 * (`publish` after a repaint, which also follows the end of every scan; a report
 * that did not change is not sent again).
 * Until `signal` aborts; then ports are closed.
 */
export function servePageReports(current: () => PageReport, signal: AbortSignal): { publish: () => void; accept: (port: ReportPort) => void } {
  const ports = new Set<ReportPort>();
  let last = '';
  const post = (port: ReportPort, report: PageReport) => {
    try {
      port.postMessage(report);
    } catch {
      forget(port); // Closed in between (the popup went away).
    }
  };
  const forget = (port: ReportPort) => ports.delete(port);
  const publish = () => {
    if (ports.size === 0) return;
    const report = current();
    const json = JSON.stringify(report);
    if (json === last) return;
    last = json;
    for (const port of ports) post(port, report);
  };
  const accept = (port: ReportPort) => {
    if (signal.aborted || port.name !== PAGE_REPORT_PORT || !isFromOurExtension(port.sender)) return;
    ports.add(port);
    port.onDisconnect.addListener(() => forget(port));
    const report = current();
    const json = JSON.stringify(report);
    // A changed report goes to every popup; an unchanged one only to the newcomer.
    if (json !== last) {
      last = json;
      for (const each of ports) post(each, report);
    } else post(port, report);
  };
  const onConnect = (port: Browser.runtime.Port) => accept(port);
  if (!signal.aborted) {
    browser.runtime.onConnect.addListener(onConnect);
    signal.addEventListener('abort', () => {
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of ports) port.disconnect();
      ports.clear();
    }, { once: true });
  }
  return { publish, accept };
}

/**
 * Follows a tab's page report from the popup: `onReport` with each valid report,
 * `onUnavailable` when no content script answers (a browser page, a store, a file
 * without access, or a page still loading), until `signal` aborts. A page that is
 * still loading has no content script yet, so a refused connection is tried again
 * a few times before the popup says the page cannot be read.
 */
export function followPageReport(
  tabId: number,
  listeners: { onReport: (report: PageReport) => void; onUnavailable: () => void },
  signal: AbortSignal,
  retry: { attempts: number; delayMs: number } = { attempts: 4, delayMs: 400 },
): void {
  let port: Browser.runtime.Port | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const connect = () => {
    if (signal.aborted) return;
    let answered = false;
    try {
      port = browser.tabs.connect(tabId, { name: PAGE_REPORT_PORT, frameId: 0 });
    } catch {
      return listeners.onUnavailable();
    }
    port.onMessage.addListener((message: unknown) => {
      if (!isPageReport(message)) return; // Not a report: ignored, as every malformed message is.
      answered = true;
      failures = 0;
      listeners.onReport(message);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (signal.aborted) return;
      // Read lastError so that Chrome does not log "Unchecked runtime.lastError".
      void browser.runtime.lastError;
      if (!answered) failures++;
      if (failures === 1 || failures > retry.attempts) listeners.onUnavailable();
      // A page that answered and went away has navigated: its next page may answer again.
      if (failures <= retry.attempts) timer = setTimeout(connect, retry.delayMs);
    });
  };
  connect();
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    port?.disconnect();
  }, { once: true });
}
