// What one candidate's client sends must neither freeze HR's report nor mislead it:
// the server judges times by its own clock, refuses what only a forged client sends, and rate-limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HrExitsResponseSchema } from '@ai-interview-exit/core/insights';
import { signInterviewToken } from '@ai-interview-exit/server';
import { HR_TOKEN, SECRET, T0, exitRecord, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

describe("A client's clock is believed only within a bounded skew", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  const stored = (key: string) =>
    rows<{ exited_at: string; exited_ms: number; client_exited_at: string | null; progress_json: string | null }>(
      server.dbPath, 'SELECT exited_at, exited_ms, client_exited_at, progress_json FROM exits WHERE idempotency_key = ?', key,
    )[0]!;

  it('an exit dated far in the past or future is kept at the time the server received it, and the claim is kept for HR', async () => {
    const now = server.clock.now().toISOString();
    for (const claimed of ['1000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z']) {
      const candidate = await registerCandidate(server);
      const record = exitRecord(candidate, { exitedAt: claimed, progress: null });
      const answer = await server.post('/v1/exits', record, candidate.token);
      assert.equal(answer.status, 201, `${claimed}: the exit is never refused`);
      const row = stored(record.idempotencyKey);
      assert.equal(row.exited_at, now, `${claimed}: corrected to the receive time`);
      assert.equal(row.exited_ms, Date.parse(now));
      assert.equal(row.client_exited_at, claimed, `${claimed}: the device's claim is kept`);
      // The replay still gets its stored receipt: the body is the client's, unchanged.
      assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 200);
    }
    const report = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    assert.ok(report.exits.every((e) => e.exitedAt === now));
    assert.ok(report.exits.some((e) => e.clientExitedAt === '9999-12-31T23:59:59.999Z'), 'HR sees what the device said');
    assert.equal(report.insights.overTime.length, 1);
  });

  it('a few minutes ahead and days behind (an exit from an offline outbox) are believed; more ahead is corrected', async () => {
    const now = server.clock.now().getTime();
    const cases = [
      { claimed: now + 4 * MINUTE, kept: true },
      { claimed: now - 6 * DAY_MS, kept: true },
      { claimed: now + 20 * MINUTE, kept: false },
      { claimed: now - 400 * DAY_MS, kept: false },
    ];
    for (const { claimed, kept } of cases) {
      const candidate = await registerCandidate(server);
      const record = exitRecord(candidate, { exitedAt: at(claimed), progress: null });
      assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
      const row = stored(record.idempotencyKey);
      assert.equal(row.exited_at, kept ? at(claimed) : at(now), at(claimed));
      assert.equal(row.client_exited_at, kept ? null : at(claimed));
    }
  });

  it("an exit before its own progress started is kept with the progress's times brought within the exit", async () => {
    const candidate = await registerCandidate(server);
    const exitedAt = server.clock.now().getTime() - MINUTE;
    const progress = { ...exitRecord(candidate).progress!, startedAt: at(exitedAt + 30 * MINUTE), updatedAt: at(exitedAt + 40 * MINUTE) };
    const record = exitRecord(candidate, { exitedAt: at(exitedAt), progress });
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
    const kept = JSON.parse(stored(record.idempotencyKey).progress_json!);
    assert.equal(kept.startedAt, at(exitedAt));
    assert.equal(kept.updatedAt, at(exitedAt));
    assert.equal(kept.answered, progress.answered);
  });

  it("an interview known only from its exit starts when the judged progress says, not in the year 1970", async () => {
    const token = signInterviewToken(SECRET, { interviewId: 'iv-clock-1', candidateRef: 'c-clock-1', expiresInSeconds: 3600, now: server.clock.now() });
    const base = exitRecord({ interviewId: 'iv-clock-1', candidateRef: 'c-clock-1' });
    const progress = { ...base.progress!, startedAt: '1970-01-01T00:00:00.000Z', updatedAt: '1970-01-01T00:10:00.000Z' };
    assert.equal((await server.post('/v1/exits', { ...base, exitedAt: server.clock.now().toISOString(), progress }, token)).status, 201);
    const [interview] = rows<{ started_at: string }>(server.dbPath, "SELECT started_at FROM interviews WHERE interview_id = 'iv-clock-1'");
    assert.ok(Date.parse(interview!.started_at) >= server.clock.now().getTime() - 30 * DAY_MS, interview!.started_at);
  });

  it('a progress snapshot dated in the far future does not lock out the later, true ones', async () => {
    const candidate = await registerCandidate(server);
    const snapshot = exitRecord(candidate).progress!;
    const forged = { ...snapshot, answered: 1, startedAt: '9999-01-01T00:00:00.000Z', updatedAt: '9999-12-31T00:00:00.000Z' };
    assert.equal((await server.post('/v1/progress', forged, candidate.token)).status, 200);
    const [first] = rows<{ updated_ms: number; snapshot_json: string }>(server.dbPath, 'SELECT updated_ms, snapshot_json FROM progress WHERE interview_id = ?', candidate.interviewId);
    assert.ok(first!.updated_ms <= server.clock.now().getTime() + 5 * MINUTE, 'stored within the skew');
    assert.ok(Date.parse(JSON.parse(first!.snapshot_json).startedAt) <= server.clock.now().getTime() + 5 * MINUTE);
    server.clock.advance(10 * MINUTE);
    const now = server.clock.now().toISOString();
    assert.equal((await server.post('/v1/progress', { ...snapshot, answered: 6, startedAt: T0, updatedAt: now }, candidate.token)).status, 200);
    const [second] = rows<{ snapshot_json: string }>(server.dbPath, 'SELECT snapshot_json FROM progress WHERE interview_id = ?', candidate.interviewId);
    assert.equal(JSON.parse(second!.snapshot_json).answered, 6);
  });
});

