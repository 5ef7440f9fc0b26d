import type { Database, Statement } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import { safeEqual } from './crypto.js';
import { ApiError, parseBody } from './errors.js';
import { BeaconEnvelopeSchema } from './schemas.js';
import { erasureLevel } from './erased.js';
import { verifyInterviewToken, type InterviewTokenClaims } from './token.js';

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * HR endpoints. The SSE stream may pass the token as `?access_token=`, because EventSource cannot
 * set headers; the logger redacts it from URLs.
 */
export function requireHr(ctx: AppContext, request: FastifyRequest, options: { allowQuery?: boolean } = {}): void {
  const query = request.query as { access_token?: unknown } | undefined;
  const fromQuery = options.allowQuery && typeof query?.access_token === 'string' ? query.access_token : null;
  const token = bearer(request) ?? fromQuery;
  if (!token) throw new ApiError(401, 'unauthorized', 'An HR token is required.');
  // Every configured token is compared, so the time taken does not tell which one came close.
  let ok = false;
  for (const known of ctx.hrTokens) ok = safeEqual(ctx.secret, token, known) || ok;
  if (!ok) throw new ApiError(401, 'unauthorized', 'The HR token is not valid.');
}

/** The claims of a candidate request that carries its token in the `Authorization` header. */
export function candidateClaims(ctx: AppContext, request: FastifyRequest): InterviewTokenClaims {
  return authenticateCandidate(ctx, bearer(request));
}

function authenticateCandidate(ctx: AppContext, token: string | null): InterviewTokenClaims {
  if (!token) throw new ApiError(401, 'unauthorized', 'An interview token is required.');
  const result = verifyInterviewToken(ctx.secret, token, ctx.now());
  if (!result.ok) throw new ApiError(401, 'unauthorized', result.reason === 'expired' ? 'The interview token has expired.' : 'The interview token is not valid.');
  return result.claims;
}

/** A token opens its own interview only, and speaks for its own candidate only. */
export function assertOwns(claims: InterviewTokenClaims, interviewId: string, candidateRef?: string): void {
  if (claims.interviewId !== interviewId) throw new ApiError(403, 'forbidden', 'The token is for another interview.');
  if (candidateRef !== undefined && claims.candidateRef !== candidateRef) throw new ApiError(403, 'forbidden', 'The token is for another candidate.');
}

const erasedStatements = new WeakMap<Database, Statement>();

/**
 * Whether the candidate asked for erasure: their interview was anonymised, or, for an interview this
 * server does not know yet (a token the vendor signed), the reference asked for it (erased.ts).
 * An interview HR registers after the request is a new one, and its token works.
 */
function isErased(ctx: AppContext, claims: InterviewTokenClaims): boolean {
  let statement = erasedStatements.get(ctx.db);
  if (!statement) {
    statement = ctx.db.prepare('SELECT anonymised > 0 AS erased FROM interviews WHERE interview_id = ?');
    erasedStatements.set(ctx.db, statement);
  }
  const known = statement.get(claims.interviewId) as { erased: number } | undefined;
  return known ? known.erased === 1 : erasureLevel(ctx.db, ctx.secret, claims.candidateRef) > 0;
}

const isBeacon = (request: FastifyRequest) => /^text\/plain\b/i.test(request.headers['content-type'] ?? '');

/**
 * The token and the message of a candidate request: from the `Authorization` header and the JSON
 * body, or, on the three outbox endpoints, from the beacon form `{ token, body }` sent as text/plain.
 *
 * Once the candidate asked for erasure their tokens write nothing new (401), except where
 * `afterErasure` says so: an exit, which is never refused (it is kept without personal data), and a
 * deletion request, whose replay answers its receipt and which can only remove more.
 */
export function readCandidateMessage(
  ctx: AppContext,
  request: FastifyRequest,
  options: { beacon: boolean; afterErasure?: boolean },
): { claims: InterviewTokenClaims; body: unknown } {
  let message: { claims: InterviewTokenClaims; body: unknown };
  if (isBeacon(request)) {
    if (!options.beacon) throw new ApiError(415, 'invalid-request', 'This endpoint takes application/json.');
    const envelope = parseBody(BeaconEnvelopeSchema, request.body, 'beacon');
    message = { claims: authenticateCandidate(ctx, envelope.token), body: envelope.body };
  } else message = { claims: candidateClaims(ctx, request), body: request.body };
  if (!options.afterErasure && isErased(ctx, message.claims)) {
    throw new ApiError(401, 'unauthorized', 'The interview token is no longer valid: the candidate asked for erasure.');
  }
  return message;
}
