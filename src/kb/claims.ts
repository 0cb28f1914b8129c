// Claim extraction: each check-worthy sentence becomes one or two frames
// (predicate concept, agent, patient, theme concepts), with who says it and
// whether it denies the proposition. Frames are general English: the
// predicates come from the concept lexicon, never from a list of claims.

import { concept, lemma, STOPWORDS } from '../nlp/lexicon';
import type { Span } from '../nlp/sentences';
import { denialCue } from '../nlp/stance';
import { tokenize, type Token } from '../nlp/tokens';
import type { ResolvedMention } from './resolve';

/** Event predicates in priority order: the first found is the sentence's main frame. */
export const PREDICATES = [
  'supply', 'urge', 'desperate', 'condemn', 'leak', 'launch', 'test', 'attack', 'violate', 'exchange', 'shortage', 'drill',
  'sanction', 'agree', 'meet', 'acquire', 'approve', 'harm', 'effective', 'investigate', 'fund',
] as const;
/** Predicates whose two participants are interchangeable ("A met B" = "B met A"). */
export const SYMMETRIC = new Set(['meet', 'exchange', 'shortage', 'drill', 'agree']);
/** Verbs that frame a report: the actor before them is the speaker. */
const FRAMING = new Set(['say', 'accuse', 'deny']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'it']);
const PREPOSITIONS = new Set(['in', 'of', 'for', 'to', 'from', 'with', 'by', 'on', 'at', 'against', 'amid', 'into', 'about', 'toward', 'towards', 'between', 'among']);

export interface Frame {
  pred: string;
  agent: string | null;
  patient: string | null;
  /** Token index of the predicate word. */
  at: number;
}

export interface SentenceClaim {
  docId: string;
  sentIndex: number;
  span: Span;
  frames: Frame[];
  speaker: string | null;
  denies: boolean;
  /** Content concepts of the sentence (sorted, unique). */
  terms: string[];
  /** Quantities such as "1,000 container". */
  figures: string[];
}

interface Ctx {
  tokens: Token[];
  concepts: string[];
  mentions: ResolvedMention[];
  /** Token index → mention starting there. */
  mentionAt: Map<number, ResolvedMention>;
}

function buildCtx(text: string, span: Span, mentions: ResolvedMention[]): Ctx {
  const tokens = tokenize(span.text).map((t) => ({ ...t, start: t.start + span.start, end: t.end + span.start }));
  const concepts = tokens.map((t) => concept(lemma(t.norm)));
  const inSpan = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const mentionAt = new Map<number, ResolvedMention>();
  for (const m of inSpan) {
    const idx = tokens.findIndex((t) => t.start >= m.start);
    if (idx >= 0 && !mentionAt.has(idx)) mentionAt.set(idx, m);
  }
  void text;
  return { tokens, concepts, mentions: inSpan, mentionAt };
}

function mentionBefore(ctx: Ctx, at: number, window: number, from: number, allowDemonym: boolean): ResolvedMention | null {
  for (let i = at - 1; i >= Math.max(from, at - window); i--) {
    const m = ctx.mentionAt.get(i);
    if (m && (allowDemonym || !m.demonym)) return m;
  }
  return null;
}

function mentionAfter(ctx: Ctx, at: number, window: number, allowDemonym: boolean): ResolvedMention | null {
  for (let i = at + 1; i < Math.min(ctx.tokens.length, at + 1 + window); i++) {
    const m = ctx.mentionAt.get(i);
    if (m && (allowDemonym || !m.demonym || i === at + 1)) return m;
  }
  // Recipient after "to": "delivered rockets and missiles to the Wagner Group".
  for (let i = at + 1; i < Math.min(ctx.tokens.length, at + 10); i++) {
    if (ctx.tokens[i].norm === 'to' || ctx.tokens[i].norm === 'onto') {
      for (let k = i + 1; k < Math.min(ctx.tokens.length, i + 4); k++) {
        const m = ctx.mentionAt.get(k);
        if (m) return m;
      }
    }
  }
  return null;
}

