import type { Database } from 'better-sqlite3';
import type { HrExitRow, StartedInterview } from '@ai-interview-exit/core/insights';

interface JoinedRow {
  idempotency_key: string;
  interview_id: string;
  candidate_ref: string;
  candidate_name: string | null;
  role_title: string | null;
  job_type: string;
  stage: string;
  progress_json: string | null;
  exited_at: string;
  received_at: string;
  client_exited_at: string | null;
  reason_code: string | null;
  reason_text: string | null;
  data_choice: HrExitRow['dataChoice'];
  source: HrExitRow['source'];
  verification: HrExitRow['verification'];
  review: HrExitRow['review'];
  anonymised: number;
  person_requested: number;
  reason_labels_json: string | null;
}

const SELECT = `
  SELECT e.*, i.candidate_name, i.role_title
  FROM exits e LEFT JOIN interviews i ON i.interview_id = e.interview_id
  WHERE e.state = 'done'`;

function toRow(row: JoinedRow): HrExitRow {
  const anonymised = row.anonymised === 1;
  // A record without a reason keeps reason_text NULL; a given reason has a text, '' if none was typed.
  const hasReason = row.reason_code !== null || row.reason_text !== null;
  return {
    idempotencyKey: row.idempotency_key,
    interviewId: row.interview_id,
    candidateRef: row.candidate_ref,
    candidateName: anonymised ? null : row.candidate_name,
    roleTitle: row.role_title ?? '',
    jobType: row.job_type,
    stage: row.stage,
    progress: row.progress_json ? JSON.parse(row.progress_json) : null,
    exitedAt: row.exited_at,
    receivedAt: row.received_at,
    ...(row.client_exited_at ? { clientExitedAt: row.client_exited_at } : {}),
    reason: hasReason ? { code: row.reason_code, text: row.reason_text ?? '', ...(row.reason_labels_json ? { labels: JSON.parse(row.reason_labels_json) } : {}) } : null,
    dataChoice: row.data_choice,
    source: row.source,
    verification: row.verification,
    review: row.review,
    anonymised,
    personRequested: row.person_requested === 1,
  };
}

export interface ExitFilter {
  jobType?: string;
  fromMs?: number;
  toMs?: number;
}

/** Exits as HR sees them (R24), newest first. */
export function listHrRows(db: Database, filter: ExitFilter): HrExitRow[] {
  const rows = db
    .prepare(`${SELECT}
      AND (@jobType IS NULL OR e.job_type = @jobType)
      AND (@fromMs IS NULL OR e.exited_ms >= @fromMs)
      AND (@toMs IS NULL OR e.exited_ms <= @toMs)
      ORDER BY e.exited_ms DESC, e.idempotency_key`)
    .all({ jobType: filter.jobType ?? null, fromMs: filter.fromMs ?? null, toMs: filter.toMs ?? null }) as JoinedRow[];
  return rows.map(toRow);
}

export function getHrRow(db: Database, idempotencyKey: string): HrExitRow | null {
  const row = db.prepare(`${SELECT} AND e.idempotency_key = ?`).get(idempotencyKey) as JoinedRow | undefined;
  return row ? toRow(row) : null;
}

/**
 * Interviews that started, the denominator of exit rates (R26), under the same filter: begun by the
 * candidate (a first answer, or an exit), not merely registered or opened.
 */
export function listStarted(db: Database, filter: ExitFilter): StartedInterview[] {
  const rows = db
    .prepare(`SELECT interview_id, job_type, began_at FROM interviews
      WHERE began_at IS NOT NULL AND (@jobType IS NULL OR job_type = @jobType) ORDER BY began_at`)
    .all({ jobType: filter.jobType ?? null }) as { interview_id: string; job_type: string; began_at: string }[];
  return rows
    .filter((row) => {
      const t = Date.parse(row.began_at);
      return (filter.fromMs === undefined || t >= filter.fromMs) && (filter.toMs === undefined || t <= filter.toMs);
    })
    .map((row) => ({ interviewId: row.interview_id, jobType: row.job_type, startedAt: row.began_at }));
}
