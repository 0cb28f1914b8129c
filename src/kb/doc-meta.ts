// Metadata a document writes in its own text: header lines at the top of a
// .txt ("Title: …", "By: …"), a byline ("By Jane Doe"), a date line
// ("Published March 3, 2024"), a wire dateline ("OSLO, March 3 (Reuters) -").
// Pure string work on paragraphs; src/kb/ingest.ts decides what wins.

export interface TextMeta {
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

// ---------------------------------------------------------------- header lines

/** Keys of a .txt header block, and the field each fills. */
const HEADER_KEYS: Record<string, keyof TextMeta> = {
  title: 'title', author: 'author', by: 'author', publisher: 'publisher', source: 'publisher', date: 'date', url: 'url',
};
const HEADER_LINE = /^\s*(title|author|by|publisher|source|date|url)\s*:\s*(\S.*?)\s*$/i;

/**
 * Header lines at the top of a text file: consecutive `Key: value` lines
 * (Title, Author or By, Publisher or Source, Date, URL), after any blank
 * lines. The block ends at the first other line; the lines are removed.
 */
export function readHeaderLines(lines: string[]): { meta: TextMeta; rest: string[] } {
  const meta: TextMeta = {};
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  const first = i;
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]);
    if (!m) break;
    const field = HEADER_KEYS[m[1].toLowerCase()];
    meta[field] ??= unquote(m[2]);
  }
  return i === first ? { meta: {}, rest: lines } : { meta, rest: lines.slice(i) };
}

function unquote(s: string): string {
  const m = /^(["'“‘])(.*)(["'”’])$/.exec(s);
  return (m ? m[2] : s).trim();
}

// ---------------------------------------------------------------- dates

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_WORD = '(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?';
const WEEKDAY = `(?:${WEEKDAY_WORD}\\.?,?\\s+)`;
const ORD = '(?:st|nd|rd|th)?';
/** A calendar date with its year: "March 3, 2024", "3 March 2024", "2024-03-03(T10:00Z)". */
const DATE_YEAR = `(?:${MONTH}\\s+\\d{1,2}${ORD},?\\s+\\d{4}|\\d{1,2}${ORD}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?)`;
/** A date a dateline gives, with or without the year: "March 3", "3 March 2024". */
const DATE_ANY = `(?:${DATE_YEAR}|${MONTH}\\s+\\d{1,2}${ORD}|\\d{1,2}${ORD}\\s+${MONTH})`;
const TIME = '(?:\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)';

const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|last updated|posted|date)\\s*:?\\s*(?:on\\s+)?)?${WEEKDAY}?(${DATE_YEAR})(?:\\s*(?:,|at|-|–|—|\\|)?\\s*${TIME})?\\s*$`, 'i');

/** The date of a line that is only a date ("Published: March 3, 2024 10:30 GMT"), or undefined. */
export function dateLine(line: string): string | undefined {
  const m = DATE_LINE.exec(line.trim());
  return m ? m[1] : undefined;
}

const HAS_YEAR = /\b\d{4}\b/;

// ---------------------------------------------------------------- bylines

const PARTICLE = '(?:de|da|del|della|der|di|du|la|le|van|von|bin|al|el|ibn|ben)';
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${NAME_WORD}){0,3}`;
/** One name, or a list closed by "and": "Jane Doe", "Jane Doe, John Roe and Ann Poe" ("Jane Doe, Reuters" is a name and a tail). */
const NAMES = `${NAME}(?:(?:\\s*,\\s*${NAME})*\\s*,?\\s*(?:\\band\\b|&)\\s*${NAME})?`;
const BYLINE_NAMES = new RegExp(`^(${NAMES})(?:\\s*(?:,|\\||•|·|—|–|-|;)\\s*|\\s+(?=(?:for|in|[Pp]ublished|[Uu]pdated|[Pp]osted)\\s)|$)(.*)$`, 'u');
const BYLINE_LEAD = /^(?:by|written by|words by|posted by)\s*:?\s+(.+)$/i;
/** Words that make a byline's tail a job title, not a publisher. */
const ROLE_WORD = /\b(?:correspondent|editor|reporter|writer|staff|contributor|contributing|columnist|analyst|senior|chief|bureau|desk|journalist|producer|intern|fellow|special|freelance)\b/i;
/** Never a person's name: "By March, prices had doubled". */
const NOT_A_NAME = new RegExp(`^(?:${MONTH}|${WEEKDAY_WORD}|The|This|That|Then|Now|Law|Far|Contrast|Comparison|Default|Design|Night|Day|Noon|Midnight|Christmas|Easter)$`, 'i');

export interface Byline {
  author: string;
  publisher?: string;
  date?: string;
}

