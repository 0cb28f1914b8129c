// Why a file the reader chose cannot be imported, in words: never its raw
// bytes (a JSON parser quotes the start of its input) or schema jargon. Pure.
import { KB_SCHEMA } from '../kb/types';

/** Text decoded from a binary file: NUL bytes, or many U+FFFD from invalid UTF-8. */
export function looksBinary(text: string): boolean {
  const probe = text.slice(0, 8192);
  if (probe.includes('\u0000')) return true;
  const bad = probe.split('\uFFFD').length - 1;
  return bad > 8 && bad > probe.length / 100;
}

type FileKind = 'binary' | 'not-json' | 'kb' | 'notes' | 'other-json';

function kindOf(text: string): { kind: FileKind; value?: unknown } {
  if (looksBinary(text)) return { kind: 'binary' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  const o = value as Record<string, unknown> | null;
  const isAnno = (x: unknown): boolean => {
    const t = (x as { type?: unknown } | null)?.type;
    return t === 'Annotation' || t === 'AnnotationCollection' || t === 'AnnotationPage';
  };
  if (Array.isArray(value) ? value.length > 0 && value.every(isAnno) : isAnno(o)) return { kind: 'notes', value };
  if (o && typeof o === 'object' && 'schema' in o) return { kind: 'kb', value };
  return { kind: 'other-json', value };
}

/** A human reason the file is not a KB to load, or null if it looks like one (the KB validator has the last word). */
export function kbFileProblem(text: string): string | null {
  const { kind, value } = kindOf(text);
  if (kind === 'binary') return 'This file is not a knowledge base: it is not a text file.';
  if (kind === 'not-json') return 'This file is not a knowledge base: it is not JSON (or it was cut short).';
  if (kind === 'notes') return 'This is a notes file (Web Annotations), not a knowledge base: import it on the Notes tab.';
  if (kind === 'other-json') return 'This JSON file is not a Claimlens knowledge base (build one with npm run kb -- build).';
  const schema = (value as { schema?: unknown }).schema;
  if (schema !== KB_SCHEMA) return `This knowledge base was made for another version of Claimlens (format ${JSON.stringify(schema)}; this one reads ${KB_SCHEMA}).`;
  return null;
}

/** The KB validator's finding, said for a reader. */
export function kbDamaged(detail: string): string {
  return `This knowledge base file is damaged and was not loaded (${detail}).`;
}

/** A human reason the file is not a notes file, or null if it looks like one. */
export function notesFileProblem(text: string): string | null {
  const { kind } = kindOf(text);
  if (kind === 'binary') return 'This file is not a notes export: it is not a text file.';
  if (kind === 'not-json') return 'This file is not a notes export: it is not JSON (or it was cut short).';
  if (kind === 'kb') return 'This is a knowledge base file, not notes: load it on the Knowledge base tab.';
  return null;
}
