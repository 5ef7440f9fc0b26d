/** What `aie-exit-cancel` carries. */
export interface AieExitCancelDetail {
  /** The step the candidate left from; `complete` when they closed "your interview is complete" (nothing was recorded). */
  step: 'help' | 'confirm' | 'verify' | 'complete';
}

/**
 * The candidate dismissed the exit dialog (Cancel, Close or Escape) without an exit: they stay in the
 * interview, or (`step: 'complete'`) the interview was already complete and no exit was recorded.
 */
export class AieExitCancelEvent extends CustomEvent<AieExitCancelDetail> {
  constructor(detail: AieExitCancelDetail) {
    super('aie-exit-cancel', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-exit-cancel': AieExitCancelEvent;
  }
}
