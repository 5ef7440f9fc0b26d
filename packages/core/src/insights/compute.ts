import type { ExitConfig } from '../schemas/config.js';
import type { Insights, PlausibilityFlag, RateAlertEvent, RateAlertState, StartedInterview } from '../schemas/hr.js';
import type { ExitReason, ExitRecord } from '../schemas/exit-record.js';
import { progressRatio } from '../schemas/progress.js';


/** The fields of an exit the insights read: an ExitRecord or an HrExitRow both fit. */
export type ExitFact = Pick<ExitRecord, 'idempotencyKey' | 'candidateRef' | 'jobType' | 'stage' | 'exitedAt' | 'reason' | 'progress'>;

/** The plausibility rules (R16); each can be tuned, or turned off with `null`. */
export interface PlausibilityRules {
  /** "Mis-click" claimed after this share of the interview or this many minutes. */
  lateMisClick: { reason: string; minProgress: number; minMinutes: number } | null;
  /** "Mis-click" claimed by someone who had already answered this many questions. */
  contradictsProgress: { reason: string; minAnswered: number } | null;
  /** The same candidate giving the same reason this many times within the window. */
  repeatedReason: { reason: string; count: number; withinDays: number } | null;
}

export const DEFAULT_PLAUSIBILITY: PlausibilityRules = {
  lateMisClick: { reason: 'mis-click', minProgress: 0.9, minMinutes: 40 },
  contradictsProgress: { reason: 'mis-click', minAnswered: 3 },
  repeatedReason: { reason: 'emergency', count: 2, withinDays: 90 },
};

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Reasons by count, largest first; `code: null` for exits without a chosen reason. A vendor's own
 * code keeps the labels its first exit in `exits` (the newest, as HR lists them) carried.
 */
export function reasonBreakdown(exits: readonly ExitFact[]): Insights['reasons'] {
  const labels = new Map<string, NonNullable<ExitReason['labels']>>();
  for (const { reason } of exits) if (reason?.code && reason.labels && !labels.has(reason.code)) labels.set(reason.code, reason.labels);
  return [...countBy(exits, (e) => e.reason?.code ?? null)]
    .map(([code, count]) => {
      const carried = code === null ? undefined : labels.get(code);
      return { code, count, share: share(count, exits.length), ...(carried ? { labels: carried } : {}) };
    })
    .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code)));
}

/** Exits over interviews started, per job type (R26). */
export function exitRateByRole(exits: readonly ExitFact[], started: readonly StartedInterview[]): Insights['byRole'] {
  const exitCounts = countBy(exits, (e) => e.jobType);
  const startCounts = countBy(started, (s) => s.jobType);
  const roles = new Set([...exitCounts.keys(), ...startCounts.keys()]);
  return [...roles].sort().map((key) => roleRate(key, exitCounts.get(key) ?? 0, startCounts.get(key) ?? 0));
}

/** One role's exit rate from counts (a server counts in SQL); an exit implies a start. */
export function roleRate(key: string, exits: number, started: number): Insights['byRole'][number] {
  const startCount = Math.max(started, exits);
  return { key, exits, started: startCount, rate: share(exits, startCount) };
}

/** Exits per stage, over all interviews started: where in the interview candidates leave. */
export function exitRateByStage(exits: readonly ExitFact[], started: readonly StartedInterview[]): Insights['byStage'] {
  const total = Math.max(started.length, exits.length);
  return [...countBy(exits, (e) => e.stage)]
    .map(([key, count]) => ({ key, exits: count, started: total, rate: share(count, total) }))
    .sort((a, b) => b.exits - a.exits || a.key.localeCompare(b.key));
}

/** The most days the over-time series spans: its cost never depends on how far apart exit dates lie. */
export const OVER_TIME_MAX_DAYS = 731;

/** The instants the over-time series may cover (a report's date filter, or up to now). */
export interface TimeRange {
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

/**
 * Exits per calendar day in `timeZone`, oldest first, with empty days filled in: the days of
 * `range` that hold exits, at most the last `maxDays` of them (exits outside still count
 * everywhere else), so that neither the series nor its cost follows a date someone chose.
 */
export function exitsOverTime(exits: readonly ExitFact[], timeZone = 'UTC', range: TimeRange = {}, maxDays = OVER_TIME_MAX_DAYS): Insights['overTime'] {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (ms: number) => Date.parse(`${day.format(new Date(ms))}T00:00:00Z`);
  const inRange = exits.filter((e) => {
    const t = Date.parse(e.exitedAt);
    return (range.fromMs === undefined || t >= range.fromMs) && (range.toMs === undefined || t <= range.toMs);
  });
  if (inRange.length === 0) return [];
  const counts = countBy(inRange, (e) => day.format(new Date(e.exitedAt)));
  const days = [...counts.keys()].sort();
  const last = Math.min(Date.parse(`${days.at(-1)}T00:00:00Z`), range.toMs === undefined ? Infinity : dayOf(range.toMs));
  const first = Math.max(Date.parse(`${days[0]}T00:00:00Z`), last - (maxDays - 1) * 86_400_000);
  const out: Insights['overTime'] = [];
  for (let t = first; t <= last; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, count: counts.get(date) ?? 0 });
  }
  return out;
}

