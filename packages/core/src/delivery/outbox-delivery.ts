import type { DeletionReceipt, DeletionRequest } from '../schemas/deletion.js';
import type { ExitReceipt, ExitRecord } from '../schemas/exit-record.js';
import { newUuid } from '../ids.js';
import type { DeliveryReport, ExitDelivery, FlowInput } from '../flow/store.js';
import type { Outbox } from './outbox.js';

/**
 * Durable delivery for the exit store (R11): an exit is on disk before the candidate is told
 * they are out, sent until the server acknowledges it, and found again after a reload.
 */
export function outboxDelivery(outbox: Outbox): ExitDelivery {
  /** Report the outbox's answers for this exit; held until it counts as stored, so a fast ack is never lost. */
  function follow(record: ExitRecord, deletion: DeletionRequest | null, report: DeliveryReport, stored: boolean) {
    const early: FlowInput[] = [];
    const feed = (action: FlowInput) => (stored ? report(action) : early.push(action));
    outbox.subscribe((event) => {
      if (event.type === 'degraded') return;
      const key = event.entry.key;
      if (key === record.idempotencyKey) {
        feed(
          event.type === 'delivered'
            ? { type: 'exitAcknowledged', receipt: event.response as ExitReceipt }
            : { type: event.type === 'rejected' ? 'exitRejected' : 'exitQueued', error: event.error },
        );
      } else if (key === deletion?.idempotencyKey && event.type !== 'retrying') {
        feed(event.type === 'delivered' ? { type: 'deletionReceived', receipt: event.response as DeletionReceipt } : { type: 'deletionRejected', error: event.error });
      }
    });
    return () => {
      stored = true;
      early.splice(0).forEach(report);
    };
  }

  return {
    deliver(record, deletion, report) {
      const release = follow(record, deletion, report, false);
      (async () => {
        await outbox.enqueue('exit', record.idempotencyKey, record);
        if (deletion) await outbox.enqueue('deletion', deletion.idempotencyKey, deletion);
      })().then(
        () => {
          report({ type: 'exitStored' });
          release();
          void outbox.flush();
        },
        // Even the memory fallback failed: the candidate still leaves; the exit is reported unsent.
        (error) => {
          report({ type: 'exitStored' });
          report({ type: 'exitQueued', error: 'unavailable' });
          console.error('ai-interview-exit: the exit could not be stored', error);
        },
      );
    },
    async recover(interviewId, report) {
      await outbox.ready;
      const entries = outbox.entries();
      const ofInterview = <T extends { interviewId: string }>(kind: 'exit' | 'deletion') =>
        entries.find((e) => e.kind === kind && (e.body as T).interviewId === interviewId)?.body as T | undefined;
      const record = ofInterview<ExitRecord>('exit');
      if (!record) return null;
      const deletion = ofInterview<DeletionRequest>('deletion') ?? null;
      follow(record, deletion, report, true);
      void outbox.flush();
      return { record, deletion };
    },
    saveProgress(snapshot) {
      void outbox.enqueue('progress', newUuid(), snapshot).then(() => outbox.flush());
    },
  };
}