/** Source after "from": "acquire ballistic missiles from Iran". */
function sourceAfter(ctx: Ctx, at: number): ResolvedMention | null {
  for (let i = at + 1; i < Math.min(ctx.tokens.length, at + 12); i++) {
    if (ctx.tokens[i].norm !== 'from') continue;
    for (let k = i + 1; k < Math.min(ctx.tokens.length, i + 4); k++) {
      const m = ctx.mentionAt.get(k);
      if (m) return m;
    }
  }
  return null;
}

/** "the Asian nation", "the country" → the latest country named before and not in this sentence. */
function anaphorAgent(ctx: Ctx, at: number, prevCountries: string[], exclude: Set<string>): string | null {
  for (let i = Math.max(0, at - 8); i < at; i++) {
    const w = ctx.tokens[i].norm;
    if ((w === 'nation' || w === 'country' || w === 'neighbor' || w === 'neighbour' || w === 'regime')
      && /^(?:the|its|this)$/i.test(ctx.tokens[i - 1]?.norm ?? '') || (w === 'nation' || w === 'country') && ctx.tokens[i - 2]?.norm === 'the') {
      for (let k = prevCountries.length - 1; k >= 0; k--) if (!exclude.has(prevCountries[k])) return prevCountries[k];
    }
  }
  return null;
}

const FIGURE_RE = /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent|[a-z]+)/gi;

export interface ExtractOptions {
  /** Country actor ids (to resolve "the country"). */
  isCountry: (actorId: string) => boolean;
  /** Actor id used in cluster keys (a person's country when known). */
  affiliation: (actorId: string) => string;
}

