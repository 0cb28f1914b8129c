// Actor resolution: which alias matches of the automaton name their actor
// here. Two stages, each a list of named rules:
//   block stage (the words around each mention): drop matches that are part
//     of another name or of page furniture (datelines), hide capitals and
//     seats of government that are only places;
//   page stage (the whole page): a bare surname the KB vouches for still
//     needs support on the page (the full name, one of the person's roles
//     before it, or an actor of those roles named on the page).
// Dropped matches are gone for claims too; hidden ones are not highlighted
// but still tell claim matching who is involved ("shells to Moscow").
import type { KbActor } from '../../kb/types';
import type { ActorAutomaton, ActorCandidate } from '../actor-automaton';
import { pieces } from '../actor-automaton';
import { prevWord } from './context';
import { datelineEnd } from './dateline';
import { metonymActs, metonymPlace, metonymsOf, type MetonymKind } from './metonyms';
import { currency, introducedByName, invertedName, largerName, nameContinues, plainContext, qualifier, type MentionContext } from './names';
import { isIn } from './words';

/** What resolution decided about one match, and by which rule (for explain and the evaluation). */
export interface ActorDecision {
  actorIndex: number;
  start: number;
  end: number;
  text: string;
  decision: 'keep' | 'hide' | 'drop';
  rule: string | null;
  why: string | null;
}

/**
 * A match's text as its alias is written, up to case and the gaps the
 * automaton allows between words ("Kim Jong-un" = "kim jong un"): cheap, it
 * runs for every match of a page.
 */
