import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DeletionRequestSchema, type DeletionReceipt } from '@ai-interview-exit/core';
import { anonymiseCandidate } from '../anonymise.js';
import { assertOwns, readCandidateMessage } from '../auth.js';
import { DAY_MS, isoAt, type AppContext } from '../context.js';
import { hmacHex } from '../crypto.js';
import { checkpoint } from '../db/open.js';
import { ApiError, parseBody } from '../errors.js';

/** PIPL art. 50 gives a handler 15 working days at most; the receipt promises 15 calendar days. */
const DEADLINE_DAYS = 15;

/**
 * `POST /v1/deletion-requests` (R10): done at once, so the receipt says `completed`; the deadline is
 * what the candidate was promised. Idempotent by key, like an exit.
 */
export function registerDeletionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const find = db.prepare('SELECT body_hash, receipt_json FROM deletion_requests WHERE idempotency_key = ?');
  // The request's candidate reference is not kept: it would link the erased rows back to the person.
  const insert = db.prepare(`
    INSERT INTO deletion_requests (idempotency_key, body_hash, interview_id, scope, received_at, receipt_json)
    VALUES (@key, @bodyHash, @interviewId, @scope, @receivedAt, @receipt)`);

  app.post('/v1/deletion-requests', async (request, reply) => {
    const { claims, body } = readCandidateMessage(ctx, request, { beacon: true });
    const deletion = parseBody(DeletionRequestSchema, body);
    assertOwns(claims, deletion.interviewId, deletion.candidateRef);
    const bodyHash = hmacHex(ctx.secret, 'deletion', JSON.stringify(deletion));
    const known = find.get(deletion.idempotencyKey) as { body_hash: string; receipt_json: string } | undefined;
    if (known) {
      if (known.body_hash !== bodyHash) throw new ApiError(422, 'key-reused', 'This idempotency key came with another request.');
      return reply.code(200).send(JSON.parse(known.receipt_json) as DeletionReceipt);
    }
    const now = ctx.now();
    const receipt: DeletionReceipt = { requestId: `del-${randomUUID()}`, receivedAt: isoAt(now), deadline: isoAt(now, DEADLINE_DAYS * DAY_MS), status: 'completed' };
    db.transaction(() => {
      anonymiseCandidate(db, deletion);
      insert.run({ key: deletion.idempotencyKey, bodyHash, interviewId: deletion.interviewId, scope: deletion.scope, receivedAt: receipt.receivedAt, receipt: JSON.stringify(receipt) });
    })();
    // The old values still sit in the write-ahead log until it is folded into the file.
    checkpoint(db);
    return reply.code(201).send(receipt);
  });
}
