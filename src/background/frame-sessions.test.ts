// Frame sessions: a token names one subject, in one tab; the first frame that
// presents it owns it; sessions survive a worker restart through the store.
import { describe, expect, it } from 'vitest';
import { FrameSessions, SESSIONS_PER_TAB, type FrameSession } from './frame-sessions';
import type { FrameSubject } from '../shared/frame-messages';

let counter = 0;
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i + counter++) % 256);
const subject: FrameSubject = { kind: 'note', noteId: 'urn:uuid:1' };

describe('FrameSessions', () => {
  it('hands out 32-hex tokens, distinct each time', () => {
    const s = new FrameSessions(bytes);
    const a = s.open(1, subject);
    const b = s.open(1, subject);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it('the first frame of the registering tab owns the token; other frames and tabs are refused', () => {
    const s = new FrameSessions(bytes);
    const t = s.open(7, subject);
    expect(s.owned(t, { tabId: 7, frameId: 3 })).toBe('unknown'); // not claimed yet
    expect(s.claim(t, { tabId: 8, frameId: 3 })).toBe('other-tab');
    const claimed = s.claim(t, { tabId: 7, frameId: 3 });
    expect(typeof claimed === 'object' && claimed.subject).toEqual(subject);
    // A copy of the token loaded by the page into a frame of its own.
    expect(s.claim(t, { tabId: 7, frameId: 4 })).toBe('taken');
    expect(s.owned(t, { tabId: 7, frameId: 4 })).toBe('taken');
    // The owner may present it again (a reload of the same frame).
    expect(typeof s.claim(t, { tabId: 7, frameId: 3 })).toBe('object');
    expect(typeof s.owned(t, { tabId: 7, frameId: 3 })).toBe('object');
    expect(s.claim('f'.repeat(32), { tabId: 7, frameId: 3 })).toBe('unknown');
  });

  it('release only by the registering tab; a closed tab drops its sessions; old ones are forgotten', () => {
    const s = new FrameSessions(bytes);
    const t = s.open(1, subject);
    expect(s.release(t, 2)).toBe(false);
    expect(s.release(t, 1)).toBe(true);
    expect(s.claim(t, { tabId: 1, frameId: 1 })).toBe('unknown');
    const tokens = Array.from({ length: SESSIONS_PER_TAB + 3 }, () => s.open(5, subject));
    s.open(6, subject);
    expect(s.size).toBe(SESSIONS_PER_TAB + 1);
    expect(s.claim(tokens[0], { tabId: 5, frameId: 1 })).toBe('unknown');
    expect(typeof s.claim(tokens.at(-1)!, { tabId: 5, frameId: 1 })).toBe('object');
    s.dropTab(5);
    expect(s.size).toBe(1);
  });

  it('retarget turns a new-note session into that note’s (a second Save edits, never creates again)', () => {
    const s = new FrameSessions(bytes);
    const t = s.open(1, { kind: 'claim', claimId: 'c' });
    s.retarget(t, subject);
    const got = s.claim(t, { tabId: 1, frameId: 2 });
    expect(typeof got === 'object' && got.subject).toEqual(subject);
  });

  it('sessions and owners come back after a worker restart', async () => {
    let stored: FrameSession[] = [];
    const store = { load: async () => structuredClone(stored), save: async (l: FrameSession[]) => void (stored = structuredClone(l)) };
    const first = new FrameSessions(bytes, store);
    await first.ready;
    const t = first.open(3, subject);
    first.claim(t, { tabId: 3, frameId: 9 });
    await first.settled();
    const second = new FrameSessions(bytes, store);
    await second.ready;
    expect(typeof second.owned(t, { tabId: 3, frameId: 9 })).toBe('object');
    expect(second.owned(t, { tabId: 3, frameId: 1 })).toBe('taken');
  });
});
