// Checks that a parsed JSON value is a usable KB before it replaces the stored
// one: a corrupt or truncated kb.json must never wipe a working KB.
import { KB_SCHEMA, type Kb } from './types';

export type KbCheck = { ok: true; kb: Kb } | { ok: false; message: string };

const isStr = (v: unknown): v is string => typeof v === 'string';
const isArr = Array.isArray;

export function validateKb(value: unknown): KbCheck {
  if (typeof value !== 'object' || value === null) return { ok: false, message: 'KB is not a JSON object' };
  const v = value as Record<string, unknown>;
  if (v.schema !== KB_SCHEMA) return { ok: false, message: `KB schema is ${JSON.stringify(v.schema)}, expected ${KB_SCHEMA}` };
  if (!isArr(v.documents) || !isArr(v.actors) || !isArr(v.claims)) {
    return { ok: false, message: 'KB must have documents, actors and claims arrays' };
  }
  for (const [i, d] of (v.documents as unknown[]).entries()) {
    const doc = d as Record<string, unknown> | null;
    if (!doc || !isStr(doc.id) || !isStr(doc.title)) return { ok: false, message: `documents[${i}] needs id and title` };
  }
  for (const [i, a] of (v.actors as unknown[]).entries()) {
    const act = a as Record<string, unknown> | null;
    if (!act || !isStr(act.id) || !isStr(act.name) || !isArr(act.aliases) || !isArr(act.roles)) {
      return { ok: false, message: `actors[${i}] needs id, name, aliases and roles` };
    }
    if (!(act.aliases as unknown[]).every(isStr)) return { ok: false, message: `actors[${i}].aliases must be strings` };
  }
  for (const [i, c] of (v.claims as unknown[]).entries()) {
    const cl = c as Record<string, unknown> | null;
    if (!cl || !isStr(cl.id) || !isStr(cl.text) || !isArr(cl.actors) || !isArr(cl.evidence)) {
      return { ok: false, message: `claims[${i}] needs id, text, actors and evidence` };
    }
    for (const [j, e] of (cl.evidence as unknown[]).entries()) {
      const ev = e as Record<string, unknown> | null;
      if (!ev || !isStr(ev.docId) || !isStr(ev.quote) || (ev.stance !== 'supports' && ev.stance !== 'contradicts')) {
        return { ok: false, message: `claims[${i}].evidence[${j}] needs docId, quote and a stance` };
      }
    }
  }
  return { ok: true, kb: value as Kb };
}

/** Parses kb.json text; never throws. */
export function parseKb(text: string): KbCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `KB is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return validateKb(value);
}
