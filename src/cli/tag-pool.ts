// Tagging is most of a corpus build's time and every document is tagged on its
// own, so a Node host with more than one core tags documents in worker threads,
// all cores at once, and hands the words to buildKb (BuildOptions.tagged).
//
// Each worker has a bounded heap: compromise makes a lot of short-lived
// garbage, and in the main thread that garbage grew the process's peak memory
// more than everything the build keeps. A worker that fails (cannot start,
// runs out of its heap) costs nothing: its documents are tagged in the main
// thread by buildKb itself.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestedDoc } from '../kb/ingest';
import type { Word } from '../lang/tagger';
import type { TagReply, TagRequest } from './tag-worker';

/** Heap of each tagging worker, in MB: compromise needs little per document. */
export const WORKER_HEAP_MB = 128;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Words of each document by id; documents a worker could not tag are absent. */
export async function tagInWorkers(docs: readonly IngestedDoc[], threads = defaultThreads(), onError?: (m: string) => void): Promise<Map<string, Word[]>> {
  const out = new Map<string, Word[]>();
  if (threads < 2 || docs.length < 8) return out;
  const queue = [...docs];
  const entry = new URL('./tag-worker.ts', import.meta.url).href;
  const boot = new URL('./worker-boot.mjs', import.meta.url);
  const one = (): Promise<void> => new Promise((resolve) => {
    let w: Worker;
    try {
      w = new Worker(boot, { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 } });
    } catch (e) {
      onError?.(`tagging worker did not start (${(e as Error).message}); tagging in the main thread`);
      resolve();
      return;
    }
    const next = (): void => {
      const d = queue.shift();
      if (!d) { void w.terminate(); return; }
      w.postMessage({ id: d.id, text: d.text } satisfies TagRequest);
    };
    w.on('message', (m: TagReply) => {
      if ('words' in m) out.set(m.id, m.words);
      next();
    });
    w.on('error', (e) => onError?.(`tagging worker stopped (${e.message}); the rest is tagged in the main thread`));
    w.on('exit', () => resolve());
    w.on('online', next);
  });
  await Promise.all(Array.from({ length: Math.min(threads, docs.length) }, one));
  return out;
}
