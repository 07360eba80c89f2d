import { browser, type Browser } from 'wxt/browser';

/**
 * One typed protocol for every message between the extension's contexts. Each
 * message type fixes its request and its response at compile time, and every
 * incoming message is checked at run time: only our own extension may talk to
 * us, and only with a known type and a well-formed payload.
 */

export interface EntityCount {
  entityId: string;
  count: number;
}

/** What the content script knows of its page, for the popup. */
export interface PageReport {
  /** The page's site; undefined where Backstory does not run. */
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
type Request<K extends MessageType> = ContentScriptProtocol[K]['request'];
type Response<K extends MessageType> = ContentScriptProtocol[K]['response'];

interface Envelope<K extends MessageType = MessageType> {
  backstory: 1;
  type: K;
  payload: Request<K>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Run-time checks of each request's payload. */
const validators: { [K in MessageType]: (payload: unknown) => payload is Request<K> } = {
  getPageReport: (payload): payload is Record<string, never> => isObject(payload),
  revealMention: (payload): payload is { entityId: string } => isObject(payload) && typeof payload.entityId === 'string',
  stepMention: (payload): payload is { direction: 1 | -1 } => isObject(payload) && (payload.direction === 1 || payload.direction === -1),
};

function isEnvelope(message: unknown): message is Envelope {
  return (
    isObject(message) &&
    message.backstory === 1 &&
    typeof message.type === 'string' &&
    Object.hasOwn(validators, message.type) &&
    validators[message.type as MessageType](message.payload)
  );
}

export async function sendToTab<K extends MessageType>(tabId: number, type: K, payload: Request<K>): Promise<Response<K>> {
  const envelope: Envelope<K> = { backstory: 1, type, payload };
  return (await browser.tabs.sendMessage(tabId, envelope)) as Response<K>;
}

export type Handlers = { [K in MessageType]: (payload: Request<K>) => Response<K> | Promise<Response<K>> };

/** True when a message comes from one of our own extension's pages or scripts. */
export function isFromOurExtension(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Answers the protocol's messages in a content script until `signal` aborts. */
export function handleMessages(handlers: Handlers, signal: AbortSignal): void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurExtension(sender) || !isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as (payload: unknown) => unknown;
    return Promise.resolve(handler(message.payload));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** The port a popup opens to follow its tab's page report live. */
export const PAGE_REPORT_PORT = 'backstory-page-report';
