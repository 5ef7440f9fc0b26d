import { checkedAdapter, MAX_RETRY_AFTER_SECONDS, PERMANENT, toAdapterError, type ExitAdapter } from '../adapters/adapter.js';
import type { DeletionRequest } from '../schemas/deletion.js';
import type { ExitRecord } from '../schemas/exit-record.js';
import type { ProgressSnapshot } from '../schemas/progress.js';
import type { AdapterErrorCode } from '../schemas/protocol.js';
import { memoryStorage, openIndexedDbStorage, type OutboxEntry, type OutboxKind, type OutboxStorage } from './storage.js';

/** An adapter that can also send while the page closes (the HTTP adapter can). */
export type BeaconAdapter = ExitAdapter & { beacon?: (kind: OutboxKind, body: unknown) => boolean };

export type OutboxEvent =
  | { type: 'delivered'; entry: OutboxEntry; response: unknown }
  | { type: 'retrying'; entry: OutboxEntry; error: AdapterErrorCode; delayMs: number }
  /** Refused for good (403, 404, 422, 400): removed from the device with its free text, never sent again. */
  | { type: 'rejected'; entry: OutboxEntry; error: AdapterErrorCode }
  | { type: 'degraded'; reason: string };

export interface OutboxOptions {
  adapter: BeaconAdapter;
  /** One outbox per interview: its IndexedDB database and its Web Lock are named after it. */
  name: string;
  /** Where entries live; IndexedDB by default, memory when that fails (with a `degraded` event). */
  storage?: OutboxStorage | Promise<OutboxStorage>;
  /** Full-jitter exponential backoff: a try waits random(0, min(capMs, baseMs · 2^(n-1))). */
  retry?: { baseMs: number; capMs: number };
  /** Longest wait for one send before it counts as `timeout` and the queue moves on (default 30 s). */
  timeoutMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface Outbox {
  /** The interview (or other scope) this outbox delivers for. */
  readonly name: string;
  /** Store a message durably; resolves once it is on disk, before any send. */
  enqueue(kind: 'exit', key: string, body: ExitRecord): Promise<void>;
  enqueue(kind: 'deletion', key: string, body: DeletionRequest): Promise<void>;
  enqueue(kind: 'progress', key: string, body: ProgressSnapshot): Promise<void>;
  /** Send what is due, in order; one tab at a time. */
  flush(): Promise<void>;
  /** Listen for page events: flush now (page load), on `online`, and by beacon when the page hides. */
  start(): void;
  stop(): void;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /** What is waiting, in order (a copy). */
  entries(): OutboxEntry[];
  readonly ready: Promise<{ durable: boolean }>;
}

/** The browser's keep-alive budget for requests that outlive the page (64 KiB, shared). */
const KEEPALIVE_BUDGET = 64 * 1024;

/**
 * Never lose an exit (R11): every message is written to IndexedDB before the first send, sent
 * with its idempotency key until the server acknowledges it, and deleted only then.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  // What the outbox sends was checked when the flow made it; an entry kept by an older version is
  // the server's to judge, never dropped here as if the server had refused it.
  const adapter = checkedAdapter(options.adapter, options.timeoutMs, false);
  const beacon = options.adapter.beacon?.bind(options.adapter);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const { baseMs, capMs } = options.retry ?? { baseMs: 1000, capMs: 60_000 };
  const listeners = new Set<(event: OutboxEvent) => void>();
  const emit = (event: OutboxEvent) => listeners.forEach((listener) => listener(event));
  let mirror = new Map<string, OutboxEntry>();
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let writes: Promise<unknown> = Promise.resolve();
  /** A page load or the network coming back: try everything now, whatever the backoff said. */
  let eager = false;

  const ready = (async () => {
    let storage: OutboxStorage;
    try {
      storage = await (options.storage ?? openIndexedDbStorage(`aie-outbox:${options.name}`));
    } catch (error) {
      storage = memoryStorage();
      queueMicrotask(() => emit({ type: 'degraded', reason: error instanceof Error ? error.message : String(error) }));
    }
    await reload(storage);
    return storage;
  })();

  async function reload(storage: OutboxStorage) {
    const loaded = await storage.load();
    mirror = new Map(loaded.sort((a, b) => a.seq - b.seq).map((e) => [e.key, e]));
    seq = Math.max(seq, ...loaded.map((e) => e.seq + 1), Date.now() * 1000);
  }

  function send(entry: OutboxEntry): Promise<unknown> {
    if (entry.kind === 'exit') return adapter.submitExit(entry.body as ExitRecord);
    if (entry.kind === 'deletion') return adapter.requestDeletion(entry.body as DeletionRequest);
    return adapter.saveProgress(entry.body as ProgressSnapshot);
  }

