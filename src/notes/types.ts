// A personal note, stored as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/).
// The stored shape is the export shape, so export → import is lossless.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type NoteSelector = TextQuoteSelector | TextPositionSelector;

export interface NoteTarget {
  /** Canonical URL of the page (canonical link, else URL without tracking params and fragment). */
  source: string;
  selector: NoteSelector[];
}

export interface NoteBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose?: 'commenting';
}

export interface NoteTagBody {
  type: 'TextualBody';
  value: string;
  purpose: 'tagging';
}

export interface Note {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  /** urn:uuid:… */
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  body: Array<NoteBody | NoteTagBody>;
  target: NoteTarget;
  /** Claimlens extension: page title when saved, for the library list. */
  'claimlens:pageTitle'?: string;
  /** Claimlens extension: KB claim id when the note was made on a claim highlight. */
  'claimlens:claimId'?: string;
}
