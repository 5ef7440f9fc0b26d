import type { FastifyInstance } from 'fastify';
import { ProgressSnapshotSchema, type SaveProgressResult } from '@ai-interview-exit/core';
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

  app.post('/v1/progress', async (request) => {
    const { claims, body } = readCandidateMessage(ctx, request, { beacon: true });
    const sent = parseBody(ProgressSnapshotSchema, body);
    assertOwns(claims, sent.interviewId);
    const now = ctx.now();
    // A far-future updatedAt would otherwise outrank every later, true snapshot.
    const snapshot = judgeProgressTimes(sent, now.getTime());
    const savedAt = now.toISOString();
    save.run({ interviewId: snapshot.interviewId, json: JSON.stringify(snapshot), updatedMs: Date.parse(snapshot.updatedAt), savedAt });
    const result: SaveProgressResult = { savedAt };
    return result;
  });
}
