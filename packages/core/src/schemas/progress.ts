import * as z from 'zod/mini';
import { CodeSchema, IdSchema, InstantSchema, intBetween } from './common.js';

/** How far an interview got (R8): the stage, questions answered of the total, seconds per answered question. */
export const ProgressSnapshotSchema = z
  .object({
    interviewId: IdSchema,
    stage: CodeSchema,
    answered: intBetween(0),
    total: intBetween(1, 10_000),
    /** Seconds the candidate spent on each answered question, in order: a day at most. */
    questionSeconds: z.array(z.number().check(z.gte(0), z.lte(86_400))).check(z.maxLength(10_000)),
    startedAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .check(
    z.refine((p) => p.answered <= p.total, { message: 'answered cannot exceed total', path: ['answered'] }),
    z.refine((p) => p.questionSeconds.length <= p.total, {
      message: 'more question timings than questions',
      path: ['questionSeconds'],
    }),
    z.refine((p) => Date.parse(p.updatedAt) >= Date.parse(p.startedAt), {
      message: 'updatedAt is before startedAt',
      path: ['updatedAt'],
    }),
  );
export type ProgressSnapshot = z.infer<typeof ProgressSnapshotSchema>;

/** Share of the interview done, 0..1. */
export function progressRatio(progress: Pick<ProgressSnapshot, 'answered' | 'total'> | null | undefined): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(1, Math.max(0, progress.answered / progress.total));
}

/** Whole percent for people (R7): 49.6 % reads as 50 %, never 100 % before the last answer. */
export function progressPercent(progress: Pick<ProgressSnapshot, 'answered' | 'total'> | null | undefined): number {
  if (!progress) return 0;
  const percent = Math.round(progressRatio(progress) * 100);
  return percent === 100 && progress.answered < progress.total ? 99 : percent;
}
