import type { FastifyError, FastifyInstance } from 'fastify';
import type * as z from 'zod/mini';
import type { AdapterErrorCode } from '@ai-interview-exit/core';

/** An answer that is not a success, in the protocol's words (protocol.md, "Conventions"). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: AdapterErrorCode,
    message: string,
    /** Seconds, sent as `Retry-After` (429 and 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const CODE_BY_STATUS: Record<number, AdapterErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'key-reused',
  429: 'rate-limited',
};

/**
 * Parse where data enters. The message names the first issue's path and what was expected, never
 * the value received: that value may be personal.
 */
export function parseBody<T>(schema: z.ZodMiniType<T>, value: unknown, where = 'body'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(root)';
  const expected = issue?.code === 'invalid_type' ? ` (expected ${issue.expected})` : '';
  throw new ApiError(400, 'invalid-request', `${where} ${path}: ${issue?.message ?? 'invalid'}${expected}`);
}

/**
 * Every error becomes `{ error: { code, message } }`. A 5xx says only `unavailable`: its cause is
 * logged by name (an error's message may carry what a vendor's hook put there) and never sent.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      if (error.retryAfterSeconds !== null) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ errName: error.name, errCode: error.code }, 'request failed');
      return reply.code(status).send({ error: { code: 'unavailable', message: 'The service is unavailable; try again later.' } });
    }
    const code = CODE_BY_STATUS[status] ?? 'invalid-request';
    const message = status === 413 ? 'The body is over 64 KiB.' : error.message;
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'not-found', message: 'No such endpoint.' } }));
}
