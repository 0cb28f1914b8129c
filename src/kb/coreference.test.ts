import { describe, expect, it } from 'vitest';
import { buildKb } from './build';
import { ingestText } from './ingest';
import type { Statement } from './statements';

describe('a person named by their role for another', () => {
  it('"Lind\'s spokesman, John Carver, said …" is John Carver speaking, not Maya Lind', () => {
    let st: Statement[] = [];
    const kb = buildKb([ingestText('a.txt', 'Rescue story denied\n\nMaya Lind is a pop singer from Bergen. Lind\'s spokesman, John Carver, said the singer was in Oslo at the time.')],
      { inspect: (s) => { st = s; } });
    const name = (id: string | null | undefined): string | undefined => kb.actors.find((a) => a.id === id)?.name;
    const said = st.find((s) => s.span.text.startsWith('Lind\'s spokesman'));
    expect(name(said?.speaker)).toBe('John Carver');
  });
});
