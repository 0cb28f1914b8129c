// Content hash for stable ids (no Node crypto: this runs in a service worker too).
// 53-bit cyrb53 variant: collisions are irrelevant at corpus scale.

export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Short base-36 id from content, with a kind prefix ("d-", "a-", "c-"). */
export function contentId(prefix: string, content: string): string {
  return `${prefix}${hash53(content).toString(36).padStart(11, '0')}`;
}
