// The KB build's worker thread (see build-runner.ts): tags the corpus in the
// tag pool, builds the KB (skipping documents whose analysis throws) and
// reports progress and skips as messages.
import { parentPort, workerData } from 'node:worker_threads';
import '../lang/node-lexicon';
import { BuildFailure, buildKbGuarded } from '../kb/build-guard';
import type { IngestedDoc } from '../kb/ingest';
import type { Kb } from '../kb/types';
import { tagInWorkers } from './tag-pool';

export interface BuildJob { docs: IngestedDoc[]; threads: number }
export type BuildEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'sentence-skip'; file: string; sentence: string; error: string }
  | { type: 'document-skip'; file: string; error: string }
  | { type: 'note'; message: string }
  | { type: 'done'; kb: Kb }
  | { type: 'failure'; message: string; unexplained: boolean };

const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function run(job: BuildJob): Promise<void> {
  const post = (e: BuildEvent): void => parentPort!.postMessage(e);
  try {
    const tagged = await tagInWorkers(job.docs, job.threads, (message) => post({ type: 'note', message }));
    const { kb } = buildKbGuarded(job.docs, {
      tagged,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
      onSkip: (file, sentence, error) => post({ type: 'sentence-skip', file, sentence, error: text(error) }),
      onDocumentSkip: (file, error) => post({ type: 'document-skip', file, error: text(error) }),
    });
    post({ type: 'done', kb });
  } catch (e) {
    post({ type: 'failure', message: text(e), unexplained: e instanceof BuildFailure });
  }
}

if (parentPort && (workerData as { job?: BuildJob } | undefined)?.job) void run((workerData as { job: BuildJob }).job);
