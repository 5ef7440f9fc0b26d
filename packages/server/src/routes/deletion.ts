import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DeletionRequestSchema, type DeletionReceipt } from '@ai-interview-exit/core';
import { anonymiseCandidate } from '../anonymise.js';
import { assertOwns, readCandidateMessage } from '../auth.js';
import { DAY_MS, isoAt, type AppContext } from '../context.js';
import { hmacHex } from '../crypto.js';
import { checkpoint } from '../db/open.js';
import { rememberErasure } from '../erased.js';
import { ApiError, parseBody } from '../errors.js';

/** PIPL art. 50 gives a handler 15 working days at most; the receipt promises 15 calendar days. */
const DEADLINE_DAYS = 15;

/**
 * `POST /v1/deletion-requests` (R10): done at once, so the receipt says `completed`; the deadline is
 * what the candidate was promised. Idempotent by key, like an exit. The erasure reaches the
 * database, its write-ahead log and every transport that keeps copies of notifications; should a
 * transport fail, the answer is 503 and the client's retry (same key) erases again.
 */
export function registerDeletionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const find = db.prepare('SELECT interview_id, body_hash, receipt_json FROM deletion_requests WHERE idempotency_key = ?');
  // The request's candidate reference is not kept: it would link the erased rows back to the person.
  const insert = db.prepare(`
    INSERT INTO deletion_requests (idempotency_key, body_hash, interview_id, scope, received_at, receipt_json)
    VALUES (@key, @bodyHash, @interviewId, @scope, @receivedAt, @receipt)`);

  app.post('/v1/deletion-requests', async (request, reply) => {
    const { claims, body } = readCandidateMessage(ctx, request, { beacon: true, afterErasure: true });
    const deletion = parseBody(DeletionRequestSchema, body);
    assertOwns(claims, deletion.interviewId, deletion.candidateRef);
    const bodyHash = hmacHex(ctx.secret, 'deletion', JSON.stringify(deletion));
    const known = find.get(deletion.idempotencyKey) as { interview_id: string; body_hash: string; receipt_json: string } | undefined;
    // Someone else's key is refused before the bodies are compared, so that 422 never tells that a key exists.
    if (known && known.interview_id !== deletion.interviewId) throw new ApiError(403, 'forbidden', 'This idempotency key belongs to another interview.');
    if (known && known.body_hash !== bodyHash) throw new ApiError(422, 'key-reused', 'This idempotency key came with another request.');
    const now = ctx.now();
    const receipt: DeletionReceipt = known
      ? (JSON.parse(known.receipt_json) as DeletionReceipt)
      : { requestId: `del-${randomUUID()}`, receivedAt: isoAt(now), deadline: isoAt(now, DEADLINE_DAYS * DAY_MS), status: 'completed' };
    // A replay erases again: what an earlier attempt could not reach (a transport that failed) goes now.
    const interviewIds = db.transaction(() => {
      const covered = anonymiseCandidate(db, deletion);
      rememberErasure(db, ctx.secret, deletion.candidateRef, deletion.scope);
      if (!known) insert.run({ key: deletion.idempotencyKey, bodyHash, interviewId: deletion.interviewId, scope: deletion.scope, receivedAt: receipt.receivedAt, receipt: JSON.stringify(receipt) });
      return covered;
    })();
    // The old values still sit in the write-ahead log until it is folded into the file.
    checkpoint(db);
    try {
      await ctx.outbox.erase(interviewIds);
    } catch (error) {
      request.log.error({ errName: error instanceof Error ? error.name : typeof error }, 'notification copies not erased');
      throw new ApiError(503, 'unavailable', 'The erasure could not reach every copy; try again.', 30);
    }
    return reply.code(known ? 200 : 201).send(receipt);
  });
}
