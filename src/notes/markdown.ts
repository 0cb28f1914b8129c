// Notes as Markdown, for pasting into a notebook or a document.
// Pages are sections (newest activity first); notes within a page follow the
// reading order (stored position). Everything the user or a page wrote is
// rendered as literal text: Markdown and HTML in a note body, a quote or a
// page title must not turn into links, images, headings or raw HTML, and a
// page URL becomes a link only when it is http(s) (no javascript: links).
import { noteBody, noteQuote, noteTags } from './web-annotation';
import type { Note } from './types';

/** Backslash-escapes every character CommonMark/GFM could read as inline syntax (emphasis, code, links, images, HTML, entities, tables, strikethrough). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#!|~&]/g, '\\$&');
}

/**
 * One line of literal text: inline escapes plus no leading spaces (four would
 * start a code block) and an escaped ordered-list marker ("1." / "1)").
 */
function escapeLine(line: string): string {
  return escapeMarkdownInline(line.trimStart())
    .replace(/^(\d+)([.)])/, '$1\\$2') // ordered list
    .replace(/^([-+=>])/, '\\$1'); // bullet list, setext underline / thematic break, block quote
}

/** Multi-line literal text; blank lines stay paragraph breaks, single newlines stay line breaks. */
function escapeBlock(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  // A trailing backslash is CommonMark's hard line break: the lines stay lines.
  return lines.map((l, i) => {
    const e = escapeLine(l);
    const nextIsText = i + 1 < lines.length && lines[i + 1].trim() !== '';
    return e && nextIsText ? `${e}\\` : e;
  });
}

function linkTarget(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // <…> destinations cannot hold spaces, < or >; URL.href already encodes
    // spaces and angle brackets, parentheses are safe inside <…>.
    return `<${u.href}>`;
  } catch {
    return null;
  }
}

const day = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toISOString().slice(0, 10));

function noteMarkdown(note: Note): string[] {
  const out: string[] = [];
  const quote = noteQuote(note);
  if (quote) {
    const q = quote.exact.replace(/\s+/g, ' ').trim();
    out.push(`> ${escapeLine(q)}`, '');
  }
  const body = noteBody(note);
  if (body.trim()) out.push(...escapeBlock(body.trim()), '');
  const meta: string[] = [];
  const tags = noteTags(note);
  if (tags.length) meta.push(`Tags: ${tags.map(escapeMarkdownInline).join(', ')}`);
  let date = `Saved ${day(note.created)}`;
  if (day(note.modified) !== day(note.created)) date += `, edited ${day(note.modified)}`;
  meta.push(date);
  out.push(`*${meta.join(' · ')}*`, '');
  return out;
}

export function notesToMarkdown(notes: readonly Note[], opts: { title?: string } = {}): string {
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const g = groups.get(n.target.source);
    if (g) g.push(n);
    else groups.set(n.target.source, [n]);
  }
  const latest = (ns: Note[]): number => Math.max(...ns.map((n) => Date.parse(n.modified) || 0));
  const position = (n: Note): number => {
    const p = n.target.selector.find((s) => s.type === 'TextPositionSelector');
    return p && p.type === 'TextPositionSelector' ? p.start : Number.MAX_SAFE_INTEGER;
  };
  const out: string[] = [`# ${escapeMarkdownInline(opts.title ?? 'Claimlens notes')}`, ''];
  for (const [source, ns] of [...groups].sort((a, b) => latest(b[1]) - latest(a[1]))) {
    const title = ns.find((n) => n['claimlens:pageTitle'])?.['claimlens:pageTitle'] ?? source;
    const target = linkTarget(source);
    const label = escapeMarkdownInline(title.replace(/\s+/g, ' ').trim() || source);
    out.push(target ? `## [${label}](${target})` : `## ${label}`, '');
    if (!target) out.push(escapeMarkdownInline(source), '');
    for (const n of [...ns].sort((a, b) => position(a) - position(b))) out.push(...noteMarkdown(n));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
