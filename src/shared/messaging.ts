// The one place that talks to the extension messaging API (a test seam: the
// pure code never imports webextension-polyfill).
import browser, { type Runtime } from 'webextension-polyfill';
import type { FrameCalls } from './frame-messages';
import type { ContentCalls, Envelope, Reply, Req, TabCalls, UiCalls } from './messages';
import { checkRequest, type Schemas } from './message-schemas';
import { err, errorMessage, type Result } from './result';

function envelope<M, K extends keyof M>(call: K, req: Req<M, K>): Envelope<M, K> {
  return { claimlens: 1, call, req } as Envelope<M, K>;
}

function isReply(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';
}

async function send<M, K extends keyof M>(
  transport: () => Promise<unknown>,
  call: K,
): Promise<Reply<M, K>> {
  try {
    const reply = await transport();
    if (isReply(reply)) return reply as Reply<M, K>;
    return err('no-reply', `No answer to ${String(call)}`);
  } catch (e) {
    return err('unreachable', errorMessage(e));
  }
}

/** Content script → background. */
export function callBackground<K extends keyof ContentCalls>(
  call: K,
  req: Req<ContentCalls, K>,
): Promise<Reply<ContentCalls, K>> {
  return send<ContentCalls, K>(() => browser.runtime.sendMessage(envelope<ContentCalls, K>(call, req)), call);
}

/** Popup / library page → background. */
export function callUi<K extends keyof UiCalls>(call: K, req: Req<UiCalls, K>): Promise<Reply<UiCalls, K>> {
  return send<UiCalls, K>(() => browser.runtime.sendMessage(envelope<UiCalls, K>(call, req)), call);
}

/** The private note frame → background. */
export function callFrame<K extends keyof FrameCalls>(call: K, req: Req<FrameCalls, K>): Promise<Reply<FrameCalls, K>> {
  return send<FrameCalls, K>(() => browser.runtime.sendMessage(envelope<FrameCalls, K>(call, req)), call);
}

/** Popup → the content script of a tab. */
export function callTab<K extends keyof TabCalls>(
  tabId: number,
  call: K,
  req: Req<TabCalls, K>,
): Promise<Reply<TabCalls, K>> {
  return send<TabCalls, K>(() => browser.tabs.sendMessage(tabId, envelope<TabCalls, K>(call, req)), call);
}

export type Handlers<M> = {
  [K in keyof M]?: (req: Req<M, K>, sender: Runtime.MessageSender) => Promise<Reply<M, K>>;
};

/** What a context answers to one sender: the calls it may make, and their validators. */
export interface Route<M> {
  handlers: Handlers<M>;
  schemas: Schemas<M>;
}

export function isEnvelope(v: unknown): v is { claimlens: 1; call: string; req: unknown } {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { claimlens?: unknown }).claimlens === 1 &&
    typeof (v as { call?: unknown }).call === 'string'
  );
}

type AnyHandler = (r: unknown, s: Runtime.MessageSender) => Promise<unknown>;

/**
 * The one listener of a context. `route` decides, per sender, which calls it
 * may make (the background serves content calls to its own content scripts
 * and UI calls to its own extension pages; a content script only its own
 * extension). Every payload is checked against its call's schema before the
 * handler runs. Calls this context does not know (`known`) are left to other
 * listeners (an extension page and the worker both hear runtime messages).
 */
export function listen<M>(known: ReadonlySet<string>, route: (sender: Runtime.MessageSender) => Route<M> | null): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || !known.has(message.call)) return undefined;
    const r = route(sender);
    if (!r) return Promise.resolve(err('forbidden', 'Sender not allowed'));
    const call = message.call as keyof M & string;
    const handler = (r.handlers as Record<string, AnyHandler | undefined>)[call];
    if (!handler || !(call in r.schemas)) return Promise.resolve(err('unknown-call', `Unknown call ${call}`));
    const checked = checkRequest(r.schemas, call, message.req);
    if (!checked.ok) return Promise.resolve(err('bad-request', checked.message));
    return handler(checked.value, sender).catch((e: unknown) => err('failed', errorMessage(e)));
  });
}

/** The names of a call map's calls (from its schemas), for `listen`. */
export const callsOf = (...schemas: object[]): ReadonlySet<string> => new Set(schemas.flatMap((s) => Object.keys(s)));

/** Extension pages and the worker share an origin: a page is told when the KB changes. */
const CHANNEL = 'claimlens-kb';

export function announceKbChanged(): void {
  try {
    const ch = new BroadcastChannel(CHANNEL);
    ch.postMessage({ claimlens: 1, event: 'kb.changed' });
    ch.close();
  } catch {
    // No BroadcastChannel: pages reload their data on their next action.
  }
}

export function onKbChanged(fn: () => void): () => void {
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<unknown>) => {
    if (typeof e.data === 'object' && e.data !== null && (e.data as { event?: unknown }).event === 'kb.changed') fn();
  };
  return () => ch.close();
}

export { browser };
