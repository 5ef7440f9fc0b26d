import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { computeInsights, HrExitsResponseSchema, HrReviewRequestSchema, nextDay, startOfDay, type HrExitsResponse } from '@ai-interview-exit/core/insights';
import { requireHr } from '../auth.js';
import { MAX_AHEAD_MS } from '../client-times.js';
import type { AppContext } from '../context.js';
import { getHrRow, listHrRows, listStarted, type ExitFilter } from '../db/hr-rows.js';
import { countNudges } from '../db/nudge-rows.js';
import { ApiError, parseBody } from '../errors.js';
import { ExitKeyParamsSchema, HrExitsQuerySchema, isReportDay, type HrExitsQuery } from '../schemas.js';

function toFilter(query: HrExitsQuery, timeZone: string): ExitFilter {
  const filter: ExitFilter = {};
  if (query.jobType) filter.jobType = query.jobType;
  if (query.from) filter.fromMs = isReportDay(query.from) ? startOfDay(query.from, timeZone) : Date.parse(query.from);
  // A day as the upper bound means all of that day, in the report's time zone.
  if (query.to) filter.toMs = isReportDay(query.to) ? startOfDay(nextDay(query.to), timeZone) - 1 : Date.parse(query.to);
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
    // The series runs from the first to the last exit day inside the filter's range, which ends now at the latest: a date stored before the server judged times
    // (or a `to` far ahead) cannot stretch it. Its length is bounded by OVER_TIME_MAX_DAYS either way.
    const range = { fromMs: filter.fromMs, toMs: Math.min(filter.toMs ?? Infinity, ctx.now().getTime() + MAX_AHEAD_MS) };
    const insights = computeInsights({ exits, started, report: ctx.config.report, timeZone: ctx.timeZone, range });
    const response: HrExitsResponse = { exits, insights, nudges: countNudges(ctx.db, filter) };
    // What we send is what the protocol promises: a mismatch is our bug, and answers 5xx rather than bad data.
    const checked = HrExitsResponseSchema.safeParse(response);
    if (!checked.success) throw new Error('HR exits response does not match HrExitsResponseSchema');
    return checked.data;
  });

  const markDone = ctx.db.prepare("UPDATE exits SET review = 'done' WHERE idempotency_key = ? AND review = 'pending'");
  // The interview's own status follows, unless another exit of it still awaits review.
  const settleInterview = ctx.db.prepare(`UPDATE interviews SET status = 'exited' WHERE interview_id = ? AND status = 'under-review'
    AND NOT EXISTS (SELECT 1 FROM exits WHERE interview_id = interviews.interview_id AND review = 'pending')`);

  /** R17: HR has looked at an exit that asked for review. Idempotent: done stays done. */
  app.post('/v1/hr/exits/:key/review', async (request) => {
    requireHr(ctx, request);
    const { key } = parseBody(ExitKeyParamsSchema, request.params, 'path');
    parseBody(HrReviewRequestSchema, request.body);
    const row = ctx.db.transaction(() => {
      markDone.run(key);
      const found = getHrRow(ctx.db, key);
      if (found) settleInterview.run(found.interviewId);
      return found;
    })();
    if (!row) throw new ApiError(404, 'not-found', 'No such exit.');
    if (row.review === 'none') throw new ApiError(409, 'conflict', 'This exit was not sent for review.');
    return row;
  });

  // A stream is never compressed: a compressor would hold events back until its buffer fills.
  app.get('/v1/hr/stream', { compress: false }, async (request, reply) => {
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
