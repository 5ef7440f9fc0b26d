import type { HrExitsResponse } from '@ai-interview-exit/core/insights';

/** What `aie-report-update` carries. */
export interface AieReportUpdateDetail {
  /** The rows and insights now shown. */
  data: HrExitsResponse;
  /** What brought them: the first load, a filter change, a new exit arriving live, or HR marking one reviewed. */
  cause: 'load' | 'filter' | 'live' | 'review';
}

/** The HR report shows new data (after a load, a filter change or a live exit). */
export class AieReportUpdateEvent extends CustomEvent<AieReportUpdateDetail> {
  constructor(detail: AieReportUpdateDetail) {
    super('aie-report-update', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'aie-report-update': AieReportUpdateEvent;
  }
}
