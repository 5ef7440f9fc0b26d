import type { FastifyInstance } from 'fastify';
import { IdSchema, type InterviewStatus } from '@ai-interview-exit/core';
import { assertOwns, candidateClaims, requireHr } from '../auth.js';
import { isoAt, type AppContext } from '../context.js';
import { hmacHex } from '../crypto.js';
import { ApiError, parseBody } from '../errors.js';
import { RegisterInterviewRequestSchema, type RegisterInterviewResult } from '../schemas.js';
import { signClaims } from '../token.js';

interface InterviewRow {
  candidate_ref: string;
  registered: number;
  request_hash: string | null;
  token_expires_at: string | null;
  status: InterviewStatus['status'];
  exited_at: string | null;
  cooldown_until: string | null;
}

/** `POST /v1/interviews` (HR) registers and starts an interview; `GET …/status` answers re-entry (R14). */
export function registerInterviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const find = db.prepare('SELECT * FROM interviews WHERE interview_id = ?');
  const upsert = db.prepare(`
    INSERT INTO interviews (interview_id, candidate_ref, candidate_name, phone, email, job_type, role_title, stage,
      registered, request_hash, token_expires_at, started_at)
    VALUES (@interviewId, @candidateRef, @candidateName, @phone, @email, @jobType, @roleTitle, @stage, 1, @requestHash, @tokenExpiresAt, @startedAt)
    ON CONFLICT (interview_id) DO UPDATE SET candidate_name = excluded.candidate_name, phone = excluded.phone, email = excluded.email,
      role_title = excluded.role_title, stage = COALESCE(excluded.stage, stage), registered = 1,
      request_hash = excluded.request_hash, token_expires_at = excluded.token_expires_at`);

  const issue = (interviewId: string, candidateRef: string, expiresAt: string): RegisterInterviewResult => ({
    // The same claims and expiry sign to the same token: a replay gets exactly the first answer.
    token: signClaims(ctx.secret, { interviewId, candidateRef, expiresAt: Date.parse(expiresAt) / 1000 }),
    expiresAt,
  });

  app.post('/v1/interviews', async (request, reply) => {
    requireHr(ctx, request);
    const body = parseBody(RegisterInterviewRequestSchema, request.body);
    const requestHash = hmacHex(ctx.secret, 'interview', JSON.stringify(body));
    const known = find.get(body.interviewId) as InterviewRow | undefined;
    if (known?.registered === 1) {
      if (known.request_hash !== requestHash) throw new ApiError(422, 'key-reused', 'This interview was registered with other details.');
      return reply.code(200).send(issue(body.interviewId, body.candidateRef, known.token_expires_at!));
    }
    if (known && known.candidate_ref !== body.candidateRef) {
      throw new ApiError(422, 'key-reused', 'This interview is already known for another candidate.');
    }
    const now = ctx.now();
    // Whole seconds: the token carries its expiry in seconds, and the answer must say the same instant.
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ctx.tokenTtlSeconds * 1000).toISOString();
    upsert.run({
      interviewId: body.interviewId, candidateRef: body.candidateRef, candidateName: body.candidateName, phone: body.contact.phone ?? null,
      email: body.contact.email ?? null, jobType: body.jobType, roleTitle: body.roleTitle, stage: body.stage ?? null, requestHash,
      tokenExpiresAt: expiresAt, startedAt: isoAt(now),
    });
    return reply.code(201).send(issue(body.interviewId, body.candidateRef, expiresAt));
  });

  app.get('/v1/interviews/:id/status', async (request) => {
    const claims = candidateClaims(ctx, request);
    const interviewId = parseBody(IdSchema, (request.params as { id: string }).id, 'path id');
    assertOwns(claims, interviewId);
    const row = find.get(interviewId) as InterviewRow | undefined;
    const status: InterviewStatus = {
      interviewId,
      status: row?.status ?? 'active',
      exitedAt: row?.exited_at ?? null,
      cooldownUntil: row?.cooldown_until ?? null,
    };
    return status;
  });
}
