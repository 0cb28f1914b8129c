// Worker threads do not inherit tsx's loader (privatenumber/tsx#354): the
// worker registers it, then loads the TypeScript entry it was given.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
