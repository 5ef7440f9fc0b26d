import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { computeInsights, HrExitsResponseSchema, nextDay, startOfDay, type HrExitsResponse } from '@ai-interview-exit/core/insights';
import { requireHr } from '../auth.js';
import type { AppContext } from '../context.js';
import { listHrRows, listStarted, type ExitFilter } from '../db/hr-rows.js';
import { parseBody } from '../errors.js';
import { HrExitsQuerySchema, type HrExitsQuery } from '../schemas.js';

const isDay = (value: string) => value.length === 10;

function toFilter(query: HrExitsQuery, timeZone: string): ExitFilter {
  const filter: ExitFilter = {};
  if (query.jobType) filter.jobType = query.jobType;
  if (query.from) filter.fromMs = isDay(query.from) ? startOfDay(query.from, timeZone) : Date.parse(query.from);
  // A day as the upper bound means all of that day, in the report's time zone.
  if (query.to) filter.toMs = isDay(query.to) ? startOfDay(nextDay(query.to), timeZone) - 1 : Date.parse(query.to);
  return filter;
}

/** The HR side (R13, R24, R26): the exits with their insights, and the live stream. */
export function registerHrRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/hr/exits', async (request) => {
    requireHr(ctx, request);
    const query = parseBody(HrExitsQuerySchema, request.query, 'query');
    const filter = toFilter(query, ctx.timeZone);
    const exits = listHrRows(ctx.db, filter);
    const started = listStarted(ctx.db, filter);
    const response: HrExitsResponse = { exits, insights: computeInsights({ exits, started, report: ctx.config.report, timeZone: ctx.timeZone }) };
    // What we send is what the protocol promises: a mismatch is our bug, and answers 5xx rather than bad data.
    const checked = HrExitsResponseSchema.safeParse(response);
    if (!checked.success) throw new Error('HR exits response does not match HrExitsResponseSchema');
    return checked.data;
  });

  app.get('/v1/hr/stream', async (request, reply) => {
    requireHr(ctx, request, { allowQuery: true });
    // The stream outlives this handler: Fastify hands the raw response over, with the headers
    // its hooks (CORS) have set so far.
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // The connection belongs to this stream: when the stream ends (at shutdown), so does the socket.
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    ctx.hub.add(reply.raw);
  });
}
