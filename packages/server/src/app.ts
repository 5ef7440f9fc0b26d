import { dirname, join } from 'node:path';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { formatProblems, parseConfig } from '@ai-interview-exit/core';
import { registerCompression } from './compression.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/open.js';
import { installErrorHandling } from './errors.js';
import { loggerConfig } from './logger.js';
import { createConsoleTransport } from './notifications/console.js';
import { createFileTransport } from './notifications/file.js';
import { createMessages } from './notifications/messages.js';
import { createOutbox, type FlushResult } from './notifications/outbox.js';
import { DEFAULT_ROLE_CATALOGUE, defaultDbPath, type ServerOptions } from './options.js';
import { registerDeletionRoutes } from './routes/deletion.js';
import { registerExitRoutes } from './routes/exits.js';
import { registerFollowUpRoutes } from './routes/follow-ups.js';
import { registerHrRoutes } from './routes/hr.js';
import { registerInterviewRoutes } from './routes/interviews.js';
import { registerMetaRoutes } from './routes/meta.js';
import { registerNudgeRoutes } from './routes/nudges.js';
import { registerProgressRoutes } from './routes/progress.js';
import { registerVerificationRoutes } from './routes/verification.js';
import { RoleCatalogueSchema } from './schemas.js';
import { closeUnusedConnectionsOnClose } from './shutdown.js';
import { createRateAlerts } from './rate-alerts.js';
import { createSseHub } from './sse.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The notification outbox, for tests and for an orderly shutdown. */
    notifications: {
      /** Deliver everything pending now and wait for it. */
      flush(): Promise<FlushResult>;
    };
  }
}

/** The protocol's body limit (protocol.md, "Conventions"). */
export const BODY_LIMIT = 64 * 1024;
const DEFAULT_TOKEN_TTL_SECONDS = 7 * 86_400;

/** The reference server: the `/v1` protocol on Fastify and SQLite. Not listening yet: call `listen()`. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  if (!options.secret || options.secret.length < 16) throw new Error('createServer: `secret` must be at least 16 characters.');
  const parsed = parseConfig(options.config ?? {});
  // A server refuses a bad policy at start-up, where the operator sees it, rather than quietly using defaults.
  if (!parsed.ok) throw new Error(`createServer: the exit config was refused:\n${formatProblems(parsed.problems)}`);
  const config = parsed.config;
  const catalogue = RoleCatalogueSchema.safeParse(options.roleCatalogue ?? DEFAULT_ROLE_CATALOGUE);
  if (!catalogue.success) throw new Error(`createServer: the role catalogue was refused: ${catalogue.error.issues[0]?.path.join('.')} ${catalogue.error.issues[0]?.message}`);
  const dbPath = options.dbPath ?? defaultDbPath();
  const now = options.now ?? (() => new Date());
  const locale = options.locale ?? config.locale ?? 'zh-CN';

  const db = openDatabase(dbPath);
  // A row left `processing` by a crash would answer 409 forever; its work never committed, so the client's retry redoes it.
  db.prepare("DELETE FROM exits WHERE state = 'processing'").run();

  const transports = options.transports ?? [
    createConsoleTransport(),
    createFileTransport(join(dbPath === ':memory:' ? '.data' : dirname(dbPath), 'notifications.jsonl')),
  ];
  // A follow-up (R25) is `sent` once its message was delivered, not when it was queued.
  const settleFollowUp = db.prepare("UPDATE follow_ups SET status = ? WHERE notification_id = ?");
  const outbox = createOutbox({
    db, transports, now, retryIntervalMs: options.retryIntervalMs ?? 30_000,
    onSettled: (id, outcome) => settleFollowUp.run(outcome === 'delivered' ? 'sent' : 'failed', id),
  });
  const hub = createSseHub({ pingMs: options.ssePingMs ?? 15_000 });
  const messages = createMessages({ locale, ...(options.hrLocale ? { hrLocale: options.hrLocale } : {}), config });
  const ctx: AppContext = {
    db,
    secret: options.secret,
    config,
    now,
    hrTokens: options.hrTokens ?? [],
    hooks: options.hooks ?? {},
    roleCatalogue: catalogue.data,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    handoffAnswerMinutes: options.handoffAnswerMinutes ?? 120,
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    messages,
    outbox,
    hub,
    rateAlerts: createRateAlerts({ db, report: config.report, outbox, messages, now }),
  };

  // No automatic HEAD routes: the surface is exactly the protocol's (and a HEAD on the stream would hang open).
  const app = Fastify({ logger: loggerConfig(options.logger), bodyLimit: BODY_LIMIT, exposeHeadRoutes: false, trustProxy: options.trustProxy ?? false });
  installErrorHandling(app);
  const allowed = new Set(options.corsOrigins ?? []);
  await app.register(cors, {
    // An allow-list, empty by default: a page may call only if the operator named its origin.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  // Beacons send text/plain (no preflight, no headers): the body is JSON all the same.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('The text/plain body is not JSON.'), { statusCode: 400 }), undefined);
    }
  });

  if (options.compression !== false) await registerCompression(app);

  registerMetaRoutes(app);
  registerInterviewRoutes(app, ctx);
  registerExitRoutes(app, ctx);
  registerProgressRoutes(app, ctx);
  registerVerificationRoutes(app, ctx);
  registerDeletionRoutes(app, ctx);
  registerFollowUpRoutes(app, ctx);
  registerNudgeRoutes(app, ctx);
  registerHrRoutes(app, ctx);

  app.decorate('notifications', { flush: () => outbox.flush() });
  // Streams never end by themselves; close them first, or closing the server would wait for them.
  app.addHook('preClose', async () => hub.close());
  closeUnusedConnectionsOnClose(app);
  app.addHook('onClose', async () => {
    await outbox.stop();
    db.close();
  });
  outbox.start();
  return app;
}
