import type { ExitReceipt, ExitRecord } from '@ai-interview-exit/core';

/** What `aie-exit-complete` carries. */
export interface AieExitCompleteDetail {
  record: ExitRecord;
  /** The backend's acknowledgement, the same for every replay of the record's idempotency key. */
  receipt: ExitReceipt;
}

/**
 * The backend acknowledged the exit record.
 */
export class AieExitCompleteEvent extends CustomEvent<AieExitCompleteDetail> {
  constructor(detail: AieExitCompleteDetail) {
    super('aie-exit-complete', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-exit-complete': AieExitCompleteEvent;
  }
}
