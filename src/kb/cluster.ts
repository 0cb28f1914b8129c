// Groups sentence frames from all documents into claims: the same predicate
// with the same participants (people counted as their country for
// state-level actions) is one claim; a frame missing a participant joins the
// one compatible claim; bare denials ("X refuted these allegations") attach
// to the claim of the sentence(s) they answer; a figure quoted by several
// documents ("over 1,000 containers") becomes its own claim.

import { contentId } from './hash';
import { SYMMETRIC, type Frame, type SentenceClaim } from './claims';
import type { KbClaim, KbEvidence } from './types';

interface Member {
  sc: SentenceClaim;
  frame: Frame | null;
  stance: 'supports' | 'contradicts';
  speaker: string | null;
}

interface Group {
  key: string;
  pred: string;
  agent: string | null;
  patient: string | null;
  members: Member[];
}

/** Predicates whose actors are states: a leader acts for their country. */
const STATE_LEVEL = new Set(['supply', 'launch', 'test', 'attack', 'violate', 'sanction', 'acquire', 'drill', 'shortage', 'agree']);

const THEME_WORDS: Record<string, string> = {
  weapon: 'weapons', nuclear: 'nuclear weapons', letter: 'letters', technology: 'technology', help: 'assistance',
  fund: 'funding', record: 'data', container: 'containers',
};

export interface ClusterOptions {
  affiliation: (actorId: string) => string;
  nameOf: (actorId: string) => string;
  docOrder: Map<string, number>;
}

function keyOf(f: Frame, aff: (id: string) => string): { key: string; agent: string | null; patient: string | null } {
  const norm = (id: string | null): string | null => (id && STATE_LEVEL.has(f.pred) ? aff(id) : id);
  let agent = norm(f.agent);
  let patient = norm(f.patient);
  if (SYMMETRIC.has(f.pred) && agent && patient && agent > patient) [agent, patient] = [patient, agent];
  return { key: `${f.pred}|${agent ?? '?'}|${patient ?? '?'}`, agent, patient };
}

