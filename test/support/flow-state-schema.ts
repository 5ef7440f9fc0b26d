// The flow's state union as a schema, so that property tests can say "never outside the union".
import * as z from 'zod/mini';
import {
  AdapterErrorCodeSchema,
  CodeChallengeSchema,
  DataChoiceSchema,
  DeletionReceiptSchema,
  DeletionRequestSchema,
  ExitContextSchema,
  ExitReceiptSchema,
  ExitRecordSchema,
  ExitSourceSchema,
  FollowUpRequestSchema,
  HandoffResultSchema,
  InterviewStatusSchema,
  ProgressSnapshotSchema,
} from '@ai-interview-exit/core';

const PlanSchema = z.strictObject({
  complete: z.boolean(),
  steps: z.array(z.enum(['help', 'confirm', 'reason', 'verify'])),
  gate: z.enum(['free', 'confirm', 'verify']),
  progressNotice: z.boolean(),
  reason: z.enum(['optional', 'required']),
  verification: z.nullable(z.strictObject({ channel: z.enum(['sms', 'email']) })),
  hrReview: z.boolean(),
  helpOffer: z.boolean(),
  cooldownDays: z.number(),
  matchedRules: z.array(z.string()),
});

const SessionSchema = z.strictObject({
  source: ExitSourceSchema,
  context: ExitContextSchema,
  plan: PlanSchema,
  options: z.strictObject({
    reasonCodes: z.array(z.string()),
    followUps: z.record(z.string(), z.enum(['recommend-roles', 'send-guide'])),
    freeText: z.boolean(),
    textLimit: z.number(),
    codeLength: z.number(),
    labels: z.record(z.string(), z.record(z.string(), z.string())),
  }),
  draft: z.strictObject({ reasonCode: z.nullable(z.string()), reasonText: z.string(), dataChoice: DataChoiceSchema, personRequested: z.boolean() }),
});

const VerifyErrorSchema = z.union([z.literal('wrong-code'), z.literal('short-code'), AdapterErrorCodeSchema]);

export const FlowStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('idle') }),
  z.strictObject({ status: z.literal('complete') }),
  z.strictObject({
    status: z.literal('help'),
    session: SessionSchema,
    handoff: z.union([
      z.strictObject({ status: z.enum(['none', 'requesting', 'failed']) }),
      z.strictObject({ status: z.literal('done'), result: HandoffResultSchema }),
    ]),
  }),
  z.strictObject({ status: z.literal('confirm'), session: SessionSchema, problem: z.nullable(z.literal('reason-required')) }),
  z.strictObject({
    status: z.literal('verify'),
    session: SessionSchema,
    verify: z.discriminatedUnion('phase', [
      z.strictObject({ phase: z.literal('sending'), challenge: z.nullable(CodeChallengeSchema) }),
      z.strictObject({ phase: z.literal('sent'), challenge: CodeChallengeSchema }),
      z.strictObject({ phase: z.literal('checking'), challenge: CodeChallengeSchema }),
      z.strictObject({ phase: z.literal('failed'), challenge: z.nullable(CodeChallengeSchema), error: VerifyErrorSchema }),
      z.strictObject({ phase: z.literal('locked'), challenge: z.nullable(CodeChallengeSchema) }),
    ]),
  }),
  z.strictObject({
    status: z.literal('submitting'),
    record: ExitRecordSchema,
    deletion: z.nullable(DeletionRequestSchema),
    followUp: z.nullable(FollowUpRequestSchema),
  }),
  z.strictObject({
    status: z.literal('done'),
    record: ExitRecordSchema,
    delivery: z.discriminatedUnion('state', [
      z.strictObject({ state: z.literal('pending') }),
      z.strictObject({ state: z.literal('queued'), error: AdapterErrorCodeSchema }),
      z.strictObject({ state: z.literal('rejected'), error: AdapterErrorCodeSchema }),
      z.strictObject({ state: z.literal('delivered'), receipt: ExitReceiptSchema }),
    ]),
    deletion: z.nullable(z.strictObject({ request: DeletionRequestSchema, receipt: z.nullable(DeletionReceiptSchema), rejected: z.boolean() })),
  }),
  z.strictObject({ status: z.literal('reentry'), interview: InterviewStatusSchema }),
  z.strictObject({ status: z.literal('resume'), snapshot: ProgressSnapshotSchema }),
]);
