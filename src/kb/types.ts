// The KB file contract (`claimlens-kb/1`, see README "KB file format").
// kb.json is both the bundled KB and the export format, so these types are the
// single source of truth for the CLI, the background store and the matcher.

export const KB_SCHEMA = 'claimlens-kb/1' as const;

export type Stance = 'supports' | 'contradicts';
export type ActorKind = 'person' | 'organization' | 'country' | 'place';

export interface KbDocument {
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  url?: string;
  /** Relative file name inside the corpus folder. */
  file?: string;
  /** The document's text as ingested; evidence offsets point into it. */
  text?: string;
}

export interface KbActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: string[];
  /** Ids of documents that name the actor. */
  documents: string[];
  /**
   * Aliases that are only safe to match when the page also names the actor
   * by a longer alias (bare surnames, short forms). Optional extension.
   */
  ambiguousAliases?: string[];
  /**
   * Optional extension: single-word aliases the KB judged safe to match on
   * their own although a reader's default rule would call them ambiguous
   * (a bare surname of 4+ letters that no other KB actor shares and that is
   * not an English word or given name: "Putin", "Shoigu", "Kirby"). Disjoint
   * from ambiguousAliases; compared case-insensitively like it. A matcher that
   * ignores this field simply stays more cautious.
   */
  unambiguousAliases?: string[];
  /** Optional extension: the actor a person speaks and acts for (a country or an institution), by id. */
  actsFor?: string;
}

export interface KbEvidence {
  docId: string;
  /** Exact sentence from the document text. */
  quote: string;
  start: number;
  end: number;
  /** Actor id of who says it, or null when the document states it itself. */
  speaker: string | null;
  stance: Stance;
}

export interface KbClaim {
  id: string;
  /** Canonical wording of the claim. */
  text: string;
  /** Actor ids involved in the claim (subject first). */
  actors: string[];
  evidence: KbEvidence[];
  /** Optional extension: normalised content terms used by the matcher. */
  terms?: string[];
  /**
   * Optional extension: how the claim reads to the language layer, from its
   * best evidence (up to three): the predicate and the verbs it governs, the
   * actors in their roles (ids), and the weighted content lemmas. The matcher
   * compares a page's sentences with these; a KB without them gets them
   * computed from the claim's text.
   */
  signatures?: ClaimSignature[];
}

export interface ClaimSignature {
  pred: string;
  preds: string[];
  roles: { agent?: string; patient?: string; goal?: string; source?: string; others: string[] };
  /** [lemma, part of speech (n, v, a, x = a name or number), weight]. */
  terms: Array<[string, 'n' | 'v' | 'a' | 'x', number]>;
  /** Head noun of what the event acts on ("weapon", "shell"), when it is not an actor. */
  theme?: string;
  /**
   * The claim is a negative proposition ("Her mother no longer speaks to her"): a page sentence that
   * says it with the negation supports it, one without contradicts it. Absent: a positive claim.
   */
  negated?: true;
  /** The claim is a plan or a forecast ("will send", "would keep"): a sentence telling it as done is another claim. Absent: done. */
  planned?: true;
}

export interface Kb {
  schema: typeof KB_SCHEMA;
  /** ISO time of build; derived from the corpus (not the clock) so builds are byte-identical. */
  builtAt?: string;
  generator?: string;
  documents: KbDocument[];
  actors: KbActor[];
  claims: KbClaim[];
}
