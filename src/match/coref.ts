// Small page-level coreference for claim matching. News text names an actor
// once and then refers to it by description: "the North" (North Korea, when
// the page names it), "the regime" / "the country" (the country named last),
// "the mercenary group" (an organisation whose name or role ends in "group"),
// a sentence-initial "He"/"She" (the person named last). Resolved mentions
// feed claim matching; only direction-word names ("the North") are also
// highlighted, as the country they stand for.
import type { KbActor } from '../kb/types';

export interface CorefMention {
  actorIndex: number;
  start: number;
  end: number;
  /** "the North": a name of the actor, highlighted as it. */
  name: boolean;
}

/** Cheap block pre-test: could this block hold a description or pronoun to resolve? */
export const COREF_HINT = /\b(?:[Tt]he\s+(?:North|South|East|West)\b|(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?(?:regime|country|nation|government|group|organi[sz]ation|militia|company|firm|alliance)\b)|(?:^|[.!?]["'”’]?\s+)(?:He|She|It)\s/;

const DIRECTION = /\b[Tt]he\s+(North|South|East|West)\b(?!\s+(?:[A-Z]|of\b))/g;
const DESCRIPTION = /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:([a-z]+)\s+)?(regime|country|nation|government|group|organi[sz]ation|militia|company|firm|alliance)\b/g;
const PRONOUN = /^\s*(He|She|It)\s/;
/** "It is unclear whether ...", "It remains to be seen": an expletive "It" refers to nothing. */
const EXPLETIVE = /^\s*It\s+(?:(?:is|was|has\s+been|had\s+been|would\s+be|will\s+be|may\s+be|might\s+be|could\s+be|remains|seems|seemed|appears|appeared|looks|looked|emerged|follows|matters|means|turns\s+out|is\s+time)\b(?:\s+(?:not|still|now|also|far|all|too|very|increasingly|less|more|now|already))*\s+(?:un)?(?:clear|likely|possible|impossible|probable|certain|known|believed|thought|said|reported|understood|expected|feared|hoped|estimated|alleged|worth|hard|difficult|easy|important|true|false|notable|noteworthy|telling|striking|surprising|significant|time|too|so|that|to|whether|as\s+if|as\s+though|a\s|an\s|the\s|no\s|one\s)|(?:remains|seems|seemed|appears|appeared|emerged|follows|turns\s+out)\b)/;
/** A mention right after a preposition is a place or a recipient, not who the next sentence is about. */
const POSSESSIVE = /^['’]s/;
const AFTER_PREPOSITION = new Set(['to', 'in', 'into', 'at', 'from', 'of', 'with', 'for', 'on', 'by', 'against', 'near', 'inside',
  'across', 'toward', 'towards', 'via', 'over', 'about']);

const COUNTRY_NOUNS = new Set(['regime', 'country', 'nation', 'government']);

/** Words that make "the X group" a different group ("the same group" is still it). */
const NOT_ANAPHORIC = new Set(['other', 'another', 'first', 'second', 'next', 'whole', 'entire', 'working', 'age', 'ethnic', 'host', 'home']);

export class Coref {
  /** Country actors whose name starts with a direction word, by that word. */
  private readonly direction = new Map<string, number[]>();
  /** Lower-cased words of each organisation's name and roles. */
  private readonly orgWords: (Set<string> | null)[];
  /** Most recent mention per kind: actor index and the page sentence it was in. */
  private lastCountry = -1;
  private lastCountryAt = -1e9;
  private lastOrg = -1;
  private lastOrgAt = -1e9;
  private lastPerson = -1;
  private lastPersonAt = -1e9;
  /** The salient country/organisation of the current sentence was named bare (not after a preposition). */
  private countryBare = false;
  private orgBare = false;
  sentence = 0;

  constructor(private readonly actors: readonly KbActor[]) {
    actors.forEach((a, i) => {
      if (a.kind !== 'country') return;
      const m = /^(North|South|East|West)\s+\S/.exec(a.name);
      if (!m) return;
      const list = this.direction.get(m[1]) ?? [];
      list.push(i);
      this.direction.set(m[1], list);
    });
    this.orgWords = actors.map((a) =>
      a.kind === 'organization' ? new Set([a.name, ...a.aliases, ...a.roles].flatMap((s) => s.toLowerCase().split(/[^a-z]+/)).filter(Boolean)) : null);
  }

  reset(): void {
    this.lastCountry = this.lastOrg = this.lastPerson = -1;
    this.lastCountryAt = this.lastOrgAt = this.lastPersonAt = -1e9;
    this.sentence = 0;
  }

  /**
   * Records an actor mention in the current sentence (`text` the block, the
   * mention at [start, end)). A later description refers to the sentence's
   * salient country or organisation: the first one named bare, not after a
   * preposition nor as a possessive ("North Korea sent doctors to Moscow. The
   * country ..." is North Korea), else the last one named.
   */
  see(actorIndex: number, text = '', start = 0, end = start): void {
    const kind = this.actors[actorIndex].kind;
    if (kind === 'country' || kind === 'organization') {
      if (kind === 'country' ? this.lastCountryAt === this.sentence && this.countryBare : this.lastOrgAt === this.sentence && this.orgBare) return;
      const bare = !AFTER_PREPOSITION.has(wordBefore(text, start)) && !POSSESSIVE.test(text.slice(end, end + 2));
      if (kind === 'country') {
        if (this.lastCountryAt !== this.sentence || !this.countryBare) {
          this.lastCountry = actorIndex;
          this.lastCountryAt = this.sentence;
          this.countryBare = bare;
        }
      } else if (this.lastOrgAt !== this.sentence || !this.orgBare) {
        this.lastOrg = actorIndex;
        this.lastOrgAt = this.sentence;
        this.orgBare = bare;
      }
    } else if (kind === 'person') {
      this.lastPerson = actorIndex;
      this.lastPersonAt = this.sentence;
    }
  }

  /**
   * Mentions to resolve in one sentence (`text` = the block, the sentence at
   * [start, end)), given the actors the page names (direction names need the
   * country named somewhere on the page). Recency: the previous 3 sentences.
   */
  resolve(text: string, start: number, end: number, named: Set<number>, out: CorefMention[],
    here: readonly { actorIndex: number }[] = [], hereFrom = 0, hereTo = 0): void {
    // A description is not an actor the same sentence names ("the regime ... to Russia" is not Russia).
    const namedHere = (a: number): boolean => {
      for (let k = hereFrom; k < hereTo; k++) if (here[k].actorIndex === a) return true;
      return false;
    };
    const s = text.slice(start, end);
    const recent = (at: number): boolean => this.sentence - at <= 3;
    DIRECTION.lastIndex = 0;
    for (let m = DIRECTION.exec(s); m; m = DIRECTION.exec(s)) {
      const cands = (this.direction.get(m[1]) ?? []).filter((a) => named.has(a));
      if (cands.length === 1) out.push({ actorIndex: cands[0], start: start + m.index, end: start + m.index + m[0].length, name: true });
    }
    DESCRIPTION.lastIndex = 0;
    for (let m = DESCRIPTION.exec(s); m; m = DESCRIPTION.exec(s)) {
      if (m[1] && NOT_ANAPHORIC.has(m[1])) continue;
      const noun = m[2];
      let a = -1;
      if (COUNTRY_NOUNS.has(noun)) {
        if (this.lastCountry >= 0 && recent(this.lastCountryAt)) a = this.lastCountry;
      } else if (this.lastOrg >= 0 && recent(this.lastOrgAt) && this.orgWords[this.lastOrg]?.has(noun.replace('isation', 'ization'))) {
        a = this.lastOrg;
      }
      if (a >= 0 && !namedHere(a)) out.push({ actorIndex: a, start: start + m.index, end: start + m.index + m[0].length, name: false });
    }
    const p = PRONOUN.exec(s);
    if (p && !(p[1] === 'It' && EXPLETIVE.test(s))) {
      const off = start + p.index + p[0].indexOf(p[1]);
      if (p[1] === 'It') {
        // "It" for the country or organisation named last, whichever is more recent.
        const a = this.lastOrgAt > this.lastCountryAt ? this.lastOrg : this.lastCountry;
        const at = Math.max(this.lastOrgAt, this.lastCountryAt);
        if (a >= 0 && this.sentence - at <= 1 && !namedHere(a)) out.push({ actorIndex: a, start: off, end: off + 2, name: false });
      } else if (this.lastPerson >= 0 && this.sentence - this.lastPersonAt <= 1 && !namedHere(this.lastPerson)) {
        out.push({ actorIndex: this.lastPerson, start: off, end: off + p[1].length, name: false });
      }
    }
  }
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The lower-cased word before `pos` (skipping one "the"): "to", "in" … tell a place or a recipient from a subject. */
export function wordBefore(text: string, pos: number): string {
  let word = '';
  for (let round = 0; round < 2; round++) {
    let e = pos;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    let b = e;
    while (b > 0 && e - b < 12 && isLetter(text.charCodeAt(b - 1))) b--;
    word = text.slice(b, e).toLowerCase();
    if (word !== 'the') return word;
    pos = b;
  }
  return word;
}
