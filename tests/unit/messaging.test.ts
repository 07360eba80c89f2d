import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  followPageReport,
  handleBackgroundMessages,
  handleMessages,
  isFromOurExtension,
  isPageReport,
  PAGE_REPORT_PORT,
  parseBackgroundRequest,
  parseRequest,
  sendToBackground,
  sendToTab,
  servePageReports,
  type Handlers,
  type PageReport,
  type ReportPort,
} from '../../src/messaging/protocol';

const OURS = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
const report: PageReport = { site: 'example.com', siteEnabled: true, entities: [{ entityId: 'huawei', count: 2 }], scanning: false };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('parseRequest', () => {
  it('accepts each request type with a well-formed payload', () => {
    expect(parseRequest({ backstory: 1, type: 'getPageReport', payload: {} })).toEqual({ backstory: 1, type: 'getPageReport', payload: {} });
    expect(parseRequest({ backstory: 1, type: 'revealMention', payload: { entityId: 'alibaba-cloud' } })?.type).toBe('revealMention');
    expect(parseRequest({ backstory: 1, type: 'stepMention', payload: { direction: -1 } })?.type).toBe('stepMention');
  });

  it.each([
    ['not an object', 'revealMention'],
    ['null', null],
    ['a list', [1, 'revealMention']],
    ['no marker', { type: 'getPageReport', payload: {} }],
    ['another marker', { backstory: 2, type: 'getPageReport', payload: {} }],
    ['an unknown type', { backstory: 1, type: 'deleteEverything', payload: {} }],
    ['an inherited name as type', { backstory: 1, type: 'toString', payload: {} }],
    ['__proto__ as type', { backstory: 1, type: '__proto__', payload: {} }],
    ['no payload', { backstory: 1, type: 'getPageReport' }],
    ['a payload with extra fields where none are expected', { backstory: 1, type: 'getPageReport', payload: { all: true } }],
    ['a missing entity id', { backstory: 1, type: 'revealMention', payload: {} }],
    ['an entity id of the wrong type', { backstory: 1, type: 'revealMention', payload: { entityId: 7 } }],
    ['an entity id that is not an id', { backstory: 1, type: 'revealMention', payload: { entityId: '<img src=x onerror=alert(1)>' } }],
    ['a very long entity id', { backstory: 1, type: 'revealMention', payload: { entityId: 'a'.repeat(500) } }],
    ['a direction of 2', { backstory: 1, type: 'stepMention', payload: { direction: 2 } }],
    ['a direction as text', { backstory: 1, type: 'stepMention', payload: { direction: '1' } }],
  ])('rejects %s', (_, message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});

describe('isPageReport', () => {
  it('accepts a report, with or without a site', () => {
    expect(isPageReport(report)).toBe(true);
    expect(isPageReport({ ...report, site: undefined, entities: [] })).toBe(true);
  });

  it.each([
    ['garbage', 'report'],
    ['a missing flag', { site: 'a.com', entities: [], scanning: false }],
    ['entities that are not a list', { ...report, entities: { huawei: 2 } }],
    ['a count that is not a positive whole number', { ...report, entities: [{ entityId: 'huawei', count: 0.5 }] }],
    ['an entity id that is not an id', { ...report, entities: [{ entityId: 'Huawei Inc.', count: 1 }] }],
    ['a site of the wrong type', { ...report, site: 42 }],
  ])('rejects %s', (_, value) => {
    expect(isPageReport(value)).toBe(false);
  });
});

describe('isFromOurExtension', () => {
  it('trusts our own id only', () => {
    expect(isFromOurExtension(OURS)).toBe(true);
    expect(isFromOurExtension({ id: 'another-extension' })).toBe(false);
    expect(isFromOurExtension({ url: 'https://evil.example/' })).toBe(false);
    expect(isFromOurExtension(undefined)).toBe(false);
  });
});

describe('handleMessages', () => {
  const handlers = (): Handlers => ({
    getPageReport: vi.fn(() => report),
    revealMention: vi.fn(({ entityId }) => entityId === 'huawei'),
    stepMention: vi.fn(async () => true),
  });

  it('answers a valid request from our extension with its handler', async () => {
    const h = handlers();
    handleMessages(h, new AbortController().signal);
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'revealMention', payload: { entityId: 'huawei' } }, OURS, () => {});
    expect(await answer).toBe(true);
    expect(h.revealMention).toHaveBeenCalledWith({ entityId: 'huawei' });
    const [step] = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'stepMention', payload: { direction: 1 } }, OURS, () => {});
    expect(await step).toBe(true);
  });

  it('ignores a message from another extension or a page, even a valid one', async () => {
    const h = handlers();
    handleMessages(h, new AbortController().signal);
    const answers = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'getPageReport', payload: {} }, { id: 'another-extension' }, () => {});
    expect(answers).toEqual([undefined]);
    expect(h.getPageReport).not.toHaveBeenCalled();
  });

  it('ignores a malformed message without calling any handler', async () => {
    const h = handlers();
    handleMessages(h, new AbortController().signal);
    const answers = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'revealMention', payload: { entityId: null } }, OURS, () => {});
    expect(answers).toEqual([undefined]);
    expect(h.revealMention).not.toHaveBeenCalled();
  });

  it('stops answering when its signal aborts', async () => {
    const h = handlers();
    const controller = new AbortController();
    handleMessages(h, controller.signal);
    controller.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});

