import type { ConfigProblem } from '@ai-interview-exit/core';

/** What `aie-error` carries. */
export interface AieErrorDetail {
  /**
   * `config-invalid`: the config was refused and the safe defaults apply; `context-invalid`: an
   * attribute such as `interview-id` is missing or malformed when the widget is first used (not
   * while the page sets it up); `progress-invalid`: a snapshot was ignored; `adapter-missing`: no
   * backend is set when the widget is first used, exits stay queued in the page;
   * `adapter-failed`: a backend call failed; `storage-degraded`: IndexedDB is not available, so
   * an exit not yet delivered is kept in memory only; `exit-rejected`: the backend refused the exit
   * for good (403, 404, 422, 400), it was removed from the device and the candidate is asked to
   * contact HR; `deletion-rejected`: the same for the data request (R10); `unauthorized`: the backend refused the interview token (401), give a fresh one
   * (the HTTP adapter's `getToken`, or `setToken`); the exit stays queued until then.
   */
  code: 'config-invalid' | 'context-invalid' | 'progress-invalid' | 'adapter-missing' | 'adapter-failed' | 'storage-degraded' | 'exit-rejected' | 'deletion-rejected' | 'unauthorized';
  message: string;
  /** Each problem found, for the `*-invalid` codes. */
  problems?: ConfigProblem[];
}

/**
 * Something the vendor should fix or know about. The candidate can always still exit.
 */
export class AieErrorEvent extends CustomEvent<AieErrorDetail> {
  constructor(detail: AieErrorDetail) {
    super('aie-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-error': AieErrorEvent;
  }
}
