import type { ExitRecord } from '@ai-interview-exit/core';

/** What `aie-exit-confirm` carries. */
export interface AieExitConfirmDetail {
  /** The one record of this exit (R8): progress, time, reason, data choice. Stored before delivery. */
  record: ExitRecord;
}

/**
 * The candidate is out: the exit record is stored and the success view shows. Delivery to the
 * backend follows (`aie-exit-complete` or `aie-exit-queued`).
 */
export class AieExitConfirmEvent extends CustomEvent<AieExitConfirmDetail> {
  constructor(detail: AieExitConfirmDetail) {
    super('aie-exit-confirm', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-exit-confirm': AieExitConfirmEvent;
  }
}
