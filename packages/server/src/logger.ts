import type { FastifyServerOptions } from 'fastify';
import type { LoggerOptions } from './options.js';

/** A URL as it may be logged: the HR stream's `access_token` is replaced, the rest kept. */
function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

/**
 * Fastify's logger, or none. Requests are logged by method and redacted URL only: never headers
 * (they carry tokens) and never bodies (they carry names, reasons and codes).
 */
export function loggerConfig(option: boolean | LoggerOptions | undefined): FastifyServerOptions['logger'] {
  if (!option) return false;
  const { level = 'info', stream } = option === true ? {} : option;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query.access_token', 'req.body', 'res.body'], censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: redactUrl(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
