import * as z from 'zod/mini';
import { IdSchema, InstantSchema, UuidSchema } from './common.js';

/** A candidate's request (R10, PIPL) to anonymise or delete their personal data. */
export const DeletionRequestSchema = z.object({
  idempotencyKey: UuidSchema,
  interviewId: IdSchema,
  candidateRef: IdSchema,
  scope: z.enum(['anonymise', 'delete']),
  requestedAt: InstantSchema,
});
export type DeletionRequest = z.infer<typeof DeletionRequestSchema>;

/** What the candidate keeps as proof: an id, when it was received and by when it will be done. */
export const DeletionReceiptSchema = z.object({
  requestId: IdSchema,
  receivedAt: InstantSchema,
  deadline: InstantSchema,
  status: z.enum(['received', 'completed']),
});
export type DeletionReceipt = z.infer<typeof DeletionReceiptSchema>;