  function schedule(at: number) {
    clearTimeout(timer);
    // within setTimeout's range (2^31 - 1 ms): past it, the timer fires at once, in a loop
    timer = setTimeout(() => void outbox.flush(), Math.min(2 ** 31 - 1, Math.max(0, at - now())));
  }

  async function drain(storage: OutboxStorage) {
    await reload(storage); // another tab may have sent some of them
    const due = eager ? Infinity : now();
    eager = false;
    const forget = async (entry: OutboxEntry) => {
      await storage.remove(entry.key);
      mirror.delete(entry.key);
    };
    for (const entry of [...mirror.values()]) {
      // refused for good, and kept by an earlier version: its free text must not stay, and the refusal is told
      if (entry.state === 'rejected') {
        await forget(entry);
        emit({ type: 'rejected', entry, error: entry.lastError ?? 'forbidden' });
        continue;
      }
      if (entry.nextAttemptAt > due) return schedule(entry.nextAttemptAt);
      try {
        const response = await send(entry);
        await forget(entry);
        emit({ type: 'delivered', entry, response });
      } catch (thrown) {
        const error = toAdapterError(thrown);
        const attempts = entry.attempts + 1;
        if (PERMANENT.has(error.code)) {
          // sending it again cannot succeed: nothing of it (free text included) stays on the device
          await forget(entry);
          emit({ type: 'rejected', entry: { ...entry, attempts, state: 'rejected', lastError: error.code }, error: error.code });
          continue;
        }
        const jitter = random() * Math.min(capMs, baseMs * 2 ** (attempts - 1));
        // a vendor's adapter may ask for any wait (Infinity, NaN): the same bound as the HTTP adapter's
        const delayMs = Math.max(jitter, Math.min(MAX_RETRY_AFTER_SECONDS, error.retryAfterSeconds ?? 0) * 1000 || 0);
        const retried: OutboxEntry = { ...entry, attempts, nextAttemptAt: now() + delayMs, lastError: error.code };
        await storage.put(retried);
        mirror.set(entry.key, retried);
        emit({ type: 'retrying', entry: retried, error: error.code, delayMs });
        return schedule(retried.nextAttemptAt); // order is kept: nothing after it goes first
      }
    }
  }

  /** One tab sends at a time (Web Locks); where the API is missing, this tab just sends. */
  async function locked(storage: OutboxStorage) {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return drain(storage);
    await locks.request(`aie-outbox:${options.name}`, { ifAvailable: true }, async (lock) => {
      if (lock) await drain(storage);
      else schedule(now() + 2000); // the other tab is sending; look again soon
    });
  }

  const onOnline = () => {
    eager = true;
    void outbox.flush();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') sendBeacons();
  };

  /** The page is going away: hand what is pending to the browser. Entries stay until acknowledged. */
  function sendBeacons() {
    if (!beacon) return void outbox.flush();
    let budget = KEEPALIVE_BUDGET;
    for (const entry of mirror.values()) {
      if (entry.state === 'rejected') continue;
      const size = JSON.stringify(entry.body).length + 1024;
      if (size > budget || !beacon(entry.kind, entry.body)) break;
      budget -= size;
    }
  }

  const outbox: Outbox = {
    name: options.name,
    ready: ready.then((storage) => ({ durable: storage.durable })),
    enqueue(kind: OutboxKind, key: string, body: unknown) {
      // one write at a time, so that order and the progress coalescing hold under bursts
      const write = writes.then(async () => {
        const storage = await ready;
        if (kind === 'progress') {
          // only the latest snapshot matters: drop the ones not tried yet
          for (const old of [...mirror.values()]) {
            if (old.kind === 'progress' && old.state === 'pending' && old.attempts === 0) {
              await storage.remove(old.key);
              mirror.delete(old.key);
            }
          }
        }
        const entry: OutboxEntry = { key, kind, body, seq: seq++, attempts: 0, nextAttemptAt: 0, state: 'pending', lastError: null };
        await storage.put(entry);
        mirror.set(key, entry);
      });
      writes = write.catch(() => {});
      return write;
    },
    flush() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        const storage = await ready;
        do {
          again = false;
          await locked(storage);
        } while (again);
      })()
        // storage gone (deleted by `clearOutboxes`, or the browser evicted it): try again later
        .catch(() => schedule(now() + capMs))
        .finally(() => (running = null));
      return running;
    },
    start() {
      eager = true;
      if (typeof window === 'undefined') return void outbox.flush();
      window.addEventListener('online', onOnline);
      document.addEventListener('visibilitychange', onHidden);
      window.addEventListener('pagehide', sendBeacons);
      void outbox.flush();
    },
    stop() {
      clearTimeout(timer);
      if (typeof window === 'undefined') return;
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', sendBeacons);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    entries: () => [...mirror.values()].map((e) => ({ ...e })),
  };
  return outbox;
}
