import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { FollowUpRequestSchema, HandoffRequestSchema, type FollowUpResult, type HandoffResult, type SuggestedRole } from '@ai-interview-exit/core';
import { matchLocale } from '@ai-interview-exit/core/i18n';
import { assertOwns, readCandidateMessage } from '../auth.js';
import { isoAt, type AppContext } from '../context.js';
import { parseBody } from '../errors.js';
import { candidateContact, type ContactRow } from '../notifications/contact.js';
import type { CatalogueRole } from '../options.js';

/** How many roles a `recommend-roles` follow-up suggests: a couple, not a job board. */
const SUGGESTIONS = 2;

/** A catalogue role as the candidate sees it: its title in their language (else zh-CN, else any). */
function suggested({ id, title, location, applyUrl }: CatalogueRole, locale: string | undefined): SuggestedRole {
  const lng = matchLocale(locale);
  // Own keys only: a title map comes from the operator's configuration.
  const pick = (key: string | null) => (typeof title !== 'string' && key !== null && Object.hasOwn(title, key) ? title[key] : undefined);
  const words = typeof title === 'string' ? title : (pick(lng) ?? pick('zh-CN') ?? Object.values(title)[0] ?? id);
  return { id, title: words, ...(location ? { location } : {}), ...(applyUrl ? { applyUrl } : {}) };
}

/** `POST /v1/follow-ups` (R25) and `POST /v1/handoffs` (R27). */
export function registerFollowUpRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const interview = db.prepare('SELECT job_type, phone, email, anonymised FROM interviews WHERE interview_id = ?');
  // The request says the candidate's language; an older widget's does not, and the exit may tell it.
  const lastLocale = db.prepare("SELECT locale FROM exits WHERE interview_id = ? AND state = 'done' ORDER BY received_at DESC LIMIT 1");
  const saveFollowUp = db.prepare(`
    INSERT INTO follow_ups (interview_id, candidate_ref, reason_code, kind, status, notification_id, created_at)
    VALUES (@interviewId, @candidateRef, @reasonCode, @kind, @status, @notificationId, @createdAt)`);
  const saveHandoff = db.prepare(`
    INSERT INTO handoffs (ticket_id, interview_id, candidate_ref, topic, message, created_at)
    VALUES (@ticketId, @interviewId, @candidateRef, @topic, @message, @createdAt)`);

  app.post('/v1/follow-ups', async (request) => {
    const { claims, body: raw } = readCandidateMessage(ctx, request, { beacon: false });
    const body = parseBody(FollowUpRequestSchema, raw);
    assertOwns(claims, body.interviewId, body.candidateRef);
    const known = interview.get(body.interviewId) as (ContactRow & { job_type: string }) | undefined;
    let result: FollowUpResult;
    // What HR's record says: `offered` roles went back in this answer; a message is `queued`, and `sent` once delivered.
    let stored: { status: 'offered' | 'queued' | 'skipped'; notificationId: string | null };
    if (body.kind === 'recommend-roles') {
      const roles = ctx.roleCatalogue.filter((role) => !known || role.jobType !== known.job_type).slice(0, SUGGESTIONS);
      const locale = body.locale ?? (lastLocale.get(body.interviewId) as { locale: string } | undefined)?.locale;
      result = { status: roles.length > 0 ? 'sent' : 'skipped', roles: roles.map((role) => suggested(role, locale)) };
      stored = { status: roles.length > 0 ? 'offered' : 'skipped', notificationId: null };
    } else {
      const contact = candidateContact(known);
      result = { status: contact ? 'sent' : 'skipped', roles: [] };
      stored = { status: 'skipped', notificationId: null };
      if (contact) {
        const locale = body.locale ?? (lastLocale.get(body.interviewId) as { locale: string } | undefined)?.locale;
        const { id } = ctx.outbox.enqueue({ kind: 'interview-guide', ...contact, interviewId: body.interviewId, text: ctx.messages.guide(locale) });
        stored = { status: 'queued', notificationId: id };
      }
    }
    const { interviewId, candidateRef, reasonCode, kind } = body;
    saveFollowUp.run({ interviewId, candidateRef, reasonCode, kind, ...stored, createdAt: ctx.now().toISOString() });
    // Only once the row names its message: a delivery that settles first would find nothing to update.
    if (stored.notificationId) ctx.outbox.kick();
    return result;
  });

  app.post('/v1/handoffs', async (request) => {
    const { claims, body: raw } = readCandidateMessage(ctx, request, { beacon: false });
    const body = parseBody(HandoffRequestSchema, raw);
    assertOwns(claims, body.interviewId, body.candidateRef);
    const now = ctx.now();
    const answerBy = isoAt(now, ctx.handoffAnswerMinutes * 60_000);
    const result: HandoffResult = { ticketId: `t-${randomUUID()}`, status: 'queued', answerBy };
    saveHandoff.run({ ...body, ticketId: result.ticketId, createdAt: now.toISOString() });
    return result;
  });
}
