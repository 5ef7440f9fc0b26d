import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CodeChallenge, SendCodeRequest, VerifyCodeResult } from '@ai-interview-exit/core';
import { assertOwns } from './auth.js';
import { isoAt, type AppContext } from './context.js';
import { hmac, hmacHex } from './crypto.js';
import { ApiError } from './errors.js';
import { maskAddress } from './mask.js';
import type { InterviewTokenClaims } from './token.js';

/** How long a code is good for (R6). */
const CODE_TTL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/** Sends per interview per hour, and per address per hour across interviews (one phone, many tokens). */
const SENDS_PER_INTERVIEW_PER_HOUR = 5;
const SENDS_PER_ADDRESS_PER_HOUR = 10;
/**
 * Sends per client address per hour, whatever the interviews and phones (one sender, many tokens):
 * enough for a test centre behind one address, where few candidates verify an exit.
 */
const SENDS_PER_CLIENT_PER_HOUR = 60;
/** Client addresses remembered before the ones with no send in the last hour are swept. */
const CLIENTS_BEFORE_SWEEP = 10_000;

interface ChallengeRow {
  challenge_id: string;
  interview_id: string;
  code_hash: string;
  expires_ms: number;
  attempts_left: number;
  state: 'open' | 'accepted' | 'locked';
}

const codeHash = (secret: string, challengeId: string, code: string) => hmac(secret, 'code', challengeId, code);

