// My sources: the pages the reader added (title, site, date, when added, what
// each contributed; open, remove), and the bundled corpus listed apart.
import { useEffect, useState } from 'preact/hooks';
import type { AddedSource, SourcesData } from '../shared/messages';
import { callUi } from '../shared/messaging';
import { formatDate, formatMoment, STANCE_WORD } from './source-meta';

const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;

/** "2 claims: 1 new, a new source for 1 known · names 4 actors", without the parts that are zero. */
function summary(claims: number, fresh: number, known: number, actors: number): string {
  const parts = [fresh ? `${fresh} new` : '', known ? `a new source for ${n(known, 'known claim')}` : ''].filter(Boolean);
  return `${n(claims, 'claim')}: ${parts.join(', ')} · names ${n(actors, 'actor')}`;
}

function Contribution({ s }: { s: AddedSource }) {
  const fresh = s.claims.filter((c) => c.isNew);
  const known = s.claims.filter((c) => !c.isNew);
  if (s.claims.length === 0) return <p class="muted">No claim; names {s.actors} actor{s.actors === 1 ? '' : 's'}.</p>;
  return (
    <div>
      <p class="muted">{summary(s.claims.length, fresh.length, known.length, s.actors)}</p>
      <ul>
        {s.claims.map((c) => (
          <li key={c.claimId}>
            <span class={`badge ${c.stance}`}>{STANCE_WORD[c.stance]}</span> {c.text} <span class="muted">{c.isNew ? '(new claim)' : '(known claim)'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddedItem({ s, onRemoved }: { s: AddedSource; onRemoved: (msg: string) => void }) {
  const [busy, setBusy] = useState(false);
  const remove = async (): Promise<void> => {
    setBusy(true);
    const r = await callUi('sources.remove', { id: s.id });
    setBusy(false);
    onRemoved(r.ok ? `Removed “${s.title}”${r.value.claimsGone ? `: ${r.value.claimsGone} claim${r.value.claimsGone === 1 ? '' : 's'} only it carried went with it` : ''}.` : `Could not remove it: ${r.error.message}`);
  };
  const meta = [s.site, formatDate(s.date) ?? 'no date'].filter(Boolean).join(' · ');
  return (
    <article class="card" aria-label={`Source ${s.title}`}>
      <h3>{s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.title}</a> : s.title}</h3>
      <p class="muted">{meta} · added {formatMoment(s.addedAt) ?? 'at an unknown time'}</p>
      <Contribution s={s} />
      <div class="toolbar">
        {s.url && <a class="btn" href={s.url} target="_blank" rel="noreferrer">Open</a>}
        <button type="button" class="btn" disabled={busy} onClick={() => void remove()}>Remove from the knowledge base</button>
      </div>
    </article>
  );
}

export function SourcesTab({ generation, onChanged }: { generation: number; onChanged: () => void }) {
  const [data, setData] = useState<SourcesData | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void callUi('sources.list', {}).then((r) => r.ok && setData(r.value)), [generation]);
  if (!data) return <p class="empty">Loading…</p>;
  return (
    <div>
      {message && <div class="notice" role="status">{message}</div>}
      <h2>Pages you added ({data.added.length})</h2>
      {data.added.length === 0 && <p class="empty">None yet: on a news article, open the Claimlens popup and choose “Add this page to the knowledge base”.</p>}
      {data.added.map((s) => <AddedItem key={s.id} s={s} onRemoved={(m) => { setMessage(m); onChanged(); }} />)}
      <h2>Documents the knowledge base was built from ({data.bundled.length})</h2>
      <ul class="corpus">
        {data.bundled.map((d) => (
          <li key={d.id}>
            {d.title} <span class="muted">· {[d.site, formatDate(d.date)].filter(Boolean).join(' · ') || 'no site or date'} · {d.claims} claim{d.claims === 1 ? '' : 's'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
