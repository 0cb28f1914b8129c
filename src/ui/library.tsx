// The library / options page: every note (search, filter, edit, delete with
// undo, export, import) and the whole knowledge base with its sources.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KbStatus, LibraryData } from '../shared/messages';
import { NOTE_MAX_CHARS } from '../shared/message-schemas';
import { callUi, onKbChanged } from '../shared/messaging';
import type { Note } from '../notes/types';
import { FileButton } from './file-button';
import { download, KbTab } from './library-kb';
import { SourcesTab } from './library-sources';
import { LongText } from './long-text';
import { AddedByYou, docCount, formatMoment, FullTimeline, stanceCounts, STANCE_WORD } from './source-meta';

type Tab = 'notes' | 'claims' | 'actors' | 'sources' | 'kb';
/** How long "Note deleted. Undo" stays. */
const UNDO_MS = 10_000;

const bodyOf = (n: Note): string => n.body.find((b) => b.purpose !== 'tagging')?.value ?? '';
const tagsOf = (n: Note): string[] => n.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
const quoteOf = (n: Note): string => n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
const siteOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

function NoteItem({ note, onChanged, onDeleted }: { note: Note; onChanged: () => void; onDeleted: (n: Note) => void }) {
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(bodyOf(note));
  const [tags, setTags] = useState(tagsOf(note).join(', '));
  const [error, setError] = useState<string | null>(null);
  const title = note['claimlens:pageTitle'] || note.target.source;
  const save = async (): Promise<void> => {
    const r = await callUi('notes.update', { id: note.id, body, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
    if (r.ok) {
      setEditing(false);
      setError(null);
      onChanged();
    } else setError(r.error.message);
  };
  const del = async (): Promise<void> => {
    const r = await callUi('notes.delete', { id: note.id });
    if (r.ok && r.value) onDeleted(r.value);
  };
  return (
    <article class="card" aria-label={`Note on ${title}`}>
      <h3>
        <a href={note.target.source} target="_blank" rel="noreferrer">{title}</a>
      </h3>
      <blockquote>{quoteOf(note)}</blockquote>
      {editing ? (
        <div>
          <label>
            Note
            <textarea value={body} maxLength={NOTE_MAX_CHARS} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
          </label>
          <p class={body.length >= NOTE_MAX_CHARS ? 'notice' : 'muted'} aria-live="polite">
            {body.length.toLocaleString()} / {NOTE_MAX_CHARS.toLocaleString()} characters{body.length >= NOTE_MAX_CHARS ? ': a note can be at most this long.' : ''}
          </p>
          <label>
            Tags (comma separated)
            <input type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          </label>
          <div class="toolbar">
            <button class="btn primary" onClick={() => void save()}>Save</button>
            <button class="btn" onClick={() => setEditing(false)}>Cancel</button>
          </div>
          {error && <div class="notice" role="status">{error}</div>}
        </div>
      ) : (
        <div>
          <p><LongText class="note-body" text={bodyOf(note)} /></p>
          <p class="muted">
            {siteOf(note.target.source)} · {formatMoment(note.modified)}
            {tagsOf(note).map((t) => (
              <span key={t} class="badge note" style={{ marginLeft: '6px' }}>{t}</span>
            ))}
          </p>
          <div class="toolbar">
            <button class="btn" onClick={() => setEditing(true)}>Edit</button>
            <button class="btn" onClick={() => void del()}>Delete</button>
          </div>
        </div>
      )}
    </article>
  );
}

/** "Imported 3 notes (1 updated); 2 already here were skipped as duplicates." */
function importSummary(r: { imported: number; updated: number; skipped: number }): string {
  const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  let s = `Imported ${n(r.imported, 'note')}`;
  if (r.updated) s += ` (${r.updated} updated)`;
  if (r.skipped) s += `; ${r.skipped} already here ${r.skipped === 1 ? 'was' : 'were'} skipped as duplicate${r.skipped === 1 ? '' : 's'}`;
  return `${s}.`;
}

function NotesTab() {
  const [notes, setNotes] = useState<Note[]>([]);
  const [all, setAll] = useState<Note[]>([]);
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [undo, setUndo] = useState<Note | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // Answers can come back out of order while the reader types: only the latest counts.
  const seq = useRef(0);
  const load = async (): Promise<void> => {
    const mine = ++seq.current;
    const [r, everything] = await Promise.all([
      callUi('notes.list', { query: query || undefined, site: site || undefined, tag: tag || undefined }),
      callUi('notes.list', {}),
    ]);
    if (mine !== seq.current) return;
    if (r.ok) setNotes(r.value);
    else setMessage(`Could not load notes: ${r.error.message}`);
    if (everything.ok) setAll(everything.value);
  };
  useEffect(() => void load(), [query, site, tag]);
  // The undo offer goes away by itself.
  useEffect(() => {
    if (!undo) return;
    const t = window.setTimeout(() => setUndo(null), UNDO_MS);
    return () => window.clearTimeout(t);
  }, [undo]);

  const sites = useMemo(() => [...new Set(all.map((n) => siteOf(n.target.source)))].sort(), [all]);
  const tags = useMemo(() => [...new Set(all.flatMap(tagsOf))].sort(), [all]);

  const exportAs = async (format: 'jsonld' | 'markdown'): Promise<void> => {
    const r = await callUi('notes.export', { format });
    if (!r.ok) return setMessage(r.error.message);
    if (format === 'jsonld') download('claimlens-notes.jsonld', r.value, 'application/ld+json');
    else download('claimlens-notes.md', r.value, 'text/markdown');
  };
  const importFile = async (file: File): Promise<void> => {
    setMessage(null);
    const r = await callUi('notes.import', { json: await file.text() });
    setMessage(r.ok ? importSummary(r.value) : `Nothing imported: ${r.error.message}`);
    await load();
  };

  return (
    <div>
      <div class="toolbar">
        <input type="search" aria-label="Search notes" placeholder="Search notes, quotes, titles…" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        <select aria-label="Filter by site" value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)}>
          <option value="">All sites</option>
          {sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select aria-label="Filter by tag" value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
          <option value="">All tags</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <div class="toolbar">
        <button class="btn" onClick={() => void exportAs('jsonld')}>Export (Web Annotation JSON-LD)</button>
        <button class="btn" onClick={() => void exportAs('markdown')}>Export (Markdown)</button>
<FileButton label="Import…" inputLabel="Import notes" accept=".json,.jsonld,application/json,application/ld+json" onFile={(f) => void importFile(f)} />
      </div>
      {message && <div class="notice" role="status">{message}</div>}
      {undo && (
        <div class="notice" role="status">
          Note deleted.{' '}
          <button class="btn" onClick={async () => {
            const r = await callUi('notes.restore', { note: undo });
            setUndo(null);
            if (!r.ok) setMessage(`Could not restore the note: ${r.error.message}`);
            await load();
          }}>Undo</button>
        </div>
      )}
      {notes.length === 0 && <p class="empty">{all.length === 0 ? 'No notes yet: select text on any page and choose “Add note”.' : 'No note matches.'}</p>}
      {notes.map((n) => (
        <NoteItem key={n.id + n.modified} note={n} onChanged={() => void load()} onDeleted={(d) => { setUndo(d); void load(); }} />
      ))}
    </div>
  );
}

function ClaimsTab({ data }: { data: LibraryData }) {
  const [q, setQ] = useState('');
  const shown = data.claims.filter((c) => !q || (c.text + ' ' + c.actors.join(' ')).toLowerCase().includes(q.toLowerCase()));
  return (
    <div>
      <div class="toolbar">
        <input type="search" aria-label="Search claims" placeholder="Filter claims…" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </div>
      {shown.map((c) => {
        const sup = c.evidence.filter((e) => e.stance === 'supports');
        const con = c.evidence.filter((e) => e.stance === 'contradicts');
        return (
          <article class="card" key={c.id}>
            <h3>{c.text}</h3>
            <p class="muted">{c.actors.join(', ')} · {stanceCounts(docCount(sup), docCount(con))}</p>
            <FullTimeline timeline={c.timeline} />
            <details>
              <summary>Quotes ({c.evidence.length})</summary>
              {c.evidence.map((e, i) => (
                <div key={i}>
                  <span class={`badge ${e.stance}`}>{STANCE_WORD[e.stance]}</span> <strong>{e.title}</strong>
                  {e.addedByYou && <> <AddedByYou /></>}
                  <span class="muted"> · {e.speakerName ?? 'the article'}</span>
                  <blockquote>{e.quote}</blockquote>
                </div>
              ))}
            </details>
          </article>
        );
      })}
    </div>
  );
}

function ActorsTab({ data }: { data: LibraryData }) {
  return (
    <div>
      {data.actors.map((a) => (
        <article class="card" key={a.id}>
          <h3>{a.name} <span class="muted">· {a.kind}</span></h3>
          {a.roles.length > 0 && <p>{a.roles.join('; ')}</p>}
          {a.aliases.length > 0 && <p class="muted">Also: {a.aliases.join(', ')}</p>}
          <p class="muted">Named in {a.documentCount} document(s); {a.claims.length} claim(s) they support or contradict.</p>
        </article>
      ))}
    </div>
  );
}

function Library() {
  const [tab, setTab] = useState<Tab>('notes');
  const [data, setData] = useState<LibraryData | null>(null);
  const [status, setStatus] = useState<KbStatus | null>(null);
  // Bumped after a KB import or reset, to reload what the tabs show.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void callUi('kb.library', {}).then((r) => r.ok && setData(r.value));
    void callUi('kb.status', {}).then((r) => r.ok && setStatus(r.value));
  }, [generation]);
  // A page added or removed in another tab changes what every tab here shows.
  useEffect(() => onKbChanged(() => setGeneration((g) => g + 1)), []);
  const tabs: Array<[Tab, string]> = [['notes', 'Notes'], ['claims', `Claims${data ? ` (${data.claims.length})` : ''}`], ['actors', `Actors${data ? ` (${data.actors.length})` : ''}`], ['sources', 'My sources'], ['kb', 'Knowledge base']];
  return (
    <main>
      <h1>Claimlens library</h1>
      <nav class="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>{label}</button>
        ))}
      </nav>
      {tab === 'notes' && <NotesTab />}
      {tab === 'claims' && (data ? <ClaimsTab data={data} /> : <p class="empty">Loading…</p>)}
      {tab === 'actors' && (data ? <ActorsTab data={data} /> : <p class="empty">Loading…</p>)}
      {tab === 'sources' && <SourcesTab generation={generation} onChanged={() => setGeneration((g) => g + 1)} />}
      {tab === 'kb' && <KbTab status={status} onChanged={() => setGeneration((g) => g + 1)} />}
    </main>
  );
}

render(<Library />, document.getElementById('app')!);
