/**
 * Registers `<aie-exit-report>` only: an HR page needs the report, and the candidate widget
 * (`define/index`) must not carry it.
 */
import { AieExitReport } from '../components/exit-report/exit-report.js';

export { AieExitReport } from '../components/exit-report/exit-report.js';
export { AieReportUpdateEvent, type AieReportUpdateDetail } from '../events/report-update.js';

customElements.get('aie-exit-report') || customElements.define('aie-exit-report', AieExitReport);
