import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cooldownUntil, ExitRecordSchema, type ExitReceipt, type ExitRecord } from '@ai-interview-exit/core';
import { assertOwns, readCandidateMessage } from '../auth.js';
import { judgeExitTimes } from '../client-times.js';
import type { AppContext } from '../context.js';
import { hmacHex } from '../crypto.js';
import { erasureLevel } from '../erased.js';
import { getHrRow } from '../db/hr-rows.js';
import { ApiError, parseBody } from '../errors.js';
import { exitRateLimit, keepKnownReason } from '../exit-guards.js';
import { candidateContact, type ContactRow } from '../notifications/contact.js';
import type { Notification } from '../notifications/types.js';
import type { RateAlertChange } from '../rate-alerts.js';

interface StoredExit {
  interview_id: string;
  candidate_ref: string;
  anonymised: number;
  body_hash: string;
  state: 'processing' | 'done';
  receipt_json: string | null;
}

interface InterviewContact extends ContactRow {
  candidate_name: string | null;
  job_type: string;
}

/**
 * `POST /v1/exits` (R8, R11): idempotent by the record's key. The row is written as `processing`
 * before any work, so that a second request with the same key, arriving while the first is still
 * busy, is told 409 instead of doing the work twice.
 */
export function registerExitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const find = db.prepare('SELECT interview_id, candidate_ref, anonymised, body_hash, state, receipt_json FROM exits WHERE idempotency_key = ?');
  const insertProcessing = db.prepare(`
    INSERT OR IGNORE INTO exits (idempotency_key, body_hash, state, interview_id, candidate_ref, job_type, stage, progress_json,
      exited_at, exited_ms, time_zone, locale, reason_code, reason_text, data_choice, source, verification, hr_review, review, received_at, client_exited_at, person_requested, reason_labels_json)
    VALUES (@key, @bodyHash, 'processing', @interviewId, @candidateRef, @jobType, @stage, @progress,
      @exitedAt, @exitedMs, @timeZone, @locale, @reasonCode, @reasonText, @dataChoice, @source, @verification, @hrReview, @review, @receivedAt, @clientExitedAt, @personRequested, @reasonLabels)`);
  const forget = db.prepare("DELETE FROM exits WHERE idempotency_key = ? AND state = 'processing'");
  const markDone = db.prepare("UPDATE exits SET state = 'done', receipt_json = ?, reason_text = ?, anonymised = ?, candidate_ref = ? WHERE idempotency_key = ?");
  const findInterview = db.prepare('SELECT candidate_name, phone, email, anonymised, job_type FROM interviews WHERE interview_id = ?');
  // An interview whose token a vendor signed itself is known here first from its exit: keep it, so the exit counts.
  const ensureInterview = db.prepare(`
    INSERT OR IGNORE INTO interviews (interview_id, candidate_ref, job_type, stage, started_at, began_at, anonymised)
    VALUES (@interviewId, @candidateRef, @jobType, @stage, @startedAt, @startedAt, @anonymised)`);
  // Leaving an interview means having been in it: it counts as begun (R26), from its first answer if known.
  const markBegun = db.prepare('UPDATE interviews SET began_at = COALESCE(began_at, ?) WHERE interview_id = ?');
  const setStatus = db.prepare('UPDATE interviews SET status = ?, exited_at = ?, cooldown_until = ? WHERE interview_id = ?');
  const codeAccepted = db.prepare("SELECT 1 FROM challenges WHERE interview_id = ? AND state = 'accepted' LIMIT 1");
  const limitNewExits = exitRateLimit(db);

  /**
   * A code is checked here, never in the browser (R6): a record that says `verified` without a code
   * this server accepted for the interview is kept as `unverified`, for HR to review. Never refused.
   */
  function believed(record: ExitRecord): ExitRecord {
    if (record.verification !== 'verified' || codeAccepted.get(record.interviewId)) return record;
    return { ...record, verification: 'unverified', hrReview: true };
  }

  function answerKnown(known: StoredExit, record: ExitRecord, bodyHash: string, reply: FastifyReply) {
    // Someone else's key is refused before the bodies are compared, so that 422 never tells that a key exists.
    // After an erasure the stored reference is no longer the candidate's: the interview alone says whose it is.
    const others = known.interview_id !== record.interviewId || (known.anonymised === 0 && known.candidate_ref !== record.candidateRef);
    if (others) throw new ApiError(403, 'forbidden', 'This idempotency key belongs to another interview.');
    if (known.body_hash !== bodyHash) throw new ApiError(422, 'key-reused', 'This idempotency key came with another exit record.');
    if (known.state === 'processing' || !known.receipt_json) throw new ApiError(409, 'conflict', 'This exit is still being processed; try again shortly.');
    return reply.code(200).send(JSON.parse(known.receipt_json) as ExitReceipt);
  }

  /** Everything that makes the exit true, in one transaction: the receipt, the status, the notifications. */
  const complete = db.transaction((record: ExitRecord, receipt: ExitReceipt) => {
    // A candidate who asked for erasure earlier is stored erased here too, even in an interview first known from this exit.
    const erased = erasureLevel(db, ctx.secret, record.candidateRef);
    ensureInterview.run({
      interviewId: record.interviewId, candidateRef: erased === 2 ? `anon-${randomUUID()}` : record.candidateRef, jobType: record.jobType,
      stage: record.stage, startedAt: record.progress?.startedAt ?? record.exitedAt, anonymised: erased,
    });
    const interview = findInterview.get(record.interviewId) as InterviewContact;
    const anonymised = interview.anonymised > 0;
    // The candidate asked earlier that their personal data go: a later free text (or, after `delete`, the reference) is not kept either.
    const reasonText = record.reason ? (anonymised ? '' : record.reason.text) : null;
    const candidateRef = interview.anonymised === 2 ? `anon-${randomUUID()}` : record.candidateRef;
    markDone.run(JSON.stringify(receipt), reasonText, anonymised ? 1 : 0, candidateRef, record.idempotencyKey);
    setStatus.run(receipt.status, record.exitedAt, receipt.cooldownUntil, record.interviewId);
    markBegun.run(record.progress?.startedAt ?? record.exitedAt, record.interviewId);
    // Messages quote what was kept, not what was sent: an erased candidate's later text reaches no one.
    const kept: ExitRecord = { ...record, reason: record.reason && { ...record.reason, text: reasonText ?? '' } };
    const contact = candidateContact(interview);
    if (contact) {
      ctx.outbox.enqueue({ kind: 'exit-confirmation', ...contact, interviewId: record.interviewId, text: ctx.messages.candidateExit(kept) });
    }
    const name = (!anonymised && interview.candidate_name) || candidateRef;
    const hrNotification = ctx.outbox.enqueue({ kind: 'hr-exit', channel: 'push', to: 'hr', interviewId: record.interviewId, text: ctx.messages.hrExit(kept, name) });
    // The interview's own job type, where HR's rates count it (a vendor-signed one is known from this exit).
    return { hrNotification, alert: ctx.rateAlerts.check(interview.job_type) };
  });

  app.post('/v1/exits', async (request, reply) => {
    const { claims, body } = readCandidateMessage(ctx, request, { beacon: true, afterErasure: true });
    const sent = parseBody(ExitRecordSchema, body);
    assertOwns(claims, sent.interviewId, sent.candidateRef);
    // The parsed record has the schema's key order, so the same exit hashes the same however it was written.
    const bodyHash = hmacHex(ctx.secret, 'exit', canonicalExit(sent));
    const known = find.get(sent.idempotencyKey) as StoredExit | undefined;
    if (known) return answerKnown(known, sent, bodyHash, reply);

    const now = ctx.now();
    // A new exit is rate-limited, and its times and reason code are judged by this server.
    limitNewExits(sent.interviewId, now);
    const { record: timed, clientExitedAt } = judgeExitTimes(sent, now.getTime());
    const record = believed(keepKnownReason(timed, ctx.config.reasons));

    const inserted = insertProcessing.run({
      key: record.idempotencyKey, bodyHash, interviewId: record.interviewId, candidateRef: record.candidateRef, jobType: record.jobType,
      stage: record.stage, progress: record.progress ? JSON.stringify(record.progress) : null, exitedAt: record.exitedAt,
      exitedMs: Date.parse(record.exitedAt), timeZone: record.timeZone, locale: record.locale, reasonCode: record.reason?.code ?? null,
      // The free text is written once the request is complete, which knows whether the candidate asked for erasure.
      reasonText: null, dataChoice: record.dataChoice, source: record.source, verification: record.verification,
      hrReview: record.hrReview ? 1 : 0, review: record.hrReview ? 'pending' : 'none', receivedAt: now.toISOString(),
      clientExitedAt, personRequested: record.personRequested ? 1 : 0, reasonLabels: record.reason?.labels ? JSON.stringify(record.reason.labels) : null,
    });
    if (inserted.changes === 0) return answerKnown(find.get(record.idempotencyKey) as StoredExit, record, bodyHash, reply);

    const receipt: ExitReceipt = {
      idempotencyKey: record.idempotencyKey,
      interviewId: record.interviewId,
      receivedAt: now.toISOString(),
      status: record.hrReview ? 'under-review' : 'exited',
      cooldownUntil: cooldownUntil(now.toISOString(), ctx.config.cooldownDays),
    };
    let completed: { hrNotification: Notification; alert: RateAlertChange | null };
    try {
      await ctx.hooks.onExit?.(record);
      completed = complete(record, receipt);
    } catch (error) {
      // Undo the claim on the key, so that the client's retry does the work instead of meeting 409.
      // The cause is logged by name only and not echoed: a vendor's hook may put anything in its error.
      request.log.error({ errName: error instanceof Error ? error.name : typeof error }, 'exit not recorded');
      forget.run(record.idempotencyKey);
      throw new ApiError(503, 'unavailable', 'The exit could not be recorded; try again.', 5);
    }
    ctx.outbox.kick();
    const row = getHrRow(db, record.idempotencyKey);
    if (row) ctx.hub.publish('exit', row);
    ctx.hub.publish('notification', completed.hrNotification);
    if (completed.alert) {
      ctx.hub.publish('alert', completed.alert.event);
      ctx.hub.publish('notification', completed.alert.notification);
    }
    return reply.code(201).send(receipt);
  });
}

/**
 * The body that is hashed. A request not made is left out, so that a record from before
 * `personRequested` existed (it says nothing and reads as false) hashes as it did then: its replay
 * stays a replay, whichever version of the server first received it.
 */
function canonicalExit(record: ExitRecord): string {
  const { personRequested, ...rest } = record;
  return JSON.stringify(personRequested ? record : rest);
}