function themeOf(members: Member[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) for (const t of m.sc.terms) if (THEME_WORDS[t]) counts.set(t, (counts.get(t) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? THEME_WORDS[best[0]] : null;
}

function claimText(g: Group, o: ClusterOptions): string {
  const A = g.agent ? o.nameOf(g.agent) : null;
  const B = g.patient ? o.nameOf(g.patient) : null;
  const theme = themeOf(g.members);
  const both = A && B ? `${A} and ${B}` : null;
  switch (g.pred) {
    case 'supply': if (A && B) return `${A} supplies ${theme ?? 'support'} to ${B}`; break;
    case 'meet': if (both) return `${A} and ${B} meet`; break;
    case 'exchange': if (both) return `${both} exchange ${theme ?? 'commitments'}`; break;
    case 'agree': if (both) return `${both} pursue a deal`; break;
    case 'drill': if (both) return `${both} hold joint military drills`; break;
    case 'shortage': if (both) return `${both} face ${theme === 'weapons' ? 'ammunition' : 'supply'} shortages`; break;
    case 'launch': if (A) return `${A} launches ${theme ?? 'missiles'}${B ? ` at ${B}` : ''}`; break;
    case 'test': if (A) return `${A} conducts ${theme === 'nuclear weapons' ? 'nuclear ' : ''}tests`; break;
    case 'condemn': if (A && B) return `${A} condemns ${B}`; break;
    case 'urge': if (A && B) return `${A} urges ${B} to act`; break;
    case 'sanction': if (A && B) return `${A} imposes sanctions on ${B}`; break;
    case 'attack': if (A && B) return `${A} attacks ${B}`; break;
    case 'violate': if (A) return `${A} violates sanctions or agreements`; break;
    case 'desperate': if (A) return `${A} is desperate`; break;
    default: break;
  }
  // No template fits: the plainest supporting sentence stands for the claim.
  const rep = g.members.filter((m) => m.stance === 'supports').sort((a, b) => a.sc.span.text.length - b.sc.span.text.length)[0] ?? g.members[0];
  return rep.sc.span.text;
}

export function clusterClaims(all: SentenceClaim[], o: ClusterOptions): KbClaim[] {
  const groups = new Map<string, Group>();
  const bySentence = new Map<string, Group[]>();
  const add = (key: string, pred: string, agent: string | null, patient: string | null, m: Member): Group => {
    let g = groups.get(key);
    if (!g) {
      g = { key, pred, agent, patient, members: [] };
      groups.set(key, g);
    }
    g.members.push(m);
    return g;
  };
  const stanceOf = (sc: SentenceClaim): 'supports' | 'contradicts' => (sc.denies ? 'contradicts' : 'supports');
  for (const sc of all) {
    for (const f of sc.frames) {
      const k = keyOf(f, o.affiliation);
      add(k.key, f.pred, k.agent, k.patient, { sc, frame: f, stance: f.pred === 'urge' ? 'supports' : stanceOf(sc), speaker: sc.speaker });
    }
  }
  // Frames missing a participant join the largest compatible full claim.
  const fullByPred = new Map<string, Group[]>();
  for (const g of groups.values()) if (g.agent && g.patient) fullByPred.set(g.pred, [...(fullByPred.get(g.pred) ?? []), g]);
  for (const g of [...groups.values()]) {
    if (g.agent && g.patient) continue;
    const cands = (fullByPred.get(g.pred) ?? []).filter((h) => h !== g && h.agent && h.patient
      && (!g.agent || h.agent === g.agent) && (!g.patient || h.patient === g.patient));
    if (!cands.length) continue;
    cands.sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : 1));
    cands[0].members.push(...g.members);
    groups.delete(g.key);
  }
  for (const g of groups.values()) {
    for (const m of g.members) {
      const sk = `${m.sc.docId}#${m.sc.sentIndex}`;
      bySentence.set(sk, [...(bySentence.get(sk) ?? []), g]);
    }
  }
  // Bare denials answer the claim of the preceding sentences in the same document.
  for (const sc of all) {
    if (sc.frames.length || !sc.denies) continue;
    for (let back = 0; back <= 3; back++) {
      const target = bySentence.get(`${sc.docId}#${sc.sentIndex - back}`);
      if (!target?.length) continue;
      const g = target[0];
      g.members.push({ sc, frame: null, stance: 'contradicts', speaker: sc.speaker });
      break;
    }
  }
  // Figures cited by more than one document form their own claim.
  const figDocs = new Map<string, Set<string>>();
  for (const sc of all) for (const f of sc.figures) figDocs.set(f, (figDocs.get(f) ?? new Set()).add(sc.docId));
  const byFig = new Map<string, SentenceClaim[]>();
  for (const sc of all) for (const f of new Set(sc.figures)) byFig.set(f, [...(byFig.get(f) ?? []), sc]);
  for (const [fig, docs] of figDocs) {
    if (docs.size < 2) continue;
    const members = byFig.get(fig)!;
    const frame = members.flatMap((m) => m.frames)[0];
    const g = add(`fig|${fig}`, frame?.pred ?? 'figure', frame?.agent ?? null, frame?.patient ?? null,
      { sc: members[0], frame: null, stance: stanceOf(members[0]), speaker: members[0].speaker });
    g.members.push(...members.slice(1).map((sc) => ({ sc, frame: null, stance: stanceOf(sc), speaker: sc.speaker })));
  }

  const claims: KbClaim[] = [];
  for (const g of groups.values()) {
    const seen = new Set<string>();
    const evidence: KbEvidence[] = [];
    for (const m of g.members) {
      const k = `${m.sc.docId}#${m.sc.span.text}`;
      if (seen.has(k)) continue;
      seen.add(k);
      evidence.push({ docId: m.sc.docId, quote: m.sc.span.text, start: m.sc.span.start, end: m.sc.span.end, speaker: m.speaker, stance: m.stance });
    }
    evidence.sort((a, b) => (o.docOrder.get(a.docId)! - o.docOrder.get(b.docId)!) || a.start - b.start);
    let text = claimText(g, o);
    if (g.key.startsWith('fig|')) {
      const [n, unit] = g.key.slice(4).split(' ');
      text = `${g.agent ? o.nameOf(g.agent) + ': ' : ''}${n.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} ${unit}${Number(n) === 1 ? '' : 's'} (${g.pred})`;
    }
    const termCounts = new Map<string, number>();
    for (const m of g.members) for (const t of m.sc.terms) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
    const minCount = g.members.length > 2 ? 2 : 1;
    const terms = [...new Set([g.pred, ...[...termCounts.entries()]
      .filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([t]) => t)])].sort();
    const actors = [g.agent, g.patient].filter((x): x is string => !!x);
    claims.push({ id: contentId('c-', g.key), text, actors: [...new Set(actors)], evidence, terms });
  }
  claims.sort((a, b) => new Set(b.evidence.map((e) => e.docId)).size - new Set(a.evidence.map((e) => e.docId)).size
    || b.evidence.length - a.evidence.length || (a.id < b.id ? -1 : 1));
  return claims;
}
