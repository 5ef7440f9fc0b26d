import * as z from 'zod/mini';
import { CodeSchema, IdSchema, InstantSchema, intBetween, LocaleSchema } from './common.js';
import { FollowUpKindSchema } from './config.js';

/** Identifies the interview a call is about. */
export const InterviewRefSchema = z.object({ interviewId: IdSchema, candidateRef: IdSchema });
export type InterviewRef = z.infer<typeof InterviewRefSchema>;

export const SendCodeRequestSchema = z.object({
  interviewId: IdSchema,
  candidateRef: IdSchema,
  channel: z.enum(['sms', 'email']),
  /** The candidate's language, for the message that carries the code. */
  locale: z.optional(LocaleSchema),
});
export type SendCodeRequest = z.infer<typeof SendCodeRequestSchema>;

/** A code was sent. The code itself never reaches the browser. */
export const CodeChallengeSchema = z.object({
  challengeId: IdSchema,
  channel: z.enum(['sms', 'email']),
  /** e.g. "138****5678": enough for the candidate to recognise, nothing more. */
  maskedDestination: z.string().check(z.maxLength(64)),
  expiresAt: InstantSchema,
  /** The earliest instant a new code may be asked for. */
  resendAt: InstantSchema,
  attemptsLeft: intBetween(0),
});
export type CodeChallenge = z.infer<typeof CodeChallengeSchema>;

export const VerifyCodeRequestSchema = z.object({
  challengeId: IdSchema,
  code: z.string().check(z.regex(/^\d{4,8}$/, '4 to 8 digits')),
});
export type VerifyCodeRequest = z.infer<typeof VerifyCodeRequestSchema>;

/**
 * A wrong and an expired code get the same answer (`rejected`), so that neither can be told apart
 * by guessing. `attemptsLeft` is 0 once `locked`.
 */
export const VerifyCodeResultSchema = z.object({
  status: z.enum(['accepted', 'rejected', 'locked']),
  attemptsLeft: intBetween(0),
});
export type VerifyCodeResult = z.infer<typeof VerifyCodeResultSchema>;

export const SaveProgressResultSchema = z.object({ savedAt: InstantSchema });
export type SaveProgressResult = z.infer<typeof SaveProgressResultSchema>;

/** A reason-driven follow-up (R25): recommend other roles, or send the interview guide. */
export const FollowUpRequestSchema = z.object({
  interviewId: IdSchema,
  candidateRef: IdSchema,
  reasonCode: CodeSchema,
  kind: FollowUpKindSchema,
  /** The candidate's language: the follow-up may arrive before the exit that would tell it. */
  locale: z.optional(LocaleSchema),
});
export type FollowUpRequest = z.infer<typeof FollowUpRequestSchema>;

/** A role suggested to a candidate who left for lack of interest (R25). */
export const SuggestedRoleSchema = z.object({
  id: IdSchema,
  /** In the candidate's language when the catalogue has it. */
  title: z.string().check(z.maxLength(120)),
  location: z.optional(z.string().check(z.maxLength(120))),
  /** Where the candidate applies: https only, so that a link shown can never run script. */
  applyUrl: z.optional(z.string().check(z.maxLength(2048), z.regex(/^https:\/\/\S+$/))),
});
export type SuggestedRole = z.infer<typeof SuggestedRoleSchema>;

export const FollowUpResultSchema = z.object({
  status: z.enum(['sent', 'skipped']),
  /** Recommended roles, for `recommend-roles`. */
  roles: z._default(z.array(SuggestedRoleSchema), []),
});
export type FollowUpResult = z.infer<typeof FollowUpResultSchema>;

/** A hand-off to a human agent (R27). */
export const HandoffRequestSchema = z.object({
  interviewId: IdSchema,
  candidateRef: IdSchema,
  topic: z.enum(['reschedule', 'edit-resume', 'other']),
  message: z.string().check(z.maxLength(1000)),
});
export type HandoffRequest = z.infer<typeof HandoffRequestSchema>;

export const HandoffResultSchema = z.object({
  ticketId: IdSchema,
  status: z.enum(['queued', 'connected']),
  /** When a person answers at the latest, if the backend knows: the candidate is told. */
  answerBy: z.optional(InstantSchema),
});
export type HandoffResult = z.infer<typeof HandoffResultSchema>;

/**
 * Why an adapter call failed, in words the widget can show and code can branch on.
 * `forbidden`: the token is for another interview. `key-reused`: the same idempotency key came
 * with another body (HTTP 422), a permanent error. `conflict`: still being processed (409), retry.
 */
export const AdapterErrorCodeSchema = z.enum([
  'network',
  'timeout',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'invalid-request',
  'invalid-response',
  'conflict',
  'key-reused',
  'unavailable',
  'not-found',
]);
export type AdapterErrorCode = z.infer<typeof AdapterErrorCodeSchema>;
