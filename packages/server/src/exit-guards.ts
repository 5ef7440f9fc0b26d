/**
 * What a new exit is held to beyond its schema, so that one candidate can neither add categories
 * to HR's report nor flood it.
 */
import type { Database } from 'better-sqlite3';
import type { ExitConfig, ExitRecord } from '@ai-interview-exit/core';
import { isBuiltInReason } from '@ai-interview-exit/core/insights';
import { ApiError } from './errors.js';

/**
 * A reason code outside the company's policy is not believed: the exit and the candidate's own
 * words stay, the code (and its labels) go (the breakdown counts it with the exits that gave no
 * code). Labels stay only with a vendor's own code: a built-in code's translations stand.
 */
export function keepKnownReason(record: ExitRecord, reasons: ExitConfig['reasons']): ExitRecord {
  const reason = record.reason;
  const code = reason?.code;
  if (!reason || !code) return reason?.labels ? { ...record, reason: { code: null, text: reason.text } } : record;
  if (!reasons.some((option) => option.code === code)) return { ...record, reason: { code: null, text: reason.text } };
  if (!reason.labels || !isBuiltInReason(code)) return record;
  return { ...record, reason: { code, text: reason.text } };
}

/** New exits one interview may send within the window: a candidate who exits, comes back and exits again stays far below. */
export const EXIT_LIMIT = 10;
export const EXIT_LIMIT_WINDOW_MS = 3_600_000;

/**
 * The rate limit on new exits per interview (one candidate token names one interview). A replay of
 * a known key never reaches it: the route answers that from the stored receipt first.
 */
export function exitRateLimit(db: Database): (interviewId: string, now: Date) => void {
  const recent = db.prepare('SELECT COUNT(*) AS count, MIN(received_at) AS oldest FROM exits WHERE interview_id = ? AND received_at > ?');
  return (interviewId, now) => {
    const since = new Date(now.getTime() - EXIT_LIMIT_WINDOW_MS).toISOString();
    const { count, oldest } = recent.get(interviewId, since) as { count: number; oldest: string | null };
    if (count < EXIT_LIMIT) return;
    const waitMs = Date.parse(oldest!) + EXIT_LIMIT_WINDOW_MS - now.getTime();
    throw new ApiError(429, 'rate-limited', 'Too many exits for this interview; try again later.', Math.max(1, Math.ceil(waitMs / 1000)));
  };
}
