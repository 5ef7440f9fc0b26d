import type { DeletionReceipt, DeletionRequest } from '../schemas/deletion.js';
import type { ExitReceipt, ExitRecord } from '../schemas/exit-record.js';
import type { ProgressSnapshot } from '../schemas/progress.js';
import type { AdapterErrorCode, CodeChallenge, FollowUpRequest, HandoffRequest } from '../schemas/protocol.js';
import { outcomeMovesOn } from '../schemas/nudge.js';
import type { NudgeRecord } from '../schemas/nudge-record.js';
import type { InterviewStatus } from '../schemas/status.js';
import { AdapterError, type ExitAdapter } from './adapter.js';
import { newUuid } from '../ids.js';

export interface MemoryAdapterOptions {
  /** Clock, for tests. */
  now?: () => Date;
  /** Milliseconds every call waits, to show loading states in stories. */
  latencyMs?: number;
  /** Re-application cooldown the receipts announce (R19). */
  cooldownDays?: number;
  /** Where the "sent" code goes: this adapter stands in for a server, so a demo can show it as a phone would. */
  onCode?: (code: string, challenge: CodeChallenge) => void;
  /** Interviews that are already over, for re-entry (R14) stories and tests. */
  statuses?: InterviewStatus[];
}

interface Challenge {
  public: CodeChallenge;
  code: string;
}

const CODE_TTL_MS = 5 * 60_000;
const RESEND_MS = 60_000;
const MAX_ATTEMPTS = 5;
const DELETION_DAYS = 15;

/**
 * An in-memory backend for tests, stories and offline demos. It behaves like the reference
 * server (idempotent exits, codes checked only on its side) but keeps everything in this page;
 * never use it where a real candidate's exit must be kept.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}) {
  const now = options.now ?? (() => new Date());
  const exits = new Map<string, { body: string; record: ExitRecord; receipt: ExitReceipt }>();
  const statuses = new Map((options.statuses ?? []).map((s) => [s.interviewId, s]));
  const deletions = new Map<string, { request: DeletionRequest; receipt: DeletionReceipt }>();
  const snapshots = new Map<string, ProgressSnapshot>();
  const challenges = new Map<string, Challenge>();
  const followUps: FollowUpRequest[] = [];
  const handoffs: HandoffRequest[] = [];
  const nudges = new Map<string, NudgeRecord>();
  const failures = new Map<keyof ExitAdapter, AdapterErrorCode>();
  const calls: Record<keyof ExitAdapter, number> = {
    submitExit: 0, sendCode: 0, verifyCode: 0, requestDeletion: 0, getStatus: 0, saveProgress: 0, followUp: 0, handoff: 0, recordNudge: 0,
  };

  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();
  async function enter(method: keyof ExitAdapter): Promise<void> {
    calls[method] += 1;
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const failure = failures.get(method);
    if (failure) throw new AdapterError(failure, `${method} failed: ${failure}`, failure === 'rate-limited' ? 30 : null);
  }
  function sixDigits(): string {
    const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1));
    return String(value! % 1_000_000).padStart(6, '0');
  }

  const adapter: ExitAdapter = {
    async submitExit(record) {
      await enter('submitExit');
      const body = JSON.stringify(record);
      const known = exits.get(record.idempotencyKey);
      if (known) {
        if (known.body !== body) throw new AdapterError('conflict', 'The same idempotency key came with another exit.');
        return known.receipt;
      }
      const receivedAt = iso();
      const days = options.cooldownDays ?? 0;
      const receipt: ExitReceipt = {
        idempotencyKey: record.idempotencyKey,
        interviewId: record.interviewId,
        receivedAt,
        status: record.hrReview ? 'under-review' : 'exited',
        cooldownUntil: days > 0 ? iso(days * 86_400_000) : null,
      };
      exits.set(record.idempotencyKey, { body, record, receipt });
      statuses.set(record.interviewId, { interviewId: record.interviewId, status: receipt.status, exitedAt: record.exitedAt, cooldownUntil: receipt.cooldownUntil });
      return receipt;
    },
    async sendCode(request) {
      await enter('sendCode');
      const challenge: CodeChallenge = {
        challengeId: `ch-${newUuid()}`,
        channel: request.channel,
        maskedDestination: request.channel === 'sms' ? '138****5678' : 'c***@example.com',
        expiresAt: iso(CODE_TTL_MS),
        resendAt: iso(RESEND_MS),
        attemptsLeft: MAX_ATTEMPTS,
      };
      const code = sixDigits();
      challenges.set(challenge.challengeId, { public: challenge, code });
      options.onCode?.(code, challenge);
      return challenge;
    },
    async verifyCode({ challengeId, code }) {
      await enter('verifyCode');
      const challenge = challenges.get(challengeId);
      if (!challenge || challenge.public.attemptsLeft <= 0) return { status: 'locked', attemptsLeft: 0 };
      const attemptsLeft = challenge.public.attemptsLeft - 1;
      challenge.public = { ...challenge.public, attemptsLeft };
      const fresh = now().getTime() < Date.parse(challenge.public.expiresAt);
      if (fresh && code === challenge.code) {
        challenges.delete(challengeId);
        return { status: 'accepted', attemptsLeft };
      }
      return { status: attemptsLeft > 0 ? 'rejected' : 'locked', attemptsLeft };
    },
    async requestDeletion(request) {
      await enter('requestDeletion');
      const known = deletions.get(request.idempotencyKey);
      if (known) return known.receipt;
      const receipt: DeletionReceipt = { requestId: `del-${newUuid().slice(0, 8)}`, receivedAt: iso(), deadline: iso(DELETION_DAYS * 86_400_000), status: 'received' };
      deletions.set(request.idempotencyKey, { request, receipt });
      return receipt;
    },
    async getStatus({ interviewId }) {
      await enter('getStatus');
      return statuses.get(interviewId) ?? { interviewId, status: 'active', exitedAt: null, cooldownUntil: null };
    },
    async saveProgress(snapshot) {
      await enter('saveProgress');
      snapshots.set(snapshot.interviewId, snapshot);
      return { savedAt: iso() };
    },
    async followUp(request) {
      await enter('followUp');
      followUps.push(request);
      const roles = request.kind === 'recommend-roles' ? [{ id: 'role-market-01', title: 'Marketing specialist' }] : [];
      return { status: 'sent', roles };
    },
    async handoff(request) {
      await enter('handoff');
      handoffs.push(request);
      // A person answers within two hours, as the reference server promises by default.
      return { ticketId: `t-${handoffs.length}`, status: 'queued', answerBy: iso(2 * 3_600_000) };
    },
    async recordNudge(record) {
      await enter('recordNudge');
      // As the server does: one record per id, whose outcome only moves on.
      const known = nudges.get(record.id);
      const kept = known && !outcomeMovesOn(known.outcome, record.outcome) ? known : record;
      nudges.set(record.id, kept);
      return { id: kept.id, outcome: kept.outcome };
    },
  };

  return Object.assign(adapter, {
    /** Make `method` fail with `code` until cleared with `null` (offline, rate limits, outages). */
    fail(method: keyof ExitAdapter, code: AdapterErrorCode | null) {
      if (code) failures.set(method, code);
      else failures.delete(method);
    },
    /** How many times each method was called. */
    calls,
    exits: () => [...exits.values()].map((e) => e.record),
    deletions: () => [...deletions.values()],
    snapshots: () => [...snapshots.values()],
    followUps: () => [...followUps],
    handoffs: () => [...handoffs],
    nudges: () => [...nudges.values()],
  });
}

export type MemoryAdapter = ReturnType<typeof createMemoryAdapter>;
