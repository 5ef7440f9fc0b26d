import type { ExitSource } from '@ai-interview-exit/core';

/** What `aie-exit-request` carries. */
export interface AieExitRequestDetail {
  /** Where the exit started: the fixed button, an inline link, the `open()` API or the resume prompt. */
  source: ExitSource;
}

/**
 * The candidate asked to exit, before anything opens. Cancelable: `preventDefault()` keeps the
 * dialog closed (for instance to run the vendor's own flow first).
 */
export class AieExitRequestEvent extends CustomEvent<AieExitRequestDetail> {
  constructor(detail: AieExitRequestDetail) {
    super('aie-exit-request', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-exit-request': AieExitRequestEvent;
  }
}
