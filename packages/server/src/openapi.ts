import * as z from 'zod/mini';
import {
  CodeChallengeSchema, DeletionReceiptSchema, DeletionRequestSchema, ExitReceiptSchema, ExitRecordSchema, FollowUpRequestSchema,
  FollowUpResultSchema, HandoffRequestSchema, HandoffResultSchema, InterviewStatusSchema, ProgressSnapshotSchema,
  SaveProgressResultSchema, SendCodeRequestSchema, VerifyCodeRequestSchema, VerifyCodeResultSchema,
} from '@ai-interview-exit/core';
import { NudgeReceiptSchema, NudgeRecordSchema } from '@ai-interview-exit/core/intent';
import { HrExitRowSchema, HrExitsResponseSchema, HrReviewRequestSchema } from '@ai-interview-exit/core/insights';
import { ErrorResponseSchema, HealthSchema, RegisterInterviewRequestSchema, RegisterInterviewResultSchema } from './schemas.js';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

// Core checks whole numbers with a refinement (smaller in the browser than z.int()): say "integer" here,
// as scripts/write-json-schemas.mjs does for core's JSON Schemas.
const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = ({ zodSchema, jsonSchema }) => {
  const checks = (zodSchema._zod.def as { checks?: { _zod: { def: { fn?: unknown } } }[] }).checks ?? [];
  if (checks.some((check) => check._zod.def.fn === Number.isInteger)) jsonSchema.type = 'integer';
};

function jsonSchema(schema: z.ZodMiniType, io: Io): Json {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', override }) as Json;
  return json;
}

