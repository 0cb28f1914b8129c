// One KB search hit in the popup: a button that opens the actor's or the
// claim's details in place (what the card would show).
import { useState } from 'preact/hooks';
import type { ActorCardData, ClaimCardData, SearchHit } from '../shared/messages';
import { callUi } from '../shared/messaging';
import { docCount, SourceMeta, stanceCounts, STANCE_WORD, CompactTimeline } from './source-meta';

function ActorDetails({ a }: { a: ActorCardData }) {
  return (
    <div class="details">
      <p class="muted">{a.kind}{a.roles.length ? ` · ${a.roles.slice(0, 3).join('; ')}` : ''}</p>
      {a.aliases.length > 0 && <p class="muted">Also: {a.aliases.slice(0, 8).join(', ')}</p>}
      <p class="muted">Named in {a.documentCount} document{a.documentCount === 1 ? '' : 's'}.</p>
      {a.claims.length > 0 && <ul>{a.claims.slice(0, 6).map((c) => <li key={c.id}><span class={`badge ${c.stance}`}>{STANCE_WORD[c.stance]}</span> {c.text}</li>)}</ul>}
    </div>
  );
}

function ClaimDetails({ c }: { c: ClaimCardData }) {
  const first = [...c.supports.slice(0, 1), ...c.contradicts.slice(0, 1)];
  return (
    <div class="details">
      <p><strong>{stanceCounts(docCount(c.supports), docCount(c.contradicts))}</strong></p>
      <CompactTimeline timeline={c.timeline} />
      {first.map((s) => (
        <div key={s.docId + s.stance}>
          <span class={`badge ${s.stance}`}>{STANCE_WORD[s.stance]}</span> <strong>{s.title}</strong>
          <SourceMeta info={c.documents?.[s.docId]} />
          <blockquote>{s.quote}</blockquote>
        </div>
      ))}
    </div>
  );
}

export function SearchResult({ hit }: { hit: SearchHit }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ actor?: ActorCardData; claim?: ClaimCardData; error?: string } | null>(null);
  const toggle = async (): Promise<void> => {
    setOpen(!open);
    if (data) return;
    if (hit.kind === 'actor') {
      const r = await callUi('kb.actor', { id: hit.id });
      setData(r.ok && r.value ? { actor: r.value } : { error: 'No longer in the knowledge base.' });
    } else {
      const r = await callUi('kb.claim', { id: hit.id });
      setData(r.ok && r.value ? { claim: r.value } : { error: 'No longer in the knowledge base.' });
    }
  };
  return (
    <li>
      <button type="button" class="item" aria-expanded={open} onClick={() => void toggle()}>
        <span class={`badge ${hit.kind === 'actor' ? 'actor' : 'supports'}`}>{hit.kind}</span>
        <span>{hit.label}</span>
        <span class="count">{hit.detail}</span>
      </button>
      {open && data?.actor && <ActorDetails a={data.actor} />}
      {open && data?.claim && <ClaimDetails c={data.claim} />}
      {open && data?.error && <p class="empty">{data.error}</p>}
    </li>
  );
}