describe('What only a forged or broken client sends is refused with 400 naming the field; an unknown reason loses nothing', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  const refused = async (patch: (record: ReturnType<typeof exitRecord>) => unknown, field: RegExp) => {
    const candidate = await registerCandidate(server);
    const answer = await server.post('/v1/exits', patch(exitRecord(candidate)), candidate.token);
    assert.equal(answer.status, 400, answer.text);
    assert.equal(answer.json.error.code, 'invalid-request');
    assert.match(answer.json.error.message, field);
  };

  it('a calendar date that does not exist (2026-02-31) is refused, not rolled over to 3 March', async () => {
    await refused((r) => ({ ...r, exitedAt: '2026-02-31T10:00:00.000Z' }), /exitedAt/);
    await refused((r) => ({ ...r, progress: { ...r.progress!, startedAt: '2026-02-29T10:00:00Z' } }), /progress\.startedAt/);
  });

  it('a time zone that does not exist (Mars/Olympus) is refused', async () => {
    await refused((r) => ({ ...r, timeZone: 'Mars/Olympus' }), /timeZone/);
  });

  it('question timings are bounded, each and in number', async () => {
    await refused((r) => ({ ...r, progress: { ...r.progress!, questionSeconds: [1e308, ...r.progress!.questionSeconds.slice(1)] } }), /progress\.questionSeconds/);
    await refused((r) => ({ ...r, progress: { ...r.progress!, total: 10, questionSeconds: Array(11).fill(1) } }), /progress\.questionSeconds/);
  });

  it("a reason code outside the server's policy keeps the exit and its text, without the code, and adds no category", async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate, { reason: { code: 'made-up-reason', text: '家里有事' } });
    const answer = await server.post('/v1/exits', record, candidate.token);
    assert.equal(answer.status, 201);
    const [row] = rows<{ reason_code: string | null; reason_text: string }>(server.dbPath, 'SELECT reason_code, reason_text FROM exits WHERE idempotency_key = ?', record.idempotencyKey);
    assert.deepEqual({ ...row }, { reason_code: null, reason_text: '家里有事' });
    const report = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    assert.ok(!report.insights.reasons.some((r) => r.code === 'made-up-reason'));
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 200, 'the replay matches its first send');
  });
});

describe('New exits are rate-limited per interview; replays still get their receipt', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('past the limit a new exit answers 429 with Retry-After; a known key answers its receipt; later the interview may exit again', async () => {
    const candidate = await registerCandidate(server);
    const accepted = [];
    let limited = null;
    for (let i = 0; i < 50 && !limited; i += 1) {
      const record = exitRecord(candidate);
      const answer = await server.post('/v1/exits', record, candidate.token);
      if (answer.status === 429) limited = answer;
      else {
        assert.equal(answer.status, 201);
        accepted.push({ record, receipt: answer.json });
      }
    }
    assert.ok(limited, 'some new exit was refused');
    assert.equal(accepted.length, 10, 'exactly the limit (10 new exits an hour) goes through: a genuine candidate exiting a few times is never held back');
    assert.equal(limited.json.error.code, 'rate-limited');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 3600, `Retry-After ${wait}`);
    const replay = await server.post('/v1/exits', accepted[0]!.record, candidate.token);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, accepted[0]!.receipt);
    // Another interview is not held back by this one.
    const other = await registerCandidate(server);
    assert.equal((await server.post('/v1/exits', exitRecord(other), other.token)).status, 201);
    server.clock.advance(wait * 1000);
    assert.equal((await server.post('/v1/exits', exitRecord(candidate, { exitedAt: server.clock.now().toISOString() }), candidate.token)).status, 201);
  });
});

describe('HR date filters that are not real dates answer 400', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  for (const query of ['from=2026-99-99', 'from=0000-01-01', 'to=9999-12-31', 'from=2026-02-31', 'to=0000-01-01T00:00:00Z', 'from=9999-12-31T23:59:59Z']) {
    it(query, async () => {
      const answer = await server.get(`/v1/hr/exits?${query}`, HR_TOKEN);
      assert.equal(answer.status, 400, answer.text);
      assert.equal(answer.json.error.code, 'invalid-request');
      assert.match(answer.json.error.message, new RegExp(`query ${query.split('=')[0]}`));
    });
  }
});
