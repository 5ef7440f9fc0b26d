import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from '../openapi.js';

/** `GET /v1/health` and `GET /v1/openapi.json`: open to anyone, nothing personal in them. */
export function registerMetaRoutes(app: FastifyInstance): void {
  let document: unknown = null;
  app.get('/v1/health', async () => ({ ok: true as const }));
  app.get('/v1/openapi.json', async () => (document ??= buildOpenApi()));
}