/** A role's alert line: its own in the config, else the default. */
export const alertThreshold = (jobType: string, { roleThresholds, exitRateThreshold }: ExitConfig['report']): number =>
  Object.hasOwn(roleThresholds, jobType) ? roleThresholds[jobType]! : exitRateThreshold;

/**
 * Roles whose exit rate is above their threshold (default 30 %, per role in the config), once they
 * have the minimum sample of started interviews. Own keys only: a job type may be named
 * `constructor`, and must not find Object's.
 */
export function exitRateAlerts(byRole: Insights['byRole'], report: ExitConfig['report']): Insights['alerts'] {
  // A config parsed before the minimum existed has none: every sample counts, as it did then.
  const minInterviews = report.minInterviews ?? 1;
  return byRole
    .map(({ key, exits, started, rate }) => ({ jobType: key, exits, started, rate, threshold: alertThreshold(key, report) }))
    .filter((row) => row.started >= minInterviews && row.rate > row.threshold);
}

/**
 * Whether a role's alert changed (R26): `above` when it crosses its threshold, `below` when it
 * recovers, null while it stays where it was, so that HR is told once per crossing.
 */
export function rateAlertChange(previous: RateAlertState, rate: Insights['byRole'][number], report: ExitConfig['report']): RateAlertEvent | null {
  const [alert] = exitRateAlerts([rate], report);
  const state: RateAlertState = alert ? 'above' : 'below';
  if (state === previous) return null;
  // Nothing to recover from: a role never alerted is not news.
  if (state === 'below' && previous !== 'above') return null;
  return { jobType: rate.key, state, rate: rate.rate, threshold: alertThreshold(rate.key, report), exits: rate.exits, started: rate.started };
}

/** Exit times (ms, ascending) by candidate and reason code: built once, so a flag costs a lookup, not a scan. */
export type ReasonHistory = Map<string, number[]>;

const historyKey = (candidateRef: string, code: string) => `${candidateRef}\n${code}`;

export function indexReasonHistory(history: readonly ExitFact[]): ReasonHistory {
  const index: ReasonHistory = new Map();
  for (const e of history) {
    if (!e.reason?.code) continue;
    const key = historyKey(e.candidateRef, e.reason.code);
    const times = index.get(key) ?? [];
    times.push(Date.parse(e.exitedAt));
    index.set(key, times);
  }
  for (const times of index.values()) times.sort((a, b) => a - b);
  return index;
}

/** How many of the ascending `times` are < `t`. */
function countBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Why an exit's reason may not be what happened (R16): flagged for HR, never dropped or trusted
 * blindly. `history` is every exit known (or its index), to spot a reason given again and again.
 */
export function plausibilityFlags(
  exit: ExitFact,
  history: readonly ExitFact[] | ReasonHistory,
  rules: PlausibilityRules = DEFAULT_PLAUSIBILITY,
): PlausibilityFlag[] {
  const flags: PlausibilityFlag[] = [];
  const code = exit.reason?.code ?? null;
  const progress = exit.progress;
  const ratio = progressRatio(progress);
  const percent = Math.round(ratio * 100);
  const minutes = progress ? Math.round(Math.max(0, Date.parse(exit.exitedAt) - Date.parse(progress.startedAt)) / 60_000) : 0;
  const late = rules.lateMisClick;
  const isLate = !!late && code === late.reason && !!progress && (ratio >= late.minProgress || minutes >= late.minMinutes);
  if (isLate) flags.push({ rule: 'late-mis-click', params: { reason: code!, percent, minutes } });
  const contra = rules.contradictsProgress;
  if (!isLate && contra && code === contra.reason && progress && progress.answered >= contra.minAnswered) {
    flags.push({ rule: 'contradicts-progress', params: { reason: code, answered: progress.answered, total: progress.total } });
  }
  const repeated = rules.repeatedReason;
  if (repeated && code === repeated.reason) {
    const at = Date.parse(exit.exitedAt);
    const index = history instanceof Map ? history : indexReasonHistory(history);
    const times = index.get(historyKey(exit.candidateRef, code)) ?? [];
    // Within [at - window, at], both ends included.
    const count = countBefore(times, at + 1) - countBefore(times, at - repeated.withinDays * 86_400_000);
    if (count >= repeated.count) flags.push({ rule: 'repeated-reason', params: { reason: code, count, days: repeated.withinDays } });
  }
  return flags;
}

export interface InsightsInput {
  exits: readonly ExitFact[];
  started: readonly StartedInterview[];
  report: ExitConfig['report'];
  rules?: PlausibilityRules;
  timeZone?: string;
  /** The span of the over-time series (e.g. the report's filter, ending now at the latest). */
  range?: TimeRange;
}

/** Everything the HR report shows, in one pass. */
export function computeInsights({ exits, started, report, rules, timeZone, range }: InsightsInput): Insights {
  const byRole = exitRateByRole(exits, started);
  const flags: Insights['flags'] = {};
  const history = indexReasonHistory(exits);
  for (const exit of exits) {
    const found = plausibilityFlags(exit, history, rules);
    if (found.length > 0) flags[exit.idempotencyKey] = found;
  }
  return {
    total: exits.length,
    reasons: reasonBreakdown(exits),
    byRole,
    byStage: exitRateByStage(exits, started),
    overTime: exitsOverTime(exits, timeZone, range),
    alerts: exitRateAlerts(byRole, report),
    flags,
  };
}
