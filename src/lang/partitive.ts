// Partitive phrases: "a consignment of ginseng", "trainloads of artillery
// shells", "hundreds of thousands of mortar rounds". The first noun measures
// or holds the thing; the thing is what the phrase is about (the theme a
// claim is compared on), and the measure is no event of its own.

import { PARTITIVE_ANCHORS, PARTITIVE_SUFFIXES } from './cues';
import { lexicon } from './default-lexicon';
import type { Word } from './tagger';

const MEASURE_CLASSES = new Set(['noun.quantity', 'noun.group']);
const EVENT_CLASSES = new Set(['noun.act', 'noun.event', 'noun.process']);

/** A noun of quantity, of a group, or of a load (WordNet's classes and relations, cues.json's anchors and suffixes). */
export function isMeasureNoun(lemma: string): boolean {
  const L = lexicon();
  const cls = L.lexname(lemma, 'n');
  if (MEASURE_CLASSES.has(cls)) return true;
  // An act is an event, not a measure: "the delivery of shells" (a kind of shipment in WordNet) is a delivery.
  if (EVENT_CLASSES.has(cls)) return false;
  const singular = lemma.replace(/s$/, '');
  if (PARTITIVE_SUFFIXES.some((s) => singular.length > s.length + 2 && singular.endsWith(s))) return true;
  return PARTITIVE_ANCHORS.some((a) => {
    const r = L.relation(lemma, a, ['n'], ['n']).relation;
    return r === 'same' || r === 'synonym' || r === 'hypernym';
  });
}

/**
 * The word a partitive phrase headed at `head` is about: the last noun of the
 * phrase after "of", through chained measures ("hundreds of thousands of
 * rounds"); undefined when the head measures nothing or no common noun follows.
 */
export function partitiveThing(words: readonly Word[], head: number): Word | undefined {
  let at = head;
  for (let hops = 0; hops < 3; hops++) {
    const w = words[at];
    // The cheap test first: most nouns have no "of" after them.
    if (w.after || words[at + 1]?.norm !== 'of') return undefined;
    if (w.tag !== 'num' && !(w.tag === 'noun' && isMeasureNoun(w.lemma))) return undefined;
    let thing: number | undefined;
    for (let k = at + 2; k < words.length; k++) {
      const x = words[k];
      // (A plural after a noun closes the phrase as its head even where a tagger read a verb: "of mortar rounds".)
      const plural = x.tag === 'verb' && thing !== undefined && words[k - 1].tag === 'noun' && !words[k - 1].after && /s$/.test(x.norm) && lexicon().can(x.norm, 'n');
      if (!plural && !/^(?:det|adj|num|noun)$/.test(x.tag)) break;
      if (x.tag === 'noun' || x.tag === 'num' || plural) thing = k;
      if (x.after || plural) break;
    }
    if (thing === undefined) return undefined;
    const t = words[thing];
    // A chained measure ("hundreds of thousands of …") goes on to its own "of".
    if (words[thing + 1]?.norm === 'of' && !t.after && (t.tag === 'num' || isMeasureNoun(t.lemma))) { at = thing; continue; }
    return t.tag === 'num' ? undefined : t;
  }
  return undefined;
}
