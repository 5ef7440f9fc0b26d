/** What `aie-exit-cancel` carries. */
export interface AieExitCancelDetail {
  /** The step the candidate left from. */
  step: 'help' | 'confirm' | 'verify';
}

/**
 * The candidate dismissed the exit dialog (Cancel or Escape) and stays in the interview.
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