describe('requests to the background', () => {
  const FROM_A_FRAME = { id: fakeBrowser.runtime.id, tab: { id: 4 } as never, frameId: 12 };

  it('parses only its own types: a content script request is not one, nor the reverse', () => {
    expect(parseBackgroundRequest({ backstory: 1, type: 'loadCard', payload: {} })?.type).toBe('loadCard');
    expect(parseBackgroundRequest({ backstory: 1, type: 'loadCard', payload: { file: '/evil.js' } })).toBeUndefined();
    expect(parseBackgroundRequest({ backstory: 1, type: 'getPageReport', payload: {} })).toBeUndefined();
    expect(parseRequest({ backstory: 1, type: 'loadCard', payload: {} })).toBeUndefined();
  });

  it('sendToBackground wraps the request', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true as never);
    expect(await sendToBackground('loadCard', {})).toBe(true);
    expect(send).toHaveBeenCalledWith({ backstory: 1, type: 'loadCard', payload: {} });
  });

  it('answers a content script in a frame with the tab and frame it came from', async () => {
    const loadCard = vi.fn(async () => true);
    handleBackgroundMessages({ loadCard });
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'loadCard', payload: {} }, FROM_A_FRAME, () => {});
    expect(await answer).toBe(true);
    expect(loadCard).toHaveBeenCalledWith({}, { tabId: 4, frameId: 12 });
  });

  it.each([
    ['another extension', { ...FROM_A_FRAME, id: 'another-extension' }],
    ['one of our pages (no tab)', OURS],
    ['a sender without a frame', { id: fakeBrowser.runtime.id, tab: { id: 4 } as never }],
  ])('ignores a request from %s', async (_, sender) => {
    const loadCard = vi.fn(async () => true);
    handleBackgroundMessages({ loadCard });
    const answers = await fakeBrowser.runtime.onMessage.trigger({ backstory: 1, type: 'loadCard', payload: {} }, sender, () => {});
    expect(answers).toEqual([undefined]);
    expect(loadCard).not.toHaveBeenCalled();
  });
});

describe('sendToTab', () => {
  it('wraps the request and sends it to the top frame only (content scripts run in every frame)', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true as never);
    expect(await sendToTab(7, 'revealMention', { entityId: 'zte' })).toBe(true);
    expect(send).toHaveBeenCalledWith(7, { backstory: 1, type: 'revealMention', payload: { entityId: 'zte' } }, { frameId: 0 });
    expect(parseRequest(send.mock.calls[0]![1])).toBeDefined();
  });
});

