import type { AdapterErrorCode } from '../schemas/protocol.js';

export type OutboxKind = 'exit' | 'progress' | 'deletion';

/** One message waiting for the server's acknowledgement. */
export interface OutboxEntry {
  /** The message's idempotency key: the same on every try, so the server keeps one copy. */
  key: string;
  kind: OutboxKind;
  body: unknown;
  /** Order of arrival; entries are sent strictly in this order. */
  seq: number;
  attempts: number;
  /** Epoch milliseconds before which it is not tried again (backoff, Retry-After). */
  nextAttemptAt: number;
  /** `rejected`: the server refused it for good (400, 403, 404, 422); kept, never retried. */
  state: 'pending' | 'rejected';
  lastError: AdapterErrorCode | null;
}

export interface OutboxStorage {
  /** False for the in-memory fallback: entries do not survive a reload. */
  readonly durable: boolean;
  load(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStorage(): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  return {
    durable: false,
    load: async () => [...entries.values()].map((e) => ({ ...e })),
    put: async (entry) => void entries.set(entry.key, { ...entry }),
    remove: async (key) => void entries.delete(key),
  };
}

const STORE = 'entries';

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction is on disk ("strict" durability): only then is a message stored. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** IndexedDB storage, one database per outbox name. Rejects where IndexedDB is missing or blocked. */
export async function openIndexedDbStorage(name: string): Promise<OutboxStorage> {
  const idb = globalThis.indexedDB;
  if (!idb) throw new Error('IndexedDB is not available');
  const open = idb.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
  const db = await settle(open);
  const write = (change: (store: IDBObjectStore) => void) => {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    change(tx.objectStore(STORE));
    return committed(tx);
  };
  return {
    durable: true,
    load: () => settle(db.transaction(STORE, 'readonly').objectStore(STORE).getAll()) as Promise<OutboxEntry[]>,
    put: (entry) => write((store) => store.put(entry)),
    remove: (key) => write((store) => store.delete(key)),
  };
}
