import type * as z from 'zod/mini';
import { DeletionReceiptSchema } from '../schemas/deletion.js';
import { ExitReceiptSchema } from '../schemas/exit-record.js';
import {
  CodeChallengeSchema,
  FollowUpResultSchema,
  HandoffResultSchema,
  SaveProgressResultSchema,
  VerifyCodeResultSchema,
} from '../schemas/protocol.js';
import { NudgeReceiptSchema } from '../schemas/nudge.js';
import { InterviewStatusSchema } from '../schemas/status.js';
import { AdapterError, MAX_RETRY_AFTER_SECONDS, PERMANENT, type ExitAdapter } from './adapter.js';
import { STATUS_CODES } from './status-codes.js';

export interface HttpAdapterOptions {
  /** Where the `/v1` protocol lives, e.g. `https://api.example.com` (no trailing `/v1`). */
  baseUrl: string;
  /** The interview token the server issued for this candidate. */
  token: string;
  /** Milliseconds before a call counts as `timeout`, the whole answer read (default 15 s). */
  timeoutMs?: number;
  /**
   * A fresh interview token from the host page, asked for when the server answers 401 (an
   * expired token); the call is then made once more with it.
   */
  getToken?: () => Promise<string>;
  fetch?: typeof fetch;
}

/** The endpoints a page may still reach while it closes (docs/protocol.md, "Beacons"). */
export type BeaconKind = 'exit' | 'progress' | 'deletion';
const BEACON_PATHS: Record<BeaconKind, string> = { exit: '/v1/exits', progress: '/v1/progress', deletion: '/v1/deletion-requests' };

function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  const wait = Number.isFinite(seconds) ? seconds : (Date.parse(value) - Date.now()) / 1000;
  // garbage is no answer, a date in the past is now, and no wait is longer than the bound
  return Number.isNaN(wait) ? null : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, wait));
}

/** The longest answer read: a receipt is a few hundred characters; a bigger body is not one. */
const MAX_BODY_CHARS = 64 * 1024;

/** The body as text, or '' when it is longer than the bound (the status decides then). */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let read; reader && !(read = await reader.read()).done; ) {
    text += decoder.decode(read.value, { stream: true });
    if (text.length > MAX_BODY_CHARS) {
      void reader.cancel().catch(() => {});
      return '';
    }
  }
  return text + decoder.decode();
}

export type HttpAdapter = ExitAdapter & {
  /** Send while the page is closing: `sendBeacon` (text/plain, no preflight), else `fetch` with keepalive. */
  beacon(kind: BeaconKind, body: unknown): boolean;
  /** Replace the interview token, e.g. after the vendor refreshed it. */
  setToken(token: string): void;
};

/** An adapter speaking the server's `/v1` protocol; every answer is checked against the core schemas. */
export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let token = options.token;

  async function call<T>(method: 'GET' | 'POST', path: string, body: unknown, schema: z.ZodMiniType<T>, renewed = false): Promise<T> {
    const controller = new AbortController();
    // the bound covers the whole exchange: a body that stalls after the headers is a timeout too
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      text = await readText(response);
    } catch (error) {
      throw new AdapterError(controller.signal.aborted ? 'timeout' : 'network', error instanceof Error ? error.message : 'network');
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 401 && options.getToken && !renewed) {
      const fresh = await options.getToken().catch(() => null);
      if (fresh) {
        token = fresh;
        return call(method, path, body, schema, true);
      }
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // a proxy's HTML error page: the status decides below
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: string } } | null)?.error;
      const code = STATUS_CODES[response.status] ?? 'unavailable';
      // Only the server itself refuses for good: a proxy's or a firewall's page with the same status
      // is a reason to try again, never to drop an exit.
      const fromServer = typeof error?.code === 'string';
      throw new AdapterError(PERMANENT.has(code) && !fromServer ? 'unavailable' : code, error?.message ?? `HTTP ${response.status}`, retryAfter(response));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AdapterError('invalid-response', `${method} ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  }

  return {
    submitExit: (record) => call('POST', '/v1/exits', record, ExitReceiptSchema),
    sendCode: (request) => call('POST', '/v1/verification/send', request, CodeChallengeSchema),
    verifyCode: (request) => call('POST', '/v1/verification/check', request, VerifyCodeResultSchema),
    requestDeletion: (request) => call('POST', '/v1/deletion-requests', request, DeletionReceiptSchema),
    getStatus: ({ interviewId }) => call('GET', `/v1/interviews/${encodeURIComponent(interviewId)}/status`, undefined, InterviewStatusSchema),
    saveProgress: (snapshot) => call('POST', '/v1/progress', snapshot, SaveProgressResultSchema),
    followUp: (request) => call('POST', '/v1/follow-ups', request, FollowUpResultSchema),
    handoff: (request) => call('POST', '/v1/handoffs', request, HandoffResultSchema),
    recordNudge: (record) => call('POST', '/v1/nudges', record, NudgeReceiptSchema),
    beacon(kind, body) {
      const url = base + BEACON_PATHS[kind];
      const payload = JSON.stringify({ token, body });
      const nav = globalThis.navigator as Navigator | undefined;
      if (typeof nav?.sendBeacon === 'function') return nav.sendBeacon(url, new Blob([payload], { type: 'text/plain;charset=UTF-8' }));
      void doFetch(url, { method: 'POST', keepalive: true, body: payload, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => {});
      return true;
    },
    setToken(next) {
      token = next;
    },
  };
}
