import type * as z from 'zod/mini';
import type { DeletionReceipt, DeletionRequest } from '../schemas/deletion.js';
import { DeletionReceiptSchema, DeletionRequestSchema } from '../schemas/deletion.js';
import { ExitReceiptSchema, ExitRecordSchema, type ExitReceipt, type ExitRecord } from '../schemas/exit-record.js';
import { ProgressSnapshotSchema, type ProgressSnapshot } from '../schemas/progress.js';
import {
  AdapterErrorCodeSchema,
  CodeChallengeSchema,
  FollowUpRequestSchema,
  FollowUpResultSchema,
  HandoffRequestSchema,
  HandoffResultSchema,
  InterviewRefSchema,
  SaveProgressResultSchema,
  SendCodeRequestSchema,
  VerifyCodeRequestSchema,
  VerifyCodeResultSchema,
  type AdapterErrorCode,
  type CodeChallenge,
  type FollowUpRequest,
  type FollowUpResult,
  type HandoffRequest,
  type HandoffResult,
  type InterviewRef,
  type SaveProgressResult,
  type SendCodeRequest,
  type VerifyCodeRequest,
  type VerifyCodeResult,
} from '../schemas/protocol.js';
import type { NudgeReceipt } from '../schemas/nudge.js';
import type { NudgeRecord } from '../schemas/nudge-record.js';
import { InterviewStatusSchema, type InterviewStatus } from '../schemas/status.js';

/**
 * The backend a vendor plugs in. Every method takes and returns data the core schemas describe;
 * failures are thrown as `AdapterError` so that the widget can say what went wrong in words.
 */
export interface ExitAdapter {
  /** Record an exit. Idempotent by `record.idempotencyKey`: a replay returns the same receipt. */
  submitExit(record: ExitRecord): Promise<ExitReceipt>;
  /** Send a one-time code (R6). The code never comes back to the browser. */
  sendCode(request: SendCodeRequest): Promise<CodeChallenge>;
  /** Check a code on the server. */
  verifyCode(request: VerifyCodeRequest): Promise<VerifyCodeResult>;
  /** Ask that the candidate's personal data be anonymised or deleted (R10). */
  requestDeletion(request: DeletionRequest): Promise<DeletionReceipt>;
  /** Where the interview stands, for re-entry (R14). */
  getStatus(ref: InterviewRef): Promise<InterviewStatus>;
  /** Keep a progress snapshot (R8, R15). */
  saveProgress(snapshot: ProgressSnapshot): Promise<SaveProgressResult>;
  /** A reason-driven follow-up (R25). */
  followUp(request: FollowUpRequest): Promise<FollowUpResult>;
  /** Hand the candidate to a human agent (R27). */
  handoff(request: HandoffRequest): Promise<HandoffResult>;
  /**
   * Optional: keep a nudge shown to the candidate and what followed (R29), for HR. Sent again as the
   * outcome moves on (shown → stayed, help or exited); idempotent by `record.id`. Best effort.
   */
  recordNudge?(record: NudgeRecord): Promise<NudgeReceipt>;
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    readonly code: AdapterErrorCode,
    message: string = code,
    /** Seconds the server asked to wait before trying again (HTTP 429 / 503 Retry-After). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Any failure as an AdapterError: an adapter's own, or a thrown TypeError from fetch (= network). */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (AdapterErrorCodeSchema.safeParse(code).success) return new AdapterError(code as AdapterErrorCode, String((error as Error).message ?? code));
  return new AdapterError('network', error instanceof Error ? error.message : 'network');
}

function check<T>(schema: z.ZodMiniType<T>, value: unknown, code: AdapterErrorCode, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new AdapterError(code, `${what}: ${first ? `${first.path.join('.') || '(root)'} ${first.message}` : 'invalid'}`);
}

/** The longest wait a server may ask for (Retry-After): an exit should not sit on a device for days. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Refusals for good: sending the same again cannot succeed. */
export const PERMANENT: ReadonlySet<AdapterErrorCode> = new Set(['invalid-request', 'forbidden', 'key-reused', 'not-found']);

/**
 * Wrap a vendor's adapter so that what goes in and what comes out is checked against the
 * schemas: a malformed answer is an error, never trusted. A call that has not answered within
 * `timeoutMs` fails as `timeout`, so that no adapter (the vendor's own included) can hold the
 * candidate in a step or the outbox's queue. `checkRequests: false` leaves what goes in to the
 * backend to judge (the outbox: a request refused here would look like a refusal for good).
 */
export function checkedAdapter(adapter: ExitAdapter, timeoutMs = 30_000, checkRequests = true): ExitAdapter {
  const call = async <I, O>(method: keyof ExitAdapter, input: I, inSchema: z.ZodMiniType<I>, outSchema: z.ZodMiniType<O>): Promise<O> => {
    const request = checkRequests ? check(inSchema, input, 'invalid-request', `${method} request`) : input;
    let response: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      response = await Promise.race([
        (adapter[method] as (value: I) => Promise<unknown>).call(adapter, request),
        new Promise((_, reject) => (timer = setTimeout(reject, timeoutMs, new AdapterError('timeout', `${method}: no answer`)))),
      ]);
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      clearTimeout(timer);
    }
    return check(outSchema, response, 'invalid-response', `${method} response`);
  };
  return {
    submitExit: (record) => call('submitExit', record, ExitRecordSchema, ExitReceiptSchema),
    sendCode: (request) => call('sendCode', request, SendCodeRequestSchema, CodeChallengeSchema),
    verifyCode: (request) => call('verifyCode', request, VerifyCodeRequestSchema, VerifyCodeResultSchema),
    requestDeletion: (request) => call('requestDeletion', request, DeletionRequestSchema, DeletionReceiptSchema),
    getStatus: (ref) => call('getStatus', ref, InterviewRefSchema, InterviewStatusSchema),
    saveProgress: (snapshot) => call('saveProgress', snapshot, ProgressSnapshotSchema, SaveProgressResultSchema),
    followUp: (request) => call('followUp', request, FollowUpRequestSchema, FollowUpResultSchema),
    handoff: (request) => call('handoff', request, HandoffRequestSchema, HandoffResultSchema),
  };
}
