// Shared test data: a believable interview context, progress and exit record, built fresh for every call.
import { newUuid, type ExitContext, type ExitRecord, type ProgressSnapshot } from '@ai-interview-exit/core';
import { progressAt as snapshot, STARTED } from '../../stories/fixtures/progress.js';

export const T0 = STARTED;

/** `answered` of `total` questions, 90 s each, started at T0 (the stories' snapshot, for interview iv-1). */
export function progressAt(answered: number, total = 10, stage = 'professional', interviewId = 'iv-1'): ProgressSnapshot {
  return snapshot(answered, total, stage, interviewId);
}

/** A valid exit record of interview iv-1, with a fresh idempotency key. */
export function recordFor(overrides: Partial<ExitRecord> = {}): ExitRecord {
  return {
    idempotencyKey: newUuid(),
    interviewId: 'iv-1',
    candidateRef: 'cand-7f3a',
    jobType: 'frontline',
    stage: 'professional',
    progress: progressAt(5),
    exitedAt: T0,
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    reason: { code: 'emergency', text: '' },
    dataChoice: 'keep',
    source: 'button',
    verification: 'not-required',
    hrReview: true,
    personRequested: false,
    ...overrides,
  };
}

export function contextFor(overrides: Partial<ExitContext> = {}): ExitContext {
  return {
    interviewId: 'iv-1',
    candidateRef: 'cand-7f3a',
    jobType: 'engineer',
    stage: 'professional',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    progress: progressAt(5),
    ...overrides,
  };
}
