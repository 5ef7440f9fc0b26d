import * as z from 'zod/mini';
import {
  CodeSchema,
  DataChoiceSchema,
  ExitSourceSchema,
  IdSchema,
  InstantSchema,
  LocaleSchema,
  TimeZoneSchema,
  UuidSchema,
} from './common.js';
import { ReasonLabelsSchema } from './config.js';
import { ProgressSnapshotSchema } from './progress.js';

export const REASON_TEXT_LIMIT = 2000;

export const ExitReasonSchema = z.object({
  /** One of the configured reason codes, or null when only free text was given. */
  code: z.nullable(CodeSchema),
  text: z.string().check(z.maxLength(REASON_TEXT_LIMIT)),
  /**
   * The config's labels of a vendor's own code (`{ "zh-CN": "通勤太远", "en": "Commute too long" }`), so that
   * the email, HR's push and the report read words, not a code. A built-in code's translations stand:
   * the reference server drops labels it is sent for one.
   */
  labels: z.optional(ReasonLabelsSchema),
});
export type ExitReason = z.infer<typeof ExitReasonSchema>;

/** Whether a second verification (R6) stood before this exit, and how it ended. */
export const VerificationOutcomeSchema = z.enum(['not-required', 'verified', 'unverified']);

/** The one record an exit leaves (R8): who, how far, when, why, and what they asked for their data. */
export const ExitRecordSchema = z
  .object({
    /** Client-made UUID v4: the record's identity and its idempotency key on every send. */
    idempotencyKey: UuidSchema,
    interviewId: IdSchema,
    /** Pseudonymous: the vendor's reference, never a name or contact. */
    candidateRef: IdSchema,
    jobType: CodeSchema,
    stage: CodeSchema,
    progress: z.nullable(ProgressSnapshotSchema),
    exitedAt: InstantSchema,
    timeZone: TimeZoneSchema,
    locale: LocaleSchema,
    reason: z.nullable(ExitReasonSchema),
    dataChoice: DataChoiceSchema,
    source: ExitSourceSchema,
    verification: VerificationOutcomeSchema,
    /** HR reviews the record (R17); the candidate is out either way. */
    hrReview: z.boolean(),
    /**
     * The candidate asks to be interviewed by a person instead of the AI (PIPL art. 24): HR answers it.
     * Absent in records kept on a device by earlier versions: read as false.
     */
    personRequested: z._default(z.boolean(), false),
  })
  .check(
    z.refine((r) => r.progress === null || r.progress.interviewId === r.interviewId, {
      message: 'progress belongs to another interview',
      path: ['progress', 'interviewId'],
    }),
  );
export type ExitRecord = z.infer<typeof ExitRecordSchema>;

/** The server's answer to an exit: the same for every replay of the same key. */
export const ExitReceiptSchema = z.object({
  idempotencyKey: UuidSchema,
  interviewId: IdSchema,
  receivedAt: InstantSchema,
  status: z.enum(['exited', 'under-review']),
  /** End of the company's re-application cooldown (R19), if any. */
  cooldownUntil: z.nullable(InstantSchema),
});
export type ExitReceipt = z.infer<typeof ExitReceiptSchema>;
