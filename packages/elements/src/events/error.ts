import type { ConfigProblem } from '@ai-interview-exit/core';

/** What `aie-error` carries. */
export interface AieErrorDetail {
  /**
   * `config-invalid`: the config was refused and the safe defaults apply; `context-invalid`: an
   * attribute such as `interview-id` is missing or malformed; `progress-invalid`: a snapshot was
   * ignored; `adapter-missing`: no backend is set, exits stay queued in the page;
   * `adapter-failed`: a backend call failed; `storage-degraded`: IndexedDB is not available, so
   * an exit not yet delivered is kept in memory only.
   */
  code: 'config-invalid' | 'context-invalid' | 'progress-invalid' | 'adapter-missing' | 'adapter-failed' | 'storage-degraded';
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
