import type { Database } from 'better-sqlite3';
import { summariseNudges } from '@ai-interview-exit/core/insights';
import type { NudgeOutcome, NudgeSummary } from '@ai-interview-exit/core/intent';
import type { ExitFilter } from './hr-rows.js';

/** The nudges (R29) within HR's filter, by the server's time of receipt, summed by outcome: the cost does not grow with what a candidate sent. */
export function countNudges(db: Database, filter: ExitFilter): NudgeSummary {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  const rows = db
    .prepare(`SELECT outcome, COUNT(*) AS count FROM nudges
      WHERE (@jobType IS NULL OR job_type = @jobType)
        AND (@from IS NULL OR received_at >= @from)
        AND (@to IS NULL OR received_at <= @to)
      GROUP BY outcome`)
    .all({ jobType: filter.jobType ?? null, from: iso(filter.fromMs), to: iso(filter.toMs) }) as { outcome: NudgeOutcome; count: number }[];
  return summariseNudges(rows);
}
