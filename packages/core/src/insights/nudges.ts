import type { NudgeOutcome } from '../schemas/nudge.js';
import type { NudgeSummary } from '../schemas/nudge-record.js';

/**
 * How the nudges went (R29): how many were shown, and what followed each. A nudge that nothing
 * followed yet (`shown`) counts as stayed: the candidate carried on with the interview.
 */
export function summariseNudges(outcomes: Iterable<{ outcome: NudgeOutcome; count: number }>): NudgeSummary {
  const summary: NudgeSummary = { shown: 0, stayed: 0, help: 0, exited: 0 };
  for (const { outcome, count } of outcomes) {
    summary.shown += count;
    summary[outcome === 'shown' ? 'stayed' : outcome] += count;
  }
  return summary;
}
