/**
 * The database schema as ordered migrations. A migration, once released, is never edited: a change
 * is a new entry with the next version, so that every existing file reaches the same shape.
 *
 * What is personal (PIPL) and where it lives, so that anonymisation can find all of it:
 * interviews.candidate_name / phone / email, exits.reason_text, handoffs.message, outbox.recipient /
 * text / last_error, challenges.destination_hash / masked_destination, and candidate_ref wherever it
 * links rows to one person. Progress snapshots and reason codes are not personal and stay.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE interviews (
        interview_id     TEXT PRIMARY KEY,
        candidate_ref    TEXT NOT NULL,
        candidate_name   TEXT,
        phone            TEXT,
        email            TEXT,
        job_type         TEXT NOT NULL,
        role_title       TEXT NOT NULL DEFAULT '',
        stage            TEXT,
        -- 1 when HR registered it (POST /v1/interviews); 0 when only a candidate's message named it.
        registered       INTEGER NOT NULL DEFAULT 0,
        request_hash     TEXT,
        token_expires_at TEXT,
        started_at       TEXT NOT NULL,
        status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exited', 'under-review')),
        exited_at        TEXT,
        cooldown_until   TEXT,
        anonymised       INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX interviews_candidate ON interviews (candidate_ref);

      CREATE TABLE exits (
        idempotency_key TEXT PRIMARY KEY,
        -- HMAC of the canonical body: tells a replay from a reused key without keeping the body.
        body_hash       TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('processing', 'done')),
        interview_id    TEXT NOT NULL,
        candidate_ref   TEXT NOT NULL,
        job_type        TEXT NOT NULL,
        stage           TEXT NOT NULL,
        progress_json   TEXT,
        exited_at       TEXT NOT NULL,
        exited_ms       INTEGER NOT NULL,
        time_zone       TEXT NOT NULL,
        locale          TEXT NOT NULL,
        reason_code     TEXT,
        reason_text     TEXT,
        data_choice     TEXT NOT NULL,
        source          TEXT NOT NULL,
        verification    TEXT NOT NULL,
        hr_review       INTEGER NOT NULL,
        review          TEXT NOT NULL CHECK (review IN ('none', 'pending', 'done')),
        received_at     TEXT NOT NULL,
        receipt_json    TEXT,
        anonymised      INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX exits_interview ON exits (interview_id);
      CREATE INDEX exits_time ON exits (exited_ms);

      CREATE TABLE progress (
        interview_id  TEXT PRIMARY KEY,
        snapshot_json TEXT NOT NULL,
        updated_ms    INTEGER NOT NULL,
        saved_at      TEXT NOT NULL
      );

      CREATE TABLE challenges (
        challenge_id       TEXT PRIMARY KEY,
        interview_id       TEXT NOT NULL,
        channel            TEXT NOT NULL,
        -- HMAC of the address: counts sends per address without keeping the address.
        destination_hash   TEXT NOT NULL,
        masked_destination TEXT NOT NULL,
        code_hash          TEXT NOT NULL,
        created_ms         INTEGER NOT NULL,
        expires_ms         INTEGER NOT NULL,
        attempts_left      INTEGER NOT NULL,
        state              TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'locked'))
      );
      CREATE INDEX challenges_interview ON challenges (interview_id, created_ms);
      CREATE INDEX challenges_destination ON challenges (destination_hash, created_ms);

      CREATE TABLE deletion_requests (
        idempotency_key TEXT PRIMARY KEY,
        body_hash       TEXT NOT NULL,
        interview_id    TEXT NOT NULL,
        scope           TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        receipt_json    TEXT NOT NULL
      );

      CREATE TABLE follow_ups (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        interview_id  TEXT NOT NULL,
        candidate_ref TEXT NOT NULL,
        reason_code   TEXT NOT NULL,
        kind          TEXT NOT NULL,
        status        TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      CREATE TABLE handoffs (
        ticket_id     TEXT PRIMARY KEY,
        interview_id  TEXT NOT NULL,
        candidate_ref TEXT NOT NULL,
        topic         TEXT NOT NULL,
        message       TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      CREATE TABLE outbox (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL,
        channel         TEXT NOT NULL,
        recipient       TEXT NOT NULL,
        interview_id    TEXT NOT NULL,
        text            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        next_attempt_ms INTEGER NOT NULL DEFAULT 0,
        -- JSON array of the transports that took it: a retry goes only to the others.
        delivered_to    TEXT NOT NULL DEFAULT '[]',
        delivered_at    TEXT
      );
      CREATE INDEX outbox_pending ON outbox (state, next_attempt_ms);
      CREATE INDEX outbox_interview ON outbox (interview_id);
    `,
  },
  {
    version: 2,
    name: 'exit times judged by the server; new exits rate-limited per interview',
    sql: `
      -- What the device said the exit time was, when the server did not believe it (kept for HR).
      ALTER TABLE exits ADD COLUMN client_exited_at TEXT;
      -- received_at is always the server's own toISOString(): fixed width, so text order is time order.
      CREATE INDEX exits_interview_received ON exits (interview_id, received_at);
    `,
  },
  {
    version: 3,
    name: 'candidates who asked for erasure, by a keyed hash of their reference',
    sql: `
      -- HMAC of the reference (never the reference): new interviews of that candidate are stored erased too.
      CREATE TABLE erased_refs (
        ref_hash TEXT PRIMARY KEY,
        level    INTEGER NOT NULL CHECK (level IN (1, 2))
      );
    `,
  },
  {
    version: 4,
    name: 'exits that ask for a person instead of the AI',
    sql: `
      -- PIPL art. 24: the candidate asks to be interviewed by a person; HR answers it. Not personal data.
      ALTER TABLE exits ADD COLUMN person_requested INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    name: 'exit-intent nudges and what followed them',
    sql: `
      -- R29: one row per nudge shown to a candidate; its outcome only moves on (shown, stayed, help, exited).
      -- Not personal apart from candidate_ref (relinked on deletion like every other table).
      CREATE TABLE nudges (
        id            TEXT PRIMARY KEY,
        interview_id  TEXT NOT NULL,
        candidate_ref TEXT NOT NULL,
        job_type      TEXT NOT NULL,
        stage         TEXT NOT NULL,
        -- What the device said; received_at is the server's own time.
        shown_at      TEXT NOT NULL,
        signals_json  TEXT NOT NULL,
        score         REAL NOT NULL,
        outcome       TEXT NOT NULL CHECK (outcome IN ('shown', 'stayed', 'help', 'exited')),
        exit_key      TEXT,
        received_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX nudges_interview ON nudges (interview_id);
      CREATE INDEX nudges_received ON nudges (received_at);
    `,
  },
  {
    version: 6,
    name: "the labels of a vendor's own reason, as the exit carried them",
    sql: `
      -- JSON object by locale (8 at most, 80 characters each), only for a code that is not built in. Not personal data.
      ALTER TABLE exits ADD COLUMN reason_labels_json TEXT;
    `,
  },
  {
    version: 7,
    name: 'interviews count as started when the candidate begins; exit-rate alerts once per crossing; follow-ups by their notification',
    sql: `
      -- A registered interview is an invitation; it counts in exit rates (R26) once the candidate begins:
      -- a first answer, or an exit. Interviews already stored keep counting as they did.
      ALTER TABLE interviews ADD COLUMN began_at TEXT;
      UPDATE interviews SET began_at = started_at;
      CREATE INDEX interviews_began ON interviews (job_type, began_at);

      -- Where each role's exit rate stands against its alert line, so that HR is told once per crossing.
      CREATE TABLE rate_alerts (
        job_type   TEXT PRIMARY KEY,
        state      TEXT NOT NULL CHECK (state IN ('above', 'below')),
        rate       REAL NOT NULL,
        threshold  REAL NOT NULL,
        exits      INTEGER NOT NULL,
        started    INTEGER NOT NULL,
        changed_at TEXT NOT NULL
      );

      -- The message that carries a follow-up (R25): its status is the message's, sent once delivered.
      ALTER TABLE follow_ups ADD COLUMN notification_id TEXT;
    `,
  },
];
