import type { ProgressSnapshot } from '@ai-interview-exit/core';

/** What `aie-resume` carries. */
export interface AieResumeDetail {
  /** The progress kept on this device from the unfinished visit: restore the interview from it. */
  snapshot: ProgressSnapshot;
}

/**
 * The candidate chose to continue an unfinished interview (R15).
 */
export class AieResumeEvent extends CustomEvent<AieResumeDetail> {
  constructor(detail: AieResumeDetail) {
    super('aie-resume', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-resume': AieResumeEvent;
  }
}