describe('servePageReports', () => {
  function fakePort(name: string, sender?: ReportPort['sender']) {
    const disconnectListeners: Array<() => void> = [];
    const port = {
      name,
      sender,
      posted: [] as unknown[],
      postMessage(message: unknown) {
        port.posted.push(message);
      },
      disconnect: vi.fn(() => disconnectListeners.forEach((listener) => listener())),
      onDisconnect: { addListener: (listener: () => void) => void disconnectListeners.push(listener) },
    };
    return port;
  }
  // The fake browser does not implement ports: onConnect is given a stand-in to register with.
  beforeEach(() => {
    const listeners = new Set<unknown>();
    Object.assign(fakeBrowser.runtime, {
      onConnect: { addListener: (l: unknown) => listeners.add(l), removeListener: (l: unknown) => listeners.delete(l), hasListeners: () => listeners.size > 0 },
    });
  });

  it('sends the current report to a popup that connects, then each changed one, not a repeat', () => {
    const controller = new AbortController();
    let current = report;
    const { accept, publish } = servePageReports(() => current, controller.signal);
    const port = fakePort(PAGE_REPORT_PORT, OURS);
    accept(port);
    publish(); // Nothing changed: nothing sent.
    current = { ...report, entities: [] };
    publish();
    expect(port.posted).toEqual([report, current]);
    controller.abort();
  });

  it('sends the end of a scan when it is published, and nothing when nothing changed', () => {
    const controller = new AbortController();
    let current: PageReport = { ...report, scanning: true };
    const { accept, publish } = servePageReports(() => current, controller.signal);
    const port = fakePort(PAGE_REPORT_PORT, OURS);
    accept(port);
    publish();
    current = { ...report, scanning: false };
    publish();
    expect(port.posted).toEqual([{ ...report, scanning: true }, current]);
    controller.abort();
  });

  it('refuses ports with another name or from elsewhere', () => {
    const controller = new AbortController();
    const { accept } = servePageReports(() => report, controller.signal);
    const stranger = fakePort(PAGE_REPORT_PORT, { id: 'another-extension' });
    const anonymous = fakePort(PAGE_REPORT_PORT, undefined);
    const other = fakePort('something-else', OURS);
    accept(stranger);
    accept(anonymous);
    accept(other);
    expect([stranger.posted, anonymous.posted, other.posted]).toEqual([[], [], []]);
    controller.abort();
  });

  it('forgets a popup that closed, and closes every port when its signal aborts', () => {
    const controller = new AbortController();
    let current = report;
    const { accept, publish } = servePageReports(() => current, controller.signal);
    const closed = fakePort(PAGE_REPORT_PORT, OURS);
    const open = fakePort(PAGE_REPORT_PORT, OURS);
    accept(closed);
    accept(open);
    closed.disconnect();
    current = { ...report, scanning: true };
    publish();
    expect(closed.posted).toHaveLength(1);
    expect(open.posted.at(-1)).toEqual(current);
    controller.abort();
    expect(open.disconnect).toHaveBeenCalled();
  });
});

describe('followPageReport', () => {
  /** A stand-in for tabs.connect: the fake browser has no ports. */
  function fakeConnect(behaviour: Array<'refuse' | 'answer'>) {
    const ports: Array<{ post: (message: unknown) => void; drop: () => void; options: unknown }> = [];
    const connect = vi.fn((_tabId: number, options: unknown) => {
      const messageListeners: Array<(message: unknown) => void> = [];
      const disconnectListeners: Array<() => void> = [];
      const port = {
        onMessage: { addListener: (l: (message: unknown) => void) => void messageListeners.push(l) },
        onDisconnect: { addListener: (l: () => void) => void disconnectListeners.push(l) },
        disconnect: vi.fn(),
      };
      const handle = { post: (m: unknown) => messageListeners.forEach((l) => l(m)), drop: () => disconnectListeners.forEach((l) => l()), options };
      ports.push(handle);
      const mode = behaviour[ports.length - 1] ?? 'refuse';
      // No content script: Chrome opens the port, then disconnects it at once.
      if (mode === 'refuse') queueMicrotask(handle.drop);
      return port;
    });
    Object.assign(fakeBrowser.tabs, { connect });
    return { connect, ports };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('passes on valid reports from the top frame, and ignores malformed ones', async () => {
    const { connect, ports } = fakeConnect(['answer']);
    const onReport = vi.fn();
    const onUnavailable = vi.fn();
    const controller = new AbortController();
    followPageReport(3, { onReport, onUnavailable }, controller.signal);
    expect(connect).toHaveBeenCalledWith(3, { name: PAGE_REPORT_PORT, frameId: 0 });
    ports[0]!.post({ ...report, entities: 'everything' });
    ports[0]!.post(report);
    expect(onReport.mock.calls).toEqual([[report]]);
    expect(onUnavailable).not.toHaveBeenCalled();
    controller.abort();
  });

  it('says at once when no content script answers, and keeps trying a few times for a page still loading', async () => {
    const { connect, ports } = fakeConnect(['refuse', 'refuse', 'answer']);
    const onReport = vi.fn();
    const onUnavailable = vi.fn();
    const controller = new AbortController();
    followPageReport(3, { onReport, onUnavailable }, controller.signal, { attempts: 3, delayMs: 1 });
    await flush();
    expect(onUnavailable).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(3));
    ports[2]!.post(report);
    expect(onReport).toHaveBeenCalledWith(report);
    controller.abort();
  });

  it('gives up after its attempts on a page it cannot read', async () => {
    const { connect } = fakeConnect([]);
    const onUnavailable = vi.fn();
    followPageReport(3, { onReport: vi.fn(), onUnavailable }, new AbortController().signal, { attempts: 2, delayMs: 1 });
    await vi.waitFor(() => expect(onUnavailable).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connect).toHaveBeenCalledTimes(3);
  });
});
