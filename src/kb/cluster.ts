// Groups sentence frames from all documents into claims: the same predicate
// with the same participants (people counted as their country for
// state-level actions) is one claim; a frame missing its object joins the one
// compatible claim of the same agent; a visit to a country joins the meeting
// with that country's leader; anaphoric denials ("X refuted these
// allegations", "the claims", "groundless rumors") attach to the claim the
// preceding sentences make, preferring the claim the denier is party to and
// the accused side asserted; a figure quoted by several documents ("over
// 1,000 containers") is its own claim. Only claims with a canonical wording
// are kept: a sentence is never its own claim.

import { contentId } from './hash';
import { SYMMETRIC, type Frame, type SentenceClaim } from './claims';
import type { ActorKind, KbClaim, KbEvidence } from './types';

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
const STATE_LEVEL = new Set(['supply', 'seek', 'launch', 'test', 'attack', 'violate', 'sanction', 'drill', 'shortage', 'agree', 'ally']);

export interface ClusterOptions {
  affiliation: (actorId: string) => string;
  nameOf: (actorId: string) => string;
  kindOf: (actorId: string) => ActorKind | undefined;
  docOrder: Map<string, number>;
}

function keyOf(f: Frame, aff: (id: string) => string): { key: string; agent: string | null; patient: string | null } {
  const norm = (id: string | null): string | null => (id && STATE_LEVEL.has(f.pred) ? aff(id) : id);
  let agent = norm(f.agent);
  let patient = norm(f.patient);
  if (SYMMETRIC.has(f.pred) && agent && patient && agent > patient) [agent, patient] = [patient, agent];
  return { key: `${f.pred}|${agent ?? '?'}|${patient ?? '?'}`, agent, patient };
}

function termCount(members: Member[], t: string): number {
  return members.filter((m) => m.sc.terms.includes(t)).length;
}

function themeOf(members: Member[]): 'weapons' | 'technology' | 'assistance' | null {
  const w = termCount(members, 'weapon') + termCount(members, 'container');
  const tech = termCount(members, 'technology');
  const help = termCount(members, 'help');
  if (tech > w / 2 && tech) return 'technology';
  if (w) return 'weapons';
  if (help) return 'assistance';
  return null;
}

/** Written order of a symmetric pair: as most members write it. */
function pairOrder(g: Group, o: ClusterOptions): [string, string] {
  const a = g.agent!;
  const b = g.patient!;
  let ab = 0;
  for (const m of g.members) {
    if (!m.frame?.agent || !m.frame.patient) continue;
    const fa = o.affiliation(m.frame.agent);
    if (m.frame.agent === a || fa === a) ab++;
    else ab--;
  }
  return ab >= 0 ? [a, b] : [b, a];
}

