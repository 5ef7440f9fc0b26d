/**
 * The server's clock is the truth: a time a client sends is believed only within a
 * bounded skew of when the server received it. A time outside is a wrong device clock, or a forged
 * one; either way the message is kept (an exit is never refused for its clock) with the server's
 * time instead, so that no stored time, and no HR query over stored times, is the client's choice.
 */
import type { ExitRecord, ProgressSnapshot } from '@ai-interview-exit/core';
import { DAY_MS } from './context.js';

/** A device clock may run this far ahead of the server's. */
export const MAX_AHEAD_MS = 5 * 60_000;
/**
 * A message may arrive this late: an exit made offline waits in the device's outbox until the
 * candidate is back online, at most for its token's life (seven days by default).
 */
export const MAX_BEHIND_MS = 30 * DAY_MS;

/** `claimed` if it lies within [earliest, latest], else `fallback`. */
function believe(claimed: number, earliest: number, latest: number, fallback: number): number {
  return claimed >= earliest && claimed <= latest ? claimed : fallback;
}

const keepOrSet = (original: string, ms: number) => (Date.parse(original) === ms ? original : new Date(ms).toISOString());

/**
 * A snapshot's times within [earliest, latest]: `updatedAt` outside becomes `fallback`, and
 * `startedAt` outside [earliest, updatedAt] becomes `updatedAt` (an unknown start reads as no time
 * spent, never as a month-long interview).
 */
function judgeProgress(progress: ProgressSnapshot, earliest: number, latest: number, fallback: number): ProgressSnapshot {
  const updated = believe(Date.parse(progress.updatedAt), earliest, latest, fallback);
  const started = believe(Date.parse(progress.startedAt), earliest, updated, updated);
  return { ...progress, startedAt: keepOrSet(progress.startedAt, started), updatedAt: keepOrSet(progress.updatedAt, updated) };
}

/** A progress snapshot received at `receivedMs`, with its times as the server believes them. */
export function judgeProgressTimes(progress: ProgressSnapshot, receivedMs: number): ProgressSnapshot {
  return judgeProgress(progress, receivedMs - MAX_BEHIND_MS, receivedMs + MAX_AHEAD_MS, receivedMs);
}

export interface JudgedExit {
  record: ExitRecord;
  /** What the device said the exit time was, when the server did not believe it; else null. */
  clientExitedAt: string | null;
}

/**
 * An exit received at `receivedMs`, with its times as the server believes them: `exitedAt` within
 * the skew, else the receive time; its progress within the exit (an exit before its own progress
 * started is a clock's error, not a reason to lose the exit).
 */
export function judgeExitTimes(record: ExitRecord, receivedMs: number): JudgedExit {
  const earliest = receivedMs - MAX_BEHIND_MS;
  const claimed = Date.parse(record.exitedAt);
  const exited = believe(claimed, earliest, receivedMs + MAX_AHEAD_MS, receivedMs);
  const judged: ExitRecord = {
    ...record,
    exitedAt: keepOrSet(record.exitedAt, exited),
    progress: record.progress && judgeProgress(record.progress, earliest, exited, exited),
  };
  return { record: judged, clientExitedAt: exited === claimed ? null : record.exitedAt };
}
