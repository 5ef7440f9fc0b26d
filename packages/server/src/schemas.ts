/**
 * The few messages that are the reference server's own (registration, errors, the beacon form,
 * the HR query); every other message is a core schema.
 */
import * as z from 'zod/mini';
import { AdapterErrorCodeSchema, CodeSchema, HrContactSchema, IdSchema, InstantSchema, LocaleSchema, SuggestedRoleSchema, UuidSchema } from '@ai-interview-exit/core';

const NameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

/** `POST /v1/interviews`: HR registers an interview (and so starts it) and gets the candidate's token. */
export const RegisterInterviewRequestSchema = z.object({
  interviewId: IdSchema,
  candidateRef: IdSchema,
  candidateName: NameSchema,
  contact: z.object({ phone: HrContactSchema.shape.phone, email: HrContactSchema.shape.email }),
  jobType: CodeSchema,
  roleTitle: NameSchema,
  stage: z.optional(CodeSchema),
});
export type RegisterInterviewRequest = z.infer<typeof RegisterInterviewRequestSchema>;

export const RegisterInterviewResultSchema = z.object({ token: z.string(), expiresAt: InstantSchema });
export type RegisterInterviewResult = z.infer<typeof RegisterInterviewResultSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({ code: AdapterErrorCodeSchema, message: z.string() }),
});

export const HealthSchema = z.object({ ok: z.literal(true) });

/** The beacon form: `content-type: text/plain` with the token inside, since a beacon cannot set headers. */
export const BeaconEnvelopeSchema = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(2048)),
  body: z.unknown(),
});

export const isReportDay = (value: string): boolean => /^\d{4}-\d\d-\d\d$/.test(value);
const isReportYear = (value: string) => /^(?:19[7-9]\d|2\d{3})-/.test(value);

/**
 * A day (`2026-11-26`, in the report's time zone) or an instant, of a real calendar day in the years
 * 1970 to 2999: the report's day arithmetic needs no more, and nothing else reaches it.
 */
const DayOrInstantSchema = z.string().check(
  z.refine(
    (value) => isReportYear(value) && InstantSchema.safeParse(isReportDay(value) ? `${value}T00:00:00Z` : value).success,
    'a real date such as 2026-11-26, or an instant such as 2026-11-26T08:00:00Z, in the years 1970 to 2999',
  ),
);

export const HrExitsQuerySchema = z.object({
  jobType: z.optional(CodeSchema),
  /** Inclusive. */
  from: z.optional(DayOrInstantSchema),
  /** Inclusive: a day means the whole day. */
  to: z.optional(DayOrInstantSchema),
});
export type HrExitsQuery = z.infer<typeof HrExitsQuerySchema>;

/** `POST /v1/hr/exits/:key/review`: the exit, by its idempotency key. */
export const ExitKeyParamsSchema = z.object({ key: UuidSchema });


/** The server's role catalogue (R25), checked where the operator sees it: at start-up. */
export const RoleCatalogueSchema = z.array(
  z.object({
    id: IdSchema,
    title: z.union([SuggestedRoleSchema.shape.title, z.record(LocaleSchema, SuggestedRoleSchema.shape.title)]),
    jobType: z.optional(CodeSchema),
    location: SuggestedRoleSchema.shape.location,
    applyUrl: SuggestedRoleSchema.shape.applyUrl,
  }),
).check(z.maxLength(1000));
