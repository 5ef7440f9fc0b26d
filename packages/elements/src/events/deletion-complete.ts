import type { DeletionReceipt, DeletionRequest } from '@ai-interview-exit/core';

/** What `aie-deletion-complete` carries. */
export interface AieDeletionCompleteDetail {
  request: DeletionRequest;
  /** The receipt the candidate sees: its id and the deadline. */
  receipt: DeletionReceipt;
}

/**
 * The backend received the data request and issued a receipt.
 */
export class AieDeletionCompleteEvent extends CustomEvent<AieDeletionCompleteDetail> {
  constructor(detail: AieDeletionCompleteDetail) {
    super('aie-deletion-complete', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-deletion-complete': AieDeletionCompleteEvent;
  }
}
