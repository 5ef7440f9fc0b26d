import type { IntentSignal } from '@ai-interview-exit/core/intent';

/** What `aie-intent` carries. */
export interface AieIntentDetail {
  /** The signal that just came: `exit-hover`, `idle`, or one the page reported with `signal()`. */
  signal: IntentSignal;
  /** The distinct signals within the window, oldest first. */
  signals: IntentSignal[];
  /** 0..1: how strongly the recent signals suggest the candidate is about to leave. */
  score: number;
  /** When, as an ISO 8601 instant. */
  at: string;
  /** Whether help is offered now (the policy's `nudge` is on, the score reached the threshold, no quiet period runs). */
  nudge: boolean;
}

/**
 * The candidate may be about to leave (R29): a sign of hesitation came, with the score it gives.
 * Fires whether or not a nudge is shown, so that the page can offer help its own way.
 */
export class AieIntentEvent extends CustomEvent<AieIntentDetail> {
  constructor(detail: AieIntentDetail) {
    super('aie-intent', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-intent': AieIntentEvent;
  }
}
