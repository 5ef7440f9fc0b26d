import * as z from 'zod/mini';
import { IdSchema, InstantSchema } from './common.js';

/** Where an interview stands (R14): the widget asks on connect so that a returning candidate is told. */
export const InterviewStatusSchema = z.object({
  interviewId: IdSchema,
  status: z.enum(['active', 'exited', 'under-review']),
  exitedAt: z.nullable(InstantSchema),
  cooldownUntil: z.nullable(InstantSchema),
});
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>;
