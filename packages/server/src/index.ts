/**
 * @ai-interview-exit/server: the reference backend of the `/v1` protocol (docs/protocol.md) on
 * Fastify and SQLite. `signInterviewToken` lets a vendor's own backend issue candidate tokens.
 */
export { createServer, BODY_LIMIT } from './app.js';
export { signInterviewToken, verifyInterviewToken } from './token.js';
export type { InterviewTokenClaims, SignInterviewTokenInput, VerifyTokenResult } from './token.js';
export { createConsoleTransport, type ConsoleTransportOptions } from './notifications/console.js';
export { createFileTransport } from './notifications/file.js';
export type { Notification, NotificationChannel, NotificationKind, Transport } from './notifications/types.js';
export type { FlushResult } from './notifications/outbox.js';
export type { CatalogueRole, LoggerOptions, ServerHooks, ServerOptions } from './options.js';
export { DEFAULT_ROLE_CATALOGUE } from './options.js';
export { RegisterInterviewRequestSchema, RegisterInterviewResultSchema } from './schemas.js';
export type { RegisterInterviewRequest, RegisterInterviewResult } from './schemas.js';
export { buildOpenApi } from './openapi.js';
export { migrations, type Migration } from './db/migrations.js';
