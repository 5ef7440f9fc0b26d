import type { FastifyInstance } from 'fastify';
import { ProgressSnapshotSchema, type ProgressSnapshot, type SaveProgressResult } from '@ai-interview-exit/core';
import { assertOwns, readCandidateMessage } from '../auth.js';
import { judgeProgressTimes } from '../client-times.js';
import type { AppContext } from '../context.js';
import { parseBody } from '../errors.js';

/**
 * `POST /v1/progress` (R8, R15): the latest snapshot per interview. Snapshots may arrive out of
 * order (a beacon overtakes a retry), so an older one never replaces a newer one.
 */
export function registerProgressRoutes(app: FastifyInstance, ctx: AppContext): void {
  const save = ctx.db.prepare(`
    INSERT INTO progress (interview_id, snapshot_json, updated_ms, saved_at) VALUES (@interviewId, @json, @updatedMs, @savedAt)
    ON CONFLICT (interview_id) DO UPDATE SET snapshot_json = excluded.snapshot_json, updated_ms = excluded.updated_ms, saved_at = excluded.saved_at
    WHERE excluded.updated_ms >= progress.updated_ms`);
  // A first answer is when an interview begins (R26): opening the page is not, or every visit would lower the exit rates.
  const markBegun = ctx.db.prepare('UPDATE interviews SET began_at = ? WHERE interview_id = ? AND began_at IS NULL');
  const jobTypeOf = ctx.db.prepare('SELECT job_type FROM interviews WHERE interview_id = ?');
  const record = ctx.db.transaction((snapshot: ProgressSnapshot, savedAt: string) => {
    save.run({ interviewId: snapshot.interviewId, json: JSON.stringify(snapshot), updatedMs: Date.parse(snapshot.updatedAt), savedAt });
    if (snapshot.answered < 1 || markBegun.run(savedAt, snapshot.interviewId).changes === 0) return null;
    // One more interview begun lowers its role's rate: this may be the recovery HR is told of.
    return ctx.rateAlerts.check((jobTypeOf.get(snapshot.interviewId) as { job_type: string }).job_type);
  });

  app.post('/v1/progress', async (request) => {
    const { claims, body } = readCandidateMessage(ctx, request, { beacon: true });
    const sent = parseBody(ProgressSnapshotSchema, body);
    assertOwns(claims, sent.interviewId);
    const now = ctx.now();
    // A far-future updatedAt would otherwise outrank every later, true snapshot.
    const snapshot = judgeProgressTimes(sent, now.getTime());
    const savedAt = now.toISOString();
    const alert = record(snapshot, savedAt);
    if (alert) {
      ctx.outbox.kick();
      ctx.hub.publish('alert', alert.event);
      ctx.hub.publish('notification', alert.notification);
    }
    const result: SaveProgressResult = { savedAt };
    return result;
  });
}
