import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { serialQueue } from '../serial.js';
import type { Notification, NotificationChannel, NotificationKind, Transport } from './types.js';

export type NotificationInput = Pick<Notification, 'kind' | 'channel' | 'to' | 'interviewId' | 'text'>;

export interface FlushResult {
  delivered: number;
  failed: number;
  pending: number;
}

export interface Outbox {
  /** Write a notification; call it inside the transaction that makes it true, then `kick()`. */
  enqueue(input: NotificationInput): Notification;
  /** Deliver what is due, in the background. */
  kick(): void;
  /** Deliver everything still pending now, backoff or not, and wait for it (tests, shutdown). */
  flush(): Promise<FlushResult>;
  /**
   * Send without keeping a copy: for one-time codes, which must never be stored in clear and are
   * useless after five minutes anyway. Rejects unless every transport took it.
   */
  sendNow(input: NotificationInput): Promise<void>;
  /**
   * Remove these interviews' messages from every transport that keeps them, after any delivery
   * under way (call it once their rows are cancelled and blanked). Rejects if a transport could not.
   */
  erase(interviewIds: readonly string[]): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  interview_id: string;
  text: string;
  created_at: string;
  attempts: number;
  delivered_to: string;
}

/** After this many failed rounds a notification is left as `failed` for an operator to look at. */
const MAX_ATTEMPTS = 10;
const MAX_BACKOFF_MS = 3_600_000;

const toNotification = (row: OutboxRow): Notification => ({
  id: row.id, kind: row.kind, channel: row.channel, to: row.recipient, interviewId: row.interview_id, text: row.text, createdAt: row.created_at,
});

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * The notification outbox (R13): persist first, deliver second, retry what failed. Each transport
 * is tracked apart, so a retry never sends twice through a transport that already took it.
 */
export function createOutbox(options: {
  db: Database;
  transports: Transport[];
  now: () => Date;
  retryIntervalMs: number;
  /** A notification was delivered, or given up on: what it carried (a follow-up) can say so truly. */
  onSettled?: (id: string, outcome: 'delivered' | 'failed') => void;
}): Outbox {
  const { db, transports, now, retryIntervalMs, onSettled } = options;
  const insert = db.prepare(
    'INSERT INTO outbox (id, kind, channel, recipient, interview_id, text, created_at, next_attempt_ms) VALUES (@id, @kind, @channel, @to, @interviewId, @text, @createdAt, 0)',
  );
  const due = db.prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_ms <= ? ORDER BY created_at, id");
  const allPending = db.prepare("SELECT * FROM outbox WHERE state = 'pending' ORDER BY created_at, id");
  // `AND state = 'pending'`: a row cancelled while it was being sent (the candidate asked for erasure) stays cancelled.
  const markDelivered = db.prepare("UPDATE outbox SET state = 'delivered', delivered_to = ?, delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'pending'");
  const markFailed = db.prepare("UPDATE outbox SET state = ?, delivered_to = ?, attempts = ?, last_error = ?, next_attempt_ms = ? WHERE id = ? AND state = 'pending'");
  const counts = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'");
  const stillPending = db.prepare("SELECT 1 FROM outbox WHERE id = ? AND state = 'pending'");

  const queue = serialQueue();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** true: delivered; false: to be retried; null: cancelled since the drain read it (the candidate asked for erasure). */
  async function deliver(row: OutboxRow): Promise<boolean | null> {
    if (db.open && !stillPending.get(row.id)) return null;
    const done = new Set<string>(JSON.parse(row.delivered_to) as string[]);
    const errors: string[] = [];
    for (const transport of transports) {
      if (done.has(transport.name)) continue;
      try {
        await transport.send(toNotification(row));
        done.add(transport.name);
      } catch (error) {
        errors.push(`${transport.name}: ${errorText(error)}`);
      }
    }
    // The database may be closed under a late delivery at shutdown: the row stays pending, and the next start sends it.
    if (!db.open) return false;
    const deliveredTo = JSON.stringify([...done]);
    if (errors.length === 0) {
      if (markDelivered.run(deliveredTo, now().toISOString(), row.id).changes > 0) onSettled?.(row.id, 'delivered');
      return true;
    }
    const attempts = row.attempts + 1;
    const backoff = Math.min(retryIntervalMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    const given = attempts >= MAX_ATTEMPTS;
    const marked = markFailed.run(given ? 'failed' : 'pending', deliveredTo, attempts, errors.join('; '), now().getTime() + backoff, row.id);
    if (given && marked.changes > 0) onSettled?.(row.id, 'failed');
    return false;
  }

  async function drain(force: boolean): Promise<FlushResult> {
    if (!db.open) return { delivered: 0, failed: 0, pending: 0 };
    const rows = (force ? allPending.all() : due.all(now().getTime())) as OutboxRow[];
    let delivered = 0;
    let failed = 0;
    for (const row of rows) {
      const outcome = await deliver(row);
      if (outcome === true) delivered += 1;
      else if (outcome === false) failed += 1;
    }
    const pending = db.open ? (counts.get() as { n: number }).n : 0;
    return { delivered, failed, pending };
  }

  // One drain (or erasure) at a time: a kick during a drain queues behind it instead of sending the same row twice.
  const serial = queue.run;
  const schedule = (force: boolean) => serial(() => drain(force));

  function kick(): void {
    if (!stopped) void schedule(false).catch(() => undefined);
  }

  return {
    enqueue(input) {
      const notification: Notification = { id: randomUUID(), ...input, createdAt: now().toISOString() };
      insert.run(notification);
      return notification;
    },
    kick,
    flush: () => schedule(true),
    async sendNow(input) {
      const notification: Notification = { id: randomUUID(), ...input, createdAt: now().toISOString() };
      for (const transport of transports) await transport.send(notification);
    },
    erase: (interviewIds) =>
      serial(async () => {
        for (const transport of transports) await transport.erase?.(interviewIds);
      }),
    start() {
      timer = setInterval(kick, retryIntervalMs);
      // A retry timer alone must not keep a process (or a test run) alive.
      timer.unref();
      // What a previous run left undelivered goes out now.
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await queue.idle();
    },
  };
}
