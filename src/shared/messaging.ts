// The one place that talks to the extension messaging API (a test seam: the
// pure code never imports webextension-polyfill).
import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentCalls, Envelope, Reply, Req, TabCalls, UiCalls } from './messages';
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

export function isEnvelope(v: unknown): v is { claimlens: 1; call: string; req: unknown } {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { claimlens?: unknown }).claimlens === 1 &&
    typeof (v as { call?: unknown }).call === 'string'
  );
}

/**
 * Registers handlers. `accept` decides, per sender, which map may be used:
 * the background only serves content calls to its own content scripts and UI
 * calls to its own extension pages.
 */
export function listen<M>(
  handlersFor: (sender: Runtime.MessageSender) => Handlers<M> | null,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handlers = handlersFor(sender);
    if (!handlers) return Promise.resolve(err('forbidden', 'Sender not allowed'));
    const handler = (handlers as Record<string, ((r: unknown, s: Runtime.MessageSender) => Promise<unknown>) | undefined>)[
      message.call
    ];
    if (!handler) return Promise.resolve(err('unknown-call', `Unknown call ${message.call}`));
    return handler(message.req, sender).catch((e: unknown) => err('failed', errorMessage(e)));
  });
}

export { browser };
