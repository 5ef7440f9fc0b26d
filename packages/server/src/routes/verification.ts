import type { FastifyInstance } from 'fastify';
import { SendCodeRequestSchema, VerifyCodeRequestSchema } from '@ai-interview-exit/core';
import { assertOwns, readCandidateMessage } from '../auth.js';
import type { AppContext } from '../context.js';
import { parseBody } from '../errors.js';
import { createVerification } from '../verification.js';

/** `POST /v1/verification/send` and `/check` (R6). The code is in no answer and no log line. */
export function registerVerificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const verification = createVerification(ctx);

  app.post('/v1/verification/send', async (request) => {
    const { claims, body: raw } = readCandidateMessage(ctx, request, { beacon: false });
    const body = parseBody(SendCodeRequestSchema, raw);
    assertOwns(claims, body.interviewId, body.candidateRef);
    return verification.send(body, request.ip);
  });

  app.post('/v1/verification/check', async (request) => {
    const { claims, body: raw } = readCandidateMessage(ctx, request, { beacon: false });
    const body = parseBody(VerifyCodeRequestSchema, raw);
    return verification.check(claims, body.challengeId, body.code);
  });
}
