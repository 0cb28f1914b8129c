// IndexedDB globals (IDBRequest, IDBKeyRange, …) for idb in Node tests.
import 'fake-indexeddb/auto';
// The language layer's data, read from the repository on first use.
import './src/lang/node-lexicon';
