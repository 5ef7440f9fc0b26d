import * as z from 'zod/mini';
import { intBetween } from './common.js';

/**
 * How hesitation is noticed and when help is offered (R29). Whether a nudge is shown at all is the
 * policy's `nudge` (defaults and rules, by job type and stage); these are the thresholds.
 */
export const IntentConfigSchema = z.object({
  /** Hovers or focuses on the exit button, within `windowSeconds`, that alone make the score 1. */
  hovers: z._default(intBetween(2, 10), 3),
  /** Only signals this recent count. */
  windowSeconds: z._default(intBetween(10, 600), 60),
  /** No input for this long is a signal; 0 turns the idle signal off. */
  idleSeconds: z._default(intBetween(0, 3600), 120),
  /** Score (0..1] at which the nudge is offered. */
  threshold: z._default(z.number().check(z.gt(0), z.lte(1)), 1),
  /** After a nudge, none again for this long, whatever the signals say. */
  quietMinutes: z._default(intBetween(1, 1440), 10),
});
export type IntentConfig = z.infer<typeof IntentConfigSchema>;
