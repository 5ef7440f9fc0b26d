import * as z from 'zod/mini';
import { CodeSchema, DataChoiceSchema, ExitSourceSchema, IdSchema, InstantSchema, UuidSchema } from './common.js';
import { ExitReasonSchema, VerificationOutcomeSchema } from './exit-record.js';
import { NudgeSummarySchema } from './nudge-record.js';
import { ReasonLabelsSchema } from './config.js';
import { ProgressSnapshotSchema } from './progress.js';

/** One exit as HR sees it (R24): the record plus who it was, unless the candidate asked to be anonymised. */
export const HrExitRowSchema = z.object({
  idempotencyKey: UuidSchema,
  interviewId: IdSchema,
  candidateRef: IdSchema,
  /** Null once the candidate's personal data was anonymised or deleted (R10). */
  candidateName: z.nullable(z.string().check(z.maxLength(120))),
  roleTitle: z.string().check(z.maxLength(120)),
  jobType: CodeSchema,
  stage: CodeSchema,
  progress: z.nullable(ProgressSnapshotSchema),
  exitedAt: InstantSchema,
  receivedAt: InstantSchema,
  /** What the device's clock said, when the server did not believe it and kept `exitedAt` as its receive time. */
  clientExitedAt: z.optional(InstantSchema),
  reason: z.nullable(ExitReasonSchema),
  dataChoice: DataChoiceSchema,
  source: ExitSourceSchema,
  verification: VerificationOutcomeSchema,
  review: z.enum(['none', 'pending', 'done']),
  anonymised: z.boolean(),
  /** The candidate asked to be interviewed by a person instead of the AI (PIPL art. 24): HR answers it. */
  personRequested: z._default(z.boolean(), false),
});
export type HrExitRow = z.infer<typeof HrExitRowSchema>;

/** HR's word on an exit that asked for review (R17): it has been reviewed. */
export const HrReviewRequestSchema = z.object({ review: z.enum(['done']) });
export type HrReviewRequest = z.infer<typeof HrReviewRequestSchema>;

/** An interview that started, the denominator of exit rates (R26). */
export const StartedInterviewSchema = z.object({
  interviewId: IdSchema,
  jobType: CodeSchema,
  startedAt: InstantSchema,
});
export type StartedInterview = z.infer<typeof StartedInterviewSchema>;

export const PlausibilityFlagSchema = z.object({
  rule: z.enum(['late-mis-click', 'contradicts-progress', 'repeated-reason']),
  /** Numbers and codes for the human-readable explanation (i18n `flags.<rule>`). */
  params: z.catchall(z.object({}), z.union([z.string(), z.number()])),
});
export type PlausibilityFlag = z.infer<typeof PlausibilityFlagSchema>;

const RateSchema = z.object({ key: z.string(), exits: z.number(), started: z.number(), rate: z.number() });

export const InsightsSchema = z.object({
  total: z.number(),
  /** `labels`: a vendor code's labels as its exits carried them, for the chart and its legend. */
  reasons: z.array(z.object({ code: z.nullable(z.string()), count: z.number(), share: z.number(), labels: z.optional(ReasonLabelsSchema) })),
  byRole: z.array(RateSchema),
  byStage: z.array(RateSchema),
  overTime: z.array(z.object({ date: z.string(), count: z.number() })),
  alerts: z.array(z.object({ jobType: z.string(), rate: z.number(), threshold: z.number(), exits: z.number(), started: z.number() })),
  flags: z.catchall(z.object({}), z.array(PlausibilityFlagSchema)),
});
export type Insights = z.infer<typeof InsightsSchema>;

export const HrExitsResponseSchema = z.object({
  exits: z.array(HrExitRowSchema),
  insights: InsightsSchema,
  /** Nudges offered to hesitating candidates in the same filter, and what followed (R29); absent where the backend keeps none. */
  nudges: z.optional(NudgeSummarySchema),
});
export type HrExitsResponse = z.infer<typeof HrExitsResponseSchema>;

/** Where a role's exit rate stands against its alert line (R26); `below` also before any alert. */
export const RateAlertStateSchema = z.enum(['above', 'below']);
export type RateAlertState = z.infer<typeof RateAlertStateSchema> | null;

/** A role's exit rate crossed its threshold (`above`) or recovered (`below`): the HR stream's `alert` event (R26). */
export const RateAlertEventSchema = z.object({
  jobType: CodeSchema,
  state: RateAlertStateSchema,
  rate: z.number().check(z.gte(0), z.lte(1)),
  threshold: z.number().check(z.gt(0), z.lte(1)),
  exits: z.number().check(z.int(), z.gte(0)),
  started: z.number().check(z.int(), z.gte(0)),
});
export type RateAlertEvent = z.infer<typeof RateAlertEventSchema>;
