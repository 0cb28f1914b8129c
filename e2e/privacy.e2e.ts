// Privacy by construction: the built extension has no way to reach the
// network. Complements the live request log in extension.e2e.ts (which
// cannot see what the worker does before the test attaches to it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './browser';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const js = files(DIST).filter((f) => f.endsWith('.js') || f.endsWith('.html'));
const code = js.map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('the built extension (dist/)', () => {
  it('asks for no host access, exposes only the note frame (at a per-session address), and needs only contextMenus and storage', () => {
    const m = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(m.host_permissions).toBeUndefined();
    // The private note frame is the one page a site may embed; use_dynamic_url keeps its address from fingerprinting the browser.
    expect(m.web_accessible_resources).toEqual([{ matches: ['http://*/*', 'https://*/*'], resources: ['src/frame/note-frame.html'], use_dynamic_url: true }]);
    // storage: storage.session keeps the frames' one-time tokens in memory only.
    expect(m.permissions).toEqual(['contextMenus', 'storage']);
    expect(m.content_security_policy).toBeUndefined();
  });

  it('contains no network API but the one fetch of its own bundled files (kb.json, lexicon.json.gz)', () => {
    for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'RTCPeerConnection']) {
      expect(code.filter((c) => c.text.includes(api)).map((c) => c.f), api).toEqual([]);
    }
    const fetches = code.flatMap((c) => [...c.text.matchAll(/fetch\(([^)]{0,60})/g)].map((m) => m[1]));
    expect(fetches).toHaveLength(1);
    expect(fetches[0]).toMatch(/runtime\.getURL\(\w+$/);
  });

  it('names no web address other than XML and JSON-LD namespaces', () => {
    const allowed = /^https?:\/\/(www\.w3\.org\/|claimlens\.invalid\/)/;
    const urls = code.flatMap((c) => [...c.text.matchAll(/https?:\/\/[^\s"'`)<>]+/g)].map((m) => m[0]));
    expect(urls.filter((u) => !allowed.test(u))).toEqual([]);
  });
});
