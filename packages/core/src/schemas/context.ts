import * as z from 'zod/mini';
import { CodeSchema, IdSchema, LocaleSchema, TimeZoneSchema } from './common.js';
import { ProgressSnapshotSchema } from './progress.js';

/** What the widget knows about the interview it sits in; the vendor's page supplies it. */
export const ExitContextSchema = z.object({
  interviewId: IdSchema,
  candidateRef: IdSchema,
  jobType: CodeSchema,
  stage: CodeSchema,
  locale: LocaleSchema,
  timeZone: TimeZoneSchema,
  progress: z.nullable(ProgressSnapshotSchema),
});
export type ExitContext = z.infer<typeof ExitContextSchema>;
