// The popup's "Add this page to the knowledge base": the tab extracts its
// article and the background merges it; the popup says what was added.
import { useState } from 'preact/hooks';
import { callTab } from '../shared/messaging';

export function AddPage({ tabId, enabled, onAdded }: { tabId: number; enabled: boolean; onAdded: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const add = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    const r = await callTab(tabId, 'page.addToKb', {});
    setBusy(false);
    if (r.ok) {
      setMessage({ text: r.value.message, ok: true });
      await onAdded();
    } else {
      setMessage({ text: r.error.code === 'unreachable' ? 'This page cannot be added: reload it and try again.' : r.error.message, ok: false });
    }
  };
  return (
    <section class="add-page">
      <button type="button" class="btn primary" disabled={busy || !enabled} onClick={() => void add()}
        title={enabled ? 'Read this article and add its claims and sources to what Claimlens knows (nothing leaves your computer)' : 'Claimlens is off on this site'}>
        {busy ? 'Adding…' : 'Add this page to the knowledge base'}
      </button>
      {message && <p class={message.ok ? 'added' : 'notice'} role="status">{message.text}</p>}
    </section>
  );
}