/** One-time codes (R6): made, hashed, rate-limited, sent and checked here and nowhere else. */
export function createVerification(ctx: AppContext) {
  const { db, config } = ctx;
  const contact = db.prepare('SELECT phone, email FROM interviews WHERE interview_id = ? AND anonymised = 0');
  const sendsFor = db.prepare('SELECT created_ms FROM challenges WHERE interview_id = ? AND created_ms > ? ORDER BY created_ms');
  const sendsTo = db.prepare('SELECT created_ms FROM challenges WHERE destination_hash = ? AND created_ms > ? ORDER BY created_ms');
  const insert = db.prepare(`
    INSERT INTO challenges (challenge_id, interview_id, channel, destination_hash, masked_destination, code_hash, created_ms, expires_ms, attempts_left, state)
    VALUES (@challengeId, @interviewId, @channel, @destinationHash, @masked, @codeHash, @createdMs, @expiresMs, @attempts, 'open')`);
  // A new code replaces the ones before it: only the latest message on the phone works.
  const supersede = db.prepare("UPDATE challenges SET expires_ms = MIN(expires_ms, ?) WHERE interview_id = ? AND state = 'open'");
  const find = db.prepare('SELECT * FROM challenges WHERE challenge_id = ?');
  const update = db.prepare('UPDATE challenges SET attempts_left = ?, state = ? WHERE challenge_id = ?');
  // Kept in memory only: a client's IP address is personal data, and is not written to the database for a counter.
  const sendsFrom = new Map<string, number[]>();

  /** The times of this client's sends in the last hour, oldest first. */
  function recentFrom(client: string, nowMs: number): number[] {
    if (sendsFrom.size > CLIENTS_BEFORE_SWEEP) {
      for (const [key, times] of sendsFrom) if (times.at(-1)! <= nowMs - HOUR_MS) sendsFrom.delete(key);
    }
    const recent = (sendsFrom.get(client) ?? []).filter((ms) => ms > nowMs - HOUR_MS);
    if (recent.length > 0) sendsFrom.set(client, recent);
    else sendsFrom.delete(client);
    return recent;
  }

  /** 429 with the seconds until the oldest send in the window falls out of it. */
  function checkLimits(interviewId: string, destinationHash: string, client: string, nowMs: number): void {
    const resendMs = config.verification.resendSeconds * 1000;
    const recent = sendsFor.all(interviewId, nowMs - HOUR_MS) as { created_ms: number }[];
    const last = recent.at(-1);
    if (last && nowMs - last.created_ms < resendMs) {
      throw new ApiError(429, 'rate-limited', 'A code was sent moments ago; wait before asking again.', Math.ceil((last.created_ms + resendMs - nowMs) / 1000));
    }
    const windowFull = (rows: { created_ms: number }[], limit: number) =>
      rows.length >= limit ? Math.ceil((rows[rows.length - limit]!.created_ms + HOUR_MS - nowMs) / 1000) : 0;
    const waitInterview = windowFull(recent, SENDS_PER_INTERVIEW_PER_HOUR);
    const waitAddress = windowFull(sendsTo.all(destinationHash, nowMs - HOUR_MS) as { created_ms: number }[], SENDS_PER_ADDRESS_PER_HOUR);
    const waitClient = windowFull(recentFrom(client, nowMs).map((ms) => ({ created_ms: ms })), SENDS_PER_CLIENT_PER_HOUR);
    const wait = Math.max(waitInterview, waitAddress, waitClient);
    if (wait > 0) throw new ApiError(429, 'rate-limited', 'Too many codes were asked for; wait before asking again.', wait);
  }

  /** `client`: the address the request came from. */
  async function send(request: SendCodeRequest, client: string): Promise<CodeChallenge> {
    const row = contact.get(request.interviewId) as { phone: string | null; email: string | null } | undefined;
    const address = request.channel === 'sms' ? row?.phone : row?.email;
    if (!address) throw new ApiError(503, 'unavailable', `No ${request.channel === 'sms' ? 'phone number' : 'email address'} is registered for this interview.`);
    const now = ctx.now();
    const nowMs = now.getTime();
    const destinationHash = hmacHex(ctx.secret, 'destination', request.channel, address.replace(/\s+/g, '').toLowerCase());
    checkLimits(request.interviewId, destinationHash, client, nowMs);
    sendsFrom.set(client, [...recentFrom(client, nowMs), nowMs]);

    const challengeId = `ch-${randomUUID()}`;
    const length = config.verification.codeLength;
    const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
    const masked = maskAddress(request.channel, address);
    db.transaction(() => {
      supersede.run(nowMs, request.interviewId);
      insert.run({
        challengeId, interviewId: request.interviewId, channel: request.channel, destinationHash, masked,
        codeHash: codeHash(ctx.secret, challengeId, code).toString('hex'), createdMs: nowMs, expiresMs: nowMs + CODE_TTL_MS,
        attempts: config.verification.maxAttempts,
      });
    })();
    try {
      // The only place the code goes: the candidate's phone or mailbox, through the transports.
      await ctx.outbox.sendNow({ kind: 'verification-code', channel: request.channel, to: address, interviewId: request.interviewId, text: ctx.messages.code(code, CODE_TTL_MS / 60_000, request.locale) });
    } catch {
      throw new ApiError(503, 'unavailable', 'The code could not be sent; try again shortly.', 30);
    }
    return {
      challengeId,
      channel: request.channel,
      maskedDestination: masked,
      expiresAt: isoAt(now, CODE_TTL_MS),
      resendAt: isoAt(now, config.verification.resendSeconds * 1000),
      attemptsLeft: config.verification.maxAttempts,
    };
  }

  /**
   * A wrong code and an expired one take the same path and the same answer: the hash is always
   * computed and compared in constant time, and only then is the expiry looked at.
   */
  function check(claims: InterviewTokenClaims, challengeId: string, code: string): VerifyCodeResult {
    return db.transaction((): VerifyCodeResult => {
      const row = find.get(challengeId) as ChallengeRow | undefined;
      if (!row) throw new ApiError(404, 'not-found', 'No such challenge.');
      assertOwns(claims, row.interview_id);
      const matches = timingSafeEqual(codeHash(ctx.secret, challengeId, code), Buffer.from(row.code_hash, 'hex'));
      const fresh = ctx.now().getTime() < row.expires_ms;
      // A retry of the check that already succeeded (its answer was lost) succeeds again, and costs nothing.
      if (row.state === 'accepted' && matches && fresh) return { status: 'accepted', attemptsLeft: row.attempts_left };
      if (row.state !== 'open' || row.attempts_left <= 0) return { status: 'locked', attemptsLeft: 0 };
      const attemptsLeft = row.attempts_left - 1;
      if (matches && fresh) {
        update.run(attemptsLeft, 'accepted', challengeId);
        return { status: 'accepted', attemptsLeft };
      }
      update.run(attemptsLeft, attemptsLeft > 0 ? 'open' : 'locked', challengeId);
      return { status: attemptsLeft > 0 ? 'rejected' : 'locked', attemptsLeft };
    })();
  }

  return { send, check };
}