/** Extract claim frames from one document's sentences. */
export function extractClaims(docId: string, text: string, sentences: Span[], mentions: ResolvedMention[], opts: ExtractOptions): SentenceClaim[] {
  const out: SentenceClaim[] = [];
  const prevCountries: string[] = [];
  let prevSpeaker: string | null = null;
  sentences.forEach((span, sentIndex) => {
    const ctx = buildCtx(text, span, mentions);
    const headline = !/[.!?”"’)]$/.test(span.text) || span.text.endsWith('?');
    const rememberCountries = (): void => {
      for (const m of ctx.mentions) if (opts.isCountry(m.actorId)) prevCountries.push(m.actorId);
    };
    if (headline || ctx.tokens.length < 6) {
      rememberCountries();
      return;
    }
    // A negation inside a demand ("we urge X to not provide ...") is not a denial.
    const deny = ctx.concepts.includes('urge') ? { denies: false, cue: null } : denialCue(span.text);
    // Speaker: "According to X", or the actor just before a framing verb.
    let speaker: string | null = null;
    let contentFrom = 0;
    const acc = ctx.tokens.findIndex((t, i) => t.norm === 'according' && ctx.tokens[i + 1]?.norm === 'to');
    if (acc >= 0) {
      for (let k = acc + 2; k < Math.min(ctx.tokens.length, acc + 12); k++) {
        const m = ctx.mentionAt.get(k);
        if (m && !m.demonym) speaker = m.actorId;
        if (m && !m.demonym && !ctx.mentionAt.get(k + 1)) break;
      }
    }
    const firstPred = ctx.concepts.findIndex((c) => (PREDICATES as readonly string[]).includes(c));
    for (let i = 0; i < ctx.tokens.length && !speaker; i++) {
      if (!FRAMING.has(ctx.concepts[i])) continue;
      if (firstPred >= 0 && firstPred < i && ctx.concepts[firstPred] !== 'condemn') break;
      // The subject: the first actor of the clause before the verb that is not inside a prepositional phrase.
      let m: ResolvedMention | null = null;
      for (let k = Math.max(0, i - 16); k < i && !m; k++) {
        const x = ctx.mentionAt.get(k);
        if (x && !x.demonym && !PREPOSITIONS.has(ctx.tokens[k - 1]?.norm ?? '')
          && !PREPOSITIONS.has(ctx.tokens[k - 2]?.norm ?? '') ) m = x;
      }
      if (m) {
        speaker = m.actorId;
        contentFrom = i + 1;
      } else if (PRONOUNS.has(ctx.tokens[i - 1]?.norm ?? '') || PRONOUNS.has(ctx.tokens[i - 2]?.norm ?? '')) {
        speaker = prevSpeaker;
        contentFrom = i + 1;
      }
      break;
    }
    // Trailing attribution after a quote: "..., Kirby stated."
    if (!speaker) {
      const tail = /[,”"]\s*([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)\s+(?:said|says|stated|noted|remarked|added|told|wrote|explained)[^.]*\.?$/.exec(span.text);
      if (tail) {
        const pos = span.start + tail.index + tail[0].indexOf(tail[1]);
        const m = ctx.mentions.find((x) => x.start === pos && !x.demonym);
        if (m) speaker = m.actorId;
      }
    }
    const frames: Frame[] = [];
    const seenPred = new Set<string>();
    const byPriority = [...ctx.concepts.entries()]
      .filter(([i, c]) => (PREDICATES as readonly string[]).includes(c) && i >= contentFrom - 1)
      .sort((a, b) => PREDICATES.indexOf(a[1] as (typeof PREDICATES)[number]) - PREDICATES.indexOf(b[1] as (typeof PREDICATES)[number]) || a[0] - b[0]);
    for (const [at, c] of byPriority) {
      if (seenPred.has(c) || frames.length >= 2) continue;
      // "weapon" words double as verbs ("arm"); only treat supply words as predicates.
      seenPred.add(c);
      let pred = c;
      let agentM = mentionBefore(ctx, at, 8, contentFrom, false);
      let patientM = mentionAfter(ctx, at, 4, true);
      let agent = agentM ? agentM.actorId : null;
      let patient = patientM ? patientM.actorId : null;
      if (pred === 'acquire') {
        // Acquiring from X is X supplying: normalise the direction.
        const src = sourceAfter(ctx, at);
        pred = 'supply';
        patient = agent;
        agent = src ? src.actorId : null;
        agentM = src;
        patientM = null;
      }
      if (!agent && deny.denies && speaker) agent = speaker;
      if (!agent && pred !== 'acquire') {
        agent = anaphorAgent(ctx, at, prevCountries, new Set(ctx.mentions.map((m) => m.actorId)));
      }
      if (!agent && PRONOUNS.has(ctx.tokens[at - 1]?.norm ?? '') && speaker) agent = null;
      if (agent && patient && opts.affiliation(agent) === opts.affiliation(patient)) {
        if (pred === 'supply') agent = null;
        else patient = null;
      }
      if (!agent && !patient && !SYMMETRIC.has(pred)) continue;
      frames.push({ pred, agent, patient, at });
      void agentM;
      void patientM;
    }
    // Symmetric predicates take the two first participants of the sentence when unset.
    for (const f of frames) {
      if (!SYMMETRIC.has(f.pred)) continue;
      const parts = [...new Set(ctx.mentions.map((m) => m.actorId))];
      if (!f.agent) f.agent = parts[0] ?? null;
      const aff = (id: string | null): string | null => (id ? opts.affiliation(id) : null);
      if (!f.patient || aff(f.patient) === aff(f.agent)) f.patient = parts.find((p) => aff(p) !== aff(f.agent)) ?? null;
      if (!f.agent || !f.patient) f.pred = '';
    }
    const goodFrames = frames.filter((f) => f.pred);
    const terms = [...new Set(ctx.concepts.filter((c, i) =>
      !STOPWORDS.has(ctx.tokens[i].norm) && !ctx.mentionAt.has(i) && /^[a-z][a-z-]{2,}$/.test(c)))].sort();
    const figures: string[] = [];
    for (const m of span.text.matchAll(FIGURE_RE)) {
      const n = m[1].replace(/,/g, '');
      if (/^(19|20)\d\d$/.test(n) && !m[2].startsWith('%')) continue; // years are dates, not figures
      figures.push(`${n} ${concept(lemma(m[2].toLowerCase()))}`);
    }
    if (deny.denies && !speaker && goodFrames[0]?.agent) speaker = goodFrames[0].agent;
    if (goodFrames.length || deny.denies) {
      out.push({ docId, sentIndex, span, frames: goodFrames, speaker, denies: deny.denies, terms, figures });
    }
    if (speaker) prevSpeaker = speaker;
    rememberCountries();
  });
  return out;
}
