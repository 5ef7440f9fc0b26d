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
  /** `rejected`: refused for good (400, 403, 404, 422) and kept by an earlier version; removed at the next send. Refusals are no longer kept. */
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
  // let another tab upgrade or delete the database instead of waiting on this connection
  db.onversionchange = () => db.close();
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

/**
 * Forget the outboxes on this device (every interview, or those `which` picks by name): for a
 * shared computer after a session, and for tests and stories that must start clean.
 * Undelivered messages are lost with them.
 */
export async function clearOutboxes(which: (name: string) => boolean = () => true): Promise<void> {
  const idb = globalThis.indexedDB;
  if (!idb) return;
  const all = await idb.databases();
  await Promise.all(
    all
      .filter((info) => info.name?.startsWith('aie-outbox:') && which(info.name.slice('aie-outbox:'.length)))
      .map((info) => new Promise<void>((resolve) => {
        const request = idb.deleteDatabase(info.name!);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      })),
  );
}
