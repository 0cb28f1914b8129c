// A worker thread of the tag pool: tags the documents it is sent with the
// language layer's tagger (compromise), one message per document.
import { parentPort } from 'node:worker_threads';
import '../lang/node-lexicon';
import { tagText } from '../lang/tagger';

export interface TagRequest { id: string; text: string }
export type TagReply = { id: string; words: ReturnType<typeof tagText> } | { id: string; error: string };

parentPort?.on('message', (m: TagRequest) => {
  try {
    parentPort!.postMessage({ id: m.id, words: tagText(m.text) } satisfies TagReply);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies TagReply);
  }
});
