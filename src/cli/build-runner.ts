// Runs the KB build in a worker thread with a heap budget. Left alone, V8
// lets a long build's heap grow far past what it keeps alive (the statements,
// their pairs, the claims): on 1,000 articles the live data is about 350 MB
// but the process grew past 1 GB. A budget makes the collector work instead.
// The budget grows with the corpus; a build that runs out is run again with
// twice the budget, up to three quarters of the machine's memory, so a large
// corpus is slower, never lost.

import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BuildFailure, type GuardOptions } from '../kb/build-guard';
import type { IngestedDoc } from '../kb/ingest';
import type { Kb } from '../kb/types';
import type { BuildEvent, BuildJob } from './build-worker';
import { defaultThreads } from './tag-pool';

/** Heap budget of a build, in MB: a base for the language data and code, and a share per document. */
export function heapBudgetMb(docs: number): number {
  return Math.round(384 + 0.25 * docs);
}

const MAX_BUDGET_MB = Math.floor((totalmem() / 1048576) * 0.75);

class WorkerOutOfMemory extends Error {}

function once(job: BuildJob, budgetMb: number, opts: GuardOptions, note: (m: string) => void): Promise<Kb> {
  return new Promise((resolve, reject) => {
    const boot = new URL('./worker-boot.mjs', import.meta.url);
    const entry = new URL('./build-worker.ts', import.meta.url).href;
    const w = new Worker(boot, { workerData: { entry, job }, resourceLimits: { maxOldGenerationSizeMb: budgetMb } });
    let settled = false;
    w.on('message', (e: BuildEvent) => {
      if (e.type === 'progress') opts.onProgress?.(e.done, e.total);
      else if (e.type === 'sentence-skip') opts.onSkip?.(e.file, e.sentence, new Error(e.error));
      else if (e.type === 'document-skip') opts.onDocumentSkip?.(e.file, new Error(e.error));
      else if (e.type === 'note') note(e.message);
      else {
        settled = true;
        void w.terminate();
        if (e.type === 'done') resolve(e.kb);
        else reject(e.unexplained ? new BuildFailure(e.message, new Error(e.message)) : new Error(e.message));
      }
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemory(e.message) : e);
    });
    w.on('exit', (code) => {
      if (!settled) reject(new Error(`the build worker stopped (exit code ${code})`));
    });
  });
}

/** buildKbGuarded in a worker thread with a heap budget; `note` hears about retries and tagging trouble. */
export async function buildInWorker(docs: IngestedDoc[], opts: GuardOptions = {}, note: (m: string) => void = () => {}): Promise<Kb> {
  const job: BuildJob = { docs, threads: defaultThreads() };
  for (let budget = heapBudgetMb(docs.length); ; budget *= 2) {
    try {
      return await once(job, Math.min(budget, MAX_BUDGET_MB), opts, note);
    } catch (e) {
      if (!(e instanceof WorkerOutOfMemory) || budget >= MAX_BUDGET_MB) throw e;
      note(`the build needed more than ${budget} MB; building again with ${Math.min(budget * 2, MAX_BUDGET_MB)} MB`);
    }
  }
}
