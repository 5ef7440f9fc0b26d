import type { AdapterErrorCode, ExitRecord } from '@ai-interview-exit/core';

/** What `aie-exit-queued` carries. */
export interface AieExitQueuedDetail {
  record: ExitRecord;
  /** Why the backend could not take it now (`network`, `unavailable`, …). */
  error: AdapterErrorCode;
}

/**
 * The exit stands but could not be delivered yet (offline, failing or missing backend); the
 * candidate is told it will be sent later.
 */
export class AieExitQueuedEvent extends CustomEvent<AieExitQueuedDetail> {
  constructor(detail: AieExitQueuedDetail) {
    super('aie-exit-queued', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-exit-queued': AieExitQueuedEvent;
  }
}