function claimText(g: Group, o: ClusterOptions): string | null {
  const A = g.agent ? o.nameOf(g.agent) : null;
  const B = g.patient ? o.nameOf(g.patient) : null;
  const theme = themeOf(g.members);
  const has = (t: string): boolean => termCount(g.members, t) > 0;
  const pair = (): string => {
    const [x, y] = pairOrder(g, o);
    return `${o.nameOf(x)} and ${o.nameOf(y)}`;
  };
  switch (g.pred) {
    case 'supply':
      if (A && B) return `${A} supplies ${theme === 'technology' ? 'military technology' : theme === 'assistance' ? 'assistance' : theme === 'weapons' || !theme ? 'weapons' : theme} to ${B}`;
      break;
    case 'seek':
      if (A && B) return `${A} seeks ${theme === 'technology' ? 'military technology' : theme === 'weapons' ? 'weapons' : 'military assistance'} from ${B}`;
      if (A) return `${A} seeks ${theme === 'technology' ? 'military technology' : theme === 'weapons' ? 'weapons' : 'assistance'}`;
      break;
    case 'meet':
      if (A && B) return o.kindOf(g.patient!) === 'person' ? `${A} met ${B}` : `${A} visited ${B}`;
      break;
    case 'exchange':
      if (A && B) return has('letter') ? `${pair()} exchanged letters` : `${pair()} trade ${has('weapon') ? 'weapons' : 'goods'}`;
      break;
    case 'agree':
      if (A && B) return `${pair()} negotiate ${theme === 'weapons' ? 'an arms deal' : 'a deal'}`;
      break;
    case 'ally': {
      if (!A || !B) break;
      // The wording most members use ("military alliance"), a qualified one on a tie.
      const counts = new Map<string, number>();
      for (const m of g.members) if (m.frame?.complement) counts.set(m.frame.complement, (counts.get(m.frame.complement) ?? 0) + 1);
      const kind = [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0].split(' ').length - x[0].split(' ').length || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? 'alliance';
      return `${pair()} have formed ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
    }
    case 'drill':
      if (A && B) return `${pair()} hold joint military drills`;
      break;
    case 'shortage':
      if (A && B) return `${pair()} face ${has('weapon') ? 'ammunition' : 'supply'} shortages`;
      break;
    case 'launch':
      if (A) return `${A} launches ${has('ballistic') ? 'ballistic missiles' : 'missiles'}${B ? ` at ${B}` : ''}`;
      break;
    case 'test':
      if (A) return `${A} conducts ${has('nuclear') ? 'nuclear ' : ''}tests`;
      break;
    case 'condemn': if (A && B) return `${A} condemns ${B}`; break;
    case 'urge': {
      if (!A || !B) break;
      const comp = g.members.map((m) => m.frame?.complement).filter((x): x is string => !!x).sort((a, b) => a.length - b.length)[0];
      return `${A} urges ${B} ${comp ?? 'to act'}`;
    }
    case 'sanction': if (A && B) return `${A} imposes sanctions on ${B}`; break;
    case 'attack': if (A && B) return `${A} attacks ${B}`; break;
    case 'violate':
      if (A) return `${A} violates ${B && o.kindOf(g.patient!) === 'organization' ? `${B} ` : ''}${has('sanction') ? 'sanctions' : 'agreements'}`;
      break;
    case 'desperate': if (A) return `${A} is desperate`; break;
    case 'leak': if (A) return `${A} leaked ${has('customer') ? 'customer ' : ''}data`; break;
    case 'hide': if (A) return `${A} hid ${has('record') || has('data') ? 'data' : 'information'}${B ? ` from ${B}` : ''}`; break;
    case 'investigate': if (A && B) return `${A} investigates ${B}`; break;
    case 'sanction_': break;
    case 'effective': if (A) return `${A}'s product is effective`; break;
    case 'harm': if (A) return `${A}'s product causes harm`; break;
    case 'approve': if (A && B) return `${A} approves ${B}`; break;
    case 'fund': if (A && B) return `${A} funds ${B}`; break;
    default: break;
  }
  return null;
}

const PAST: Record<string, string> = { supply: 'sent', leak: 'leaked', launch: 'launched', fund: 'paid', attack: 'attacked', effective: 'reported' };

export function clusterClaims(all: SentenceClaim[], o: ClusterOptions): KbClaim[] {
  const groups = new Map<string, Group>();
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
      add(k.key, f.pred, k.agent, k.patient, { sc, frame: f, stance: f.pred === 'urge' || f.presupposed ? 'supports' : stanceOf(sc), speaker: sc.speaker });
    }
  }
  const docsOf = (g: Group): number => new Set(g.members.map((m) => m.sc.docId)).size;
  const bySize = (a: Group, b: Group): number => docsOf(b) - docsOf(a) || b.members.length - a.members.length || (a.key < b.key ? -1 : 1);
  // A visit to a country joins the meeting with that country's person ("Kim's visit to Russia" → Kim met Putin).
  for (const g of [...groups.values()]) {
    if (g.pred !== 'meet' || !g.agent || !g.patient || o.kindOf(g.patient) === 'person') continue;
    const cands = [...groups.values()].filter((h) => h !== g && h.pred === 'meet' && h.patient && o.kindOf(h.patient) === 'person'
      && ((h.agent === g.agent && o.affiliation(h.patient) === g.patient) || (h.patient === g.agent && h.agent && o.affiliation(h.agent) === g.patient)));
    if (!cands.length) continue;
    cands.sort(bySize)[0].members.push(...g.members);
    groups.delete(g.key);
  }
  // Frames missing their object join the largest compatible full claim of the same agent.
  for (const g of [...groups.values()]) {
    if (!g.agent || g.patient) continue;
    const cands = [...groups.values()].filter((h) => h !== g && h.pred === g.pred && h.patient
      && (h.agent === g.agent || (SYMMETRIC.has(g.pred) && h.patient === g.agent)));
    if (!cands.length) continue;
    cands.sort(bySize)[0].members.push(...g.members);
    groups.delete(g.key);
  }
  // Figures cited by more than one document form their own claim.
  const figDocs = new Map<string, Set<string>>();
  for (const sc of all) for (const f of sc.figures) figDocs.set(f, (figDocs.get(f) ?? new Set()).add(sc.docId));
  const figTexts = new Map<string, string>();
  for (const [fig, docs] of figDocs) {
    if (docs.size < 2) continue;
    const members = all.filter((sc) => sc.figures.includes(fig));
    const frame = members.flatMap((m) => m.frames).find((f) => f.agent);
    if (!frame) continue;
    const k = keyOf(frame, o.affiliation);
    const g = add(`fig|${fig}|${k.key}`, frame.pred, k.agent, k.patient,
      { sc: members[0], frame: null, stance: stanceOf(members[0]), speaker: members[0].speaker });
    g.members.push(...members.slice(1).map((sc) => ({ sc, frame: null, stance: stanceOf(sc), speaker: sc.speaker })));
    // The same figure quoted by another document is evidence of the same event.
    const base = groups.get(k.key);
    if (base) for (const sc of members) if (!base.members.some((m) => m.sc === sc)) base.members.push({ sc, frame: null, stance: stanceOf(sc), speaker: sc.speaker });
    const phrase = members[0].figurePhrases[fig] ?? fig;
    const A = k.agent ? o.nameOf(k.agent) : '';
    const verb = PAST[frame.pred];
    const baseText = base ? claimText(base, o) : null;
    figTexts.set(g.key, frame.pred === 'supply' && A && k.patient
      ? `${A} ${verb} ${phrase} to ${o.nameOf(k.patient)}`
      : baseText ? `${baseText} (${phrase})` : `${A ? A + ': ' : ''}${phrase}`);
  }

  // Anaphoric denials answer the claims of the preceding sentences.
  const bySentence = new Map<string, Group[]>();
  for (const g of groups.values()) {
    for (const m of g.members) {
      const sk = `${m.sc.docId}#${m.sc.sentIndex}`;
      const list = bySentence.get(sk) ?? [];
      if (!list.includes(g)) list.push(g);
      bySentence.set(sk, list);
    }
  }
  const docSentences = new Map<string, SentenceClaim[]>();
  for (const sc of all) docSentences.set(sc.docId, [...(docSentences.get(sc.docId) ?? []), sc]);
  for (const sc of all) {
    if (!sc.anaphoric) continue;
    const denier = sc.speaker;
    const denierAff = denier ? o.affiliation(denier) : null;
    const named = new Set(sc.actors.map((a) => o.affiliation(a)));
    const accused = new Set([...named].filter((a) => a !== denierAff));
    const window = (docSentences.get(sc.docId) ?? []).filter((x) => x.sentIndex < sc.sentIndex && sc.para - x.para <= 2 && sc.sentIndex - x.sentIndex <= 10);
    const scored = new Map<Group, number>();
    for (const x of window) {
      for (const g of bySentence.get(`${x.docId}#${x.sentIndex}`) ?? []) {
        if (!g.agent || g.pred === 'urge' || g.pred === 'condemn') continue;
        const parties = [g.agent, g.patient].filter((p): p is string => !!p).map(o.affiliation);
        let s = 0;
        if (denierAff && parties.includes(denierAff)) s += 3;
        else if (parties.some((p) => named.has(p))) s += 2;
        const speakers = g.members.filter((m) => m.sc.docId === sc.docId && m.stance === 'supports' && m.speaker).map((m) => o.affiliation(m.speaker!));
        if (speakers.some((sp) => accused.has(sp))) s += 2;
        if (docsOf(g) >= 2) s += 1;
        s -= 0.05 * (sc.sentIndex - x.sentIndex);
        scored.set(g, Math.max(scored.get(g) ?? -Infinity, s));
      }
    }
    const ranked = [...scored.entries()].filter(([, s]) => s >= 2).sort((a, b) => b[1] - a[1] || bySize(a[0], b[0]));
    if (!ranked.length) continue;
    const top = ranked[0][1];
    const hit = new Set<Group>();
    for (const [g, s] of ranked) {
      if (s < top - 0.5) break;
      // An alliance is a standing relationship, not one of the acts a denial "of these claims" usually answers:
      // it takes the denial only as the single best-scored claim.
      if (g.pred === 'ally' && g !== ranked[0][0]) continue;
      hit.add(g);
      // Denying "the claims regarding weapons" of one delivery denies the agent's supplying at large.
      const main = [...groups.values()].filter((h) => h !== g && !h.key.startsWith("fig|") && h.pred === g.pred && h.agent === g.agent && docsOf(h) >= 2
        && g.agent && named.has(o.affiliation(g.agent))).sort(bySize)[0];
      if (main) hit.add(main);
    }
    for (const g of hit) if (!g.members.some((m) => m.sc === sc)) g.members.push({ sc, frame: null, stance: 'contradicts', speaker: sc.speaker });
  }
  const claims: KbClaim[] = [];
  for (const g of groups.values()) {
    const text = figTexts.get(g.key) ?? claimText(g, o);
    if (!text) continue;
    const seen = new Set<string>();
    const evidence: KbEvidence[] = [];
    for (const m of g.members) {
      const k = `${m.sc.docId}#${m.sc.span.text}`;
      if (seen.has(k)) continue;
      seen.add(k);
      evidence.push({ docId: m.sc.docId, quote: m.sc.span.text, start: m.sc.span.start, end: m.sc.span.end, speaker: m.speaker, stance: m.stance });
    }
    // A claim nobody asserts (denials only) is still a claim; one with no evidence is not.
    if (!evidence.length) continue;
    evidence.sort((a, b) => (o.docOrder.get(a.docId)! - o.docOrder.get(b.docId)!) || a.start - b.start);
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
