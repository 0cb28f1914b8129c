// IndexedDB globals (IDBRequest, IDBKeyRange, …) for idb in Node tests.
import 'fake-indexeddb/auto';
