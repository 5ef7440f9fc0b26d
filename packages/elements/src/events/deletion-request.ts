import type { DeletionRequest } from '@ai-interview-exit/core';

/** What `aie-deletion-request` carries. */
export interface AieDeletionRequestDetail {
  /** What the candidate asked for their personal data (R10): anonymise or delete. */
  request: DeletionRequest;
}

/**
 * With the exit, the candidate asked that their personal data be anonymised or deleted.
 */
export class AieDeletionRequestEvent extends CustomEvent<AieDeletionRequestDetail> {
  constructor(detail: AieDeletionRequestDetail) {
    super('aie-deletion-request', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-deletion-request': AieDeletionRequestEvent;
  }
}
