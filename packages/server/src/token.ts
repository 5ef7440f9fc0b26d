import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { IdSchema } from '@ai-interview-exit/core';
import { hmac } from './crypto.js';

/**
 * The interview token (protocol.md, "Authentication"):
 * `base64url(JSON {iid, cref, exp}) + "." + base64url(HMAC-SHA256(secret, base64url(payload)))`.
 * A vendor's own backend may sign these too, with the same secret.
 */
const PayloadSchema = z.object({
  iid: IdSchema,
  cref: IdSchema,
  exp: z.number().check(z.refine(Number.isInteger, 'whole seconds')),
});

export interface InterviewTokenClaims {
  interviewId: string;
  candidateRef: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export interface SignInterviewTokenInput {
  interviewId: string;
  candidateRef: string;
  expiresInSeconds: number;
  /** The issuing instant; defaults to now. */
  now?: Date;
}

export type VerifyTokenResult =
  | { ok: true; claims: InterviewTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** Sign claims with a fixed expiry: the same claims always give the same token. */
export function signClaims(secret: string, claims: InterviewTokenClaims): string {
  const payload = { iid: claims.interviewId, cref: claims.candidateRef, exp: claims.expiresAt };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${hmac(secret, encoded).toString('base64url')}`;
}

export function signInterviewToken(secret: string, input: SignInterviewTokenInput): string {
  const issued = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return signClaims(secret, { interviewId: input.interviewId, candidateRef: input.candidateRef, expiresAt: issued + Math.floor(input.expiresInSeconds) });
}

/** Check a token's signature (in constant time) and expiry. Never throws. */
export function verifyInterviewToken(secret: string, token: string, now: Date = new Date()): VerifyTokenResult {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts as [string, string];
  const expected = hmac(secret, encoded);
  const given = Buffer.from(signature, 'base64url');
  // One spelling per token: Node's decoder also takes padding, `+` and `/`, and unused low bits, which would make many tokens of one.
  if (given.toString('base64url') !== signature || !/^[\w-]+$/.test(encoded)) return { ok: false, reason: 'malformed' };
  // The length of an HMAC-SHA256 is public; only equal lengths reach the constant-time compare.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { interviewId: parsed.data.iid, candidateRef: parsed.data.cref, expiresAt: parsed.data.exp } };
}
