import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Remove a candidate's personal data (R10, PIPL art. 47 and 73) from every table, keeping what is
 * not personal (progress, reason codes, times, job types) for statistics. Covers every interview
 * of that candidate reference, since the request speaks for the person, not one session.
 *
 * `anonymise`: names, contacts, free texts and addresses go. `delete`: also the pseudonymous
 * candidate reference, replaced by a fresh random one per row, so that nothing links the rows to
 * the person or to each other any more.
 *
 * Returns the interviews it covered, so that what left the database (the notification transports'
 * copies) can be erased too. Running it again changes nothing more.
 */
export function anonymiseCandidate(db: Database, input: { interviewId: string; candidateRef: string; scope: 'anonymise' | 'delete' }): string[] {
  const interviewIds = (
    db.prepare(`SELECT interview_id FROM interviews WHERE candidate_ref = @ref
      UNION SELECT interview_id FROM exits WHERE candidate_ref = @ref
      UNION SELECT interview_id FROM follow_ups WHERE candidate_ref = @ref
      UNION SELECT interview_id FROM handoffs WHERE candidate_ref = @ref
      UNION SELECT interview_id FROM nudges WHERE candidate_ref = @ref
      UNION SELECT @id`).all({ ref: input.candidateRef, id: input.interviewId }) as { interview_id: string }[]
  ).map((row) => row.interview_id);
  const fresh = () => `anon-${randomUUID()}`;
  const statements = {
    // anonymised: 1 after `anonymise`, 2 after `delete`, so that a later exit of the same interview is stored the same way.
    interview: db.prepare(`UPDATE interviews SET candidate_name = NULL, phone = NULL, email = NULL, request_hash = NULL,
      anonymised = MAX(anonymised, ${input.scope === 'delete' ? 2 : 1}) WHERE interview_id = ?`),
    exits: db.prepare("UPDATE exits SET reason_text = CASE WHEN reason_text IS NULL THEN NULL ELSE '' END, anonymised = 1 WHERE interview_id = ?"),
    handoffs: db.prepare("UPDATE handoffs SET message = '' WHERE interview_id = ?"),
    // Sent messages held names, reasons and addresses; unsent ones are not sent any more.
    outbox: db.prepare(`UPDATE outbox SET recipient = '', text = '', last_error = NULL,
      state = CASE WHEN state = 'pending' THEN 'cancelled' ELSE state END WHERE interview_id = ?`),
    // The addresses go; that a code was accepted stays, since it backs a `verified` exit still on its way.
    challenges: db.prepare("UPDATE challenges SET destination_hash = '', masked_destination = '' WHERE interview_id = ?"),
  };
  const relink = {
    interview: db.prepare('UPDATE interviews SET candidate_ref = ? WHERE interview_id = ?'),
    exits: db.prepare('SELECT idempotency_key FROM exits WHERE interview_id = ?'),
    exit: db.prepare('UPDATE exits SET candidate_ref = ? WHERE idempotency_key = ?'),
    followUps: db.prepare('SELECT id FROM follow_ups WHERE interview_id = ?'),
    followUp: db.prepare('UPDATE follow_ups SET candidate_ref = ? WHERE id = ?'),
    handoffs: db.prepare('SELECT ticket_id FROM handoffs WHERE interview_id = ?'),
    handoff: db.prepare('UPDATE handoffs SET candidate_ref = ? WHERE ticket_id = ?'),
    nudges: db.prepare('SELECT id FROM nudges WHERE interview_id = ?'),
    nudge: db.prepare('UPDATE nudges SET candidate_ref = ? WHERE id = ?'),
  };

  db.transaction(() => {
    for (const id of interviewIds) {
      for (const statement of Object.values(statements)) statement.run(id);
      if (input.scope !== 'delete') continue;
      relink.interview.run(fresh(), id);
      for (const { idempotency_key } of relink.exits.all(id) as { idempotency_key: string }[]) relink.exit.run(fresh(), idempotency_key);
      for (const { id: rowId } of relink.followUps.all(id) as { id: number }[]) relink.followUp.run(fresh(), rowId);
      for (const { ticket_id } of relink.handoffs.all(id) as { ticket_id: string }[]) relink.handoff.run(fresh(), ticket_id);
      for (const { id: nudgeId } of relink.nudges.all(id) as { id: string }[]) relink.nudge.run(fresh(), nudgeId);
    }
  })();
  return interviewIds;
}
