import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Kb } from '../kb/types';
import type { Note } from '../notes/types';
import { openClaimlensDb, type ClaimlensDb } from './db';
import { KbService } from './kb-service';

const bundled: Kb = {
  schema: 'claimlens-kb/1',
  documents: [{ id: 'd1', title: 'Acme leaks', text: 'Acme leaked customer data.' }],
  actors: [{ id: 'a1', name: 'Acme', kind: 'organization', aliases: ['Acme'], roles: [], documents: ['d1'] }],
  claims: [
    {
      id: 'c1',
      text: 'Acme leaked customer data',
      actors: ['a1'],
      evidence: [{ docId: 'd1', quote: 'Acme leaked customer data.', start: 0, end: 26, speaker: null, stance: 'supports' }],
    },
  ],
};

const note: Note = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:uuid:n1',
  type: 'Annotation',
  motivation: 'commenting',
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  body: [{ type: 'TextualBody', value: 'keep me', format: 'text/plain', purpose: 'commenting' }],
  target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'leaked', prefix: 'Acme ', suffix: ' customer' }] },
};

function service(opts: { openDb?: () => Promise<ClaimlensDb>; bundledText?: string; version?: string } = {}): KbService {
  return new KbService({
    openDb: opts.openDb ?? (() => openClaimlensDb('t')),
    fetchBundled: async () => opts.bundledText ?? JSON.stringify(bundled),
    extensionVersion: opts.version ?? '1.0.0',
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('KbService', () => {
  it('imports the bundled KB on first run and answers from it', async () => {
    const s = service();
    const kb = await s.kb();
    expect(kb.claims.map((c) => c.id)).toEqual(['c1']);
    const m = await s.matcher();
    expect(m.annotate('Acme leaked customer data, the report says.').actors.length).toBeGreaterThan(0);
    expect((await s.recentEvents(5))[0].message).toMatch(/first run/);
  });

  it('answers from the KB without the language data; the matcher loads it once', async () => {
    let loads = 0;
    const s = new KbService({
      openDb: () => openClaimlensDb('t'),
      fetchBundled: async () => JSON.stringify(bundled),
      extensionVersion: '1.0.0',
      loadLanguage: async () => { loads++; },
    });
    expect((await s.kb()).claims).toHaveLength(1);
    expect(loads).toBe(0);
    await s.matcher();
    await s.matcher();
    expect(loads).toBe(1);
  });

  it('re-imports the bundled KB when the stored one is damaged, keeping notes', async () => {
    const first = service();
    await first.kb();
    const d = await first.db();
    await d.put('notes', note);
    // Damage the stored KB: a claim without evidence array.
    await d.put('kbClaims', { id: 'c1', text: 'x' } as never);
    const second = service();
    const kb = await second.kb();
    expect(kb.claims[0].evidence).toHaveLength(1);
    expect(await d.get('notes', note.id)).toEqual(note);
    expect((await second.recentEvents(5)).some((e) => /damaged/.test(e.message) && e.level === 'warning')).toBe(true);
  });

  it('re-imports on an extension update, never touching notes', async () => {
    const first = service({ version: '1.0.0' });
    await first.kb();
    await (await first.db()).put('notes', note);
    const updated = service({ version: '1.1.0' });
    await updated.kb();
    expect((await updated.recentEvents(5))[0].message).toMatch(/updated to 1\.1\.0/);
    expect(await (await updated.db()).get('notes', note.id)).toEqual(note);
  });

  it('serves the bundled KB from memory and says so when the database cannot open (failed upgrade, quota)', async () => {
    const s = service({ openDb: () => Promise.reject(new DOMException('QuotaExceededError', 'QuotaExceededError')) });
    const kb = await s.kb();
    expect(kb.claims).toHaveLength(1);
    const events = await s.recentEvents(5);
    expect(events[0].level).toBe('error');
    expect(events[0].message).toMatch(/storage failed.*notes are untouched/i);
  });

  it('keeps the working stored KB when an update ships a truncated kb.json, and says so', async () => {
    await service().kb();
    const broken = service({ bundledText: '{"schema":"claimlens-kb/1","documents":[', version: '2.0.0' });
    expect((await broken.kb()).claims).toHaveLength(1);
    const [latest] = await broken.recentEvents(1);
    expect(latest.level).toBe('error');
    expect(latest.message).toMatch(/bundled knowledge base is unusable.*not valid JSON.*Keeping the previous/);
  });

  it('fails with a clear message when there is no usable KB at all', async () => {
    const s = service({ bundledText: 'not json' });
    await expect(s.kb()).rejects.toThrow(/bundled knowledge base is unusable/);
  });

  it('rejects a malformed KB import without touching the stored one', async () => {
    const s = service();
    await s.kb();
    await expect(s.importKbText('{"schema":"other"}')).rejects.toThrow(/schema/);
    expect((await s.kb()).claims).toHaveLength(1);
  });
});
