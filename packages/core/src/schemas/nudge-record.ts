import * as z from 'zod/mini';
import { CodeSchema, IdSchema, InstantSchema, intBetween, UuidSchema } from './common.js';
import { NudgeOutcomeSchema } from './nudge.js';

/** Every sign of hesitation the widget weighs: its own (hover or focus on the exit button, a long idle) and the vendor's. */
export const IntentSignalSchema = z.enum(['exit-hover', 'idle', 'answer-failed', 'media-error', 'network-unstable']);
export type IntentSignal = z.infer<typeof IntentSignalSchema>;

/** One nudge and what followed, for HR (R29). Sent again as the outcome moves on; idempotent by `id`. No personal data. */
export const NudgeRecordSchema = z.object({
  id: UuidSchema,
  interviewId: IdSchema,
  candidateRef: IdSchema,
  jobType: CodeSchema,
  stage: CodeSchema,
  shownAt: InstantSchema,
  /** Which signals led to it (at most one of each name). */
  signals: z.array(IntentSignalSchema).check(z.maxLength(IntentSignalSchema.options.length)),
  score: z.number().check(z.gte(0), z.lte(1)),
  outcome: NudgeOutcomeSchema,
  /** The exit it was followed by, when `outcome` is `exited`. */
  exitKey: z.optional(UuidSchema),
});
export type NudgeRecord = z.infer<typeof NudgeRecordSchema>;

/** How nudges went, for HR's report: how many were shown and what followed. */
export const NudgeSummarySchema = z.object({
  shown: intBetween(0),
  stayed: intBetween(0),
  help: intBetween(0),
  exited: intBetween(0),
});
export type NudgeSummary = z.infer<typeof NudgeSummarySchema>;
