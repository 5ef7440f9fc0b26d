import * as z from 'zod/mini';
import { UuidSchema } from './common.js';

// What the first script needs: the page's signals, outcomes and the receipt. Every signal and the record HR keeps are in nudge-record.ts.

/**
 * What a vendor may report through `widget.signal(name)` (R29): an answer that failed to go
 * through, camera or microphone trouble, a shaky connection.
 */
export const VendorSignalSchema = z.enum(['answer-failed', 'media-error', 'network-unstable']);
export type VendorSignal = z.infer<typeof VendorSignalSchema>;

/** What followed a nudge, in rising order: a later outcome replaces an earlier one, never the reverse. */
export const NudgeOutcomeSchema = z.enum(['shown', 'stayed', 'help', 'exited']);
export type NudgeOutcome = z.infer<typeof NudgeOutcomeSchema>;

/** Whether `next` replaces `current`: outcomes only move on (a replay or a late "stayed" changes nothing). */
export const outcomeMovesOn = (current: NudgeOutcome, next: NudgeOutcome): boolean =>
  NudgeOutcomeSchema.options.indexOf(next) > NudgeOutcomeSchema.options.indexOf(current);

/** The backend's answer: the outcome it keeps for this nudge. */
export const NudgeReceiptSchema = z.object({ id: UuidSchema, outcome: NudgeOutcomeSchema });
export type NudgeReceipt = z.infer<typeof NudgeReceiptSchema>;

