// HR's report over 10,000 exits, some with hostile dates: its size and time are printed,
// not asserted; what is asserted is the bound that makes them independent of a candidate's dates.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { newUuid } from '@ai-interview-exit/core';
import { HrExitsResponseSchema, OVER_TIME_MAX_DAYS } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, exitRecord, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

const TOTAL = 10_000;
const HOSTILE_DATES = ['1000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2099-12-31T00:00:00.000Z'];
/** Rows written before the server judged times: hostile dates already in the file. */
const LEGACY_DATES = ['1000-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z'];
const FLOOD = 4_000;

/** Write exits straight into the file, as `done`, the way the route stores them: quick, and no rate limit applies. */
function insertExits(dbPath: string, count: number, at: (i: number) => { exitedAt: string; candidateRef: string; code: string }) {
  const db = new BetterSqlite3(dbPath);
  try {
    const insert = db.prepare(`INSERT INTO exits (idempotency_key, body_hash, state, interview_id, candidate_ref, job_type, stage, progress_json,
      exited_at, exited_ms, time_zone, locale, reason_code, reason_text, data_choice, source, verification, hr_review, review, received_at, receipt_json)
      VALUES (?, 'bulk', 'done', ?, ?, 'frontline', 'professional', NULL, ?, ?, 'Asia/Shanghai', 'zh-CN', ?, '', 'keep', 'button', 'not-required', 0, 'none', ?, '{}')`);
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const { exitedAt, candidateRef, code } = at(i);
        insert.run(newUuid(), `iv-bulk-${i}`, candidateRef, exitedAt, Date.parse(exitedAt), code, exitedAt);
      }
    })();
  } finally {
    db.close();
  }
}

describe("HR's report at 10,000 exits with hostile dates", () => {
  let server: TestServer;
  const posted: string[] = [];
  before(async () => {
    server = await startServer();
    // The hostile ones through the endpoint, as a candidate would send them.
    for (const exitedAt of HOSTILE_DATES) {
      const candidate = await registerCandidate(server);
      const record = exitRecord(candidate, { exitedAt, progress: null });
      assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
      posted.push(record.idempotencyKey);
    }
    const now = server.clock.now().getTime();
    const bulk = TOTAL - HOSTILE_DATES.length;
    insertExits(server.dbPath, bulk, (i) => {
      if (i < LEGACY_DATES.length) return { exitedAt: LEGACY_DATES[i]!, candidateRef: 'c-legacy', code: 'other' };
      // One candidate's flood of "emergency" exits, the rest spread over the last 90 days.
      if (i < LEGACY_DATES.length + FLOOD) return { exitedAt: new Date(now - i * 600_000).toISOString(), candidateRef: 'c-flood', code: 'emergency' };
      return { exitedAt: new Date(now - (i % 90) * 86_400_000 - i * 1000).toISOString(), candidateRef: `c-${i}`, code: 'not-interested' };
    });
  });
  after(() => server.cleanup());

  it('answers with every exit, a bounded over-time series, and the hostile dates stored within the window', async () => {
    const started = performance.now();
    const answer = await server.get('/v1/hr/exits', HR_TOKEN);
    const ms = performance.now() - started;
    assert.equal(answer.status, 200);
    const report = HrExitsResponseSchema.parse(answer.json);
    console.log(`HR report: ${report.exits.length} exits, ${(answer.text.length / 1e6).toFixed(2)} MB, ${ms.toFixed(0)} ms, ${report.insights.overTime.length} days over time`);

    assert.equal(report.insights.total, TOTAL);
    assert.ok(report.insights.overTime.length <= OVER_TIME_MAX_DAYS, `${report.insights.overTime.length} days`);
    const now = server.clock.now().toISOString();
    const tomorrow = new Date(Date.parse(now) + 86_400_000).toISOString().slice(0, 10);
    assert.ok(report.insights.overTime.at(-1)!.date <= tomorrow, 'a date stored in the year 9999 does not move the series there');
    const stored = rows<{ exited_at: string }>(server.dbPath, `SELECT exited_at FROM exits WHERE idempotency_key IN (${posted.map(() => '?').join(',')})`, ...posted);
    assert.deepEqual(stored.map((r) => r.exited_at), posted.map(() => now), 'what a candidate sent is stored at the receive time');
    // The flood's flags are right, computed from an index of its history rather than a scan per exit.
    const floodFlags = report.exits.filter((e) => e.candidateRef === 'c-flood').map((e) => report.insights.flags[e.idempotencyKey]);
    assert.equal(floodFlags.filter((f) => f?.some((flag) => flag.rule === 'repeated-reason')).length, FLOOD - 1, 'every emergency after the first');
  });
});
