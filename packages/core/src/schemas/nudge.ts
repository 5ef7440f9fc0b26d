import * as z from 'zod/mini';
import { CodeSchema, IdSchema, InstantSchema, intBetween, UuidSchema } from './common.js';

/**
 * What a vendor may report through `widget.signal(name)` (R29): an answer that failed to go
 * through, camera or microphone trouble, a shaky connection.
 */
export const VendorSignalSchema = z.enum(['answer-failed', 'media-error', 'network-unstable']);
export type VendorSignal = z.infer<typeof VendorSignalSchema>;

/** Every sign of hesitation the widget weighs: its own (hover or focus on the exit button, a long idle) and the vendor's. */
export const IntentSignalSchema = z.enum(['exit-hover', 'idle', 'answer-failed', 'media-error', 'network-unstable']);
export type IntentSignal = z.infer<typeof IntentSignalSchema>;

/** What followed a nudge, in rising order: a later outcome replaces an earlier one, never the reverse. */
export const NudgeOutcomeSchema = z.enum(['shown', 'stayed', 'help', 'exited']);
export type NudgeOutcome = z.infer<typeof NudgeOutcomeSchema>;

/** Whether `next` replaces `current`: outcomes only move on (a replay or a late "stayed" changes nothing). */
export const outcomeMovesOn = (current: NudgeOutcome, next: NudgeOutcome): boolean =>
  NudgeOutcomeSchema.options.indexOf(next) > NudgeOutcomeSchema.options.indexOf(current);

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

export const NudgeReceiptSchema = z.object({ id: UuidSchema, outcome: NudgeOutcomeSchema });
export type NudgeReceipt = z.infer<typeof NudgeReceiptSchema>;

/** How nudges went, for HR's report: how many were shown and what followed. */
export const NudgeSummarySchema = z.object({
  shown: intBetween(0),
  stayed: intBetween(0),
  help: intBetween(0),
  exited: intBetween(0),
});
export type NudgeSummary = z.infer<typeof NudgeSummarySchema>;
