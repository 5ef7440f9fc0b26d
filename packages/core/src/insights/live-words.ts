import type { Translator } from '../i18n/translator.js';
import type { ExitReason } from '../schemas/exit-record.js';
import type { HrExitRow, RateAlertEvent } from '../schemas/hr.js';
import { reasonWords } from './labels.js';

/** What HR's live stream tells, as data: the reader's side puts it in the reader's language. */
export type HrLiveEvent = { type: 'exit'; row: HrExitRow } | { type: 'alert'; alert: RateAlertEvent };

/** Longest free-text reason quoted in a line; the report has the whole text. */
const QUOTE_LIMIT = 60;

type Words = Pick<Translator, 't'>;
type Reader = Pick<Translator, 't' | 'exists' | 'language'>;

/**
 * A reason in one line of a message or the feed: a built-in code translated, a vendor's own in the
 * labels its exit carried (in the reader's language when it has them), else the candidate's text
 * (shortened), else "not given".
 */
export function reasonLine(t: Reader, reason: Pick<ExitReason, 'code' | 'labels' | 'text'> | null): string {
  const key = (code: string) => `reason.${code}`;
  if (reason?.code) return reasonWords(reason, t.language, (code) => (t.exists(key(code)) ? t.t(key(code)) : null)) ?? reason.code;
  const text = reason?.text.trim();
  if (text) return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return t.t('done.noReason');
}

/** A role's alert, crossing (`above`) or recovered (`below`), in one sentence (R26). */
export function alertWords(t: Words, alert: RateAlertEvent): string {
  const percent = (n: number) => Math.round(n * 100);
  return t.t(alert.state === 'above' ? 'notify.alertAbove' : 'notify.alertBelow', {
    role: t.t(`jobType.${alert.jobType}`, { defaultValue: alert.jobType }),
    rate: percent(alert.rate),
    threshold: percent(alert.threshold),
    exits: alert.exits,
    started: alert.started,
  });
}

/**
 * One line of HR's live feed in the translator's language: the words HR's push has, so that a
 * viewer reading English sees English whatever the server's language is.
 */
export function hrLiveLine(t: Reader, event: HrLiveEvent): string {
  if (event.type === 'alert') return alertWords(t, event.alert);
  const { row } = event;
  const name = row.candidateName ?? row.candidateRef;
  return t.t(row.personRequested ? 'notify.hrPerson' : 'notify.hr', { name, reason: reasonLine(t, row.reason) });
}
