// The compiled lexicon's file format (src/lang/data/lexicon.json), shared by
// the compiler (src/lang/compile) and the runtime reader (src/lang/lexicon.ts).

export const LEXICON_SCHEMA = 'claimlens-lexicon/1' as const;

/** Part-of-speech bits in `pos`: noun, verb, adjective, adverb (WordNet's four). */
export const POS_BIT = { n: 1, v: 2, a: 4, r: 8 } as const;
export type LexPos = keyof typeof POS_BIT;

export interface LexiconData {
  schema: typeof LEXICON_SCHEMA;
  sources: Record<string, string>;
  /**
   * Vocabulary, '\n'-joined. Word id = line number. The first words are in
   * corpus frequency order (the vector file's order), so the id is a
   * frequency rank; lemmas reached only through inflection follow.
   */
  words: string;
  /** One hex digit per word id: the WordNet parts of speech it is a lemma of (POS_BIT). */
  pos: string;
  /** One character per word id: compromise's lexicon tag of the word (n, v, a, r, q = a number word, p = a name, . = none). */
  open: string;
  /** Inflections, flattened triples: form word id, pos index (0 n, 1 v, 2 a, 3 r), lemma word id. */
  forms: number[];
  /** Closed-class words and their class (det, prep, pron, conj, aux, modal, neg, wh), from compromise's lexicon. */
  closed: Record<string, string>;
  /** WordNet lexicographer file names ("verb.possession"), indexed by entries' lexname. */
  lexnames: string[];
  /**
   * Sense data per (word, part of speech), in parallel arrays sorted by key
   * (key = word id × 4 + pos index). For entry i, its concepts are
   * `concepts[conceptStart[i] .. conceptStart[i + 1])`: the word's top senses
   * plus the synsets its derivations and similar-to links reach, renumbered
   * densely; two words sharing one are synonyms or derivations of each other.
   * Hypernym concepts (two levels up) likewise. frame: 1 = a giving verb (the
   * subject transfers possession away), 2 = a getting verb, 0 = neither.
   */
  entries: {
    keys: number[];
    lexname: number[];
    frame: number[];
    conceptStart: number[];
    concepts: number[];
    hyperStart: number[];
    hyper: number[];
  };
  /** Antonym pairs (word ids), flattened. */
  antonyms: number[];
  /**
   * Noun taxonomy: for `ids[i]` (word ids), the concept ids of its first
   * sense's hypernym path from the root down to the sense itself, in
   * `nodes[start[i] .. start[i + 1])`.
   */
  taxonomy: { ids: number[]; start: number[]; nodes: number[] };
  /**
   * Word vectors (GloVe 6B, 100 dimensions) of the most frequent content
   * words, quantised to signed bytes per word (cosine is scale-free):
   * `ids` (ascending word ids) and base64 of ids.length × dims bytes.
   */
  vectors: { dims: number; ids: number[]; data: string };
}