/** Title-case a name written in capitals ("JANE DOE" → "Jane Doe"); others stay as written. */
function nameCase(s: string): string {
  return s.replace(/\p{Lu}{2,}/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

const ORG_PHRASE = /^(?:[Tt]he\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}&.'’-]*){0,4}$/u;

/** "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Reuters", "By Jane Doe | March 3, 2024". */
export function byline(line: string): Byline | undefined {
  const t = line.trim();
  if (t.split(/\s+/).length > 14) return undefined;
  const lead = BYLINE_LEAD.exec(t);
  if (!lead) return undefined;
  const m = BYLINE_NAMES.exec(nameCase(lead[1]));
  if (!m) return undefined;
  const author = m[1].replace(/[\s,;]+$/, '');
  if (NOT_A_NAME.test(author.split(/\s+/)[0].replace(/[.,]$/, ''))) return undefined;
  const out: Byline = { author };
  const tail = m[2].trim().replace(/^(?:published|updated|posted)\s*:?\s*(?:on\s+)?/i, '');
  if (!tail) return out;
  const date = new RegExp(`(${DATE_YEAR})`, 'i').exec(tail);
  if (date) return { ...out, date: date[1] };
  const forOrg = /^(?:for|in)\s+(.+)$/.exec(tail);
  if (forOrg && ORG_PHRASE.test(forOrg[1])) return { ...out, publisher: forOrg[1] };
  if (ORG_PHRASE.test(tail)) return ROLE_WORD.test(tail) ? out : { ...out, publisher: tail };
  // A job title ("Senior Correspondent in Kyiv") is fine; a tail of prose
  // ("By Christmas, prices had doubled") means this line is no byline.
  return ROLE_WORD.test(tail) && tail.split(/\s+/).length <= 6 ? out : undefined;
}

const CREDIT_LEAD = /^\(?\s*(?:additional\s+)?reporting by\s+(.+)$/i;
const CREDIT_NAMES = new RegExp(`^(${NAMES})(?:\\s*[;)]|\\s+in\\s|\\s*$)`, 'u');

/** A wire credit at the end: "(Reporting by Jane Doe; Editing by John Roe)" gives "Jane Doe". */
export function creditLine(line: string): string | undefined {
  const lead = CREDIT_LEAD.exec(line.trim());
  const m = lead ? CREDIT_NAMES.exec(lead[1]) : null;
  return m ? m[1] : undefined;
}

// ---------------------------------------------------------------- datelines

const CITY = "(?:\\p{Lu}[\\p{Lu}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]*)*|\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,2})";
const AGENCY = "(\\p{Lu}[\\p{L}&.'’-]*(?:\\s+\\p{Lu}[\\p{L}&.'’-]*){0,3})";
const DASH = '(?:-{1,2}|–|—)';
const DATELINE_AGENCY = new RegExp(
  `^(?:${CITY}(?:,\\s*\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)?)?(?:,?\\s+(${DATE_ANY}))?\\s*)?\\(${AGENCY}\\)\\s*${DASH}\\s*`, 'u');
const DATELINE_CAPS = new RegExp(
  `^\\p{Lu}[\\p{Lu}\\p{M}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]+)*(?:,\\s*\\p{Lu}[\\p{L}.]*)?,\\s+(${DATE_YEAR})\\s*${DASH}\\s*`, 'u');

export interface Dateline {
  /** Length of the dateline prefix in the paragraph. */
  length: number;
  publisher?: string;
  /** Only a date with its year: "March 3" alone names no day a reader can place. */
  date?: string;
}

/** "OSLO, March 3 (Reuters) - …", "WASHINGTON (AP) — …", "(CNN) - …", "PARIS, March 3, 2024 — …". */
export function dateline(paragraph: string): Dateline | undefined {
  const a = DATELINE_AGENCY.exec(paragraph);
  if (a) {
    const out: Dateline = { length: a[0].length, publisher: a[2] };
    if (a[1] && HAS_YEAR.test(a[1])) out.date = a[1];
    return out;
  }
  const c = DATELINE_CAPS.exec(paragraph);
  if (c) return { length: c[0].length, date: c[1] };
  return undefined;
}

// ---------------------------------------------------------------- all of it

export interface MetaLines {
  /** Paragraphs without the byline, date and credit lines. */
  paragraphs: string[];
  meta: TextMeta;
}

/** How far from the top a byline or date line may sit (after headline, kicker, standfirst). */
const TOP = 8;

/**
 * Bylines and date lines near the top, a wire dateline on the first prose
 * paragraph, and a reporting credit at the end. Byline, date and credit
 * lines are metadata and leave the text; a dateline stays (it opens the
 * first sentence).
 */
export function readMetaLines(paragraphs: string[]): MetaLines {
  const meta: TextMeta = {};
  const keep: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i < TOP) {
      const b = byline(p);
      if (b) {
        meta.author ??= b.author;
        if (b.publisher) meta.publisher ??= b.publisher;
        if (b.date) meta.date ??= b.date;
        return;
      }
      const d = dateLine(p);
      if (d) {
        meta.date ??= d;
        return;
      }
    }
    if (i >= paragraphs.length - 2 && i > 0) {
      const c = creditLine(p);
      if (c && p.length < 200) {
        meta.author ??= c;
        return;
      }
    }
    keep.push(p);
  });
  for (const p of keep.slice(0, TOP)) {
    const d = dateline(p);
    if (!d) continue;
    if (d.publisher) meta.publisher ??= d.publisher;
    if (d.date) meta.date ??= d.date;
    break;
  }
  return { paragraphs: keep, meta };
}
