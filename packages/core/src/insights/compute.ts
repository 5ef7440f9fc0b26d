import type { ExitConfig } from '../schemas/config.js';
import type { Insights, PlausibilityFlag, StartedInterview } from '../schemas/hr.js';
import type { ExitRecord } from '../schemas/exit-record.js';
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

/** Reasons by count, largest first; `code: null` for exits without a chosen reason. */
export function reasonBreakdown(exits: readonly ExitFact[]): Insights['reasons'] {
  return [...countBy(exits, (e) => e.reason?.code ?? null)]
    .map(([code, count]) => ({ code, count, share: share(count, exits.length) }))
    .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code)));
}

/** Exits over interviews started, per job type (R26). */
export function exitRateByRole(exits: readonly ExitFact[], started: readonly StartedInterview[]): Insights['byRole'] {
  const exitCounts = countBy(exits, (e) => e.jobType);
  const startCounts = countBy(started, (s) => s.jobType);
  const roles = new Set([...exitCounts.keys(), ...startCounts.keys()]);
  return [...roles].sort().map((key) => {
    const exitCount = exitCounts.get(key) ?? 0;
    const startCount = Math.max(startCounts.get(key) ?? 0, exitCount);
    return { key, exits: exitCount, started: startCount, rate: share(exitCount, startCount) };
  });
}

/** Exits per stage, over all interviews started: where in the interview candidates leave. */
export function exitRateByStage(exits: readonly ExitFact[], started: readonly StartedInterview[]): Insights['byStage'] {
  const total = Math.max(started.length, exits.length);
  return [...countBy(exits, (e) => e.stage)]
    .map(([key, count]) => ({ key, exits: count, started: total, rate: share(count, total) }))
    .sort((a, b) => b.exits - a.exits || a.key.localeCompare(b.key));
}

/** Exits per calendar day in `timeZone`, oldest first, with empty days filled in. */
export function exitsOverTime(exits: readonly ExitFact[], timeZone = 'UTC'): Insights['overTime'] {
  if (exits.length === 0) return [];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const counts = countBy(exits, (e) => day.format(new Date(e.exitedAt)));
  const days = [...counts.keys()].sort();
  const out: Insights['overTime'] = [];
  for (let t = Date.parse(`${days[0]}T00:00:00Z`); t <= Date.parse(`${days.at(-1)}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, count: counts.get(date) ?? 0 });
  }
  return out;
}

/**
 * Roles whose exit rate is above their threshold (default 30 %, per role in the config). Own keys
 * only: a job type may be named `constructor`, and must not find Object's.
 */
export function exitRateAlerts(byRole: Insights['byRole'], report: ExitConfig['report']): Insights['alerts'] {
  const { roleThresholds, exitRateThreshold } = report;
  return byRole
    .map(({ key, exits, started, rate }) => ({ jobType: key, exits, started, rate, threshold: Object.hasOwn(roleThresholds, key) ? roleThresholds[key]! : exitRateThreshold }))
    .filter((row) => row.rate > row.threshold);
}

/**
 * Why an exit's reason may not be what happened (R16): flagged for HR, never dropped or trusted
 * blindly. `history` is every exit known, to spot a reason given again and again.
 */
export function plausibilityFlags(exit: ExitFact, history: readonly ExitFact[], rules: PlausibilityRules = DEFAULT_PLAUSIBILITY): PlausibilityFlag[] {
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
    const since = Date.parse(exit.exitedAt) - repeated.withinDays * 86_400_000;
    const count = history.filter(
      (e) => e.candidateRef === exit.candidateRef && e.reason?.code === code && Date.parse(e.exitedAt) >= since && Date.parse(e.exitedAt) <= Date.parse(exit.exitedAt),
    ).length;
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
}

/** Everything the HR report shows, in one pass. */
export function computeInsights({ exits, started, report, rules, timeZone }: InsightsInput): Insights {
  const byRole = exitRateByRole(exits, started);
  const flags: Insights['flags'] = {};
  for (const exit of exits) {
    const found = plausibilityFlags(exit, exits, rules);
    if (found.length > 0) flags[exit.idempotencyKey] = found;
  }
  return {
    total: exits.length,
    reasons: reasonBreakdown(exits),
    byRole,
    byStage: exitRateByStage(exits, started),
    overTime: exitsOverTime(exits, timeZone),
    alerts: exitRateAlerts(byRole, report),
    flags,
  };
}
