import type { Database } from 'better-sqlite3';
import type { ExitConfig } from '@ai-interview-exit/core';
import { rateAlertChange, roleRate, type RateAlertEvent, type RateAlertState } from '@ai-interview-exit/core/insights';
import type { Messages } from './notifications/messages.js';
import type { Outbox } from './notifications/outbox.js';
import type { Notification } from './notifications/types.js';

export interface RateAlertChange {
  event: RateAlertEvent;
  notification: Notification;
}

export interface RateAlerts {
  /**
   * Look at a role's exit rate after its counts changed (an exit, an interview begun). Call it
   * inside the transaction that changed them: the state, and the push, commit with it. Returns what
   * to publish on HR's stream once committed, or null when the role stays on its side of the line.
   */
  check(jobType: string): RateAlertChange | null;
}

/**
 * R26: HR is told when a role's exit rate crosses its alert line, and when it recovers, once per
 * crossing. The state lives in the database, so a restart neither repeats nor forgets an alert.
 */
export function createRateAlerts(options: { db: Database; report: ExitConfig['report']; outbox: Outbox; messages: Messages; now: () => Date }): RateAlerts {
  const { db, report, outbox, messages, now } = options;
  const counts = db.prepare(`SELECT
      (SELECT COUNT(*) FROM exits WHERE state = 'done' AND job_type = @jobType) AS exits,
      (SELECT COUNT(*) FROM interviews WHERE began_at IS NOT NULL AND job_type = @jobType) AS started`);
  const read = db.prepare('SELECT state FROM rate_alerts WHERE job_type = ?');
  const save = db.prepare(`
    INSERT INTO rate_alerts (job_type, state, rate, threshold, exits, started, changed_at)
    VALUES (@jobType, @state, @rate, @threshold, @exits, @started, @changedAt)
    ON CONFLICT (job_type) DO UPDATE SET state = excluded.state, rate = excluded.rate, threshold = excluded.threshold,
      exits = excluded.exits, started = excluded.started, changed_at = excluded.changed_at`);

  return {
    check(jobType) {
      const { exits, started } = counts.get({ jobType }) as { exits: number; started: number };
      const previous = ((read.get(jobType) as { state: RateAlertState } | undefined)?.state ?? null) as RateAlertState;
      const event = rateAlertChange(previous, roleRate(jobType, exits, started), report);
      if (!event) return null;
      save.run({ ...event, changedAt: now().toISOString() });
      // About a role, not a candidate: no interview is named, so no candidate's erasure takes it away.
      const notification = outbox.enqueue({ kind: 'hr-alert', channel: 'push', to: 'hr', interviewId: '', text: messages.rateAlert(event) });
      return { event, notification };
    },
  };
}
