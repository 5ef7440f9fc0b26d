// Shared test data: a believable interview context and progress, built fresh for every call.
import type { ExitContext, ProgressSnapshot } from '@ai-interview-exit/core';

export const T0 = '2026-11-26T08:00:00.000Z';

export function progressAt(answered: number, total = 10, stage = 'professional', interviewId = 'iv-1'): ProgressSnapshot {
  return {
    interviewId,
    stage,
    answered,
    total,
    questionSeconds: Array.from({ length: answered }, () => 90),
    startedAt: T0,
    updatedAt: new Date(Date.parse(T0) + answered * 90_000).toISOString(),
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
