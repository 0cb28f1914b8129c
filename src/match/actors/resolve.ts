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
import { foldAlias, metonymActs, metonymPlace, metonymsOf, type MetonymKind } from './metonyms';
import { currency, introducedByName, invertedName, largerName, qualifier, type MentionContext } from './names';
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

/** The block-stage rules that drop a match, in the order they are tried. */
const DROP_RULES: ReadonlyArray<readonly [string, (m: MentionContext) => string | null]> = [
  ['larger-name', largerName],
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
        metonyms: metonymsOf(a),
        bare: new Set(a.kind === 'person' && nameWords > 1 ? a.aliases.filter((x) => pieces(x).length === 1).map(foldAlias) : []),
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
    const starts = new Set(cands.map((c) => c.start));
    const kindAt = (s: number, e: number): string | null => {
      for (const c of cands) if (c.start >= s && c.end <= e) return this.actors[c.actorIndex].kind;
      return null;
    };
    const dateline = datelineEnd(text, kindAt);
    let w = 0;
    for (const c of cands) {
      this.withGivenNames(text, c);
      const d = this.decide(text, c, dateline, starts);
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
  private withGivenNames(text: string, c: ActorCandidate): void {
    const f = this.facts[c.actorIndex];
    if (!f.bare.has(foldAlias(c.text))) return;
    let start = -1;
    let w = prevWord(text, c.start);
    for (let k = 0; k < 3 && w && (/^\p{Lu}\.$/u.test(w.text) || (f.own.has(w.lower) && /^\p{Lu}/u.test(w.text))); k++) {
      if (f.own.has(w.lower)) start = w.start;
      w = prevWord(text, w.start);
    }
    if (start < 0) return;
    c.start = start;
    c.text = text.slice(start, c.end);
    c.ambiguous = false;
  }

  private decide(text: string, c: ActorCandidate, dateline: number, starts: Set<number>): Pick<ActorDecision, 'decision' | 'rule' | 'why'> {
    if (c.start < dateline) return { decision: 'drop', rule: 'dateline', why: text.slice(0, dateline).trim() };
    const f = this.facts[c.actorIndex];
    const folded = foldAlias(c.text);
    const m: MentionContext = {
      text, start: c.start, end: c.end, own: f.own, bareName: f.bare.has(folded),
      mentionAt: (s) => s !== c.start && starts.has(s),
    };
    for (const [rule, test] of DROP_RULES) {
      const why = test(m);
      if (why) return { decision: 'drop', rule, why };
    }
    if (!c.hidden && f.metonyms.has(folded)) {
      const place = metonymPlace(text, c.start, c.end);
      if (place) return { decision: 'hide', rule: 'capital-as-place', why: `${f.metonyms.get(folded)}: ${place}` };
      return { decision: 'keep', rule: 'capital-as-government', why: metonymActs(text, c.start, c.end) ?? 'takes part' };
    }
    return { decision: 'keep', rule: null, why: null };
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
        if (!c.hidden && !this.facts[c.actorIndex].bare.has(foldAlias(c.text))) full.add(c.actorIndex);
      }
    }
    cands.forEach((cs, b) => {
      for (const c of cs) {
        const f = this.facts[c.actorIndex];
        if (c.hidden || c.ambiguous || !f.bare.has(foldAlias(c.text)) || full.has(c.actorIndex)) continue;
        const why = this.support(texts[b], c, f, present);
        if (why) continue;
        c.hidden = true;
        trace?.push({ actorIndex: c.actorIndex, start: c.start, end: c.end, text: c.text, decision: 'hide', rule: 'surname-unsupported',
          why: 'neither the full name, a role of the person, nor an actor of those roles on the page' });
      }
    });
  }

  /** What on the page supports a bare surname: a role word of the person just before it, or an actor its roles name. */
  private support(text: string, c: ActorCandidate, f: ActorFacts, present: Set<number>): string | null {
    let w = prevWord(text, c.start);
    for (let k = 0; k < 3 && w; k++, w = prevWord(text, w.start)) if (f.roleWords.has(w.lower)) return `role "${w.text}"`;
    const linked = f.linked.find((a) => present.has(a));
    return linked === undefined ? null : `page names ${this.actors[linked].name}`;
  }
}
