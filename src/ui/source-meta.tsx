// Shared words and pieces for sources, used by the card (in the page), the
// popup and the library: one stance vocabulary ("supports" / "contradicts"),
// counts in documents, dates in the reader's locale, "added by you", and the
// claim timeline (compact in the card, full in the library).
import type { Stance } from '../kb/types';
import type { ClaimTimeline, SourceDocInfo, TimelineEntry } from '../shared/messages';

export const STANCE_WORD: Record<Stance, string> = { supports: 'supports', contradicts: 'contradicts' };

/** A date in the reader's locale ("12 Mar 2026"), or null for anything unparseable. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A moment in the reader's locale, date and time. */
export function formatMoment(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "3 sources support, 2 contradict": counted in documents, not quotes. */
export function stanceCounts(supportDocs: number, contradictDocs: number): string {
  return `${plural(supportDocs, 'source supports', 'sources support')}, ${contradictDocs} contradict${contradictDocs === 1 ? 's' : ''}`;
}

export const docCount = (list: ReadonlyArray<{ docId: string }>): number => new Set(list.map((x) => x.docId)).size;

const ADDED_STYLE = { fontSize: '11px', fontWeight: 650, borderRadius: '999px', padding: '0 6px', background: '#fde68a', color: '#5c4300', whiteSpace: 'nowrap' };

export function AddedByYou() {
  return <span class="added-by-you" style={ADDED_STYLE}>added by you</span>;
}

/** Site · date · "added by you", under a source's title. */
export function SourceMeta({ info }: { info: SourceDocInfo | undefined }) {
  if (!info) return null;
  const parts = [info.site, formatDate(info.date)].filter((x): x is string => !!x);
  if (!parts.length && !info.addedByYou) return null;
  return (
    <div class="muted src-meta">
      {parts.join(' · ')}
      {info.addedByYou && <>{parts.length ? ' · ' : ''}<AddedByYou /></>}
    </div>
  );
}

const who = (e: TimelineEntry): string => e.site ?? e.title;
const by = (e: TimelineEntry): string => `${who(e)}${e.speaker ? ` (${e.speaker})` : ''}`;

/** One line: first reported when and by whom, repeated by how many, first contradicted when and by whom. */
export function CompactTimeline({ timeline }: { timeline: ClaimTimeline | undefined }) {
  // Nothing dated, nothing to tell in one line (the library lists the undated sources).
  if (!timeline || timeline.dated.length === 0) return null;
  const { dated, undated } = timeline;
  const first = dated.find((e) => e.stance === 'supports');
  const repeats = first ? new Set(dated.filter((e) => e.stance === 'supports' && e.docId !== first.docId).map((e) => e.docId)).size : 0;
  const denial = dated.find((e) => e.stance === 'contradicts');
  const parts: string[] = [];
  if (first) parts.push(`First reported ${formatDate(first.date)} by ${by(first)}`);
  if (repeats) parts.push(`repeated by ${plural(repeats, 'source', 'sources')}`);
  if (denial) parts.push(`contradicted ${formatDate(denial.date)} by ${by(denial)}`);
  const undatedDocs = new Set(undated.map((e) => e.docId)).size;
  return (
    <p class="row muted timeline" aria-label="Timeline">
      {parts.length ? `${parts.join('; ')}.` : `${plural(new Set(dated.map((e) => e.docId)).size, 'dated source', 'dated sources')}.`}
      {parts.length > 0 && undatedDocs > 0 && ` ${plural(undatedDocs, 'source has', 'sources have')} no date.`}
    </p>
  );
}

function Entry({ e }: { e: TimelineEntry }) {
  return (
    <li>
      {e.date && <strong>{formatDate(e.date)}</strong>} <span class={`badge ${e.stance}`}>{STANCE_WORD[e.stance]}</span> {e.title}
      <span class="muted"> · {[e.site, e.speaker ?? 'the article'].filter(Boolean).join(' · ')}</span>
      {e.addedByYou && <> <AddedByYou /></>}
    </li>
  );
}

/** Every document in date order, then the undated ones apart (never guessed). */
export function FullTimeline({ timeline }: { timeline: ClaimTimeline | undefined }) {
  if (!timeline) return null;
  return (
    <div class="timeline-full">
      <h4>Timeline</h4>
      {timeline.dated.length === 0 ? <p class="empty">No source of this claim gives a date.</p> : <ol>{timeline.dated.map((e) => <Entry key={e.docId + e.stance} e={e} />)}</ol>}
      {timeline.undated.length > 0 && (
        <>
          <p class="muted">Without a date:</p>
          <ul>{timeline.undated.map((e) => <Entry key={e.docId + e.stance} e={e} />)}</ul>
        </>
      )}
    </div>
  );
}
