import type { FastifyInstance } from 'fastify';
import { NudgeRecordSchema, outcomeMovesOn, type NudgeOutcome, type NudgeReceipt } from '@ai-interview-exit/core/intent';
import { assertOwns, readCandidateMessage } from '../auth.js';
import type { AppContext } from '../context.js';
import { ApiError, parseBody } from '../errors.js';

/**
 * Nudges one interview may record. With a quiet period of at least a minute a real interview shows
 * a handful; the bound keeps a misbehaving page from filling the table.
 */
export const MAX_NUDGES_PER_INTERVIEW = 100;

/**
 * `POST /v1/nudges` (R29): a nudge shown to the candidate and what followed. Idempotent by id: one
 * row per nudge, whose outcome only moves on (shown → stayed → help → exited); a replay, or a late
 * "stayed" after "exited", changes nothing and gets the stored outcome back.
 */
export function registerNudgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const find = db.prepare('SELECT interview_id, outcome FROM nudges WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM nudges WHERE interview_id = ?');
  const insert = db.prepare(`
    INSERT INTO nudges (id, interview_id, candidate_ref, job_type, stage, shown_at, signals_json, score, outcome, exit_key, received_at, updated_at)
    VALUES (@id, @interviewId, @candidateRef, @jobType, @stage, @shownAt, @signals, @score, @outcome, @exitKey, @now, @now)`);
  const moveOn = db.prepare('UPDATE nudges SET outcome = @outcome, exit_key = COALESCE(@exitKey, exit_key), updated_at = @now WHERE id = @id');

  app.post('/v1/nudges', async (request, reply) => {
    const { claims, body: raw } = readCandidateMessage(ctx, request, { beacon: false });
    const body = parseBody(NudgeRecordSchema, raw);
    assertOwns(claims, body.interviewId, body.candidateRef);
    const now = ctx.now().toISOString();
    const row = { ...body, signals: JSON.stringify(body.signals), exitKey: body.exitKey ?? null, now };
    const known = find.get(body.id) as { interview_id: string; outcome: NudgeOutcome } | undefined;
    if (known && known.interview_id !== body.interviewId) throw new ApiError(422, 'key-reused', 'body id: this nudge id belongs to another interview.');
    let outcome = body.outcome;
    if (!known) {
      if ((count.get(body.interviewId) as { n: number }).n >= MAX_NUDGES_PER_INTERVIEW) {
        throw new ApiError(429, 'rate-limited', `At most ${MAX_NUDGES_PER_INTERVIEW} nudges per interview.`, 3600);
      }
      insert.run(row);
      void reply.code(201);
    } else if (outcomeMovesOn(known.outcome, body.outcome)) moveOn.run(row);
    else outcome = known.outcome;
    const receipt: NudgeReceipt = { id: body.id, outcome };
    return receipt;
  });
}