/** Component name → [schema, whether it is read as a request (input) or written as an answer (output)]. */
const components: Record<string, [z.ZodMiniType, Io]> = {
  RegisterInterviewRequest: [RegisterInterviewRequestSchema, 'input'],
  RegisterInterviewResult: [RegisterInterviewResultSchema, 'output'],
  ExitRecord: [ExitRecordSchema, 'input'],
  ExitReceipt: [ExitReceiptSchema, 'output'],
  ProgressSnapshot: [ProgressSnapshotSchema, 'input'],
  SaveProgressResult: [SaveProgressResultSchema, 'output'],
  InterviewStatus: [InterviewStatusSchema, 'output'],
  SendCodeRequest: [SendCodeRequestSchema, 'input'],
  CodeChallenge: [CodeChallengeSchema, 'output'],
  VerifyCodeRequest: [VerifyCodeRequestSchema, 'input'],
  VerifyCodeResult: [VerifyCodeResultSchema, 'output'],
  DeletionRequest: [DeletionRequestSchema, 'input'],
  DeletionReceipt: [DeletionReceiptSchema, 'output'],
  FollowUpRequest: [FollowUpRequestSchema, 'input'],
  FollowUpResult: [FollowUpResultSchema, 'output'],
  HandoffRequest: [HandoffRequestSchema, 'input'],
  HandoffResult: [HandoffResultSchema, 'output'],
  NudgeRecord: [NudgeRecordSchema, 'input'],
  NudgeReceipt: [NudgeReceiptSchema, 'output'],
  HrExitRow: [HrExitRowSchema, 'output'],
  HrExitsResponse: [HrExitsResponseSchema, 'output'],
  HrReviewRequest: [HrReviewRequestSchema, 'input'],
  Health: [HealthSchema, 'output'],
  Error: [ErrorResponseSchema, 'output'],
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

const ERRORS: Record<string, string> = {
  '400': 'invalid-request: the body does not match the schema',
  '401': 'unauthorized: no token, a bad signature, or an expired token',
  '403': 'forbidden: the token is for another interview or candidate',
  '404': 'not-found',
  '409': 'conflict: not in this state (an idempotency key still being processed: retry later; an exit not sent for review)',
  '413': 'invalid-request: the body is over 64 KiB',
  '422': 'key-reused: the same idempotency key came with another body',
  '429': 'rate-limited: retry after Retry-After seconds',
  '503': 'unavailable: retry with backoff',
};

interface Operation {
  summary: string;
  security: 'candidate' | 'hr' | 'none';
  request?: string;
  /** The outbox endpoints also take `text/plain` `{ token, body }`, for beacons. */
  beacon?: boolean;
  responses: Record<string, string | Json>;
  errors?: string[];
  parameters?: Json[];
}

function operation(op: Operation): Json {
  const out: Json = { summary: op.summary };
  if (op.security === 'candidate') out.security = [{ interviewToken: [] }];
  if (op.security === 'hr') out.security = [{ hrToken: [] }];
  if (op.parameters) out.parameters = op.parameters;
  if (op.request) {
    const content: Json = json(op.request);
    if (op.beacon) {
      content['text/plain'] = {
        schema: { type: 'object', required: ['token', 'body'], properties: { token: { type: 'string', description: 'the interview token' }, body: ref(op.request) } },
      };
    }
    out.requestBody = { required: true, content };
  }
  const responses: Json = {};
  for (const [status, answer] of Object.entries(op.responses)) {
    responses[status] = typeof answer === 'string' ? { description: answer.split(':')[0], content: json(answer.split(':').at(-1)!.trim()) } : answer;
  }
  for (const status of op.errors ?? []) {
    const retryAfter = status === '429' || status === '503' ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {};
    responses[status] = { description: ERRORS[status], ...retryAfter, content: json('Error') };
  }
  out.responses = responses;
  return out;
}

const candidateErrors = ['400', '401', '403', '413', '503'];

/** The `/v1` protocol as OpenAPI 3.1, built from the same zod schemas the server parses with. */
export function buildOpenApi(): Json {
  const schemas = Object.fromEntries(Object.entries(components).map(([name, [schema, io]]) => [name, jsonSchema(schema, io)]));
  const paths: Json = {
    '/v1/interviews': {
      post: operation({
        summary: 'Register an interview (started) and issue its token; idempotent by interviewId',
        security: 'hr', request: 'RegisterInterviewRequest',
        responses: { '201': 'registered: RegisterInterviewResult', '200': 'already registered, same details: RegisterInterviewResult' },
        errors: ['400', '401', '413', '422'],
      }),
    },
    '/v1/interviews/{id}/status': {
      get: operation({
        summary: 'Where the interview stands (re-entry)', security: 'candidate',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': 'the status: InterviewStatus' }, errors: ['400', '401', '403'],
      }),
    },
    '/v1/exits': {
      post: operation({
        summary: 'Record an exit; idempotent by idempotencyKey. "verified" without a code this server accepted is kept as unverified, for HR review', security: 'candidate', request: 'ExitRecord', beacon: true,
        responses: { '201': 'recorded: ExitReceipt', '200': 'a replay: ExitReceipt' }, errors: [...candidateErrors, '409', '422'],
      }),
    },
    '/v1/progress': {
      post: operation({
        summary: 'Keep the latest progress snapshot of an interview', security: 'candidate', request: 'ProgressSnapshot', beacon: true,
        responses: { '200': 'kept: SaveProgressResult' }, errors: candidateErrors,
      }),
    },
    '/v1/verification/send': {
      post: operation({
        summary: 'Send a one-time code to the contact registered for the interview', security: 'candidate', request: 'SendCodeRequest',
        responses: { '200': 'sent: CodeChallenge' }, errors: [...candidateErrors, '429'],
      }),
    },
    '/v1/verification/check': {
      post: operation({
        summary: 'Check a one-time code; a wrong and an expired code both answer rejected', security: 'candidate', request: 'VerifyCodeRequest',
        responses: { '200': 'checked: VerifyCodeResult' }, errors: [...candidateErrors, '404'],
      }),
    },
    '/v1/deletion-requests': {
      post: operation({
        summary: "Anonymise or delete the candidate's personal data; idempotent by idempotencyKey", security: 'candidate', request: 'DeletionRequest', beacon: true,
        responses: { '201': 'done: DeletionReceipt', '200': 'a replay: DeletionReceipt' }, errors: [...candidateErrors, '422', '429'],
      }),
    },
    '/v1/follow-ups': {
      post: operation({ summary: 'A reason-driven follow-up', security: 'candidate', request: 'FollowUpRequest', responses: { '200': 'done: FollowUpResult' }, errors: candidateErrors }),
    },
    '/v1/handoffs': {
      post: operation({ summary: 'Hand the candidate to a human agent', security: 'candidate', request: 'HandoffRequest', responses: { '200': 'queued: HandoffResult' }, errors: candidateErrors }),
    },
    '/v1/nudges': {
      post: operation({
        summary: 'A nudge shown to the candidate and what followed (R29); idempotent by id, the outcome only moves on', security: 'candidate',
        request: 'NudgeRecord', responses: { '201': 'recorded: NudgeReceipt', '200': 'known (a replay, or the outcome moved on): NudgeReceipt' }, errors: [...candidateErrors, '422', '429'],
      }),
    },
    '/v1/hr/exits': {
      get: operation({
        summary: 'Every exit with its insights, filtered by job type and dates', security: 'hr',
        parameters: [
          { name: 'jobType', in: 'query', schema: { type: 'string' } },
          { name: 'from', in: 'query', description: 'a day (in the report time zone) or an instant, inclusive', schema: { type: 'string' } },
          { name: 'to', in: 'query', description: 'a day (the whole day) or an instant, inclusive', schema: { type: 'string' } },
        ],
        responses: { '200': 'the exits: HrExitsResponse' }, errors: ['400', '401'],
      }),
    },
    '/v1/hr/exits/{key}/review': {
      post: operation({
        summary: 'HR has reviewed an exit that asked for it (R17); idempotent', security: 'hr', request: 'HrReviewRequest',
        parameters: [{ name: 'key', in: 'path', required: true, description: 'the exit\'s idempotency key', schema: { type: 'string', format: 'uuid' } }],
        responses: { '200': 'reviewed: HrExitRow' }, errors: ['400', '401', '404', '409'],
      }),
    },
    '/v1/hr/stream': {
      get: {
        ...operation({
          summary: 'Server-Sent Events: `event: exit` (data: HrExitRow) for each new exit, `event: alert` (data: RateAlertEvent) when a role\'s exit rate crosses its alert line or recovers, `event: notification` for each HR push; `: ping` every 15 s',
          security: 'hr',
          parameters: [{ name: 'access_token', in: 'query', description: 'the HR token, for EventSource, which cannot set headers', schema: { type: 'string' } }],
          responses: { '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
          errors: ['401'],
        }),
        security: [{ hrToken: [] }, { hrAccessToken: [] }],
      },
    },
    '/v1/openapi.json': { get: operation({ summary: 'This document', security: 'none', responses: { '200': { description: 'OpenAPI 3.1' } } }) },
    '/v1/health': { get: operation({ summary: 'Liveness', security: 'none', responses: { '200': 'alive: Health' } }) },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'ai-interview-exit /v1 protocol', version: '1.0.0', description: 'What createHttpAdapter speaks and @ai-interview-exit/server implements. Errors: { error: { code, message } }.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas,
      securitySchemes: {
        interviewToken: { type: 'http', scheme: 'bearer', description: 'base64url(payload) "." base64url(HMAC-SHA256), payload { iid, cref, exp }' },
        hrToken: { type: 'http', scheme: 'bearer', description: 'an HR token configured on the server' },
        hrAccessToken: { type: 'apiKey', in: 'query', name: 'access_token', description: 'the HR token, for the event stream only' },
      },
    },
  };
}