export function aliasKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    if (keys.size > 20_000) keys.clear();
    keys.set(s, (k = s.toLowerCase().replace(/[\s\-‐‑–'’ʼ.]+/g, ' ').trim()));
  }
  return k;
}
/** aliasKey by match text: a page repeats the same few names. */
const keys = new Map<string, string>();

/** Cheap pre-test for a dateline: the block opens with an all-capitals word, or has a bracket or a dash early. */
const DATELINE_HINT = /^\s*\p{Lu}{2}|[(—–]|\s-\s/u;

const KEEP: Pick<ActorDecision, 'decision' | 'rule' | 'why'> = Object.freeze({ decision: 'keep', rule: null, why: null });

/** The block-stage rules that drop a match, in the order they are tried. */
const DROP_RULES: ReadonlyArray<readonly [string, (m: MentionContext) => string | null]> = [
  ['larger-name', largerName],
  ['name-continues', nameContinues],
  ['currency', currency],
  ['qualifier', qualifier],
  ['inverted-name', invertedName],
  ['introduced-by-name', introducedByName],
];

interface ActorFacts {
  own: Set<string>;
  metonyms: Map<string, MetonymKind>;
  /** Folded one-word aliases of a person whose name has more words. */
  bare: Set<string>;
  /** Lower-case content words of the person's roles ("spokesman", "secretary"). */
  roleWords: Set<string>;
  /** Actors the roles name ("Russian President" → Russia). */
  linked: number[];
}

export class ActorResolver {
  private readonly facts: ActorFacts[];
  /** Matches hidden as places: they still show the page is about their actor. */
  private readonly placeHidden = new WeakSet<ActorCandidate>();

  constructor(private readonly actors: readonly KbActor[], automaton: ActorAutomaton) {
    this.facts = actors.map((a) => {
      const names = [a.name, ...a.aliases];
      const nameWords = pieces(a.name).length;
      const linked = new Set<number>();
      for (const r of a.roles) for (const c of automaton.scan(r)) if (this.actors[c.actorIndex] !== a) linked.add(c.actorIndex);
      const roleWords = new Set(a.roles.flatMap((r) => pieces(r).map((p) => p.text.toLowerCase()))
        .filter((w) => !isIn('function', w) && !isIn('preposition', w) && !isIn('demonym', w)));
      return {
        own: new Set(names.flatMap((n) => pieces(n).map((p) => p.text.toLowerCase()))),
        metonyms: new Map([...metonymsOf(a)].map(([alias, kind]) => [aliasKey(alias), kind])),
        bare: new Set(a.kind === 'person' && nameWords > 1 ? a.aliases.filter((x) => pieces(x).length === 1).map(aliasKey) : []),
        roleWords,
        linked: [...linked],
      };
    });
  }

  /**
   * Block stage over the candidates of one block (`text`), in place: dropped
   * candidates are removed, hidden ones get `hidden`. `trace` collects every
   * decision.
   */
  block(text: string, cands: ActorCandidate[], trace?: ActorDecision[]): void {
    if (cands.length === 0) return;
    const kindAt = (s: number, e: number): string | null => {
      for (const c of cands) if (c.start >= s && c.end <= e) return this.actors[c.actorIndex].kind;
      return null;
    };
    // A dateline opens the block, in its first 120 characters, with a capital letter.
    const dateline = cands[0].start < 120 && DATELINE_HINT.test(text.slice(0, 100)) ? datelineEnd(text, kindAt) : 0;
    const starts = cands.map((c) => c.start);
    let w = 0;
    for (const c of cands) {
      let key = aliasKey(c.text);
      if (this.facts[c.actorIndex].bare.has(key) && this.withGivenNames(text, c)) key = aliasKey(c.text);
      const d = this.decide(text, c, key, dateline, starts, trace !== undefined);
      trace?.push({ actorIndex: c.actorIndex, start: c.start, end: c.end, text: c.text, ...d });
      if (d.decision === 'drop') continue;
      if (d.decision === 'hide') {
        c.hidden = true;
        this.placeHidden.add(c);
      }
      cands[w++] = c;
    }
    cands.length = w;
  }

  /**
   * "Vladimir V. Putin": a bare surname right after the person's own given
   * name (and initials) is the full name; the match grows to cover it.
   */
  private withGivenNames(text: string, c: ActorCandidate): boolean {
    const f = this.facts[c.actorIndex];
    let start = -1;
    let w = prevWord(text, c.start);
    for (let k = 0; k < 3 && w && (/^\p{Lu}\.$/u.test(w.text) || (f.own.has(w.lower) && /^\p{Lu}/u.test(w.text))); k++) {
      if (f.own.has(w.lower)) start = w.start;
      w = prevWord(text, w.start);
    }
    if (start < 0) return false;
    c.start = start;
    c.text = text.slice(start, c.end);
    c.ambiguous = false;
    return true;
  }

  private decide(text: string, c: ActorCandidate, folded: string, dateline: number, starts: readonly number[], explain: boolean):
    Pick<ActorDecision, 'decision' | 'rule' | 'why'> {
    if (c.start < dateline) return { decision: 'drop', rule: 'dateline', why: text.slice(0, dateline).trim() };
    const f = this.facts[c.actorIndex];
    const m: MentionContext = { text, start: c.start, end: c.end, own: f.own, bareName: f.bare.has(folded), starts };
    if (!plainContext(m)) {
      for (const [rule, test] of DROP_RULES) {
        const why = test(m);
        if (!why) continue;
        // "U.S. Air Force", "The Washington Post": not highlighted as the country, but the country
        // (or organisation) may still be who acts ("the U.S. Air Force is conducting drills with Japan").
        if (rule === 'name-continues' && this.actors[c.actorIndex].kind !== 'person') return { decision: 'hide', rule, why };
        return { decision: 'drop', rule, why };
      }
    }
    if (!c.hidden && f.metonyms.has(folded)) {
      const place = metonymPlace(text, c.start, c.end);
      if (place) return { decision: 'hide', rule: 'capital-as-place', why: `${f.metonyms.get(folded)}: ${place}` };
      return { decision: 'keep', rule: 'capital-as-government', why: explain ? metonymActs(text, c.start, c.end) ?? 'takes part' : null };
    }
    return KEEP;
  }

  /**
   * Page stage, after every block's stage: a bare surname the KB vouches for
   * (not flagged ambiguous) is hidden unless the page supports that person.
   */
  page(texts: readonly string[], cands: readonly ActorCandidate[][], trace?: ActorDecision[]): void {
    const full = new Set<number>();
    const present = new Set<number>();
    for (const cs of cands) {
      for (const c of cs) {
        if (c.hidden && !this.placeHidden.has(c)) continue;
        present.add(c.actorIndex);
        const bare = this.facts[c.actorIndex].bare;
        if (!c.hidden && (bare.size === 0 || !bare.has(aliasKey(c.text)))) full.add(c.actorIndex);
      }
    }
    cands.forEach((cs, b) => {
      for (const c of cs) {
        const f = this.facts[c.actorIndex];
        if (c.hidden || c.ambiguous || f.bare.size === 0 || full.has(c.actorIndex) || !f.bare.has(aliasKey(c.text))) continue;
        const why = this.support(texts[b], c, f, present, full);
        if (why) continue;
        c.hidden = true;
        trace?.push({ actorIndex: c.actorIndex, start: c.start, end: c.end, text: c.text, decision: 'hide', rule: 'surname-unsupported',
          why: 'neither the full name, a role of the person, nor an actor of those roles on the page' });
      }
    });
  }

  /**
   * What on the page supports a bare surname: a role word of the person just before it, an actor its roles name,
   * or, named in full, a person or body the KB's documents name with them ("Halvorsen" on a page that names Lene Brandt).
   */
  private support(text: string, c: ActorCandidate, f: ActorFacts, present: Set<number>, full: Set<number>): string | null {
    let w = prevWord(text, c.start);
    for (let k = 0; k < 3 && w; k++, w = prevWord(text, w.start)) if (f.roleWords.has(w.lower)) return `role "${w.text}"`;
    const linked = f.linked.find((a) => present.has(a));
    if (linked !== undefined) return `page names ${this.actors[linked].name}`;
    const companion = this.companions(c.actorIndex).find((a) => full.has(a));
    return companion === undefined ? null : `page names ${this.actors[companion].name}, named with them in the KB's documents`;
  }

  /** Actors of each KB document, built on the first bare surname that needs it (most pages have none). */
  private byDoc: Map<string, number[]> | null = null;
  private readonly companionCache = new Map<number, number[]>();

  /** People and bodies (not countries or places) named with this person in at least two of the KB's documents. */
  private companions(self: number): number[] {
    let out = this.companionCache.get(self);
    if (out) return out;
    if (!this.byDoc) {
      this.byDoc = new Map();
      this.actors.forEach((a, i) => {
        for (const d of a.documents ?? []) {
          const list = this.byDoc!.get(d);
          if (list) list.push(i);
          else this.byDoc!.set(d, [i]);
        }
      });
    }
    const docs = this.actors[self].documents ?? [];
    const shared = new Map<number, number>();
    for (const d of docs) for (const o of this.byDoc.get(d) ?? []) if (o !== self) shared.set(o, (shared.get(o) ?? 0) + 1);
    const need = Math.min(2, docs.length);
    out = [...shared].filter(([o, n]) => n >= need && this.actors[o].kind !== 'country' && this.actors[o].kind !== 'place').map(([o]) => o);
    this.companionCache.set(self, out);
    return out;
  }
}
