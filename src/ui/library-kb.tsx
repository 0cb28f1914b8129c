// The library's Knowledge base tab: what is loaded, load another KB, export,
// go back to the bundled one; when the reader has added pages, the choice of
// keeping them (merged again onto the new KB) or removing them comes first.
import { useEffect, useState } from 'preact/hooks';
import type { KbStatus, KeepSources } from '../shared/messages';
import { callUi } from '../shared/messaging';
import { FileButton } from './file-button';
import { formatMoment } from './source-meta';

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function builtLine(status: KbStatus): string {
  const built = formatMoment(status.builtAt);
  if (built) return `Built ${built}`;
  return status.origin === 'bundled' ? 'Bundled with Claimlens (its articles carry no dates)' : 'Build date not recorded in the file';
}

const sourcesWord = (n: number): string => (n ? `, with ${n} page${n === 1 ? '' : 's'} you added` : '');

export function KbTab({ status, onChanged }: { status: KbStatus | null; onChanged: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const [keep, setKeep] = useState<KeepSources>('keep');
  useEffect(() => void callUi('sources.list', {}).then((r) => r.ok && setAdded(r.value.added.length)), [status]);
  if (!status) return <p class="empty">Loading…</p>;
  const importKb = async (file: File): Promise<void> => {
    setMessage(null);
    const r = await callUi('kb.import', { json: await file.text(), sources: keep });
    setMessage(r.ok ? `Loaded your knowledge base: ${r.value.claims} claims, ${r.value.actors} actors${sourcesWord(r.value.sources)}. Your notes are untouched.` : `Not loaded: ${r.error.message}`);
    onChanged();
  };
  const reset = async (): Promise<void> => {
    const r = await callUi('kb.reset', { sources: keep });
    setMessage(r.ok ? `Back to the bundled knowledge base (${r.value.claims} claims${sourcesWord(r.value.sources)}).` : `Could not restore: ${r.error.message}`);
    onChanged();
  };
  const exportKb = async (): Promise<void> => {
    const r = await callUi('kb.export', {});
    if (r.ok) download('claimlens-kb.json', r.value, 'application/json');
    else setMessage(`Could not export: ${r.error.message}`);
  };
  return (
    <div class="card">
      <h3>Knowledge base</h3>
      <p>
        {status.counts.claims} claims, {status.counts.actors} actors, {status.counts.documents} documents ({status.origin === 'imported' ? 'loaded from your file' : 'bundled'}{added ? `, ${added} added by you` : ''}).
      </p>
      <p class="muted">{builtLine(status)} · loaded {formatMoment(status.importedAt) ?? 'never'} · database schema v{status.dbVersion}</p>
      {added > 0 && (
        <fieldset class="keep">
          <legend>When loading another knowledge base or restoring the bundled one, your {added} added page{added === 1 ? '' : 's'}:</legend>
          <label><input type="radio" name="keep" checked={keep === 'keep'} onChange={() => setKeep('keep')} /> keep (added again on top of it)</label>
          <label><input type="radio" name="keep" checked={keep === 'drop'} onChange={() => setKeep('drop')} /> remove</label>
        </fieldset>
      )}
      <div class="toolbar">
        <FileButton label="Load a KB built from your corpus…" inputLabel="Load a knowledge base" accept=".json,application/json" onFile={(f) => void importKb(f)} />
        <button type="button" class="btn" onClick={() => void exportKb()}>Export (kb.json)</button>
        <button type="button" class="btn" onClick={() => void reset()}>Restore the bundled KB</button>
      </div>
      <p class="muted">Build one with <code>npm run kb -- build --corpus &lt;folder&gt; --out kb.json</code>. The export includes the pages you added.</p>
      {message && <div class="notice" role="status">{message}</div>}
      <h3>Recent events</h3>
      {status.events.length === 0 ? <p class="empty">Nothing to report.</p> : (
        <ul>{status.events.map((e, i) => <li key={i}><span class="muted">{formatMoment(e.at) ?? e.at}</span>: {e.message}</li>)}</ul>
      )}
    </div>
  );
}
